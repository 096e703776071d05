// `radar export ics [-o file]`: the meetings and milestones in view as an iCalendar file.
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { loadForCommand } from '../../context/load';
import { DEFAULT_DAYS } from '../../context/options';
import { scheduleToIcs } from '../../export/ics';
import { writeOutput } from './output';

export async function runExportIcs(given: Context): Promise<number> {
  // An empty calendar written over a good one would empty every subscriber's calendar.
  const started = await loadForCommand(given, { stopWhenNothingLoaded: true });
  if ('exit' in started) return started.exit;
  const { loaded, code, context } = started;
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
