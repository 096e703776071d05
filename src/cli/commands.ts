// The non-interactive commands: list, next, validate and --once. Each turns a loaded schedule
// into text or JSON through the same selectors the dashboard uses.
import { formatDiagnostic, type Diagnostic, type Priority } from '../model/types';
import { loadSources, type LoadResult } from '../load/load-sources';
import { instantToZoned, zoneAbbreviation } from '../time/zoned';
import { formatCountdown } from '../time/countdown';
import { gapCells, meetingCells, milestoneCells, priorityCells, type MilestoneCells } from '../views/cells';
import { liaisonGaps } from '../views/gaps';
import { envelope, gapJson, meetingJson, milestoneJson, nextJson, priorityJson } from '../views/json-items';
import { nextOccurrence, upcomingOccurrences, type Occurrence } from '../views/meetings';
import { milestonesInView, type MilestoneRow } from '../views/milestones';
import { prioritiesInView } from '../views/priorities';
import type { ListWhat } from './args';
import type { Context } from './context';
import { colorWanted, makePaint, type Paint } from './paint';
import { renderTextTable, type TextColumn } from './text-table';

export const EXIT = { ok: 0, sourceErrors: 1, usage: 2, nothingLoaded: 3 } as const;

export const DEFAULT_DAYS = { meetings: 14, milestones: 180 } as const;

export async function load(context: Context, offline = context.options.offline): Promise<LoadResult> {
  return loadSources(context.sources, {
    offline,
    cacheDir: context.cacheDir,
    now: context.io.clock,
    readStdin: context.io.readStdin,
  });
}

/** 3 when nothing loaded, 1 when some source has errors, else 0; errors go to stderr. */
export function reportLoad(context: Context, loaded: LoadResult): number {
  for (const report of loaded.reports) for (const error of report.errors) context.io.stderr(`${error}\n`);
  if (loaded.reports.every((report) => report.status === 'failed')) return EXIT.nothingLoaded;
  return loaded.reports.some((report) => report.errors.length > 0) ? EXIT.sourceErrors : EXIT.ok;
}

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

/** Red under an hour, yellow under a day, dim once past. */
export function urgency(milliseconds: number): 'red' | 'yellow' | 'dim' | null {
  if (milliseconds < 0) return 'dim';
  if (milliseconds < 3_600_000) return 'red';
  if (milliseconds < 86_400_000) return 'yellow';
  return null;
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

/**
 * One line for a status bar: "Nova team meeting in 1h 15m — Thu 22:00 BST (21:00 UTC)
 * #openstack-meeting".
 */
export function nextLine(occurrence: Occurrence, zone: string, now: number): string {
  const start = instantToZoned(occurrence.start, zone);
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][start.weekday - 1];
  const local = `${day} ${start.time} ${zoneAbbreviation(occurrence.start, zone)}`;
  const ownZone = occurrence.meeting.zone;
  const ownClock = `${instantToZoned(occurrence.start, ownZone).time} ${zoneAbbreviation(occurrence.start, ownZone)}`;
  const seconds = Math.floor((occurrence.start - now) / 1000);
  const when = seconds > 0 ? `in ${formatCountdown(seconds)}` : `now (started ${seconds > -60 ? 'just now' : `${formatCountdown(seconds)} ago`})`;
  const own = ownClock === `${start.time} ${zoneAbbreviation(occurrence.start, zone)}` ? '' : ` (${ownClock})`;
  const where = occurrence.where === null ? '' : ` ${occurrence.where}`;
  return `${occurrence.meeting.title} ${when} — ${local}${own}${where}`;
}

export async function runNext(context: Context): Promise<number> {
  const loaded = await load(context);
  const code = reportLoad(context, loaded);
  const days = context.options.days ?? DEFAULT_DAYS.meetings;
  const next = nextOccurrence(loaded.schedule, context.now, days, context.filter);
  if (context.options.json) {
    const item = next === null ? null : nextJson(next, context.zone, context.now);
    context.io.stdout(`${JSON.stringify(envelope(context.now, context.zone, loaded.reports, 'item', item), null, 2)}\n`);
  } else {
    context.io.stdout(next === null ? `No meeting in the next ${days} days\n` : `${nextLine(next, context.zone, context.now)}\n`);
  }
  return code;
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
