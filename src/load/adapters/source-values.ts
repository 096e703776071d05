// Reading the loosely typed values of other communities' files: the dates and times they
// write in their own notations, turned into format v1's.
import { civilDateFromParts, isCivilDate } from '../../time/civil';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** A short, quoted rendering of a found value for messages ("2561", 20151340, a list). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * A 'YYYY-MM-DD' date from a date the way YAML files write it: a string, or a Date when a
 * parser with the YAML 1.1 timestamp type read an unquoted date (midnight UTC).
 */
export function civilDateFromValue(value: unknown): string | null {
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || year < 0 || year > 9999) return null;
    return civilDateFromParts(year, value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'string' && isCivilDate(value.trim())) return value.trim();
  return null;
}

/** irc-meetings writes dates as YYYYMMDD, a number or a string (`start_date: 20160107`). */
export function civilDateFromCompact(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null) return civilDateFromValue(value);
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match === null) return civilDateFromValue(text);
  const date = civilDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  return isCivilDate(date) ? date : null;
}

/**
 * irc-meetings writes times as HHMM in UTC, quoted or not, sometimes without the leading zero
 * (`'1400'`, `'600'`, `1400`); an already-written `HH:MM` is accepted too.
 */
export function clockTimeFromHhmm(value: unknown): string | null {
  let hours: number;
  let minutes: number;
  // An unquoted 0600 reaches us as the number 600, and 0000 as 0.
  const text = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value).padStart(4, '0') : typeof value === 'string' ? value.trim() : null;
  if (text === null) return null;
  const compact = /^(\d{1,2}?)(\d{2})$/.exec(text);
  const colon = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (compact) {
    hours = compact[1] === '' ? 0 : Number(compact[1]);
    minutes = Number(compact[2]);
  } else if (colon) {
    hours = Number(colon[1]);
    minutes = Number(colon[2]);
  } else {
    return null;
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
