// A VTIMEZONE for an IANA zone, written from radar's own rules (Intl), so a calendar client
// turns a meeting's TZID wall times into the same instants radar computes. Each offset change
// in the years a series covers is one observance with its own DTSTART: no RRULE to go stale
// when a country changes its rules, and exact for half-hour shifts (Australia/Lord_Howe).
import { dayNumberToCivil } from '../time/civil';
import { zoneAbbreviation, zoneOffsetMs } from '../time/zoned';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface OffsetChange {
  /** The first instant at the new offset. */
  at: number;
  from: number;
  to: number;
}

/**
 * Every change of `zone`'s UTC offset from the start of `fromYear` to the end of `toYear`,
 * found a week at a time (no zone changes its offset and back within a week: Morocco's Ramadan
 * time, the shortest, lasts about a month), then day by day, then to the minute.
 */
export function offsetChanges(zone: string, fromYear: number, toYear: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let before = zoneOffsetMs(Date.UTC(fromYear, 0, 1), zone);
  for (let week = Date.UTC(fromYear, 0, 1); week < end; week += WEEK) {
    if (zoneOffsetMs(week + WEEK, zone) === before) continue;
    for (let day = week; day < week + WEEK && day < end; day += DAY) {
      const after = zoneOffsetMs(day + DAY, zone);
      if (after === before) continue;
      let low = day;
      let high = day + DAY;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (zoneOffsetMs(middle, zone) === before) low = middle;
        else high = middle;
      }
      changes.push({ at: high, from: before, to: after });
      before = after;
    }
  }
  return changes;
}

/** '+0100', '-0430', '+1030' (seconds only where an offset has them). */
export function formatUtcOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const hhmm = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
  return seconds % 60 === 0 ? `${sign}${hhmm}` : `${sign}${hhmm}${String(seconds % 60).padStart(2, '0')}`;
}

/** '20260329T020000': the wall time of `instant` at `offsetMs` (the clock just before a change). */
function wallAt(instant: number, offsetMs: number): string {
  const wall = instant + offsetMs;
  const dayNumber = Math.floor(wall / DAY);
  const seconds = Math.floor((wall - dayNumber * DAY) / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor((seconds % 3600) / 60))}${pad(seconds % 60)}`;
  return `${dayNumberToCivil(dayNumber).replace(/-/g, '')}T${time}`;
}

/** The VTIMEZONE's content lines for `zone` over the given years. */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): [string, string][] {
  const start = Date.UTC(fromYear, 0, 1);
  const initial = zoneOffsetMs(start, zone);
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number): [string, string][] => [
    ['BEGIN', kind],
    ['DTSTART', wallAt(at, from)],
    ['TZOFFSETFROM', formatUtcOffset(from)],
    ['TZOFFSETTO', formatUtcOffset(to)],
    ['TZNAME', zoneAbbreviation(at, zone)],
    ['END', kind],
  ];
  const lines: [string, string][] = [
    ['BEGIN', 'VTIMEZONE'],
    ['TZID', zone],
  ];
  // The offset in force when the covered years begin, as a starting observance.
  const initialKind = isDaylight(zone, initial, fromYear) ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(initialKind, start, initial, initial));
  for (const change of offsetChanges(zone, fromYear, toYear)) {
    lines.push(...observance(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', change.at, change.from, change.to));
  }
  lines.push(['END', 'VTIMEZONE']);
  return lines;
}

/** Daylight time when the year's other offset is lower (southern zones start the year in summer). */
function isDaylight(zone: string, offset: number, year: number): boolean {
  return offset > zoneOffsetMs(Date.UTC(year, 6, 1), zone);
}
