// The normalized model: every default of format v1 made explicit, every item knowing where it
// came from. Loading produces it; the selectors in src/views read it; nothing else mutates it.
import type { CalendarRecurrence } from '../time/calendar-expansion';
import type { Frequency } from '../time/recurrence';

export type { CalendarOverride, CalendarRecurrence, CalendarZone } from '../time/calendar-expansion';
import type { MILESTONE_KINDS, PRIORITY_STATUSES } from './schema';

/** Where an item was written: shown in the detail view and in merge warnings. */
export interface Origin {
  source: string;
  line: number;
  column: number;
}

export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

export interface Role {
  id: string;
  name: string;
  /** null: the role applies to every project. */
  projects: string[] | null;
  origin: Origin;
}

/**
 * The value under a key that came from data (a role id, a team name), never one inherited from
 * Object.prototype: `constructor` or `toString` is a fine role id. Records read back from JSON
 * (the parsed-file cache) have a prototype again, so every lookup goes through here.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record with no prototype, for maps keyed by data. */
export function dataRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export interface Project {
  id: string;
  name: string;
  url: string | null;
  /** role id → persons, as written (gaps are computed, not stored). */
  liaisons: Record<string, string[]>;
  origin: Origin;
}

export interface Cycle {
  id: string;
  name: string;
  start: string | null;
  release: string;
  /** The document zone: R-n weeks are Monday–Sunday in it. */
  zone: string;
  origin: Origin;
}

export interface Milestone {
  id: string;
  title: string;
  kind: MilestoneKind;
  cycle: string | null;
  project: string | string[] | null;
  url: string | null;
  notes: string | null;
  zone: string;
  /** All-day milestones: first and last day in `zone`. Exact ones: null. */
  date: string | null;
  endDate: string | null;
  /** Exact milestones: the `at` as written. */
  at: string | null;
  /** The instant the milestone is due (all-day: 00:00 of its first day in `zone`). */
  start: number;
  /** The instant it ends: the end of its last day, or `start` for an exact milestone without end. */
  end: number;
  /** Imported calendar events: CATEGORIES, one of which may name a known project. */
  categories?: string[];
  origin: Origin;
}

export interface Skip {
  date: string;
  reason: string | null;
}

export interface Slot {
  /** ISO weekday 1..7, or null for `once`. */
  day: number | null;
  time: string;
  frequency: Frequency;
  interval: number;
  week: number | null;
  date: string | null;
  start: string | null;
  until: string | null;
  skip: Skip[];
  where: string | null;
  origin: Origin;
}

export interface Meeting {
  id: string;
  title: string;
  project: string | null;
  zone: string;
  duration: number;
  where: string | null;
  chair: string | null;
  agenda: string | null;
  slots: Slot[];
  /** Imported calendar events: their recurrence set (their `slots` are empty). */
  calendar?: CalendarRecurrence | null;
  /** Imported calendar events: DESCRIPTION and URL. */
  notes?: string | null;
  url?: string | null;
  /** Imported calendar events: CATEGORIES, one of which may name a known project. */
  categories?: string[];
  origin: Origin;
}

export interface Priority {
  id: string;
  title: string;
  project: string | null;
  cycle: string | null;
  status: PriorityStatus;
  owner: string[];
  rank: number | null;
  url: string | null;
  notes: string | null;
  origin: Origin;
}

export interface Schedule {
  /** The first named source's name, for the header. */
  name: string | null;
  roles: Role[];
  projects: Project[];
  cycles: Cycle[];
  milestones: Milestone[];
  meetings: Meeting[];
  priorities: Priority[];
}

export const EMPTY_SCHEDULE: Schedule = {
  name: null,
  roles: [],
  projects: [],
  cycles: [],
  milestones: [],
  meetings: [],
  priorities: [],
};

export type Severity = 'error' | 'warning';

/** A located problem: `<source>:<line>:<column>: <path>: <message>`. */
export interface Diagnostic {
  source: string;
  /** 1-based; 0 when the problem is not at a place in the text. */
  line: number;
  column: number;
  /** e.g. `meetings[1].slots[0].time`; null for problems of the text itself (parse errors). */
  path: string | null;
  message: string;
  severity: Severity;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  // Line 0: a problem of the source as a whole (unreadable file, network), not of its text.
  const where = diagnostic.line === 0 ? diagnostic.source : `${diagnostic.source}:${diagnostic.line}:${diagnostic.column}`;
  return diagnostic.path === null ? `${where}: ${diagnostic.message}` : `${where}: ${diagnostic.path}: ${diagnostic.message}`;
}

export type SourceStatus = 'loaded' | 'cached' | 'failed';

/** One entry of `sources` in every JSON output, and the header's source states. */
export interface SourceReport {
  source: string;
  status: SourceStatus;
  fetchedAt: number | null;
  errors: string[];
  warnings: string[];
  /** Why the network copy was not used, for cached feeds ('HTTP 500', 'offline'). */
  detail: string | null;
  /** The label the configuration gives the source (`name`), shown instead of its path or URL. */
  name?: string | null;
}
