// Which civil dates a slot meets on, per the frequency table of format v1. Dates are in the
// meeting's own zone; callers turn them into instants with zonedWallTimeToInstant. Everything
// works on day numbers and jumps straight to the window, so a slot that started in 2015 costs
// the same to query for 2027 as for its first week.
import { civilToDayNumber, dayNumberFromParts, dayNumberToCivil, daysInMonth, isCivilDate, isoWeekOfDayNumber, partsFromDayNumber, weekdayName, weekdayNumber, weekdayOfDayNumber } from './civil';

export const FREQUENCIES = [
  'weekly',
  'biweekly',
  'biweekly-odd',
  'biweekly-even',
  'quadweekly',
  'quadweekly-week-1',
  'quadweekly-week-2',
  'quadweekly-week-3',
  'quadweekly-alternate',
  'monthly',
  'first-monday',
  'first-tuesday',
  'first-wednesday',
  'first-thursday',
  'first-friday',
  'first-saturday',
  'first-sunday',
  'once',
  'adhoc',
] as const;

export type Frequency = (typeof FREQUENCIES)[number];

export interface RecurrenceRule {
  /** ISO weekday 1..7 (null only for once, adhoc, or first-<day> where the name says it). */
  day: number | null;
  frequency: Frequency;
  /** weekly: every n weeks counted from the first `day` on or after `start`. */
  interval: number;
  /** monthly: 1..5 or -1 (the last). */
  week: number | null;
  /** once: the single date. */
  date: string | null;
  /** No occurrence before this civil date. */
  start: string | null;
  /** No occurrence after this civil date. */
  until: string | null;
}

/** occurrenceDates never returns more dates than this, however wide the window. */
export const MAX_OCCURRENCES = 20_000;

type WeekPredicate = (isoWeekNumber: number) => boolean;

// Rules tied to the ISO week number, with their normal spacing in weeks.
const WEEK_NUMBER_RULES: Partial<Record<Frequency, { period: number; matches: WeekPredicate }>> = {
  'biweekly-odd': { period: 2, matches: (week) => week % 2 === 1 },
  'biweekly-even': { period: 2, matches: (week) => week % 2 === 0 },
  quadweekly: { period: 4, matches: (week) => week % 4 === 0 },
  'quadweekly-week-1': { period: 4, matches: (week) => week % 4 === 1 },
  'quadweekly-week-2': { period: 4, matches: (week) => week % 4 === 2 },
  'quadweekly-week-3': { period: 4, matches: (week) => week % 4 === 3 },
  'quadweekly-alternate': { period: 4, matches: (week) => week % 4 === 2 },
};

const isFrequency = (value: unknown): value is Frequency => (FREQUENCIES as readonly unknown[]).includes(value);

/** first-thursday → 4; null for every other frequency. */
function impliedWeekday(frequency: Frequency): number | null {
  return frequency.startsWith('first-') ? weekdayNumber(frequency.slice('first-'.length)) : null;
}

const isWeekday = (day: unknown): day is number => Number.isInteger(day) && (day as number) >= 1 && (day as number) <= 7;

/**
 * Why `rule` cannot be evaluated, in a few words for the loader to report, or null when it is
 * sound. occurrenceDates returns no dates for a rule with a problem rather than guessing.
 */
export function ruleProblem(rule: RecurrenceRule): string | null {
  const { frequency, day, interval, week, date, start, until } = rule;
  if (!isFrequency(frequency)) return `${JSON.stringify(frequency)} is not a frequency`;
  if (start !== null && !isCivilDate(start)) return `start ${JSON.stringify(start)} is not a date (YYYY-MM-DD)`;
  if (until !== null && !isCivilDate(until)) return `until ${JSON.stringify(until)} is not a date (YYYY-MM-DD)`;
  if (start !== null && until !== null && until < start) return `until ${until} is before start ${start}`;
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) {
    return `interval ${String(interval)} is not a whole number of weeks from 1 to 52`;
  }
  if (day !== null && !isWeekday(day)) return `day ${String(day)} is not an ISO weekday (1 = Monday … 7 = Sunday)`;
  if (frequency === 'adhoc') return null;
  if (frequency === 'once') {
    if (date === null) return 'once needs a date';
    if (!isCivilDate(date)) return `date ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`;
    const weekday = weekdayOfDayNumber(civilToDayNumber(date));
    if (day !== null && day !== weekday) {
      return `day ${weekdayName(day)} contradicts date ${date}, a ${weekdayName(weekday)}`;
    }
    return null;
  }
  const implied = impliedWeekday(frequency);
  if (implied !== null) {
    if (day !== null && day !== implied) return `day ${weekdayName(day)} contradicts ${frequency}`;
  } else if (day === null) {
    return `${frequency} needs a day`;
  }
  if (frequency === 'monthly' && (week === null || !(week === -1 || (Number.isInteger(week) && week >= 1 && week <= 5)))) {
    return 'monthly needs a week: 1 to 5, or -1 for the last';
  }
  if (frequency === 'biweekly') {
    if (interval !== 1 && interval !== 2) return `interval ${interval} contradicts biweekly (every 2 weeks)`;
    if (start === null) return 'biweekly needs a start date (every other week is counted from it)';
    return null;
  }
  if (frequency === 'weekly') {
    if (interval > 1 && start === null) return `interval ${interval} needs a start date (weeks are counted from it)`;
    return null;
  }
  if (interval !== 1) return `interval ${interval} only applies to weekly, not ${frequency}`;
  return null;
}

/** The first day number on or after `dayNumber` that falls on `weekday`. */
function onOrAfter(dayNumber: number, weekday: number): number {
  return dayNumber + ((weekday - weekdayOfDayNumber(dayNumber) + 7) % 7);
}

/** The `week`-th `weekday` of a month (-1 = the last), or null when the month has no such day. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, week: number): number | null {
  if (week === -1) {
    const last = dayNumberFromParts(year, month, daysInMonth(year, month));
    return last - ((weekdayOfDayNumber(last) - weekday + 7) % 7);
  }
  const candidate = onOrAfter(dayNumberFromParts(year, month, 1), weekday) + 7 * (week - 1);
  return partsFromDayNumber(candidate).month === month ? candidate : null;
}

/**
 * The civil dates on which `rule` occurs, from `from` to `to` inclusive, ascending, at most
 * MAX_OCCURRENCES of them. A rule with a problem (see ruleProblem) has none. Throws RangeError
 * when `from` or `to` is not a date.
 */
export function occurrenceDates(rule: RecurrenceRule, from: string, to: string): string[] {
  let low = civilToDayNumber(from);
  let high = civilToDayNumber(to);
  if (ruleProblem(rule) !== null) return [];
  if (rule.start !== null) low = Math.max(low, civilToDayNumber(rule.start));
  if (rule.until !== null) high = Math.min(high, civilToDayNumber(rule.until));
  if (low > high) return [];

  const frequency = rule.frequency;
  const dayNumbers: number[] = [];
  const full = () => dayNumbers.length >= MAX_OCCURRENCES;

  if (frequency === 'adhoc') return [];
  if (frequency === 'once') {
    const only = civilToDayNumber(rule.date as string);
    return only >= low && only <= high ? [rule.date as string] : [];
  }

  const implied = impliedWeekday(frequency);
  const day = (implied ?? rule.day) as number;
  if (frequency === 'monthly' || implied !== null) {
    const week = implied !== null ? 1 : (rule.week as number);
    const first = partsFromDayNumber(low);
    const last = partsFromDayNumber(high);
    for (let year = first.year, month = first.month; (year < last.year || (year === last.year && month <= last.month)) && !full();) {
      const candidate = nthWeekdayOfMonth(year, month, day, week);
      if (candidate !== null && candidate >= low && candidate <= high) dayNumbers.push(candidate);
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    return dayNumbers.map(dayNumberToCivil);
  }

  const weekNumberRule = WEEK_NUMBER_RULES[frequency];
  if (weekNumberRule !== undefined) {
    for (let candidate = onOrAfter(low, day); candidate <= high && !full(); candidate += 7) {
      if (weekNumberRule.matches(isoWeekOfDayNumber(candidate).week)) dayNumbers.push(candidate);
    }
    return dayNumbers.map(dayNumberToCivil);
  }

  // weekly / biweekly: every `interval` weeks from the first `day` on or after `start`.
  const interval = frequency === 'biweekly' ? 2 : rule.interval;
  const step = 7 * interval;
  let candidate: number;
  if (interval === 1) {
    candidate = onOrAfter(low, day);
  } else {
    const anchor = onOrAfter(civilToDayNumber(rule.start as string), day);
    candidate = anchor + step * Math.max(0, Math.ceil((low - anchor) / step));
  }
  for (; candidate <= high && !full(); candidate += step) dayNumbers.push(candidate);
  return dayNumbers.map(dayNumberToCivil);
}

/**
 * For rules read off the ISO week number, a warning on the occurrences whose rhythm breaks
 * because a year has 53 ISO weeks: week 53 and the next week 1 have the same parity, so some
 * rules meet two weeks in a row and others wait a week longer than usual. Null for every other
 * rule, and for dates that are not occurrences of `rule`.
 */
export function weekParityWarning(rule: RecurrenceRule, date: string): string | null {
  const weekNumberRule = WEEK_NUMBER_RULES[rule.frequency];
  if (weekNumberRule === undefined) return null;
  const dayNumber = civilToDayNumber(date);
  if (rule.day !== null && weekdayOfDayNumber(dayNumber) !== rule.day) return null;
  const matches = (candidate: number) => weekNumberRule.matches(isoWeekOfDayNumber(candidate).week);
  if (!matches(dayNumber)) return null;

  // The nearest occurrences either side are at most five weeks away.
  const neighbour = (direction: 1 | -1): number => {
    let candidate = dayNumber + 7 * direction;
    while (!matches(candidate)) candidate += 7 * direction;
    return candidate;
  };
  const previous = neighbour(-1);
  const next = neighbour(1);
  const [earlier, later] = next - dayNumber !== 7 * weekNumberRule.period ? [dayNumber, next] : [previous, dayNumber];
  const weeksApart = (later - earlier) / 7;
  if (weeksApart === weekNumberRule.period) return null;

  const earlierWeek = isoWeekOfDayNumber(earlier);
  const laterWeek = isoWeekOfDayNumber(later);
  const because = `${earlierWeek.year} has 53 ISO weeks`;
  if (weeksApart === 1) {
    return `${because}: ${rule.frequency} meets two weeks in a row (week ${earlierWeek.week}, then week ${laterWeek.week}); check with the chair`;
  }
  return `${because}: ${rule.frequency} meets in week ${earlierWeek.week}, then not until week ${laterWeek.week} (${weeksApart} weeks later); check with the chair`;
}
