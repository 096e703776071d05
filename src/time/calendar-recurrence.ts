// iCalendar recurrence (RFC 5545 §3.3.10, §3.8.5): rules are evaluated in wall-clock time with
// ical.js, then each wall time becomes an instant through the event's zone (radar's own rules
// for IANA zones, the file's VTIMEZONE otherwise). Only the window asked for is expanded, and
// a rule without COUNT jumps there by whole periods instead of walking from a distant DTSTART.
import ICAL from 'ical.js';
import type { CalendarRecurrence, CalendarZone } from '../model/types';
import { provideCalendarExpander, type CalendarInstance, type ExpansionCost } from './calendar-expansion';
import { civilToDayNumber, dayNumberToCivil, weekdayOfDayNumber } from './civil';
import { instantToZoned, zonedWallClockToInstant } from './zoned';

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
  if (zone.kind === 'iana') {
    const dayNumber = Math.floor(ms / MS_PER_DAY);
    return zonedWallClockToInstant(dayNumberToCivil(dayNumber), ms - dayNumber * MS_PER_DAY, zone.zone);
  }
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

/**
 * The wall times of one RRULE within [from, to] (inclusive, wall strings of the same shape
 * as `start`), ascending. `until` is the rule's UNTIL already read in the event's zone.
 */
export function ruleWallTimes(rule: string, start: string, from: string, to: string, cost: ExpansionCost, untilWall: string | null = null): string[] {
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
  const iterator = recur.iterator(icalTime(iterationStart));
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
 * The occurrences of an imported event that overlap [from, to) (a moment counts when it
 * starts inside), ascending: DTSTART and every RRULE and RDATE, less EXDATE, with RECURRENCE-ID
 * overrides in place of the occurrences they replace.
 */
export function calendarInstances(calendar: CalendarRecurrence, from: number, to: number, cost: ExpansionCost = { visited: 0 }): CalendarInstance[] {
  if (calendar.cancelled) return [];
  const futureOverrides = calendar.overrides.filter((override) => override.thisAndFuture).sort((a, b) => a.recurrenceId - b.recurrenceId);
  const shifts = futureOverrides.map((override) => Math.abs(override.start - override.recurrenceId));
  const longest = Math.max(calendar.durationMs, ...calendar.dates.map((date) => date.durationMs), ...futureOverrides.map((override) => override.durationMs));
  // Wall times a day wider on each side: zone offsets and DST shifts stay well within it.
  const reach = longest + Math.max(0, ...shifts) + MS_PER_DAY;
  const fromWall = calendarInstantToWall(from - reach, calendar.zone);
  const toWall = calendarInstantToWall(to + reach, calendar.zone);

  const walls = new Set<string>();
  if (calendar.start >= fromWall && calendar.start <= toWall) walls.add(calendar.start);
  for (const rule of calendar.rules) {
    for (const wall of ruleWallTimes(rule, calendar.start, fromWall, toWall, cost, untilInZone(rule, calendar))) walls.add(wall);
  }
  const exdays = new Set(calendar.exdays);
  const excluded = new Set(calendar.exdates);
  const replaced = new Set(calendar.overrides.map((override) => override.recurrenceId));
  const base = new Map<number, number>();
  for (const wall of walls) {
    if (exdays.has(wall.slice(0, 10))) continue;
    base.set(calendarWallToInstant(wall, calendar.zone), calendar.durationMs);
  }
  for (const date of calendar.dates) {
    if (date.start >= from - reach && date.start <= to + reach && !base.has(date.start)) base.set(date.start, date.durationMs);
  }

  const instances: CalendarInstance[] = [];
  const inWindow = (start: number, end: number) => (end > start ? end > from && start < to : start >= from && start < to);
  for (const [start, durationMs] of base) {
    if (excluded.has(start) || replaced.has(start)) continue;
    const governing = lastBefore(futureOverrides, start);
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
    if (!excluded.has(override.recurrenceId) && inWindow(override.start, end)) {
      instances.push({ start: override.start, end, title: override.title, where: override.where, cancelled: override.cancelled });
    }
  }
  return instances.sort((a, b) => a.start - b.start);
}

function lastBefore<T extends { recurrenceId: number }>(sorted: readonly T[], instant: number): T | null {
  let found: T | null = null;
  for (const entry of sorted) {
    if (entry.recurrenceId < instant) found = entry;
    else break;
  }
  return found;
}

/** A UNTIL written in UTC ('Z'), read as a wall time in the event's zone, as ical.js compares wall times. */
function untilInZone(rule: string, calendar: CalendarRecurrence): string | null {
  const match = /(?:^|;)UNTIL=(\d{8}T\d{6}Z)(?:;|$)/i.exec(rule);
  if (!match || calendar.zone.kind === 'utc') return null;
  const text = match[1]!;
  const instant = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(4, 6)) - 1, Number(text.slice(6, 8)), Number(text.slice(9, 11)), Number(text.slice(11, 13)), Number(text.slice(13, 15)));
  return calendarInstantToWall(instant, calendar.zone);
}

provideCalendarExpander(calendarInstances);
