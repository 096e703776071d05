// The seam between the meeting selector and iCalendar recurrence. The expander (ical.js, about
// 20 ms to load) registers itself when its module loads, which happens only when a calendar is
// read or a cached one is loaded, so `radar next` on YAML schedules never pays for it.

/**
 * How an imported calendar's wall times become instants: UTC, an IANA zone computed by radar's
 * own rules, or the rules of a VTIMEZONE written in the file (kept as its text).
 */
export type CalendarZone = { kind: 'utc' } | { kind: 'iana'; zone: string } | { kind: 'vtimezone'; tzid: string; definition: string };

/** A RECURRENCE-ID component: it replaces the occurrence that starts at `recurrenceId`. */
export interface CalendarOverride {
  recurrenceId: number;
  start: number;
  durationMs: number;
  title: string | null;
  where: string | null;
  cancelled: boolean;
  /** RANGE=THISANDFUTURE: the change applies to every later occurrence too. */
  thisAndFuture: boolean;
}

/**
 * An iCalendar event's recurrence set (RFC 5545 §3.8.5), which format v1 slots cannot say.
 * Plain data (the parsed-file cache stores it as JSON), expanded for the window asked.
 */
export interface CalendarRecurrence {
  /** The event's UID as the file wrote it (null when it had none): the export keeps it. */
  uid?: string | null;
  zone: CalendarZone;
  /** DTSTART as wall-clock time in `zone`: 'YYYY-MM-DDTHH:MM:SS'. */
  start: string;
  durationMs: number;
  /** RRULE values, as repaired on reading. */
  rules: string[];
  /** RDATEs as instants; a period's own length, else the event's. */
  dates: { start: number; durationMs: number }[];
  /** EXDATE date-times as instants, matched after conversion whatever zone they were written in. */
  exdates: number[];
  /** EXDATE;VALUE=DATE: whole days (in `zone`) without an occurrence. */
  exdays: string[];
  overrides: CalendarOverride[];
  /** STATUS:CANCELLED on the master: no occurrences at all. */
  cancelled: boolean;
  /**
   * The IANA zone the event is shown in (the meeting's `zone`). For a zone only the file
   * defines, an occurrence at an offset this zone does not have then is shown in a zone of its own.
   */
  ownZone?: string;
}

/** One occurrence of an imported event. */
export interface CalendarInstance {
  /** Set when the occurrence is shown in another zone than the event's `ownZone` (see there). */
  zone?: string;
  start: number;
  end: number;
  title: string | null;
  where: string | null;
  cancelled: boolean;
}

/** How much work an expansion did: tests assert that a distant DTSTART costs nothing extra. */
export interface ExpansionCost {
  visited: number;
}

export type CalendarExpander = (calendar: CalendarRecurrence, from: number, to: number, cost?: ExpansionCost) => CalendarInstance[];

/** The wall-clock time ('YYYY-MM-DDTHH:MM:SS') of an instant in a calendar zone. */
export type CalendarWallClock = (instant: number, zone: CalendarZone) => string;

let expander: CalendarExpander | null = null;
let wallClock: CalendarWallClock | null = null;

export function provideCalendarExpander(implementation: CalendarExpander, wall: CalendarWallClock): void {
  expander = implementation;
  wallClock = wall;
}

/** An instant as wall-clock time in an imported event's zone (the export writes its times so). */
export function calendarWallTime(instant: number, zone: CalendarZone): string {
  if (wallClock === null) throw new Error('calendar wall time asked before src/time/calendar-recurrence was loaded');
  return wallClock(instant, zone);
}

/** The occurrences of an imported event overlapping [from, to). */
export function expandCalendar(calendar: CalendarRecurrence, from: number, to: number): CalendarInstance[] {
  if (expander === null) throw new Error('calendar recurrence expanded before src/time/calendar-recurrence was loaded');
  return expander(calendar, from, to);
}
