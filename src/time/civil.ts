// Civil (calendar) dates as 'YYYY-MM-DD' strings, computed with integer arithmetic on day
// numbers. No Date object is involved, so nothing here can depend on the host's TZ.

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of dayNumberFromParts (Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function civilDateFromParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function dayNumberToCivil(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return civilDateFromParts(year, month, day);
}

function civilParts(date: string): { year: number; month: number; day: number } | null {
  const match = CIVIL_DATE.exec(date);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCivilDate(s: string): boolean {
  return typeof s === 'string' && civilParts(s) !== null;
}

/** Days since 1970-01-01; throws RangeError on anything that is not a real 'YYYY-MM-DD' date. */
export function civilToDayNumber(date: string): number {
  const parts = civilParts(date);
  if (parts === null) throw new RangeError(`${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
  return dayNumberFromParts(parts.year, parts.month, parts.day);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function addDays(date: string, n: number): string {
  return dayNumberToCivil(civilToDayNumber(date) + n);
}

export function isoWeekday(date: string): number {
  return weekdayOfDayNumber(civilToDayNumber(date));
}

/** ISO-8601 week of a day number: the week (Monday–Sunday) belongs to the year of its Thursday. */
export function isoWeekOfDayNumber(dayNumber: number): { year: number; week: number } {
  const thursday = dayNumber + 4 - weekdayOfDayNumber(dayNumber);
  const year = partsFromDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumberFromParts(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function isoWeek(date: string): { year: number; week: number } {
  return isoWeekOfDayNumber(civilToDayNumber(date));
}

export function daysBetween(a: string, b: string): number {
  return civilToDayNumber(b) - civilToDayNumber(a);
}

export function mondayOf(date: string): string {
  const dayNumber = civilToDayNumber(date);
  return dayNumberToCivil(dayNumber - weekdayOfDayNumber(dayNumber) + 1);
}

export function weekdayNumber(name: string): number | null {
  if (typeof name !== 'string') return null;
  const index = WEEKDAY_NAMES.indexOf(name.toLowerCase() as WeekdayName);
  return index === -1 ? null : index + 1;
}

export function weekdayName(weekday: number): WeekdayName {
  const name = WEEKDAY_NAMES[weekday - 1];
  if (name === undefined) throw new RangeError(`${weekday} is not an ISO weekday (1–7)`);
  return name;
}

/** 'YYYY-MM-DD' strings sort lexically in calendar order, as long as both are valid dates. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
