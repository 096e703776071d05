// The non-interactive commands: list, next, validate and --once. Each turns a loaded schedule
// into text or JSON through the same selectors the dashboard uses.
import { formatDiagnostic, type Diagnostic, type Priority } from '../model/types';
import { gapCells, meetingCells, milestoneCells, priorityCells, type MilestoneCells } from '../views/cells';
import { liaisonGaps } from '../views/gaps';
import { envelope, gapJson, meetingJson, milestoneJson, priorityJson } from '../views/json-items';
import { upcomingOccurrences, type Occurrence } from '../views/meetings';
import { milestonesInView, type MilestoneRow } from '../views/milestones';
import { prioritiesInView } from '../views/priorities';
import type { ListWhat } from './args';
import type { Context } from './context';
import { DEFAULT_DAYS, EXIT, load, reportLoad, urgency } from './run-load';
import { colorWanted, makePaint, type Paint } from './paint';
import { renderTextTable, type TextColumn } from './text-table';

function paintFor(context: Context): Paint {
  return makePaint(colorWanted(context.options.color, context.io.stdoutIsTty, context.io.env));
}

function width(context: Context): number | null {
  return context.io.stdoutIsTty ? (context.io.columns ?? 100) : null;
}

export async function runList(context: Context, what: ListWhat): Promise<number> {
  const loaded = await load(context);
  const code = reportLoad(context, loaded);
  const { schedule, reports } = loaded;
  const { now, zone, filter, options } = context;
  const paint = paintFor(context);
  const out = (lines: string[]) => context.io.stdout(`${lines.join('\n')}\n`);
  const json = (value: unknown) => context.io.stdout(`${JSON.stringify(value, null, 2)}\n`);

  const maxWidth = width(context);
  if (what === 'meetings') {
    const occurrences = upcomingOccurrences(schedule, now, options.days ?? DEFAULT_DAYS.meetings, filter);
    if (options.json) json(envelope(now, zone, reports, 'items', occurrences.map((occurrence) => meetingJson(occurrence, zone))));
    else out(occurrences.length === 0 ? [`No meetings in the next ${options.days ?? DEFAULT_DAYS.meetings} days.`] : meetingTable(occurrences, context, paint, maxWidth));
  } else if (what === 'milestones') {
    const rows = milestonesInView(schedule, { now, days: options.days ?? DEFAULT_DAYS.milestones, all: options.all, filter });
    if (options.json) json(envelope(now, zone, reports, 'items', rows.map((row) => milestoneJson(row, now))));
    else out(rows.length === 0 ? ['No milestones in view.'] : milestoneTable(rows, context, paint, maxWidth, true));
  } else if (what === 'priorities') {
    const priorities = prioritiesInView(schedule, options.all, filter);
    if (options.json) json(envelope(now, zone, reports, 'items', priorities.map(priorityJson)));
    else out(priorities.length === 0 ? ['No open priorities.'] : priorityTable(priorities, paint, maxWidth));
  } else {
    const gaps = liaisonGaps(schedule, filter);
    if (options.json) json(envelope(now, zone, reports, 'items', gaps.map(gapJson)));
    else out(gaps.length === 0 ? ['No liaison gaps.'] : renderTextTable(gaps.map(gapCells), [{ header: 'Project', value: (c) => c.project }, { header: 'Missing liaison', value: (c) => c.role, flexible: true }], paint, maxWidth));
  }
  return code;
}

/** The text tables of `radar list` and `--once`: the same columns in both. */
export function meetingTable(occurrences: readonly Occurrence[], context: Context, paint: Paint, maxWidth: number | null): string[] {
  const rows = occurrences.map((occurrence) => ({ occurrence, cells: meetingCells(occurrence, context.zone, context.now, context.workHours) }));
  return renderTextTable(
    rows,
    [
      // ☾ marks a meeting outside the user's work hours: "that's 10pm for me".
      { header: 'When', value: ({ cells }) => (cells.offHours ? `${cells.when} ☾` : cells.when), style: ({ cells }) => (cells.offHours ? 'dim' : null) },
      { header: 'Own zone', value: ({ cells }) => cells.own },
      { header: 'Countdown', value: ({ cells }) => cells.countdown, style: ({ occurrence }) => (occurrence.skipped ? 'dim' : urgency(occurrence.start - context.now)) },
      { header: 'Meeting', value: ({ cells }) => cells.title, flexible: true, style: ({ occurrence }) => (occurrence.skipped ? 'dim' : null) },
      { header: 'Where', value: ({ cells }) => cells.where },
      { header: 'Note', value: ({ cells }) => cells.note, style: () => 'yellow' },
    ],
    paint,
    maxWidth,
  );
}

export function milestoneTable(rows: readonly MilestoneRow[], context: Context, paint: Paint, maxWidth: number | null, detailed: boolean): string[] {
  const columns: TextColumn<{ row: MilestoneRow; cells: MilestoneCells }>[] = [
    { header: 'Milestone', value: ({ cells }) => cells.title, flexible: true, style: ({ row }) => (row.past && !row.current ? 'dim' : null) },
    { header: 'When', value: ({ cells }) => cells.window },
    { header: 'Week', value: ({ cells }) => cells.week },
    { header: 'Countdown', value: ({ cells }) => cells.countdown, style: ({ row }) => urgency(row.milestone.start - context.now) },
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
      { header: 'Status', value: (c) => c.status, style: (c) => (c.status === 'no plan' || c.status === 'blocked' ? 'red' : null) },
      { header: 'Owner', value: (c) => c.owner, style: (c) => (c.owner === 'needs owner' ? 'yellow' : null) },
    ],
    paint,
    maxWidth,
  );
}

export async function runValidate(context: Context): Promise<number> {
  const loaded = await load(context);
  const paint = paintFor(context);
  const diagnostics: Diagnostic[] = loaded.diagnostics;
  for (const diagnostic of diagnostics) {
    context.io.stdout(
      diagnostic.severity === 'error'
        ? `${paint(formatDiagnostic(diagnostic), 'red')}\n`
        : `${paint(formatDiagnostic({ ...diagnostic, message: `warning: ${diagnostic.message}` }), 'yellow')}\n`,
    );
  }
  // Folders and unreadable sources report errors that are not diagnostics of a parsed text.
  const located = new Set(diagnostics.map(formatDiagnostic));
  for (const report of loaded.reports) {
    for (const error of report.errors) if (!located.has(error)) context.io.stdout(`${paint(error, 'red')}\n`);
  }
  const errors = loaded.reports.reduce((sum, report) => sum + report.errors.length, 0);
  const warnings = loaded.reports.reduce((sum, report) => sum + report.warnings.length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = `${plural(loaded.reports.length, 'source')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  context.io.stdout(`${errors > 0 ? paint(summary, 'red') : paint(summary, 'green')}\n`);
  return errors > 0 ? EXIT.sourceErrors : EXIT.ok;
}
