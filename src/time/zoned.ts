// Wall time in an IANA zone ↔ instant (epoch milliseconds), through Intl with an explicit
// timeZone only. date-fns-tz is not used: its fromZonedTime moves gap times backwards and
// resolves overlaps by the host zone, and formatInTimeZone drifts near transitions when the
// host observes DST. Nothing here reads the host's TZ (Date's local-time methods are never
// called), so results are the same on every machine.
import { civilDateFromParts, civilToDayNumber, dayNumberFromParts, partsFromDayNumber, weekdayOfDayNumber } from './civil';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// tzdb has no transition before the 1800s; before this moment every zone keeps its first
// (LMT) offset, so evaluating there is exact and keeps Intl away from BC-era year numbering.
const EARLIEST_RULE_INSTANT = Date.UTC(1600, 0, 1);

// One formatter per zone: constructing Intl.DateTimeFormat is far slower than using one, and
// conversions run for every occurrence of every meeting.
const fieldFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneValidity = new Map<string, boolean>();
const utcZones = new Set<string>();

function fieldFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = fieldFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatter.resolvedOptions().timeZone === 'UTC') utcZones.add(zone);
    fieldFormatters.set(zone, formatter);
  }
  return formatter;
}

/** IANA zone names as Intl knows them ('UTC' included); offsets like '+05:00' are not zones. */
/** Two names of one zone ('UTC' and 'Etc/UTC'), or the same name. */
export function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  const canonical = (zone: string) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return zone;
    }
  };
  return canonical(a) === canonical(b);
}

export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '' || /^[+-]/.test(zone)) return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      fieldFormatter(zone);
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

function requireZone(zone: string): void {
  if (!isValidZone(zone)) throw new RangeError(`${JSON.stringify(zone)} is not an IANA time zone`);
}

/** Offset of `zone` from UTC at `instant`, in milliseconds, read from Intl (slow path). */
function offsetFromIntl(instant: number, zone: string): number {
  const at = Math.max(Math.floor(instant / 1000) * 1000, EARLIEST_RULE_INSTANT);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of fieldFormatter(zone).formatToParts(at)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wallAsUtc = dayNumberFromParts(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return wallAsUtc - at;
}

// Offsets at 00:00 UTC of each day, per zone. When a UTC day starts and ends on the same
// offset, no transition falls inside it (no zone changes its offset and back within a day;
// checked for every Intl zone, 1880–2045), so most lookups skip Intl: meetings share weeks.
const dayStartOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS_PER_ZONE = 50_000;

function dayStartOffset(zone: string, utcDay: number): number {
  let days = dayStartOffsets.get(zone);
  if (days === undefined) {
    days = new Map();
    dayStartOffsets.set(zone, days);
  }
  let offset = days.get(utcDay);
  if (offset === undefined) {
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    offset = offsetFromIntl(utcDay * MS_PER_DAY, zone);
    days.set(utcDay, offset);
  }
  return offset;
}

/** Offset of `zone` from UTC at `instant`, in milliseconds (a whole number of seconds). */
export function zoneOffsetMs(instant: number, zone: string): number {
  fieldFormatter(zone);
  if (utcZones.has(zone)) return 0;
  const utcDay = Math.floor(instant / MS_PER_DAY);
  const atStart = dayStartOffset(zone, utcDay);
  return atStart === dayStartOffset(zone, utcDay + 1) ? atStart : offsetFromIntl(instant, zone);
}

/**
 * The instant of a wall-clock moment, given as milliseconds since 1970-01-01T00:00 *as if*
 * the wall clock were UTC. RFC 5545's rule: a wall time in a spring-forward gap is read with
 * the offset in force before the gap, which moves it forward by the gap's length; a wall time
 * in a fall-back overlap takes the earlier of its two instants.
 */
function wallToInstant(wallAsUtc: number, zone: string): number {
  // Offsets a day either side bracket any transition near this wall time (no zone changes
  // its offset twice within two days).
  const offsetBefore = zoneOffsetMs(wallAsUtc - MS_PER_DAY, zone);
  const offsetAfter = zoneOffsetMs(wallAsUtc + MS_PER_DAY, zone);
  let earliest: number | null = null;
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = wallAsUtc - offset;
    if (zoneOffsetMs(candidate, zone) === offset && (earliest === null || candidate < earliest)) earliest = candidate;
  }
  return earliest ?? wallAsUtc - offsetBefore;
}

function parseTime(time: string): number {
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  if (match === null) throw new RangeError(`${JSON.stringify(time)} is not a time (HH:MM)`);
  return (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
}

/**
 * The instant of `time` ('HH:MM') on `date` in `zone`. A nonexistent time moves forward by the
 * gap (02:30 → 03:30 in New York on 2026-03-08); an ambiguous one means the earlier instant.
 * Throws RangeError on a malformed date, time or zone (validate input before calling).
 */
export function zonedWallTimeToInstant(date: string, time: string, zone: string): number {
  const wallAsUtc = civilToDayNumber(date) * MS_PER_DAY + parseTime(time);
  requireZone(zone);
  return wallToInstant(wallAsUtc, zone);
}

/**
 * Like zonedWallTimeToInstant with a time of day in milliseconds (seconds and fractions
 * included), for date-times written with seconds.
 */
export function zonedWallClockToInstant(date: string, msOfDay: number, zone: string): number {
  requireZone(zone);
  return wallToInstant(civilToDayNumber(date) * MS_PER_DAY + msOfDay, zone);
}

/**
 * Like zonedWallClockToInstant with the wall clock as milliseconds since 1970-01-01T00:00 read
 * as if it were UTC, for callers that already count in those (calendar recurrence).
 */
export function zonedWallMsToInstant(wallAsUtc: number, zone: string): number {
  requireZone(zone);
  return wallToInstant(wallAsUtc, zone);
}

/** The instant the day begins in `zone`: 00:00, or the end of the gap where midnight is skipped. */
export function startOfDayInstant(date: string, zone: string): number {
  return zonedWallTimeToInstant(date, '00:00', zone);
}

export interface ZonedMoment {
  date: string;
  /** 'HH:MM', 24-hour. */
  time: string;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Offset from UTC; fractional only for pre-1900 local mean times (e.g. London's -0:01:15). */
  offsetMinutes: number;
}

export function instantToZoned(instant: number, zone: string): ZonedMoment {
  requireZone(zone);
  const offset = zoneOffsetMs(instant, zone);
  const wall = Math.floor(instant / 1000) * 1000 + offset;
  const dayNumber = Math.floor(wall / MS_PER_DAY);
  const secondsOfDay = (wall - dayNumber * MS_PER_DAY) / 1000;
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay % 3600) / 60);
  return {
    date: civilDateFromParts(year, month, day),
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    second: secondsOfDay % 60,
    weekday: weekdayOfDayNumber(dayNumber),
    offsetMinutes: offset / MS_PER_MINUTE,
  };
}

/** '+01:00', '-04:00', '+05:45', '+00:00'; seconds appear only for pre-1900 local mean times. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.abs(offsetMs) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const base = `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return seconds === 0 ? base : `${base}:${String(seconds).padStart(2, '0')}`;
}

/** '2015-08-13T22:00:00+01:00': the wall time in `zone` with its offset (seconds, no fraction). */
export function formatIsoWithOffset(instant: number, zone: string): string {
  const moment = instantToZoned(instant, zone);
  return `${moment.date}T${moment.time}:${String(moment.second).padStart(2, '0')}${formatOffset(moment.offsetMinutes * MS_PER_MINUTE)}`;
}

// ICU only gives a zone's abbreviation in locales where it is in common use (en-US knows EDT
// but says GMT+1 for London; en-GB knows BST and CEST, en-AU AEST and LHDT, en-IN IST, …), so
// several English locales are asked in turn.
// ja-JP knows JST and pt-BR knows BRT where no English locale does.
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-IN', 'en-IE', 'en-ZA', 'en-SG', 'ja-JP', 'pt-BR'] as const;
// An abbreviation people read anywhere: a few Latin capitals (not a localized zone name).
const ABBREVIATION = /^[A-Z]{2,5}$/;
const nameFormatters = new Map<string, Intl.DateTimeFormat>();
// The locale that last knew a zone's abbreviation is asked first next time.
const preferredLocale = new Map<string, string>();

function shortZoneName(instant: number, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let formatter = nameFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormatters.set(key, formatter);
  }
  return formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * The zone's abbreviation at `instant`: 'BST', 'EDT', 'CEST', 'IST', 'LHDT', 'JST', 'BRT', 'UTC'.
 * Where none of the locales above has one (Asia/Kathmandu, America/Argentina/Buenos_Aires…),
 * Intl's offset form is returned as is: 'GMT+5:45', 'GMT-3'.
 */
export function zoneAbbreviation(instant: number, zone: string): string {
  requireZone(zone);
  const preferred = preferredLocale.get(zone);
  const locales = preferred === undefined ? ABBREVIATION_LOCALES : [preferred, ...ABBREVIATION_LOCALES.filter((l) => l !== preferred)];
  let offsetStyle = '';
  for (const locale of locales) {
    const name = shortZoneName(instant, zone, locale);
    if (ABBREVIATION.test(name)) {
      preferredLocale.set(zone, locale);
      return name;
    }
    if (offsetStyle === '') offsetStyle = name;
  }
  return offsetStyle;
}

/** The host's zone as Intl resolves it (honours TZ), or 'UTC' when it is unknown or unusable. */
export function systemZone(): string {
  try {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && isValidZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}
