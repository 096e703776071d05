// `radar export ics [-o file]`: the meetings and milestones in view as an iCalendar file.
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { checkProjectIds, load, reportLoad } from '../../context/load';
import { DEFAULT_DAYS } from '../../context/options';
import { scheduleToIcs } from '../../export/ics';
import { writeOutput } from './output';

export async function runExportIcs(given: Context): Promise<number> {
  const loaded = await load(given);
  const code = reportLoad(given, loaded);
  // An empty calendar written over a good one would empty every subscriber's calendar.
  if (code === EXIT.nothingLoaded) return code;
  const checked = checkProjectIds(given, loaded);
  if ('exit' in checked) return checked.exit;
  const { context } = checked;
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
