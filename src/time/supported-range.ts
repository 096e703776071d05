// The dates radar supports: years 1 to 9998. Dates are 'YYYY-MM-DD' strings with four-digit
// years, and the arithmetic around a date (a week after a window, a day either side of a
// meeting, the R-n weeks before a release) must stay within years 0–9999; a year of margin on
// each side keeps every computed date writable. Data outside the range is refused where it is
// read (a located error), options outside it are usage errors, and windows of time are
// clamped to it, so nothing past the loader can meet a date it cannot write.
import { dayNumberFromParts } from './civil';

const MS_PER_DAY = 86_400_000;

export const FIRST_SUPPORTED_YEAR = 1;
export const LAST_SUPPORTED_YEAR = 9998;
/** 0001-01-01T00:00:00Z. */
export const FIRST_SUPPORTED_INSTANT = dayNumberFromParts(FIRST_SUPPORTED_YEAR, 1, 1) * MS_PER_DAY;
/** The last millisecond of 9998-12-31 UTC. */
export const LAST_SUPPORTED_INSTANT = dayNumberFromParts(LAST_SUPPORTED_YEAR + 1, 1, 1) * MS_PER_DAY - 1;
/** `--days`: a century ahead is more than any calendar needs. */
export const MAX_DAYS = 36_525;

export const SUPPORTED_RANGE_TEXT = `years ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

/** A 'YYYY-MM-DD…' text (date or date-time) whose year is in range. */
export function hasSupportedYear(text: string): boolean {
  return isSupportedYear(Number(text.slice(0, 4)));
}

export function isSupportedInstant(instant: number): boolean {
  return Number.isFinite(instant) && instant >= FIRST_SUPPORTED_INSTANT && instant <= LAST_SUPPORTED_INSTANT;
}

/** A window of time cut to the supported range (empty when wholly outside it). */
export function clampWindow(from: number, to: number): { from: number; to: number } {
  return { from: Math.max(from, FIRST_SUPPORTED_INSTANT), to: Math.min(to, LAST_SUPPORTED_INSTANT) };
}
