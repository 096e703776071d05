// What the adapters for other communities' published release data share (Node.js
// schedule.json, Python release-cycle.json and python-releases.json, Kubernetes
// schedule.yaml, OpenStack series_status.yaml): their dates, read leniently and located; one
// cycle per line, branch or series; and milestones with ids unique in the document.
import { addDays, civilDateFromParts, daysInMonth } from '../../time/civil';
import type { MilestoneKind } from '../../model/types';
import { startAdaptation, type Report } from './origin-map';
import { civilDateFromValue, describeValue, isRecord } from './source-values';
import type { AdapterOutput, DocPath } from './types';

/** A published date: a day, or a whole month when only the month is known (`2031-10`). */
export interface PublishedDate {
  first: string;
  /** The last day of a month-only date; null for a single day. */
  last: string | null;
  /** For a month-only date, what its notes say: "…known to the month only: October 2031". */
  precisionNote: string | null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What these files write for "no date (yet)": Kubernetes' `cherryPickDeadline: N/A`, an empty string. */
const NO_DATE = new Set(['', 'n/a', 'tbd', 'tba', 'none', '-']);

export type DateReading = { state: 'absent' } | { state: 'bad'; found: string } | { state: 'date'; date: PublishedDate };

/** Reads `YYYY-MM-DD` (string, or a Date from a YAML 1.1 timestamp) or a month-only `YYYY-MM`. */
export function readPublishedDate(value: unknown): DateReading {
  if (value === undefined || value === null) return { state: 'absent' };
  if (typeof value === 'string' && NO_DATE.has(value.trim().toLowerCase())) return { state: 'absent' };
  const day = civilDateFromValue(value);
  if (day !== null) return { state: 'date', date: { first: day, last: null, precisionNote: null } };
  const month = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value.trim()) : null;
  if (month !== null) {
    const year = Number(month[1]);
    const monthNumber = Number(month[2]);
    if (monthNumber >= 1 && monthNumber <= 12) {
      const first = civilDateFromParts(year, monthNumber, 1);
      const last = addDays(first, daysInMonth(year, monthNumber) - 1);
      const name = `${MONTH_NAMES[monthNumber - 1]} ${year}`;
      return { state: 'date', date: { first, last, precisionNote: `The date is known to the month only: some day in ${name}.` } };
    }
  }
  return { state: 'bad', found: describeValue(value) };
}

const DATE_FORMAT = 'YYYY-MM-DD, or YYYY-MM for a month';

/** An id from published text: lower case, dots kept (`3.15.0`, `v0.12`), other runs → `-`. */
export function idFromText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** A string from a name written as text or, unquoted in YAML, as a number. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export interface DatedItem {
  /** Base of the id; made unique in the document with -2, -3 … */
  id: string;
  title: string;
  kind: MilestoneKind;
  date: PublishedDate;
  /** Where the item and its date are in the original file. */
  origin: DocPath;
  dateOrigin: DocPath;
  cycle?: string | null;
  project?: string;
  url?: string | null;
  notes?: readonly (string | null | undefined)[];
}

export interface CycleDraft {
  id: string;
  name: string;
  release: string;
  start?: string | null;
  origin: DocPath;
  releaseOrigin: DocPath;
  startOrigin?: DocPath | null;
}

/**
 * An adaptation that collects cycles and milestones. Problems with dates are warnings: the
 * item is left out (or, for a cycle's release day, the cycle) and the rest of the file loads.
 */
export function startReleaseData() {
  const adaptation = startAdaptation();
  const { warning, origins, document } = adaptation;
  const cycles: Record<string, unknown>[] = [];
  const milestones: Record<string, unknown>[] = [];
  const milestoneIds = new Set<string>();
  const cycleIds = new Set<string>();

  const unique = (base: string, used: Set<string>): string => {
    let id = base;
    for (let count = 2; used.has(id); count += 1) id = `${base}-${count}`;
    used.add(id);
    return id;
  };

  /**
   * The date at `record[key]`, or null when it is absent or bad (a bad one is reported as a
   * warning at its place, saying what is left out).
   */
  const dateAt = (record: Record<string, unknown>, key: string, path: DocPath, leftOut: string): PublishedDate | null => {
    const reading = readPublishedDate(record[key]);
    if (reading.state === 'bad') warning([...path, key], `${reading.found} is not a date (${DATE_FORMAT}); ${leftOut}`);
    return reading.state === 'date' ? reading.date : null;
  };

  const addCycle = (draft: CycleDraft): string => {
    const id = unique(draft.id, cycleIds);
    const index = cycles.length;
    const cycle: Record<string, unknown> = { id, name: draft.name, release: draft.release };
    origins.link(['cycles', index], draft.origin);
    origins.link(['cycles', index, 'release'], draft.releaseOrigin);
    if (draft.start !== undefined && draft.start !== null) {
      cycle.start = draft.start;
      origins.link(['cycles', index, 'start'], draft.startOrigin ?? draft.origin);
    }
    cycles.push(cycle);
    return id;
  };

  const addMilestone = (item: DatedItem): void => {
    const index = milestones.length;
    const milestone: Record<string, unknown> = {
      id: unique(item.id, milestoneIds),
      title: item.title,
      date: item.date.first,
      kind: item.kind,
    };
    if (item.date.last !== null) milestone.end = item.date.last;
    if (item.cycle !== undefined && item.cycle !== null) milestone.cycle = item.cycle;
    if (item.project !== undefined) milestone.project = item.project;
    if (item.url !== undefined && item.url !== null) milestone.url = item.url;
    const notes = [item.date.precisionNote, ...(item.notes ?? [])].filter((note): note is string => typeof note === 'string' && note.trim() !== '');
    if (notes.length > 0) milestone.notes = notes.join(' ');
    origins.link(['milestones', index], item.origin);
    origins.link(['milestones', index, 'date'], item.dateOrigin);
    origins.link(['milestones', index, 'end'], item.dateOrigin);
    milestones.push(milestone);
  };

  const output = (): AdapterOutput => {
    if (cycles.length > 0) document.cycles = cycles;
    if (milestones.length > 0) document.milestones = milestones;
    return adaptation.output();
  };

  return { ...adaptation, dateAt, addCycle, addMilestone, output };
}

export type ReleaseData = ReturnType<typeof startReleaseData>;

/**
 * A line, branch or series whose release day is unknown has no cycle (format v1 requires a
 * cycle's `release`): its other dates are still milestones, shown without an R-n week.
 */
export function noCycleWarning(warning: Report, path: DocPath, key: string, what: string): void {
  warning(path, `has no ${key} (${what}): it is shown without a cycle`);
}

/** Entries of a mapping or list that are not mappings are left out with a warning. */
export function recordOrWarn(entry: unknown, path: DocPath, what: string, warning: Report): entry is Record<string, unknown> {
  if (isRecord(entry)) return true;
  warning(path, `${describeValue(entry)} is not ${what}; it is left out`);
  return false;
}
