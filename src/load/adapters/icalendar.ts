// iCalendar (RFC 5545) → the normalized model (format.md, "iCalendar"). Timed events become
// meetings carrying their recurrence set; all-day events become milestones, one per
// occurrence. Each event is read on its own, so one that cannot be read is a located warning
// naming its UID and property, and the others still load.
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { MILESTONE_KINDS } from '../../model/schema';
import { slugify } from '../../model/slug';
import type { CalendarOverride, CalendarRecurrence, CalendarZone, Diagnostic, Meeting, Milestone, MilestoneKind, Origin } from '../../model/types';
import { addDays, daysBetween, isCivilDate } from '../../time/civil';
import { calendarWallToInstant, definedInstant, denseRuleSpan, guardedIterator, MAX_VISITED, ruleWallTimes, wallToMs } from '../../time/calendar-recurrence';
import { ownZoneOf } from '../../time/calendar-zone';
import { isValidZone, startOfDayInstant } from '../../time/zoned';
import { isClosed, propertyName, repairLine, splitComponents, unfold, valueOf, type ContentLine, type RawComponent } from './icalendar-text';

export interface CalendarSourceOptions {
  /** The source's configured project: every event belongs to it. */
  project?: string | null;
  /** The source's configured zone, for floating times when the calendar names none. */
  zone?: string | null;
  /** The display zone: floating times' last resort. */
  displayZone?: string;
}

/**
 * Cleans text from the file as every source's text is cleaned (src/load/sanitize.ts: no escape
 * sequences; line breaks kept only where `keepNewlines`). Passed in: adapters sit below the loader.
 */
export type CleanText = (text: string, keepNewlines?: boolean) => string;

export interface CalendarItems {
  /** X-WR-CALNAME. */
  name: string | null;
  meetings: Meeting[];
  milestones: Milestone[];
}

export interface CalendarReadResult {
  items: CalendarItems;
  diagnostics: Diagnostic[];
  /** True when a floating time was read in the display zone: the result depends on it. */
  usedDisplayZone: boolean;
}

/** An all-day rule with no end gives at most this many milestones. */
export const MAX_DAY_OCCURRENCES = 500;

const MINUTE = 60_000;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;

type JCalProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];

/** A property of one event, with where it was written. */
interface Property {
  name: string;
  params: Record<string, unknown>;
  type: string;
  values: unknown[];
  at: ContentLine;
}

interface ReadEvent {
  /** The UID, or `line-<n>` for an event written without one. */
  uid: string;
  hasUid: boolean;
  props: Property[];
  origin: Origin;
  line: ContentLine;
}

/** A value that could not be used; the event is left out with this warning. */
class EventProblem extends Error {
  constructor(
    readonly property: Property | null,
    message: string,
  ) {
    super(message);
  }
}

export function readCalendar(text: string, source: string, options: CalendarSourceOptions, clean: CleanText): CalendarReadResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (at: ContentLine, path: string | null, message: string) => diagnostics.push({ source, line: at.line, column: at.column, path, message, severity: 'warning' });
  const roots = splitComponents(unfold(text));
  const calendar = roots.find((component) => component.name === 'VCALENDAR');
  if (calendar === undefined) {
    diagnostics.push({ source, line: 1, column: 1, path: null, message: 'BEGIN:VCALENDAR is never ended: not an iCalendar calendar', severity: 'error' });
    return { items: { name: null, meetings: [], milestones: [] }, diagnostics, usedDisplayZone: false };
  }

  const calendarProperty = (name: string) => {
    const line = calendar.lines.find((candidate) => propertyName(candidate.text) === name);
    return line === undefined ? null : clean(unescapeText(valueOf(line.text))).trim();
  };
  const vtimezones = new Map<string, string>();
  for (const child of calendar.children.filter((component) => component.name === 'VTIMEZONE')) {
    const tzidLine = child.lines.find((line) => propertyName(line.text) === 'TZID');
    if (tzidLine === undefined) continue;
    const definition = child.all.map((line) => line.text).join('\r\n');
    try {
      // Zone rules are yearly; ical.js would search forever for a daily one that never matches.
      const rule = child.all.find((line) => propertyName(line.text) === 'RRULE' && !/FREQ=(YEARLY|MONTHLY)/i.test(line.text));
      if (rule !== undefined) throw new Error(`${valueOf(rule.text)} is not a yearly rule`);
      new ICAL.Timezone(new ICAL.Component(ICAL.parse(definition) as unknown[]));
      vtimezones.set(unquote(valueOf(tzidLine.text).trim()), definition);
    } catch (error) {
      warn(tzidLine, 'VTIMEZONE', `${valueOf(tzidLine.text)} cannot be read (${describe(error)}); times in it are not understood`);
    }
  }

  // A zone only the file defines keeps its rules as written; its name, shown on screen, is cleaned like any text.
  const zoneNamed = (written: string): CalendarZone | null => {
    const zone = namedZone(written, vtimezones);
    return zone?.kind === 'vtimezone' ? { ...zone, tzid: clean(zone.tzid) } : zone;
  };
  let usedDisplayZone = false;
  const calendarZoneName = calendarProperty('X-WR-TIMEZONE');
  const floatingZone = (): CalendarZone => {
    for (const candidate of [calendarZoneName, options.zone ?? null]) {
      const zone = candidate === null ? null : zoneNamed(candidate);
      if (zone !== null) return zone;
    }
    usedDisplayZone = true;
    return { kind: 'iana', zone: options.displayZone ?? 'UTC' };
  };
  const zoneOf = (property: Property): CalendarZone => {
    if (String(property.values[0]).endsWith('Z')) return { kind: 'utc' };
    const tzid = property.params.tzid;
    if (typeof tzid !== 'string' || tzid.trim() === '') return floatingZone();
    const zone = zoneNamed(tzid);
    if (zone === null) throw new EventProblem(property, `TZID ${JSON.stringify(tzid)} is neither an IANA zone, a Windows zone, nor a VTIMEZONE of this file`);
    return zone;
  };

  const events: ReadEvent[] = [];
  calendar.children
    .filter((component) => component.name === 'VEVENT')
    .forEach((component) => {
      const event = readEvent(component, source, clean);
      if ('problem' in event) warn(event.at, event.path, event.problem);
      else events.push(event);
    });

  const masters = new Map<string, ReadEvent>();
  const overridesOf = new Map<string, ReadEvent[]>();
  for (const event of events) {
    const earlier = masters.get(event.uid);
    if (first(event, 'RECURRENCE-ID') !== null) overridesOf.set(event.uid, [...(overridesOf.get(event.uid) ?? []), event]);
    else if (earlier === undefined) masters.set(event.uid, event);
    else warn(event.line, 'UID', `event ${JSON.stringify(event.uid)} is written again (first on line ${earlier.line.line}) without a RECURRENCE-ID; this one is left out`);
  }
  // An override whose master is not in the file stands on its own.
  for (const [uid, overrides] of overridesOf)
    if (!masters.has(uid))
      for (const override of overrides) masters.set(`${uid}\u0000${override.origin.line}`, { ...override, props: override.props.filter((property) => property.name !== 'RECURRENCE-ID') });

  const meetings: Meeting[] = [];
  const milestones: Milestone[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    const stem = base === '' ? 'event' : base;
    let id = stem;
    for (let n = 2; usedIds.has(id); n += 1) id = `${stem}-${n}`;
    usedIds.add(id);
    return id;
  };

  for (const [key, event] of masters) {
    try {
      const dtstart = required(event, 'DTSTART');
      const categories = textValues(event, 'CATEGORIES');
      const project = options.project ?? null;
      if (dtstart.type === 'date') {
        milestones.push(...dayMilestones(event, dtstart, overridesOf.get(event.uid) ?? [], categories, project, floatingZone, uniqueId, (at, message) => warn(at, null, message)));
        continue;
      }
      const recurrence = timedRecurrence(event, dtstart, key === event.uid ? (overridesOf.get(event.uid) ?? []) : [], zoneOf);
      const dense = denseRuleWarning(event, recurrence);
      if (dense !== null) warn(dense.at, 'RRULE', dense.message);
      const organizer = first(event, 'ORGANIZER');
      const ownZone = ownZoneOf(recurrence.zone, wallToMs(recurrence.start), definedInstant);
      meetings.push({
        id: uniqueId(slugify(idBase(event))),
        title: textOf(event, 'SUMMARY') ?? '(untitled event)',
        project,
        zone: ownZone,
        duration: recurrence.durationMs / MINUTE,
        where: textOf(event, 'LOCATION'),
        chair: typeof organizer?.params.cn === 'string' ? organizer.params.cn.trim() || null : null,
        agenda: null,
        slots: [],
        calendar: recurrence.zone.kind === 'vtimezone' ? { ...recurrence, ownZone } : recurrence,
        notes: textOf(event, 'DESCRIPTION'),
        url: textOf(event, 'URL'),
        categories,
        origin: event.origin,
      });
    } catch (error) {
      // Anything else ical.js throws on odd input is still this one event's problem.
      const problem = error instanceof EventProblem ? error : new EventProblem(null, `cannot be read (${describe(error)})`);
      const at = problem.property?.at ?? event.line;
      warn(at, problem.property?.name ?? null, `event ${JSON.stringify(event.uid)}: ${problem.message}; the event is left out`);
    }
  }

  const name = calendarProperty('X-WR-CALNAME');
  diagnostics.sort((a, b) => a.line - b.line);
  return { items: { name: name === '' ? null : name, meetings, milestones }, diagnostics, usedDisplayZone };
}

/** An IANA zone, a Windows zone name (CLDR's mapping), or a VTIMEZONE of the file; null otherwise. */
function namedZone(written: string, vtimezones: ReadonlyMap<string, string>): CalendarZone | null {
  const name = unquote(written.trim());
  if (/^(utc|gmt|z)$/i.test(name)) return { kind: 'utc' };
  if (isValidZone(name)) return { kind: 'iana', zone: name };
  const windows = findIana(name)[0];
  if (windows !== undefined && isValidZone(windows)) return { kind: 'iana', zone: windows };
  const definition = vtimezones.get(name);
  return definition === undefined ? null : { kind: 'vtimezone', tzid: name, definition };
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** One VEVENT through ical.js, each property paired with the line it was written on. */
function readEvent(component: RawComponent, source: string, clean: CleanText): ReadEvent | { problem: string; at: ContentLine; path: string | null } {
  const uidLine = component.lines.find((line) => propertyName(line.text) === 'UID');
  const uid = uidLine === undefined ? '' : clean(unescapeText(valueOf(uidLine.text))).trim();
  const named = uid === '' ? 'an event without UID' : `event ${JSON.stringify(uid)}`;
  // A download or copy cut short: what is left of the event may lack its EXDATEs or its end.
  if (!isClosed(component)) return { problem: `${named}: the text ends before END:VEVENT (cut short?); the event is left out`, at: component.lines[0]!, path: null };
  const own = component.lines.slice(1, -1);
  const kept: ContentLine[] = [];
  for (const line of own) {
    const repaired = repairLine(line.text);
    if (repaired !== null) kept.push({ ...line, text: repaired });
  }
  const props: Property[] = [];
  for (const line of kept) {
    let parsed: JCalProperty;
    try {
      parsed = ICAL.parse.property(line.text) as unknown as JCalProperty;
    } catch (error) {
      return { problem: `${named}: ${propertyName(line.text)} cannot be read (${describe(error)}); the event is left out`, at: line, path: propertyName(line.text) || null };
    }
    const [name, params, type, ...values] = parsed;
    const upper = name.toUpperCase();
    // Text and URLs are shown on screen: cleaned here, once, like every source's text.
    const shown = type === 'text' || type === 'uri';
    const cleanedValues = shown ? values.map((value) => (typeof value === 'string' ? clean(value, upper === 'DESCRIPTION') : value)) : values;
    const cleanedParams = typeof params.cn === 'string' ? { ...params, cn: clean(params.cn) } : params;
    props.push({ name: upper, params: cleanedParams, type, values: cleanedValues, at: line });
  }
  const begin = component.lines[0]!;
  return { uid: uid === '' ? `line-${begin.line}` : uid, hasUid: uid !== '', props, origin: { source, line: begin.line, column: begin.column }, line: begin };
}

/**
 * What an event's id is made from: its UID, else its SUMMARY (yaml2ical writes no UID), so
 * the id stays the same when the feed adds events above it and export UIDs and fired
 * reminders keep following it.
 */
function idBase(event: ReadEvent): string {
  return event.hasUid ? event.uid : (textOf(event, 'SUMMARY') ?? '');
}

function first(event: ReadEvent, name: string): Property | null {
  return event.props.find((property) => property.name === name) ?? null;
}

function all(event: ReadEvent, name: string): Property[] {
  return event.props.filter((property) => property.name === name);
}

function required(event: ReadEvent, name: string): Property {
  const property = first(event, name);
  if (property === null) throw new EventProblem(null, `no ${name}`);
  return property;
}

/** A text value (cleaned when read), or null when empty. */
function textOf(event: ReadEvent, name: string): string | null {
  const value = first(event, name)?.values[0];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

function textValues(event: ReadEvent, name: string): string[] {
  return all(event, name).flatMap((property) =>
    property.values
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.trim())
      .filter((value) => value !== ''),
  );
}

/** A date-time value as a wall time string, checked. */
function wallOf(property: Property, value: unknown): string {
  const match = DATE_TIME.exec(String(value));
  if (!match || !isCivilDate(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 60) {
    throw new EventProblem(property, `${JSON.stringify(valueOf(property.at.text))} is not a date-time`);
  }
  return `${match[1]}T${match[2]}:${match[3]}:${match[4] === '60' ? '59' : match[4]}`;
}

function dateOf(property: Property, value: unknown): string {
  const written = String(value);
  if (!isCivilDate(written)) throw new EventProblem(property, `${JSON.stringify(valueOf(property.at.text))} is not a date`);
  return written;
}

function instantOf(property: Property, value: unknown, zoneOf: (property: Property) => CalendarZone): number {
  const zone = String(value).endsWith('Z') ? ({ kind: 'utc' } as const) : zoneOf(property);
  return calendarWallToInstant(wallOf(property, value), zone);
}

function durationMs(property: Property): number {
  try {
    const seconds = ICAL.Duration.fromString(String(property.values[0])).toSeconds();
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('negative');
    return seconds * 1000;
  } catch {
    throw new EventProblem(property, `${JSON.stringify(String(property.values[0]))} is not a duration`);
  }
}

/** The event's rules, each tried from the event's own start (its first two instances). */
function checkRules(event: ReadEvent, start: ICAL.Time): string[] {
  return all(event, 'RRULE').map((property) => {
    let rule = '';
    try {
      rule = ICAL.Recur.fromData(property.values[0] as Record<string, unknown>).toString();
      const iterator = guardedIterator(ICAL.Recur.fromString(rule), start);
      iterator.next();
      iterator.next();
    } catch (error) {
      throw new EventProblem(property, `${rule} is not a rule radar can follow (${describe(error)})`);
    }
    return rule;
  });
}

/**
 * Said once per event, when it is read: a rule so dense that a view (a `--days` window, the
 * dashboard's) reaches the most instances an expansion follows, past which it shows none.
 */
function denseRuleWarning(event: ReadEvent, recurrence: CalendarRecurrence): { at: ContentLine; message: string } | null {
  const properties = all(event, 'RRULE');
  for (const [index, rule] of recurrence.rules.entries()) {
    const span = denseRuleSpan(rule, recurrence.start);
    if (span === null) continue;
    const message =
      `event ${JSON.stringify(event.uid)}: ${rule} gives more occurrences than radar follows: ` +
      `each view shows the first ${MAX_VISITED.toLocaleString('en-US')} of them from its start (${spanWords(span)} at this rule's rate) and leaves out the rest`;
    return { at: properties[index]?.at ?? event.line, message };
  }
  return null;
}

/** '2 days 7 h', '5 h 33 min', '139 days'. */
function spanWords(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days >= 10) return `${days} days`;
  if (days > 0) return `${days} day${days === 1 ? '' : 's'}${hours > 0 ? ` ${hours} h` : ''}`;
  return hours > 0 ? `${hours} h${minutes % 60 > 0 ? ` ${minutes % 60} min` : ''}` : `${minutes % 60} min`;
}

function isCancelled(event: ReadEvent): boolean {
  return textOf(event, 'STATUS')?.toUpperCase() === 'CANCELLED';
}

function timedRecurrence(event: ReadEvent, dtstart: Property, overrides: readonly ReadEvent[], zoneOf: (property: Property) => CalendarZone): CalendarRecurrence {
  const zone = zoneOf(dtstart);
  const start = wallOf(dtstart, dtstart.values[0]);
  const startInstant = calendarWallToInstant(start, zone);
  const lengthOf = (component: ReadEvent, componentStart: number, fallback: number): number => {
    const end = first(component, 'DTEND');
    if (end !== null) {
      const endInstant = end.type === 'date' ? startOfDayInstant(dateOf(end, end.values[0]), zone.kind === 'iana' ? zone.zone : 'UTC') : instantOf(end, end.values[0], zoneOf);
      if (endInstant < componentStart) throw new EventProblem(end, 'DTEND is before DTSTART');
      return endInstant - componentStart;
    }
    const duration = first(component, 'DURATION');
    return duration !== null ? durationMs(duration) : fallback;
  };
  const duration = lengthOf(event, startInstant, 0);
  const rules = checkRules(event, ICAL.Time.fromDateTimeString(start));

  const dates: CalendarRecurrence['dates'] = [];
  for (const property of all(event, 'RDATE')) {
    for (const value of property.values) {
      if (property.type === 'period' && Array.isArray(value)) {
        const periodStart = instantOf(property, value[0], zoneOf);
        const second = String(value[1]);
        const periodLength = second.startsWith('P') || second.startsWith('-P') ? durationMs({ ...property, values: [second] }) : instantOf(property, second, zoneOf) - periodStart;
        dates.push({ start: periodStart, durationMs: Math.max(0, periodLength) });
      } else if (property.type === 'date') {
        dates.push({ start: calendarWallToInstant(`${dateOf(property, value)}${start.slice(10)}`, zone), durationMs: duration });
      } else {
        dates.push({ start: instantOf(property, value, zoneOf), durationMs: duration });
      }
    }
  }
  const exdates: number[] = [];
  const exdays: string[] = [];
  for (const property of all(event, 'EXDATE')) {
    for (const value of property.values) {
      if (property.type === 'date') exdays.push(dateOf(property, value));
      else exdates.push(instantOf(property, value, zoneOf));
    }
  }

  const calendarOverrides: CalendarOverride[] = overrides.map((override) => {
    const recurrenceId = required(override, 'RECURRENCE-ID');
    const replaced =
      recurrenceId.type === 'date' ? calendarWallToInstant(`${dateOf(recurrenceId, recurrenceId.values[0])}${start.slice(10)}`, zone) : instantOf(recurrenceId, recurrenceId.values[0], zoneOf);
    const ownStart = first(override, 'DTSTART');
    const overrideStart = ownStart === null ? replaced : instantOf(ownStart, ownStart.values[0], zoneOf);
    return {
      recurrenceId: replaced,
      start: overrideStart,
      durationMs: lengthOf(override, overrideStart, duration),
      title: textOf(override, 'SUMMARY'),
      where: textOf(override, 'LOCATION'),
      cancelled: isCancelled(override),
      thisAndFuture: String(recurrenceId.params.range ?? '').toUpperCase() === 'THISANDFUTURE',
    };
  });

  return { uid: event.hasUid ? event.uid : null, zone, start, durationMs: duration, rules, dates, exdates, exdays, overrides: calendarOverrides, cancelled: isCancelled(event) };
}

/** All-day events: one milestone per occurrence, a window when longer than a day. */
function dayMilestones(
  event: ReadEvent,
  dtstart: Property,
  overrides: readonly ReadEvent[],
  categories: string[],
  project: string | null,
  floatingZone: () => CalendarZone,
  uniqueId: (base: string) => string,
  warn: (at: ContentLine, message: string) => void,
): Milestone[] {
  if (isCancelled(event)) return [];
  const firstDay = dateOf(dtstart, dtstart.values[0]);
  const end = first(event, 'DTEND');
  const duration = first(event, 'DURATION');
  let days = 1;
  if (end !== null) days = Math.max(1, daysBetween(firstDay, end.type === 'date' ? dateOf(end, end.values[0]) : wallOf(end, end.values[0]).slice(0, 10)));
  else if (duration !== null) days = Math.max(1, Math.round(durationMs(duration) / 86_400_000));
  const rules = checkRules(event, ICAL.Time.fromDateString(firstDay));
  const kind = (categories.map((value) => value.toLowerCase()).find((value) => (MILESTONE_KINDS as readonly string[]).includes(value)) ?? 'event') as MilestoneKind;
  const calendarZone = floatingZone();
  const zone = calendarZone.kind === 'iana' ? calendarZone.zone : 'UTC';

  const dates = new Set<string>([firstDay]);
  for (const rule of rules) {
    const found = ruleWallTimes(rule, firstDay, firstDay, '2199-12-31', { visited: 0 }).slice(0, MAX_DAY_OCCURRENCES + 1);
    if (found.length > MAX_DAY_OCCURRENCES) warn(first(event, 'RRULE')!.at, `event ${JSON.stringify(event.uid)}: the rule has no end; only its first ${MAX_DAY_OCCURRENCES} days are shown`);
    for (const date of found.slice(0, MAX_DAY_OCCURRENCES)) dates.add(date);
  }
  for (const property of all(event, 'RDATE'))
    for (const value of property.values) dates.add(property.type === 'date' ? dateOf(property, value) : wallOf(property, Array.isArray(value) ? value[0] : value).slice(0, 10));
  for (const property of all(event, 'EXDATE')) for (const value of property.values) dates.delete(property.type === 'date' ? dateOf(property, value) : wallOf(property, value).slice(0, 10));

  const replacements = new Map<string, { date: string; title: string | null; cancelled: boolean; origin: Origin }>();
  for (const override of overrides) {
    const recurrenceId = required(override, 'RECURRENCE-ID');
    const replaced = recurrenceId.type === 'date' ? dateOf(recurrenceId, recurrenceId.values[0]) : wallOf(recurrenceId, recurrenceId.values[0]).slice(0, 10);
    const ownStart = first(override, 'DTSTART');
    replacements.set(replaced, {
      date: ownStart === null ? replaced : ownStart.type === 'date' ? dateOf(ownStart, ownStart.values[0]) : wallOf(ownStart, ownStart.values[0]).slice(0, 10),
      title: textOf(override, 'SUMMARY'),
      cancelled: isCancelled(override),
      origin: override.origin,
    });
  }

  const baseId = slugify(idBase(event));
  const recurring = dates.size > 1 || rules.length > 0;
  const title = textOf(event, 'SUMMARY') ?? '(untitled event)';
  return [...dates].sort().flatMap((date): Milestone[] => {
    const replacement = replacements.get(date);
    if (replacement?.cancelled) return [];
    const day = replacement?.date ?? date;
    const lastDay = addDays(day, days - 1);
    return [
      {
        id: uniqueId(recurring ? `${baseId}-${date}` : baseId),
        title: replacement?.title ?? title,
        kind,
        cycle: null,
        project,
        url: textOf(event, 'URL'),
        notes: textOf(event, 'DESCRIPTION'),
        zone,
        date: day,
        endDate: days > 1 ? lastDay : null,
        at: null,
        start: startOfDayInstant(day, zone),
        end: startOfDayInstant(addDays(lastDay, 1), zone),
        categories,
        origin: replacement?.origin ?? event.origin,
      },
    ];
  });
}
