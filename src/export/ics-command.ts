// `radar export ics [-o file]`: the meetings and milestones in view as an iCalendar file.
import type { Context } from '../cli/context';
import { DEFAULT_DAYS, EXIT, load } from '../cli/run-load';
import { loadExitCode, writeOutput } from './command-output';
import { scheduleToIcs } from './ics';

export async function runExportIcs(context: Context): Promise<number> {
  const loaded = await load(context);
  const code = loadExitCode(context, loaded);
  // An empty calendar written over a good one would empty every subscriber's calendar.
  if (code === EXIT.nothingLoaded) return code;
  const { options } = context;
  const calendar = scheduleToIcs(loaded.schedule, {
    now: context.now,
    meetingDays: options.days ?? DEFAULT_DAYS.meetings,
    milestoneDays: options.days ?? DEFAULT_DAYS.milestones,
    all: options.all,
    filter: context.filter,
  });
  const problem = writeOutput(context, calendar);
  if (problem !== null) {
    context.io.stderr(`radar: ${problem}\n`);
    return EXIT.usage;
  }
  return code;
}
