// `radar --once`: the dashboard's header and four panes as plain text, for scripts, pipes and
// terminals where an interactive app makes no sense.
import type { LoadResult } from '../../load/load-sources';
import { sameZone } from '../../time/zoned';
import { clockText, gapCells, nextLine } from '../../views/cells';
import { groupGaps, liaisonGaps } from '../../views/gaps';
import { nextOccurrence, upcomingOccurrences } from '../../views/meetings';
import { milestonesInView } from '../../views/milestones';
import { prioritiesInView } from '../../views/priorities';
import { sourceStateText } from '../../views/source-state';
import { urgency } from '../../views/urgency';
import type { Context } from '../../context/context';
import { loadForCommand } from '../../context/load';
import { DEFAULT_DAYS } from '../../context/options';
import { urgencyRole } from '../../text/paint';
import { meetingTable, milestoneTable, paintFor, priorityTable, tableWidth } from './tables';
import { writeLines } from './streams';

export async function runOnce(given: Context): Promise<number> {
  const started = await loadForCommand(given);
  if ('exit' in started) return started.exit;
  writeLines(given.io.stdout, onceText(started.context, started.loaded));
  return started.code;
}

export function onceText(context: Context, loaded: LoadResult): string[] {
  const { now, zone, filter, options } = context;
  const { schedule } = loaded;
  const paint = paintFor(context);
  const maxWidth = tableWidth(context);
  const lines: string[] = [];

  // The zone's name too, unless it is UTC: then the time has said it.
  const zoneName = sameZone(zone, 'UTC') ? '' : `  ${paint(zone, 'muted')}`;
  lines.push(`${paint(`${schedule.name ?? 'release-radar'}`, 'strong')}  ${clockText(now, zone)}${zoneName}`);
  const next = nextOccurrence(schedule, now, options.days ?? DEFAULT_DAYS.meetings, filter);
  lines.push(next === null ? 'Next meeting: none in view' : `Next: ${paint(nextLine(next, zone, now), urgencyRole(urgency(next.start - now)))}`);
  if (filter.projects.length > 0) lines.push(`Projects: ${filter.projects.join(', ')}`);
  lines.push(`Sources: ${loaded.reports.map((report) => sourceStateText(report, context.io.clock())).join('; ')}`);

  const section = (title: string, count: number, body: string[]) => {
    lines.push('', paint(`${title} (${count})`, 'title'), ...body.map((line) => `  ${line}`));
  };

  const milestones = milestonesInView(schedule, { now, days: options.days ?? DEFAULT_DAYS.milestones, all: options.all, filter });
  const width = maxWidth === null ? null : maxWidth - 2;
  section('Milestones', milestones.length, milestones.length === 0 ? ['none in view'] : milestoneTable(milestones, context, paint, width, false));
  const occurrences = upcomingOccurrences(schedule, now, options.days ?? DEFAULT_DAYS.meetings, filter);
  section('Meetings', occurrences.length, occurrences.length === 0 ? ['none in view'] : meetingTable(occurrences, context, paint, width));
  const priorities = prioritiesInView(schedule, options.all, filter);
  section('Priorities', priorities.length, priorities.length === 0 ? ['none open'] : priorityTable(priorities, paint, width));

  const gaps = liaisonGaps(schedule, filter);
  // One line per project, as the pane groups them.
  const byProject: string[] = [];
  for (const row of groupGaps(gaps)) {
    if (row.first) byProject.push(`${paint(gapCells(row.gap).project, 'strong')}: ${row.gap.roleName}`);
    else byProject[byProject.length - 1] += `, ${row.gap.roleName}`;
  }
  section('Liaison gaps', gaps.length, gaps.length === 0 ? ['none'] : byProject);
  return lines;
}
