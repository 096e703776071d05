// Meeting occurrences within a window: the rows of the Meetings pane, the items of
// `radar list meetings --json`, `radar next`, and the export. One selector for all of them.
import { expandCalendar } from '../time/calendar-expansion';
import { addDays, weekdayOfDayNumber, civilToDayNumber } from '../time/civil';
import { occurrenceDates, weekParityWarning } from '../time/recurrence';
import { clampWindow } from '../time/supported-range';
import { instantToZoned, zonedWallTimeToInstant } from '../time/zoned';
import type { Meeting, Schedule, Slot } from '../model/types';
import { projectMatches, textMatches, type ViewFilter } from './filters';

export interface Occurrence {
  meeting: Meeting;
  slot: Slot;
  /** The civil date in the meeting's own zone. */
  date: string;
  start: number;
  end: number;
  where: string | null;
  skipped: boolean;
  reason: string | null;
  warnings: string[];
}

const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Every occurrence of one slot overlapping [from, to), including skipped ones. */
export function slotOccurrences(meeting: Meeting, slot: Slot, windowFrom: number, windowTo: number): Occurrence[] {
  if (slot.frequency === 'adhoc') return [];
  // `--days` far ahead of a late `--now` would reach dates past year 9999.
  const { from, to } = clampWindow(windowFrom, windowTo);
  if (from >= to) return [];
  const durationMs = meeting.duration * MINUTE;
  // Civil dates in the meeting zone, one day wider on each side: zone offsets reach ±14 h.
  const firstDate = addDays(instantToZoned(from - durationMs, meeting.zone).date, -1);
  const lastDate = addDays(instantToZoned(to, meeting.zone).date, 1);
  const skips = new Map(slot.skip.map((skip) => [skip.date, skip.reason]));
  const occurrences: Occurrence[] = [];
  for (const date of occurrenceDates(slot, firstDate, lastDate)) {
    const start = zonedWallTimeToInstant(date, slot.time, meeting.zone);
    const end = start + durationMs;
    if (end <= from || start >= to) continue;
    const warning = weekParityWarning(slot, date);
    occurrences.push({
      meeting,
      slot,
      date,
      start,
      end,
      where: slot.where ?? meeting.where,
      skipped: skips.has(date),
      reason: skips.get(date) ?? null,
      warnings: warning === null ? [] : [warning],
    });
  }
  return occurrences;
}

/**
 * The occurrences of an imported calendar event overlapping [from, to): each is a `once` on
 * its own day, an override with its own title and place, a cancelled one skipped.
 */
export function calendarOccurrences(meeting: Meeting, from: number, to: number): Occurrence[] {
  if (!meeting.calendar) return [];
  return expandCalendar(meeting.calendar, from, to).map((instance): Occurrence => {
    const local = instantToZoned(instance.start, meeting.zone);
    const slot: Slot = {
      day: weekdayOfDayNumber(civilToDayNumber(local.date)),
      time: local.time,
      frequency: 'once',
      interval: 1,
      week: null,
      date: local.date,
      start: null,
      until: null,
      skip: [],
      where: instance.where,
      origin: meeting.origin,
    };
    const shown = instance.zone === undefined || instance.zone === meeting.zone ? meeting : { ...meeting, zone: instance.zone };
    return {
      meeting: instance.title === null || instance.title === meeting.title ? shown : { ...shown, title: instance.title },
      slot,
      date: local.date,
      start: instance.start,
      end: instance.end,
      where: instance.where ?? meeting.where,
      skipped: instance.cancelled,
      reason: instance.cancelled ? 'cancelled' : null,
      warnings: [],
    };
  });
}

/**
 * How an imported calendar event recurs, for the detail view: its rules as the file wrote
 * them, with the zone they run in ('RRULE FREQ=WEEKLY;BYDAY=TH from 2026-01-08 09:00, Europe/Berlin').
 */
export function calendarRuleWords(meeting: Meeting): string | null {
  const calendar = meeting.calendar;
  if (!calendar) return null;
  // A zone only the file defines is named as the file names it, with the IANA zone it is shown
  // in, or none when no IANA zone reads the same (each occurrence at the offset the file gives it).
  const shownAs = /^(Etc\/|UTC$)/.test(meeting.zone) ? 'at the offsets the file gives' : `shown as ${meeting.zone}`;
  const zone = calendar.zone.kind === 'iana' ? calendar.zone.zone : calendar.zone.kind === 'utc' ? 'UTC' : `${calendar.zone.tzid} (${shownAs})`;
  const from = `${calendar.start.slice(0, 10)} ${calendar.start.slice(11, 16)}`;
  const extra = [
    calendar.dates.length > 0 && `${calendar.dates.length} added (RDATE)`,
    calendar.exdates.length + calendar.exdays.length > 0 && `${calendar.exdates.length + calendar.exdays.length} left out (EXDATE)`,
    calendar.overrides.length > 0 && `${calendar.overrides.length} changed (RECURRENCE-ID)`,
  ].filter((part): part is string => typeof part === 'string');
  const rules = calendar.rules.length === 0 ? `once, ${from}` : `${calendar.rules.map((rule) => `RRULE ${rule}`).join('; ')} from ${from}`;
  return `${rules}, ${zone}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}`;
}

/** Every occurrence of one meeting overlapping [from, to): its slots', or its calendar's. */
export function meetingOccurrences(meeting: Meeting, from: number, to: number): Occurrence[] {
  const occurrences = calendarOccurrences(meeting, from, to);
  // One by one: an imported rule by the second has more occurrences than push(...) has room for arguments.
  for (const slot of meeting.slots) for (const occurrence of slotOccurrences(meeting, slot, from, to)) occurrences.push(occurrence);
  return occurrences;
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || compareText(a.meeting.title, b.meeting.title) || compareText(a.meeting.id, b.meeting.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function meetingMatches(meeting: Meeting, filter: ViewFilter): boolean {
  return projectMatches(meeting.project, filter, false) && textMatches(filter, meeting.title, meeting.project, meeting.where, meeting.chair, meeting.id);
}

/**
 * Occurrences from `now` to `days` ahead (one in progress counts), sorted by start, then title.
 */
export function upcomingOccurrences(schedule: Schedule, now: number, days: number, filter: ViewFilter): Occurrence[] {
  const to = now + days * DAY;
  const occurrences: Occurrence[] = [];
  for (const meeting of schedule.meetings) {
    if (!meetingMatches(meeting, filter)) continue;
    for (const occurrence of meetingOccurrences(meeting, now, to)) occurrences.push(occurrence);
  }
  return occurrences.sort(compareOccurrences);
}

/** The next occurrence that will take place (skipped ones do not count), or null. */
export function nextOccurrence(schedule: Schedule, now: number, days: number, filter: ViewFilter): Occurrence | null {
  return upcomingOccurrences(schedule, now, days, filter).find((occurrence) => !occurrence.skipped) ?? null;
}
