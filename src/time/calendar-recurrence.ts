// iCalendar recurrence (RFC 5545 §3.3.10, §3.8.5): rules are evaluated in wall-clock time with
// ical.js, then each wall time becomes an instant through the event's zone (radar's own rules
// for IANA zones, the file's VTIMEZONE otherwise). Only the window asked for is expanded, and
// a rule without COUNT jumps there by whole periods instead of walking from a distant DTSTART.
import ICAL from 'ical.js';
import { provideCalendarExpander, type CalendarInstance, type CalendarRecurrence, type CalendarZone, type ExpansionCost } from './calendar-expansion';
import { civilToDayNumber, dayNumberToCivil, weekdayOfDayNumber } from './civil';
import { zoneWithOffset } from './calendar-zone';
import { instantToZoned, zonedWallMsToInstant, zoneOffsetMs } from './zoned';

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;

/** No expansion visits more rule instances than this, however the rule is written. */
export const MAX_VISITED = 200_000;

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/** 'YYYY-MM-DDTHH:MM:SS' (or a date) as milliseconds since 1970 as if the wall clock were UTC. */
export function wallToMs(wall: string): number {
  const match = WALL.exec(wall);
  if (!match) throw new RangeError(`${JSON.stringify(wall)} is not a wall-clock time`);
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
}

export function msToWall(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

// VTIMEZONE definitions, parsed once per text.
const vtimezones = new Map<string, ICAL.Timezone>();

function vtimezone(definition: string): ICAL.Timezone {
  let zone = vtimezones.get(definition);
  if (zone === undefined) {
    zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(definition) as unknown[]));
    vtimezones.set(definition, zone);
  }
  return zone;
}

function icalTime(wall: string, zone: ICAL.Timezone | null = null): ICAL.Time {
  const match = WALL.exec(wall)!;
  const [, year, month, day, hour, minute, second] = match;
  const data = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0), isDate: hour === undefined };
  return new ICAL.Time(data, zone as ICAL.Timezone);
}

/** The instant of a wall-clock time in a calendar zone (RFC 5545's gap and overlap rule for IANA zones). */
export function calendarWallToInstant(wall: string, zone: CalendarZone): number {
  const ms = wallToMs(wall);
  if (zone.kind === 'utc') return ms;
  if (zone.kind === 'iana') return zonedWallMsToInstant(ms, zone.zone);
  return icalTime(wall.length === 10 ? `${wall}T00:00:00` : wall, vtimezone(zone.definition)).toUnixTime() * MS_PER_SECOND;
}

/** The wall-clock time of an instant in a calendar zone. */
export function calendarInstantToWall(instant: number, zone: CalendarZone): string {
  if (zone.kind === 'utc') return msToWall(instant);
  if (zone.kind === 'iana') {
    const moment = instantToZoned(instant, zone.zone);
    return `${moment.date}T${moment.time}:${String(Math.floor(moment.second)).padStart(2, '0')}`;
  }
  // The offset at the instant read as a wall time, corrected once: exact except within an
  // hour of a transition, where it errs by that transition's size at most.
  const definition = vtimezone(zone.definition);
  const guess = icalTime(msToWall(instant), definition);
  const offset = definition.utcOffset(guess) * MS_PER_SECOND;
  const corrected = icalTime(msToWall(instant + offset), definition);
  return msToWall(instant + definition.utcOffset(corrected) * MS_PER_SECOND);
}

const PERIOD_MS: Record<string, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: MS_PER_DAY,
  WEEKLY: 7 * MS_PER_DAY,
};

const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * A rule with the parts it takes from DTSTART made explicit (RFC 5545 §3.3.10: a weekly rule
 * without BYDAY meets on DTSTART's weekday, a monthly one on its day of the month…), so that
 * moving the rule's start forward does not change what it means.
 */
function withImpliedParts(recur: ICAL.Recur, start: string): void {
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  const [, month, day] = start.slice(0, 10).split('-').map(Number) as [number, number, number];
  const has = (name: string) => (parts[name]?.length ?? 0) > 0;
  if (recur.freq === 'WEEKLY' && !has('BYDAY')) parts.BYDAY = [ICAL_DAYS[weekdayOfDayNumber(civilToDayNumber(start.slice(0, 10))) - 1]];
  if (recur.freq === 'MONTHLY' && !has('BYDAY') && !has('BYMONTHDAY')) parts.BYMONTHDAY = [day];
  if (recur.freq === 'YEARLY' && !has('BYYEARDAY') && !has('BYWEEKNO')) {
    if (!has('BYMONTH') && !has('BYDAY')) parts.BYMONTH = [month];
    if (!has('BYMONTHDAY') && !has('BYDAY')) parts.BYMONTHDAY = [day];
  }
}

/**
 * A start whole periods (FREQ × INTERVAL, in wall time) after `start`, at least one period
 * before `windowStart`, so the rule keeps its phase; `start` itself when it is not that far back.
 */
export function jumpedStart(recur: ICAL.Recur, start: string, windowStart: string): string {
  const interval = recur.interval ?? 1;
  const startMs = wallToMs(start);
  const windowMs = wallToMs(windowStart);
  if (windowMs <= startMs) return start;
  const timeOfDay = start.length > 10 ? start.slice(10) : '';
  const period = PERIOD_MS[recur.freq];
  if (period !== undefined) {
    const periods = Math.floor((windowMs - startMs) / (period * interval)) - 1;
    if (periods <= 0) return start;
    const jumped = msToWall(startMs + periods * period * interval);
    return start.length === 10 ? jumped.slice(0, 10) : jumped;
  }
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [windowYear, windowMonth] = windowStart.split('-').map(Number) as [number, number];
  if (recur.freq === 'MONTHLY') {
    const periods = Math.floor(((windowYear - startYear) * 12 + (windowMonth - startMonth)) / interval) - 1;
    if (periods <= 0) return start;
    const months = startYear * 12 + (startMonth - 1) + periods * interval;
    return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01${timeOfDay}`;
  }
  const periods = Math.floor((windowYear - startYear) / interval) - 1;
  if (periods <= 0) return start;
  return `${String(startYear + periods * interval).padStart(4, '0')}-01-01${timeOfDay}`;
}

/** Views longer than this are not looked at: a rule whose budget lasts longer is never said to be cut. */
const DENSE_WITHIN_MS = 10 * 365 * MS_PER_DAY;
/** Instances a rule's rate is judged by. */
const RATE_SAMPLE = 1000;

/**
 * How long from its start a view of the rule holds MAX_VISITED instances, the most an
 * expansion follows, at the rate of the rule's first RATE_SAMPLE instances: when that is less
 * than ten years (rules by the second or minute, or many times an hour), views longer than it are
 * cut there. Null for a rule no such view can cut: one that gives at most a few instances a
 * day (no finer FREQ than DAILY and no BYHOUR, BYMINUTE or BYSECOND), has a COUNT within the
 * budget, or ends within its sample.
 */
export function denseRuleSpan(rule: string, start: string): number | null {
  if (!/FREQ=(SECONDLY|MINUTELY|HOURLY)|BY(HOUR|MINUTE|SECOND)=/i.test(rule)) return null;
  try {
    const recur = ICAL.Recur.fromString(rule);
    if (recur.count !== null && recur.count !== undefined && recur.count <= MAX_VISITED) return null;
    const iterator = guardedIterator(recur, icalTime(start));
    let first: number | null = null;
    let last = 0;
    for (let sampled = 0; sampled < RATE_SAMPLE; sampled += 1) {
      const next = iterator.next();
      if (next === null || next === undefined) return null;
      last = wallToMs(next.toString().slice(0, 19));
      first ??= last;
    }
    const span = ((last - first!) / (RATE_SAMPLE - 1)) * MAX_VISITED;
    return span < DENSE_WITHIN_MS ? span : null;
  } catch {
    return null;
  }
}

/** Candidates ical.js may try for one instance before the rule is taken to match nothing. */
const CANDIDATES_PER_INSTANCE = 20_000;

/**
 * ical.js's iterator, made to give up: for a daily or weekly (or finer) rule that can never
 * match (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31), ical.js 2.2.1 loops forever looking for its next
 * instance. Each instance gets a budget of candidates (about 55 years of days, where a Monday
 * 29 February comes every 28); past it, the iterator throws. The method wrapped is the one
 * its search loop calls once per candidate.
 */
export function guardedIterator(recur: ICAL.Recur, start: ICAL.Time): { next: () => ICAL.Time | null } {
  const iterator = recur.iterator(start) as unknown as { next: () => ICAL.Time | null; check_contracting_rules: () => boolean };
  const check = iterator.check_contracting_rules.bind(iterator);
  let budget = CANDIDATES_PER_INSTANCE;
  iterator.check_contracting_rules = () => {
    budget -= 1;
    if (budget < 0) throw new Error('the rule matches no date');
    return check();
  };
  return {
    next: () => {
      budget = CANDIDATES_PER_INSTANCE;
      return iterator.next() ?? null;
    },
  };
}

/**
 * The wall times of one RRULE within [from, to] (inclusive, wall strings of the same shape
 * as `start`), ascending. `until` is the rule's UNTIL already read in the event's zone.
 */
export function ruleWallTimes(rule: string, start: string, from: string, to: string, cost: ExpansionCost, untilWall: string | null = null, engine: 'fastest' | 'ical.js' = 'fastest'): string[] {
  if (engine === 'fastest') {
    const simple = simpleRule(rule, start, untilWall);
    if (simple !== null) return simpleWallMs(simple, wallToMs(start), wallToMs(from), wallToMs(to), cost).map((ms) => msToWall(ms).slice(0, start.length));
  }
  const recur = ICAL.Recur.fromString(rule);
  withImpliedParts(recur, start);
  if (untilWall !== null) recur.until = icalTime(untilWall);
  else if (recur.until !== null && recur.until !== undefined) {
    // A date UNTIL on a timed event includes that whole day.
    const written = recur.until.toString().slice(0, 19);
    recur.until = icalTime(start.length > 10 && written.length === 10 ? `${written}T23:59:59` : written.slice(0, start.length));
  }
  // COUNT counts from DTSTART, so a counted rule cannot jump; its count bounds it.
  const iterationStart = recur.count === null || recur.count === undefined ? jumpedStart(recur, start, from) : start;
  const iterator = guardedIterator(recur, icalTime(iterationStart));
  const inWeeks = weekNumberFilter(recur);
  const times: string[] = [];
  for (;;) {
    if (cost.visited >= MAX_VISITED) break;
    const next = iterator.next();
    if (next === null || next === undefined) break;
    cost.visited += 1;
    const wall = start.length === 10 ? next.toString().slice(0, 10) : next.toString().slice(0, 19);
    if (wall > to) break;
    // The jumped start itself need not be an instance; it always lies before the window.
    if (wall >= from && wall >= start && inWeeks(wall)) times.push(wall);
  }
  return times;
}

/**
 * The rules most calendars are made of (daily or weekly on plain weekdays, monthly on one
 * nth weekday or one day of the month, any INTERVAL, UNTIL or COUNT), which are computed
 * here directly: ical.js's iterator costs about 0.1 ms per weekly rule and over 1 ms per
 * monthly one before its first instance, which for thousands of events is most of a start-up.
 * Tests check this path against ical.js on many generated rules. Yearly rules by week number
 * are computed here too, because ical.js 2.2.1 gets them wrong (it runs on past the weeks
 * asked for and skips some of them in later years), so no filter of its output can fix it.
 */
interface SimpleRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  /** ISO weekdays (1 = Monday); WEEKLY, or MONTHLY with `nth`. */
  weekdays: number[];
  /** MONTHLY: the nth weekday (1…5, or -1…-5 from the end). */
  nth: number | null;
  /** MONTHLY: the day of the month (1…28, which every month has). */
  monthDay: number | null;
  /** ISO weekday weeks start on, for WEEKLY with INTERVAL > 1 and YEARLY's week numbers. */
  weekStart: number;
  /** YEARLY: the week numbers (1…53, or -1…-53 from the end of the year). */
  weekNumbers: number[];
  /** YEARLY: only days in these months (1…12); empty for any month. */
  months: number[];
  /** The last wall time allowed, as wall milliseconds. */
  until: number | null;
}

const SIMPLE_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYWEEKNO', 'BYMONTH', 'UNTIL', 'COUNT', 'WKST']);
/** COUNT is turned into the last instance's time by walking from DTSTART this much at a time. */
const COUNT_SPAN_MS = 400 * MS_PER_DAY;
const simpleRules = new Map<string, SimpleRule | null>();

/** The rule as a SimpleRule, read from its text without ical.js; null for anything else. */
function simpleRule(rule: string, start: string, untilWall: string | null): SimpleRule | null {
  const key = `${rule}|${start}|${untilWall ?? ''}`;
  let found = simpleRules.get(key);
  if (found === undefined) {
    found = readSimpleRule(rule, start, untilWall);
    if (simpleRules.size > 50_000) simpleRules.clear();
    simpleRules.set(key, found);
  }
  return found;
}

function readSimpleRule(rule: string, start: string, untilWall: string | null): SimpleRule | null {
  const parts = new Map<string, string>();
  for (const part of rule.toUpperCase().split(';')) {
    const [name, value, extra] = part.split('=');
    if (name === undefined || value === undefined || extra !== undefined || !SIMPLE_PARTS.has(name) || parts.has(name)) return null;
    parts.set(name, value);
  }
  const count = parts.get('COUNT');
  if (count === undefined) return ruleShape(parts, start, untilWall);
  // RFC 5545 forbids COUNT with UNTIL; ical.js decides what such a rule means.
  if (parts.has('UNTIL') || !/^[1-9]\d{0,5}$/.test(count)) return null;
  const shape = ruleShape(parts, start, null);
  return shape === null ? null : countedUntil(shape, wallToMs(start), Number(count));
}

/**
 * A counted rule as one with an end: its `count`-th instance from DTSTART, which RFC 5545
 * counts as the first. Only when the walk stays within MAX_VISITED, and for the daily, weekly
 * and monthly shapes only when DTSTART is itself an instance (ical.js keeps those rules and
 * its reading of them); yearly week-number rules count an unsynchronised DTSTART first.
 */
function countedUntil(shape: SimpleRule, startMs: number, count: number): SimpleRule | null {
  const found: number[] = [];
  const cost = { visited: 0 };
  for (let from = startMs; found.length <= count && cost.visited < MAX_VISITED; from += COUNT_SPAN_MS) {
    appendAll(found, simpleWallMs(shape, startMs, from, from + COUNT_SPAN_MS - 1, cost));
  }
  if (found[0] !== startMs) {
    if (shape.freq !== 'YEARLY') return null;
    found.unshift(startMs);
  }
  if (found.length < count) return null;
  return { ...shape, until: found[count - 1]! };
}

function ruleShape(parts: ReadonlyMap<string, string>, start: string, untilWall: string | null): SimpleRule | null {
  const freq = parts.get('FREQ');
  const intervalText = parts.get('INTERVAL') ?? '1';
  if (!/^[1-9]\d{0,3}$/.test(intervalText)) return null;
  const wkst = ICAL_DAYS.indexOf(parts.get('WKST') ?? 'MO') + 1;
  if (wkst === 0) return null;
  let until: string | null = untilWall;
  const untilText = parts.get('UNTIL');
  if (untilWall === null && untilText !== undefined) {
    const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(untilText);
    if (match === null) return null;
    const [, year, month, day, hour, minute, second] = match;
    // A date UNTIL on a timed event includes that whole day.
    until = hour === undefined ? `${year}-${month}-${day}${start.length > 10 ? 'T23:59:59' : ''}` : `${year}-${month}-${day}T${hour}:${minute}:${second}`.slice(0, start.length);
  }
  const base = { interval: Number(intervalText), nth: null, monthDay: null, weekStart: wkst, weekNumbers: [], months: [], until: until === null ? null : wallToMs(until) };
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const startWeekday = weekdayOfDayNumber(civilToDayNumber(start.slice(0, 10)));
  if (freq === 'YEARLY') return weekNumberShape(parts, base, startWeekday);
  if (parts.has('BYWEEKNO') || parts.has('BYMONTH')) return null;
  if (freq === 'DAILY') return byDay === undefined && byMonthDay === undefined ? { ...base, freq: 'DAILY', weekdays: [] } : null;
  if (freq === 'WEEKLY') {
    if (byMonthDay !== undefined) return null;
    const weekdays = byDay === undefined ? [startWeekday] : byDay.split(',').map((day) => ICAL_DAYS.indexOf(day) + 1);
    return weekdays.includes(0) ? null : { ...base, freq: 'WEEKLY', weekdays };
  }
  if (freq !== 'MONTHLY') return null;
  if (byDay !== undefined && byMonthDay === undefined) {
    const match = /^([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
    return match === null ? null : { ...base, freq: 'MONTHLY', weekdays: [ICAL_DAYS.indexOf(match[2]!) + 1], nth: Number(match[1]) };
  }
  const monthDay = byMonthDay === undefined ? Number(start.slice(8, 10)) : Number(byMonthDay);
  if (byDay !== undefined || !/^\d{1,2}$/.test(String(byMonthDay ?? '1')) || monthDay < 1 || monthDay > 28) return null;
  return { ...base, freq: 'MONTHLY', weekdays: [], monthDay };
}

/**
 * FREQ=YEARLY with BYWEEKNO, plain BYDAY weekdays (else DTSTART's) and BYMONTH as a limit; any
 * other yearly rule is ical.js's.
 */
function weekNumberShape(parts: ReadonlyMap<string, string>, base: Omit<SimpleRule, 'freq' | 'weekdays'>, startWeekday: number): SimpleRule | null {
  const byWeekNo = parts.get('BYWEEKNO');
  if (byWeekNo === undefined || parts.has('BYMONTHDAY')) return null;
  const numbers = (text: string, lowest: number, highest: number) => {
    const values = text.split(',').map((value) => (/^[+-]?\d{1,2}$/.test(value) ? Number(value) : Number.NaN));
    return values.every((value) => Number.isInteger(value) && value !== 0 && value >= lowest && value <= highest) ? values : null;
  };
  const weekNumbers = numbers(byWeekNo, -53, 53);
  const months = parts.has('BYMONTH') ? numbers(parts.get('BYMONTH')!, 1, 12) : [];
  const byDay = parts.get('BYDAY');
  const weekdays = byDay === undefined ? [startWeekday] : byDay.split(',').map((day) => ICAL_DAYS.indexOf(day) + 1);
  if (weekNumbers === null || months === null || weekdays.includes(0)) return null;
  return { ...base, freq: 'YEARLY', weekdays, weekNumbers, months };
}

/**
 * The day numbers of a yearly week-number rule within [firstDay, lastDay], ascending. RFC 5545:
 * weeks start on WKST, week 1 is the first with at least four days of the year (so it holds
 * 4 January), and a week's days count for that year even when they fall in the next or last.
 */
function weekNumberDays(rule: SimpleRule, startDay: number, firstDay: number, lastDay: number, cost: ExpansionCost): number[] {
  const weekStart = (dayNumber: number) => dayNumber - ((weekdayOfDayNumber(dayNumber) - rule.weekStart + 7) % 7);
  const firstWeek = (year: number) => weekStart(civilToDayNumber(`${String(year).padStart(4, '0')}-01-04`));
  const yearOf = (dayNumber: number) => Number(dayNumberToCivil(dayNumber).slice(0, 4));
  const monthOf = (dayNumber: number) => Number(dayNumberToCivil(dayNumber).slice(5, 7));
  const startYear = yearOf(startDay);
  const days: number[] = [];
  for (let year = Math.max(startYear, yearOf(firstDay) - 1); year <= yearOf(lastDay) + 1 && cost.visited < MAX_VISITED; year += 1) {
    if ((year - startYear) % rule.interval !== 0) continue;
    const weeksInYear = (firstWeek(year + 1) - firstWeek(year)) / 7;
    for (const wanted of rule.weekNumbers) {
      cost.visited += 1;
      const week = wanted > 0 ? wanted : weeksInYear + wanted + 1;
      if (week < 1 || week > weeksInYear) continue;
      const weekFirstDay = firstWeek(year) + 7 * (week - 1);
      for (let day = weekFirstDay; day < weekFirstDay + 7; day += 1) {
        if (day < firstDay || day > lastDay || !rule.weekdays.includes(weekdayOfDayNumber(day))) continue;
        if (rule.months.length === 0 || rule.months.includes(monthOf(day))) days.push(day);
      }
    }
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** The wall times (as wall milliseconds) of a simple rule within [fromMs, toMs]. */
function simpleWallMs(rule: SimpleRule, startMs: number, fromMs: number, toMs: number, cost: ExpansionCost): number[] {
  const startDay = Math.floor(startMs / MS_PER_DAY);
  const timeOfDay = startMs - startDay * MS_PER_DAY;
  const firstDay = Math.max(startDay, Math.floor(fromMs / MS_PER_DAY));
  const lastDay = Math.floor(toMs / MS_PER_DAY);
  const lowest = Math.max(fromMs, startMs);
  const highest = rule.until === null ? toMs : Math.min(toMs, rule.until);
  const times: number[] = [];
  const keep = (dayNumber: number) => {
    const wall = dayNumber * MS_PER_DAY + timeOfDay;
    if (wall >= lowest && wall <= highest) times.push(wall);
  };
  if (rule.freq === 'YEARLY') {
    for (const day of weekNumberDays(rule, startDay, firstDay, lastDay, cost)) keep(day);
    return times;
  }
  if (rule.freq !== 'MONTHLY') {
    const weekOf = (dayNumber: number) => dayNumber - ((weekdayOfDayNumber(dayNumber) - rule.weekStart + 7) % 7);
    const firstWeek = weekOf(startDay);
    for (let day = firstDay; day <= lastDay && cost.visited < MAX_VISITED; day += 1) {
      cost.visited += 1;
      const meets = rule.freq === 'DAILY' ? (day - startDay) % rule.interval === 0 : rule.weekdays.includes(weekdayOfDayNumber(day)) && ((weekOf(day) - firstWeek) / 7) % rule.interval === 0;
      if (meets) keep(day);
    }
    return times;
  }
  const monthIndex = (dayNumber: number) => {
    const date = new Date(dayNumber * MS_PER_DAY);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const startMonth = monthIndex(startDay);
  for (let month = monthIndex(firstDay); month <= monthIndex(lastDay) && cost.visited < MAX_VISITED; month += 1) {
    cost.visited += 1;
    if ((month - startMonth) % rule.interval !== 0) continue;
    const first = Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
    if (rule.monthDay !== null) {
      keep(first + rule.monthDay - 1);
      continue;
    }
    const nextFirst = Date.UTC(Math.floor((month + 1) / 12), (month + 1) % 12, 1) / MS_PER_DAY;
    const weekday = rule.weekdays[0]!;
    const nth = rule.nth!;
    const day = nth > 0 ? first + ((weekday - weekdayOfDayNumber(first) + 7) % 7) + 7 * (nth - 1) : nextFirst - 1 - ((weekdayOfDayNumber(nextFirst - 1) - weekday + 7) % 7) + 7 * (nth + 1);
    if (day >= first && day < nextFirst) keep(day);
  }
  return times;
}

/**
 * ical.js 2.2.1 lets a yearly BYWEEKNO rule run on past its weeks (BYWEEKNO=20;BYDAY=MO gives
 * every Monday from week 20 on), so its instances are checked against RFC 5545's week numbers:
 * weeks start on WKST, and week 1 is the first with at least four days of the year.
 */
function weekNumberFilter(recur: ICAL.Recur): (wall: string) => boolean {
  const weeks = (recur.parts as Record<string, number[] | undefined>).BYWEEKNO;
  if (recur.freq !== 'YEARLY' || weeks === undefined || weeks.length === 0) return () => true;
  // ical.js numbers WKST 1 = Sunday … 7 = Saturday; ISO weekdays are 1 = Monday … 7 = Sunday.
  const weekStartIso = (((recur.wkst ?? 2) + 5) % 7) + 1;
  const weekStart = (dayNumber: number) => dayNumber - ((weekdayOfDayNumber(dayNumber) - weekStartIso + 7) % 7);
  const firstWeek = (year: number) => weekStart(civilToDayNumber(`${String(year).padStart(4, '0')}-01-04`));
  return (wall) => {
    const dayNumber = civilToDayNumber(wall.slice(0, 10));
    const start = weekStart(dayNumber);
    let year = Number(wall.slice(0, 4));
    if (start >= firstWeek(year + 1)) year += 1;
    else if (start < firstWeek(year)) year -= 1;
    const week = (start - firstWeek(year)) / 7 + 1;
    const count = (firstWeek(year + 1) - firstWeek(year)) / 7;
    return weeks.some((wanted) => (wanted > 0 ? wanted === week : count + wanted + 1 === week));
  };
}

/**
 * A rule ical.js must follow. It was tried when the calendar was read, but its iterator can
 * still throw for some starts and windows; a rule that does gives nothing rather than taking
 * the dashboard down (the event's other dates still show).
 */
function libraryWallMs(rule: string, start: string, fromWall: number, toWall: number, cost: ExpansionCost, untilWall: string | null): number[] {
  try {
    return ruleWallTimes(rule, start, msToWall(fromWall), msToWall(toWall), cost, untilWall, 'ical.js').map(wallToMs);
  } catch {
    return [];
  }
}

/** A wall time (wall milliseconds) in a calendar zone → its instant. */
function wallMsToInstant(wallMs: number, zone: CalendarZone): number {
  if (zone.kind === 'utc') return wallMs;
  if (zone.kind === 'iana') return zonedWallMsToInstant(wallMs, zone.zone);
  return calendarWallToInstant(msToWall(wallMs), zone);
}

/** An instant → its wall time (wall milliseconds) in a calendar zone. */
function instantToWallMs(instant: number, zone: CalendarZone): number {
  if (zone.kind === 'utc') return instant;
  if (zone.kind === 'iana') return instant + zoneOffsetMs(instant, zone.zone);
  return wallToMs(calendarInstantToWall(instant, zone));
}

/**
 * The occurrences of an imported event that overlap [from, to) (a moment counts when it
 * starts inside), ascending: DTSTART and every RRULE and RDATE, less EXDATE, with RECURRENCE-ID
 * overrides in place of the occurrences they replace.
 */
export function calendarInstances(calendar: CalendarRecurrence, from: number, to: number, cost: ExpansionCost = { visited: 0 }): CalendarInstance[] {
  if (calendar.cancelled) return [];
  const futureOverrides = calendar.overrides.length === 0 ? [] : calendar.overrides.filter((override) => override.thisAndFuture).sort((a, b) => a.recurrenceId - b.recurrenceId);
  let longest = calendar.durationMs;
  for (const date of calendar.dates) longest = Math.max(longest, date.durationMs);
  let shift = 0;
  for (const override of futureOverrides) {
    longest = Math.max(longest, override.durationMs);
    shift = Math.max(shift, Math.abs(override.start - override.recurrenceId));
  }
  // Wall times a day wider on each side: zone offsets and DST shifts stay well within it.
  const reach = longest + shift + MS_PER_DAY;
  const fromWall = instantToWallMs(from - reach, calendar.zone);
  const toWall = instantToWallMs(to + reach, calendar.zone);
  const startWall = wallToMs(calendar.start);

  const walls: number[] = startWall >= fromWall && startWall <= toWall ? [startWall] : [];
  for (const rule of calendar.rules) {
    const untilWall = untilInZone(rule, calendar);
    const simple = simpleRule(rule, calendar.start, untilWall);
    // Each rule has its own MAX_VISITED, so where a dense one is cut never depends on how much
    // of the budget the event's other rules spent (which grows with the window's length).
    const ruleCost = { visited: 0 };
    appendAll(walls, simple !== null ? simpleWallMs(simple, startWall, fromWall, toWall, ruleCost) : libraryWallMs(rule, calendar.start, fromWall, toWall, ruleCost, untilWall));
    cost.visited += ruleCost.visited;
  }
  const exdays = calendar.exdays.length === 0 ? null : new Set(calendar.exdays);
  const excluded = calendar.exdates.length === 0 ? null : new Set(calendar.exdates);
  const replaced = calendar.overrides.length === 0 ? null : new Set(calendar.overrides.map((override) => override.recurrenceId));
  const base = new Map<number, number>();
  for (const wall of walls) {
    if (exdays !== null && exdays.has(dayNumberToCivil(Math.floor(wall / MS_PER_DAY)))) continue;
    base.set(wallMsToInstant(wall, calendar.zone), calendar.durationMs);
  }
  for (const date of calendar.dates) {
    if (date.start >= from - reach && date.start <= to + reach && !base.has(date.start)) base.set(date.start, date.durationMs);
  }

  const instances: CalendarInstance[] = [];
  const inWindow = (start: number, end: number) => (end > start ? end > from && start < to : start >= from && start < to);
  for (const [start, durationMs] of base) {
    if (excluded?.has(start) || replaced?.has(start)) continue;
    const governing = futureOverrides.length === 0 ? null : lastBefore(futureOverrides, start);
    const instance: CalendarInstance =
      governing === null
        ? { start, end: start + durationMs, title: null, where: null, cancelled: false }
        : {
            start: start + governing.start - governing.recurrenceId,
            end: start + governing.start - governing.recurrenceId + governing.durationMs,
            title: governing.title,
            where: governing.where,
            cancelled: governing.cancelled,
          };
    if (inWindow(instance.start, instance.end)) instances.push(instance);
  }
  for (const override of calendar.overrides) {
    const end = override.start + override.durationMs;
    if (!excluded?.has(override.recurrenceId) && inWindow(override.start, end)) {
      instances.push({ start: override.start, end, title: override.title, where: override.where, cancelled: override.cancelled });
    }
  }
  if (calendar.zone.kind === 'vtimezone' && calendar.ownZone !== undefined) for (const instance of instances) withOwnOffset(instance, calendar.zone, calendar.ownZone);
  return instances.length > 1 ? instances.sort((a, b) => a.start - b.start) : instances;
}

/**
 * An occurrence in a zone only the file defines, whose offset then is not the one its IANA
 * stand-in has (a year the rules differ, or no stand-in at all): shown in a zone of that offset.
 */
function withOwnOffset(instance: CalendarInstance, zone: CalendarZone, ownZone: string): void {
  const offset = instantToWallMs(instance.start, zone) - instance.start;
  if (zoneOffsetMs(instance.start, ownZone) !== offset) instance.zone = zoneWithOffset(offset, instance.start);
}

/** The instant of a wall time (as wall milliseconds) in a calendar zone. */
export function definedInstant(wallMs: number, zone: CalendarZone): number {
  return wallMsToInstant(wallMs, zone);
}

function lastBefore<T extends { recurrenceId: number }>(sorted: readonly T[], instant: number): T | null {
  let found: T | null = null;
  for (const entry of sorted) {
    if (entry.recurrenceId < instant) found = entry;
    else break;
  }
  return found;
}

/**
 * push(...items) passes each item as an argument, and a rule by the second or minute has more
 * instances in a window than the stack has room for arguments.
 */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A UNTIL written in UTC ('Z'), read as a wall time in the event's zone, as ical.js compares wall times. */
function untilInZone(rule: string, calendar: CalendarRecurrence): string | null {
  const match = /(?:^|;)UNTIL=(\d{8}T\d{6}Z)(?:;|$)/i.exec(rule);
  if (!match || calendar.zone.kind === 'utc') return null;
  const text = match[1]!;
  const instant = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(4, 6)) - 1, Number(text.slice(6, 8)), Number(text.slice(9, 11)), Number(text.slice(11, 13)), Number(text.slice(13, 15)));
  return calendarInstantToWall(instant, calendar.zone);
}

provideCalendarExpander(calendarInstances, calendarInstantToWall);
