// The text tables `radar list` and `radar --once` share: the same columns in both, from the
// same cells the dashboard shows.
import type { Priority } from '../../model/types';
import { renderTextTable, type TextColumn } from '../../text/text-table';
import { colorWanted, makePaint, urgencyRole, type Paint } from '../../text/paint';
import type { Context } from '../../context/context';
import { meetingCells, milestoneCells, priorityCells, type MilestoneCells } from '../../views/cells';
import type { Occurrence } from '../../views/meetings';
import type { MilestoneRow } from '../../views/milestones';
import type { ProjectRow } from '../../views/projects';
import { urgency } from '../../views/urgency';

export function paintFor(context: Context): Paint {
  return makePaint(colorWanted(context.options.color, context.io.stdoutIsTty, context.io.env));
}

export function tableWidth(context: Context): number | null {
  return context.io.stdoutIsTty ? (context.io.columns ?? 100) : null;
}

export function meetingTable(occurrences: readonly Occurrence[], context: Context, paint: Paint, maxWidth: number | null): string[] {
  const rows = occurrences.map((occurrence) => ({ occurrence, cells: meetingCells(occurrence, context.zone, context.now, { hours: context.workHours, zone: context.homeZone }) }));
  return renderTextTable(
    rows,
    [
      // ☾ marks a meeting outside the user's work hours: "that's 10pm for me"; ⚠ a note (a skip's
      // reason, ISO week 53), which a narrow terminal may have no room left to show.
      {
        header: 'When',
        value: ({ cells }) => `${cells.when}${cells.offHours ? ' ☾' : ''}${cells.note === '' ? '' : ' ⚠'}`,
        style: ({ cells }) => (cells.offHours ? 'offHours' : null),
      },
      { header: 'Own zone', value: ({ cells }) => cells.own },
      { header: 'Countdown', value: ({ cells }) => cells.countdown, style: ({ occurrence }) => (occurrence.skipped ? 'past' : urgencyRole(urgency(occurrence.start - context.now))) },
      { header: 'Meeting', value: ({ cells }) => cells.title, flexible: true, style: ({ occurrence }) => (occurrence.skipped ? 'past' : null) },
      { header: 'Where', value: ({ cells }) => cells.where },
      { header: 'Note', value: ({ cells }) => cells.note, style: () => 'warning' },
    ],
    paint,
    maxWidth,
  );
}

export function milestoneTable(rows: readonly MilestoneRow[], context: Context, paint: Paint, maxWidth: number | null, detailed: boolean): string[] {
  const columns: TextColumn<{ row: MilestoneRow; cells: MilestoneCells }>[] = [
    {
      header: 'Milestone',
      value: ({ cells }) => cells.title,
      flexible: true,
      style: ({ row, cells }) => (row.past && !row.current ? 'past' : cells.endOfLife ? 'endOfLife' : null),
    },
    { header: 'When', value: ({ cells }) => cells.window },
    { header: 'Week', value: ({ cells }) => cells.week },
    { header: 'Countdown', value: ({ cells }) => cells.countdown, style: ({ row }) => urgencyRole(urgency(row.milestone.start - context.now)) },
  ];
  if (detailed) columns.push({ header: 'Kind', value: ({ cells }) => cells.kind }, { header: 'Project', value: ({ cells }) => cells.project });
  return renderTextTable(
    rows.map((row) => ({ row, cells: milestoneCells(row, context.zone, context.now) })),
    columns,
    paint,
    maxWidth,
  );
}

export function priorityTable(priorities: readonly Priority[], paint: Paint, maxWidth: number | null): string[] {
  return renderTextTable(
    priorities.map(priorityCells),
    [
      { header: '#', value: (c) => c.rank, align: 'right' },
      { header: 'Priority', value: (c) => c.title, flexible: true },
      { header: 'Project', value: (c) => c.project },
      { header: 'Status', value: (c) => c.status, style: (c) => (c.status === 'no plan' || c.status === 'blocked' ? 'alarm' : null) },
      { header: 'Owner', value: (c) => c.owner, style: (c) => (c.owner === 'needs owner' ? 'warning' : null) },
    ],
    paint,
    maxWidth,
  );
}

/** `radar list projects`: the liaisons named per role, and the gaps counted. */
export function projectTable(projects: readonly ProjectRow[], paint: Paint, maxWidth: number | null): string[] {
  const liaisonText = (project: ProjectRow) =>
    Object.entries(project.liaisons)
      .filter(([, persons]) => persons.length > 0)
      .map(([role, persons]) => `${role}: ${persons.join(', ')}`)
      .join('; ');
  return renderTextTable(
    [...projects],
    [
      { header: 'Project', value: (project) => project.id },
      { header: 'Name', value: (project) => project.name },
      { header: 'Gaps', value: (project) => String(project.gaps), align: 'right', style: (project) => (project.gaps > 0 ? 'warning' : null) },
      { header: 'Liaisons', value: liaisonText, flexible: true },
    ],
    paint,
    maxWidth,
  );
}
