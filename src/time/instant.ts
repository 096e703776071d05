// ISO-8601 date-times: exact instants (`--now`, milestone `at` with an offset) and wall times
// read in a zone (milestone `at` without one). Date.parse is not used: it accepts many
// non-ISO shapes and reads an offset-less date-time in the host's zone.
import { civilDateFromParts, daysInMonth, dayNumberFromParts } from './civil';
import { zonedWallClockToInstant } from './zoned';

const MS_PER_DAY = 86_400_000;

// date 'T' HH:MM [:SS [.fraction]] [Z | ±HH:MM | ±HHMM | ±HH:MM:SS]
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d(?::[0-5]\d)?)?$/;

interface DateTimeParts {
  date: string;
  msOfDay: number;
  /** Offset in milliseconds, or null when the text carries none. */
  offsetMs: number | null;
}

function readDateTime(s: string): DateTimeParts | null {
  const match = typeof s === 'string' ? DATE_TIME.exec(s) : null;
  if (match === null) return null;
  const [, y, mo, d, h, mi, sec, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Milliseconds are the model's precision; finer digits are dropped (floor), never rounded up
  // into the next second.
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const msOfDay = ((Number(h) * 60 + Number(mi)) * 60 + Number(sec ?? 0)) * 1000 + ms;
  return { date: civilDateFromParts(year, month, day), msOfDay, offsetMs: offset === undefined ? null : readOffset(offset) };
}

function readOffset(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  const seconds = digits.length > 4 ? Number(digits.slice(4, 6)) : 0;
  const magnitude = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  return offset.startsWith('-') ? -magnitude : magnitude;
}

function instantOf(parts: DateTimeParts & { offsetMs: number }): number {
  const [year, month, day] = parts.date.split('-').map(Number) as [number, number, number];
  return dayNumberFromParts(year, month, day) * MS_PER_DAY + parts.msOfDay - parts.offsetMs;
}

/**
 * An exact instant written as ISO-8601 with `Z` or an offset ('2015-08-11T21:44:57Z',
 * '2015-08-11T22:44:57+01:00', fractional seconds allowed). Anything else, including a
 * date-time without an offset (it names no single moment) or an impossible date, is null.
 */
export function parseInstant(s: string): number | null {
  const parts = readDateTime(s);
  if (parts === null || parts.offsetMs === null) return null;
  return instantOf({ ...parts, offsetMs: parts.offsetMs });
}

/**
 * A milestone `at`: with `Z` or an offset, that instant; without ('2027-03-22T15:00', seconds
 * optional), wall time in `zone` under RFC 5545's gap/overlap rule. Null when malformed.
 * Throws RangeError only for an invalid zone (the loader validates zones first).
 */
export function parseWallOrInstant(s: string, zone: string): number | null {
  const parts = readDateTime(s);
  if (parts === null) return null;
  if (parts.offsetMs !== null) return instantOf({ ...parts, offsetMs: parts.offsetMs });
  return zonedWallClockToInstant(parts.date, parts.msOfDay, zone);
}

/** '2015-08-11T21:44:57.000Z'. */
export function toIsoUtc(instant: number): string {
  return new Date(instant).toISOString();
}
