// `radar list milestones|meetings|priorities|gaps|projects`: one table, or --json.
import type { Context } from '../../context/context';
import { inTheNextDays, loadForCommand } from '../../context/load';
import { DEFAULT_DAYS, type ListWhat } from '../../context/options';
import { renderTextTable } from '../../text/text-table';
import { gapCells } from '../../views/cells';
import { liaisonGaps } from '../../views/gaps';
import { envelope, gapJson, meetingJson, milestoneJson, priorityJson } from '../../views/json-items';
import { upcomingOccurrences } from '../../views/meetings';
import { milestonesInView } from '../../views/milestones';
import { prioritiesInView } from '../../views/priorities';
import { projectsInView } from '../../views/projects';
import { lazyMap, writeJsonEnvelope, writeLines } from './streams';
import { meetingTable, milestoneTable, paintFor, priorityTable, projectTable, tableWidth } from './tables';

export async function runList(given: Context, what: ListWhat): Promise<number> {
  const started = await loadForCommand(given);
  if ('exit' in started) return started.exit;
  const { loaded, code, context } = started;
  const { schedule, reports } = loaded;
  const { now, zone, filter, options } = context;
  const paint = paintFor(context);
  const out = (lines: string[]) => writeLines(context.io.stdout, lines);
  const json = (items: Iterable<unknown>) => {
    const { items: _, ...head } = envelope(now, zone, reports, 'items', []);
    writeJsonEnvelope(context.io.stdout, head, 'items', items);
  };

  const maxWidth = tableWidth(context);
  if (what === 'meetings') {
    const occurrences = upcomingOccurrences(schedule, now, options.days ?? DEFAULT_DAYS.meetings, filter);
    if (options.json) json(lazyMap(occurrences, (occurrence) => meetingJson(occurrence, zone)));
    else out(occurrences.length === 0 ? [`No meetings in ${inTheNextDays(options.days ?? DEFAULT_DAYS.meetings)}.`] : meetingTable(occurrences, context, paint, maxWidth));
  } else if (what === 'milestones') {
    const rows = milestonesInView(schedule, { now, days: options.days ?? DEFAULT_DAYS.milestones, all: options.all, filter });
    if (options.json) json(lazyMap(rows, (row) => milestoneJson(row, now)));
    else out(rows.length === 0 ? ['No milestones in view.'] : milestoneTable(rows, context, paint, maxWidth, true));
  } else if (what === 'priorities') {
    const priorities = prioritiesInView(schedule, options.all, filter);
    if (options.json) json(lazyMap(priorities, priorityJson));
    else out(priorities.length === 0 ? ['No open priorities.'] : priorityTable(priorities, paint, maxWidth));
  } else if (what === 'projects') {
    const projects = projectsInView(schedule, filter);
    if (options.json) json(projects);
    else out(projects.length === 0 ? ['No projects.'] : projectTable(projects, paint, maxWidth));
  } else {
    const gaps = liaisonGaps(schedule, filter);
    if (options.json) json(lazyMap(gaps, gapJson));
    else
      out(
        gaps.length === 0
          ? ['No liaison gaps.']
          : renderTextTable(
              gaps.map(gapCells),
              [
                { header: 'Project', value: (c) => c.project },
                { header: 'Missing liaison', value: (c) => c.role, flexible: true },
              ],
              paint,
              maxWidth,
            ),
      );
  }
  return code;
}
