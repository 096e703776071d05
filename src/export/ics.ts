// The schedule as an RFC 5545 calendar fit to subscribe to: each meeting slot a recurring
// event (RRULE, with its zone's TZID and a VTIMEZONE written from radar's own rules), skipped
// occurrences as EXDATEs, milestones as all-day events (exact ones as timed events). A client
// expanding the file lists the dates radar lists: rules read off ISO week numbers are split
// into consecutive series wherever a year of 53 ISO weeks breaks their rhythm. Pure: the same
// schedule and `now` give the same bytes.
import packageJson from '../../package.json';
import type { CalendarRecurrence, CalendarZone, Milestone, Schedule } from '../model/types';
import type { Meeting, Slot } from '../model/types';
import { calendarWallTime, expandCalendar } from '../time/calendar-expansion';
import { addDays, civilDateFromParts, civilToDayNumber } from '../time/civil';
import { toIsoUtc } from '../time/instant';
import { occurrenceDates, weekParityWarning } from '../time/recurrence';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../time/supported-range';
import { instantToZoned, zonedWallTimeToInstant, zoneOffsetMs } from '../time/zoned';
import { meetingMatches, upcomingOccurrences, type Occurrence } from '../views/meetings';
import { milestonesInView, type MilestoneRow } from '../views/milestones';
import type { ViewFilter } from '../views/filters';
import { offsetChanges, vtimezoneLines } from './vtimezone';

export interface IcsRequest {
  /** The moment of the export: one-off items are counted from here and every DTSTAMP says it. */
  now: number;
  /** How far ahead one-off meetings (`once`) are written; recurring ones are not limited. */
  meetingDays: number;
  milestoneDays: number;
  /** Past milestones too (`--all`). */
  all: boolean;
  filter: ViewFilter;
}

const UID_DOMAIN = 'release-radar';
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

/**
 * Stable across exports (subscribed calendars update an event instead of adding a copy): the
 * meeting id with the occurrence's date and slot time in the meeting's own zone, never the
 * export time. The fixed-shape suffix keeps two meetings' UIDs apart whatever their ids.
 */
export function meetingUid(occurrence: Occurrence): string {
  return occurrenceUid(occurrence.meeting, occurrence.slot, occurrence.date);
}

function occurrenceUid(meeting: Meeting, slot: Slot, date: string): string {
  return `${meeting.id}-${date.replace(/-/g, '')}T${slot.time.replace(':', '')}@meetings.${UID_DOMAIN}`;
}

/**
 * The milestone id within its cycle: a moved milestone keeps its UID (the calendar entry
 * moves), and `feature-freeze` of two cycles are two events.
 */
export function milestoneUid(milestone: Milestone): string {
  const cycle = milestone.cycle === null ? '' : `${milestone.cycle}.`;
  return `${milestone.id}@${cycle}milestones.${UID_DOMAIN}`;
}

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break as `\n`. Control
 * characters other than tab are not allowed in TEXT at all, so they are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/**
 * Folds a content line so no line exceeds 75 octets of UTF-8 (continuations start with a
 * space, which counts), splitting only between code points: a multi-byte character is never
 * cut in two.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** '20150811T214457Z' (whole seconds, as DATE-TIME has no fractions). */
export function formatUtcDateTime(instant: number): string {
  return `${toIsoUtc(instant).slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** '20150901' from '2015-09-01'. */
function formatDate(date: string): string {
  return date.replace(/-/g, '');
}

/** A URI value is written unescaped, so only something that is plainly one goes into URL. */
function isPlainUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}\u0000-\u001f\u007f]+$/i.test(value);
}

type Line = [name: string, value: string];

const text = (name: string, value: string): Line => [name, escapeText(value)];

function optionalText(name: string, value: string | null): Line[] {
  return value === null || value.trim() === '' ? [] : [text(name, value)];
}

function optionalUri(value: string | null): Line[] {
  return value !== null && isPlainUri(value) ? [['URL', value]] : [];
}

function categories(values: readonly string[]): Line[] {
  const present = values.filter((value) => value.trim() !== '');
  return present.length === 0 ? [] : [['CATEGORIES', present.map(escapeText).join(',')]];
}

const isWritten = (part: string | null | false): part is string => typeof part === 'string' && part.trim() !== '';

/** Facts one per line, then each longer text as its own paragraph. */
function description(facts: (string | null | false)[], ...paragraphs: (string | null | false)[]): string | null {
  const blocks = [facts.filter(isWritten).join('\n'), ...paragraphs.filter(isWritten)].filter((block) => block !== '');
  return blocks.length === 0 ? null : blocks.join('\n\n');
}

/** Every meeting event shares these: who, what, where, and the zone its time is fixed in. */
function meetingFacts(meeting: Meeting, slot: Slot, ...paragraphs: (string | null | false)[]): Line[] {
  const about = description(
    [
      meeting.project !== null && `Project: ${meeting.project}`,
      meeting.chair !== null && `Chair: ${meeting.chair}`,
      meeting.agenda !== null && `Agenda: ${meeting.agenda}`,
      // Clients show the event in the reader's zone; the zone the meeting is fixed in tells
      // them whether it moves for them when daylight saving changes.
      `Fixed at ${slot.time} ${meeting.zone} (${slot.frequency})`,
    ],
    ...paragraphs,
  );
  return [
    text('SUMMARY', meeting.title),
    ...optionalText('LOCATION', slot.where ?? meeting.where),
    ...optionalText('DESCRIPTION', about),
    ...optionalUri(meeting.agenda),
    ...categories(['meeting', ...(meeting.project === null ? [] : [meeting.project])]),
    ['STATUS', 'CONFIRMED'],
    ['TRANSP', 'OPAQUE'],
  ];
}

/**
 * One occurrence as an event of its own, at its UTC instant: a `once` slot, or an occurrence
 * of a series that clients would place differently (see isAmbiguousWallTime).
 */
function singleMeetingEvent(meeting: Meeting, slot: Slot, date: string, stamp: string, span: { start: number; end: number } | null = null): Line[] {
  // An imported calendar's occurrence brings its own span (an override may last longer).
  const start = span?.start ?? zonedWallTimeToInstant(date, slot.time, meeting.zone);
  const end = span?.end ?? start + meeting.duration * 60_000;
  const warning = weekParityWarning(slot, date);
  return [
    ['UID', escapeText(occurrenceUid(meeting, slot, date))],
    ['DTSTAMP', stamp],
    ['DTSTART', formatUtcDateTime(start)],
    ['DTEND', formatUtcDateTime(end)],
    ...meetingFacts(meeting, slot, warning),
  ];
}

/**
 * Where recurring series begin and how far they are written: from the start of last year
 * (or the slot's own start), for SERIES_YEARS. Past the end, the last series of a rule read
 * off ISO week numbers runs on without its week-53 corrections.
 */
const SERIES_YEARS = 20;
const DAY_MS = 86_400_000;

export interface SeriesWindow {
  fromYear: number;
  toYear: number;
}

export function seriesWindow(now: number): SeriesWindow {
  const year = Number(toIsoUtc(now).slice(0, 4));
  // Within the dates radar supports, so every date of the window can be written (YYYY-MM-DD).
  return { fromYear: Math.max(FIRST_SUPPORTED_YEAR, year - 1), toYear: Math.min(LAST_SUPPORTED_YEAR, year - 1 + SERIES_YEARS) };
}

/** A run of occurrence dates, evenly spaced, that one RRULE can say. */
interface Series {
  dates: string[];
  /** The last series of a slot without `until`: no UNTIL, it goes on. */
  open: boolean;
}

const ISO_WEEK_RULES: Partial<Record<Slot['frequency'], number>> = {
  'biweekly-odd': 2,
  'biweekly-even': 2,
  quadweekly: 4,
  'quadweekly-week-1': 4,
  'quadweekly-week-2': 4,
  'quadweekly-week-3': 4,
  'quadweekly-alternate': 4,
};

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FIRST_OF_MONTH = /^first-(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** The weeks between occurrences of a weekly kind of rule; null for monthly ones. */
function weeksApart(slot: Slot): number | null {
  if (slot.frequency === 'weekly') return slot.interval;
  if (slot.frequency === 'biweekly') return 2;
  return ISO_WEEK_RULES[slot.frequency] ?? null;
}

/**
 * The slot's dates over the window, cut wherever the spacing breaks (the weeks around each
 * ISO week 53, for rules read off week numbers): each piece is evenly spaced, so one RRULE
 * with an UNTIL says it exactly. radar's own dates decide; the RRULE only has to repeat them.
 */
export function slotSeries(slot: Slot, window: SeriesWindow): Series[] {
  const dates = occurrenceDates(slot, civilDateFromParts(window.fromYear, 1, 1), civilDateFromParts(window.toYear, 12, 31));
  if (dates.length === 0) return [];
  const weeks = weeksApart(slot);
  if (weeks === null) return [{ dates, open: slot.until === null }];
  const runs: string[][] = [[dates[0]!]];
  for (let index = 1; index < dates.length; index += 1) {
    const gap = civilToDayNumber(dates[index]!) - civilToDayNumber(dates[index - 1]!);
    if (gap === 7 * weeks) runs.at(-1)!.push(dates[index]!);
    else runs.push([dates[index]!]);
  }
  return runs.map((run, index) => ({ dates: run, open: index === runs.length - 1 && slot.until === null }));
}

function rrule(slot: Slot, series: Series, zone: string): string | null {
  const until = series.open ? '' : `;UNTIL=${formatUtcDateTime(zonedWallTimeToInstant(series.dates.at(-1)!, slot.time, zone))}`;
  const weeks = weeksApart(slot);
  // No BYDAY: the weekday is DTSTART's (RFC 5545), and calcurse refuses a BYDAY that is not
  // the weekday of DTSTART in its own zone (Monday 09:00 in Lord Howe is Sunday in UTC).
  if (weeks !== null) return `FREQ=WEEKLY${weeks === 1 ? '' : `;INTERVAL=${weeks}`}${until}`;
  const first = FIRST_OF_MONTH.exec(slot.frequency);
  if (first !== null) return `FREQ=MONTHLY;BYDAY=1${BYDAY[['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(first[1]!)]}${until}`;
  if (slot.frequency === 'monthly') return `FREQ=MONTHLY;BYDAY=${slot.week}${BYDAY[(slot.day ?? 1) - 1]}${until}`;
  return null;
}

/** 'DTSTART;TZID=Europe/Berlin' with '20261203T140000', or the UTC form for UTC meetings. */
function zonedProperty(name: string, date: string, time: string, zone: string): Line {
  if (zone === 'UTC') return [name, formatUtcDateTime(zonedWallTimeToInstant(date, time, zone))];
  return [`${name};TZID=${zone}`, `${formatDate(date)}T${time.replace(':', '')}00`];
}

/** What sets one slot apart from the meeting's others, for its UIDs. */
function slotSignature(slot: Slot): string {
  const day = slot.day === null ? '' : BYDAY[slot.day - 1]!.toLowerCase();
  const every = slot.frequency === 'weekly' && slot.interval !== 1 ? `-every-${slot.interval}` : slot.frequency === 'monthly' ? `-${slot.week}` : '';
  return `${day}${slot.time.replace(':', '')}-${slot.frequency}${every}`;
}

/**
 * The UID of a series: the meeting, the slot, and the first date of every series but the
 * slot's first, so a re-export updates each series in place.
 */
export function seriesUid(meeting: Meeting, slot: Slot, series: Series, first: boolean): string {
  const from = first ? '' : `-from-${formatDate(series.dates[0]!)}`;
  return `${meeting.id}-${slotSignature(slot)}${from}@meetings.${UID_DOMAIN}`;
}

/**
 * A wall time that does not exist (spring forward) or exists twice (fall back) on `date`.
 * RFC 5545 says which instant it means, and radar follows it, but calendar programs differ
 * (ical.js takes the later offset for both), so such an occurrence is written as an instant.
 */
export function isAmbiguousWallTime(date: string, time: string, zone: string): boolean {
  const instant = zonedWallTimeToInstant(date, time, zone);
  const before = zoneOffsetMs(instant - DAY_MS, zone);
  const after = zoneOffsetMs(instant + DAY_MS, zone);
  if (before === after) return false;
  const wall = (at: number) => {
    const moment = instantToZoned(at, zone);
    return `${moment.date} ${moment.time}`;
  };
  if (wall(instant) !== `${date} ${time}`) return true;
  return wall(instant + Math.abs(before - after)) === `${date} ${time}`;
}

/** The days (in `zone`) on or next to which its offset changes over the window: the only ones worth checking. */
export type ChangeDays = (zone: string) => ReadonlySet<string>;

function changeDaysOf(window: SeriesWindow): ChangeDays {
  const known = new Map<string, Set<string>>();
  return (zone) => {
    let days = known.get(zone);
    if (days === undefined) {
      days = new Set();
      for (const change of offsetChanges(zone, window.fromYear, window.toYear)) {
        const day = instantToZoned(change.at, zone).date;
        for (const offset of [-1, 0, 1]) days.add(addDays(day, offset));
      }
      known.set(zone, days);
    }
    return days;
  };
}

function ambiguousDates(meeting: Meeting, slot: Slot, series: Series, changeDays: ChangeDays): string[] {
  if (meeting.zone === 'UTC') return [];
  const near = changeDays(meeting.zone);
  const skipped = new Set(slot.skip.map((skip) => skip.date));
  return series.dates.filter((date) => near.has(date) && !skipped.has(date) && isAmbiguousWallTime(date, slot.time, meeting.zone));
}

/**
 * `exact`: occurrences at a wall time a DST change makes ambiguous, excluded here and written
 * as events of their own at their exact instant (calcurse ignores RDATE, so not as RDATEs).
 */
function seriesEvent(meeting: Meeting, slot: Slot, series: Series, first: boolean, exact: readonly string[], stamp: string): Line[] {
  const rule = rrule(slot, series, meeting.zone);
  const within = new Set(series.dates);
  const skips = slot.skip.filter((skip) => within.has(skip.date));
  const skipped = skips.map((skip) => `Skipped ${skip.date}${skip.reason === null ? '' : `: ${skip.reason}`}`);
  // A series ends or begins where a week 53 broke the rhythm: only its ends can carry the note.
  const broken = weekParityWarning(slot, series.dates[0]!) ?? weekParityWarning(slot, series.dates.at(-1)!);
  return [
    ['UID', escapeText(seriesUid(meeting, slot, series, first))],
    ['DTSTAMP', stamp],
    zonedProperty('DTSTART', series.dates[0]!, slot.time, meeting.zone),
    ['DURATION', `PT${meeting.duration}M`],
    ...(rule === null ? [] : [['RRULE', rule] as Line]),
    ...[...skips.map((skip) => skip.date), ...exact].sort().map((date) => zonedProperty('EXDATE', date, slot.time, meeting.zone)),
    ...meetingFacts(meeting, slot, skipped.length === 0 ? null : skipped.join('\n'), broken),
  ];
}

/**
 * The recurring events of one meeting, a few per slot. Seam: a meeting whose occurrences
 * come from elsewhere than slots (an imported calendar's own recurrence) adds its events
 * beside these.
 */
function recurringMeetingEvents(meeting: Meeting, window: SeriesWindow, changeDays: ChangeDays, stamp: string, written: Set<string>): Line[][] {
  const events: Line[][] = [];
  for (const slot of meeting.slots) {
    if (slot.frequency === 'once' || slot.frequency === 'adhoc') continue;
    slotSeries(slot, window).forEach((series, index) => {
      const exact = ambiguousDates(meeting, slot, series, changeDays);
      const event = seriesEvent(meeting, slot, series, index === 0, exact, stamp);
      // A slot given twice is one event, with one UID.
      const uid = event[0]![1];
      if (written.has(uid)) return;
      written.add(uid);
      events.push(event);
      for (const date of exact) events.push(singleMeetingEvent(meeting, slot, date, stamp));
    });
  }
  return events;
}

/** A TZID parameter value: quoted when it holds a character that ends a parameter. */
function tzidParameter(tzid: string): string {
  return /[:;,]/.test(tzid) ? `"${tzid}"` : tzid;
}

/** Text from an imported file written as it was: no control characters (a DQUOTE cannot be in a parameter at all). */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** 'YYYY-MM-DDTHH:MM:SS' → 'YYYYMMDDTHHMMSS'. */
function compactWall(wall: string): string {
  return wall.replace(/[-:]/g, '');
}

/**
 * An instant of an imported event, written in the event's own zone (TZID and wall time), as
 * its DTSTART is: clients match RECURRENCE-IDs to rule instances by their wall time.
 */
function calendarTime(name: string, instant: number, zone: CalendarZone, tzids: ZoneNames, extra = ''): Line {
  if (zone.kind === 'utc') return [`${name}${extra}`, formatUtcDateTime(instant)];
  return [`${name};TZID=${tzidParameter(tzids.of(zone))}${extra}`, compactWall(calendarWallTime(instant, zone))];
}

/** A length as an RFC 5545 DURATION, to the second. */
function durationValue(ms: number): string {
  return `PT${Math.round(ms / 1000)}S`;
}

/**
 * The TZIDs the export writes and the VTIMEZONE of each: IANA zones from radar's own rules,
 * a zone only an imported file defined under its own TZID with that file's definition (two
 * files that define one TZID differently get two names).
 */
class ZoneNames {
  readonly iana = new Map<string, number>();
  readonly defined = new Map<string, string>();
  private readonly names = new Map<string, string>();

  /** Records an IANA zone used from `year` on. */
  useIana(zone: string, year: number): void {
    if (zone === 'UTC') return;
    this.iana.set(zone, Math.min(this.iana.get(zone) ?? year, year));
  }

  of(zone: CalendarZone): string {
    if (zone.kind === 'utc') return 'UTC';
    if (zone.kind === 'iana') return zone.zone;
    let name = this.names.get(zone.definition);
    if (name === undefined) {
      const written = withoutControls(zone.tzid).replace(/"/g, '').trim() || 'Custom';
      name = written;
      for (let n = 2; this.defined.has(name) || this.iana.has(name); n += 1) name = `${written} (${n})`;
      this.defined.set(name, zone.definition);
      this.names.set(zone.definition, name);
    }
    return name;
  }
}

/** A VTIMEZONE an imported file defined, written again under `tzid`: its observances only. */
function definedVtimezoneLines(tzid: string, definition: string): Line[] {
  const lines: Line[] = [];
  const open: string[] = [];
  for (const raw of definition.split(/\r?\n/)) {
    const colon = raw.indexOf(':');
    if (colon < 0) continue;
    const name = raw.slice(0, colon).toUpperCase();
    const value = raw.slice(colon + 1);
    if (name === 'BEGIN') open.push(value.trim().toUpperCase());
    const inside = open.every((component) => component === 'VTIMEZONE' || component === 'STANDARD' || component === 'DAYLIGHT');
    if (inside) lines.push(name === 'TZID' && open.length === 1 ? ['TZID', tzid] : [withoutControls(raw.slice(0, colon)), withoutControls(value)]);
    if (name === 'END') open.pop();
  }
  return lines;
}

/** The instants at which an imported event's recurrence has occurrences that overlap the window. */
function occursWithin(calendar: CalendarRecurrence, from: number, to: number): boolean {
  return expandCalendar(calendar, from, to).length > 0;
}

/**
 * An imported calendar meeting as the recurring event it was: DTSTART in its zone, its RRULEs,
 * RDATEs and EXDATEs, and one event per RECURRENCE-ID override, under the UID it was imported
 * with. A cancelled occurrence is an EXDATE (clients still draw STATUS:CANCELLED ones, and radar
 * leaves out skipped slot occurrences the same way); an RDATE period of its own length is an
 * RDATE and an override that gives it that length (clients read an RDATE period's start only).
 * A meeting that does not recur is a one-off item: written only when it falls within `--days`.
 */
function calendarMeetingEvents(meeting: Meeting, calendar: CalendarRecurrence, request: IcsRequest, stamp: string, zones: ZoneNames, written: Set<string>): Line[][] {
  if (calendar.cancelled) return [];
  const recurs = calendar.rules.length > 0 || calendar.dates.length > 0;
  if (!recurs && !occursWithin(calendar, request.now, request.now + request.meetingDays * DAY_MS)) return [];
  const imported = calendar.uid ?? null;
  const uid = imported !== null && !written.has(imported) ? imported : `${meeting.id}@meetings.${UID_DOMAIN}`;
  if (written.has(uid)) return [];
  written.add(uid);
  if (calendar.zone.kind === 'iana') zones.useIana(calendar.zone.zone, Math.max(1970, Number(calendar.start.slice(0, 4))));
  const zone = calendar.zone;
  const at = (name: string, instant: number, extra = '') => calendarTime(name, instant, zone, zones, extra);
  const facts = (title: string | null, where: string | null, cancelled: boolean): Line[] => [
    text('SUMMARY', title ?? meeting.title),
    ...optionalText('LOCATION', where ?? meeting.where),
    ...optionalText('DESCRIPTION', description([meeting.project !== null && `Project: ${meeting.project}`, meeting.chair !== null && `Chair: ${meeting.chair}`], meeting.notes ?? null)),
    ...optionalUri(meeting.url ?? null),
    ...categories(['meeting', ...(meeting.project === null ? [] : [meeting.project])]),
    ['STATUS', cancelled ? 'CANCELLED' : 'CONFIRMED'],
    ['TRANSP', 'OPAQUE'],
  ];
  const dropped = calendar.overrides.filter((override) => override.cancelled && !override.thisAndFuture).map((override) => override.recurrenceId);
  const kept = calendar.overrides.filter((override) => !(override.cancelled && !override.thisAndFuture));
  const overridden = new Set(calendar.overrides.map((override) => override.recurrenceId));
  // radar shows an override whose RECURRENCE-ID is no instance of the rules (the series was
  // edited after); clients only apply overrides to instances, so such an instance is added.
  const plain = { ...calendar, exdates: [], exdays: [], overrides: [] };
  const orphans = kept.filter(
    (override) => !override.thisAndFuture && !expandCalendar(plain, override.recurrenceId, override.recurrenceId + 1).some((instance) => instance.start === override.recurrenceId),
  );
  const ownLength = calendar.dates.filter((date) => date.durationMs !== calendar.durationMs && !overridden.has(date.start));
  const start: Line = zone.kind === 'utc' ? ['DTSTART', `${compactWall(calendar.start)}Z`] : [`DTSTART;TZID=${tzidParameter(zones.of(zone))}`, compactWall(calendar.start)];
  const master: Line[] = [
    ['UID', escapeText(uid)],
    ['DTSTAMP', stamp],
    start,
    ['DURATION', durationValue(calendar.durationMs)],
    ...calendar.rules.map((rule): Line => ['RRULE', rule]),
    ...[...new Set([...calendar.dates.map((date) => date.start), ...orphans.map((override) => override.recurrenceId)])].sort((a, b) => a - b).map((instant) => at('RDATE', instant)),
    ...[...new Set([...calendar.exdates, ...dropped])].sort((a, b) => a - b).map((instant) => at('EXDATE', instant)),
    ...[...new Set(calendar.exdays)].sort().map((day): Line => ['EXDATE;VALUE=DATE', formatDate(day)]),
    ...facts(null, null, false),
  ];
  const changed = [
    ...kept.map((override) => ({
      recurrenceId: override.recurrenceId,
      start: override.start,
      durationMs: override.durationMs,
      title: override.title,
      where: override.where,
      cancelled: override.cancelled,
      range: override.thisAndFuture,
    })),
    ...ownLength.map((date) => ({ recurrenceId: date.start, start: date.start, durationMs: date.durationMs, title: null, where: null, cancelled: false, range: false })),
  ].sort((a, b) => a.recurrenceId - b.recurrenceId);
  return [
    master,
    ...changed.map((override): Line[] => [
      ['UID', escapeText(uid)],
      ['DTSTAMP', stamp],
      at('RECURRENCE-ID', override.recurrenceId, override.range ? ';RANGE=THISANDFUTURE' : ''),
      at('DTSTART', override.start),
      ['DURATION', durationValue(override.durationMs)],
      ...facts(override.title, override.where, override.cancelled),
    ]),
  ];
}

function projectsOf(milestone: Milestone): string[] {
  if (milestone.project === null) return [];
  return typeof milestone.project === 'string' ? [milestone.project] : milestone.project;
}

function milestoneEvent(row: MilestoneRow, schedule: Schedule, stamp: string): Line[] {
  const { milestone } = row;
  const projects = projectsOf(milestone);
  const cycle = milestone.cycle === null ? null : (schedule.cycles.find((candidate) => candidate.id === milestone.cycle) ?? null);
  const cycleLine = milestone.cycle === null ? null : `Cycle: ${cycle?.name ?? milestone.cycle}${row.week === null ? '' : `, week ${row.week}`}`;
  const about = description([`Kind: ${milestone.kind}`, cycleLine, projects.length === 0 ? 'Cross-project' : `Project: ${projects.join(', ')}`], milestone.notes, milestone.url);
  // All-day milestones are days, not moments: VALUE=DATE keeps them on the same days in every
  // reader's zone, and DTEND is the day after the last one (RFC 5545's exclusive end).
  const when: Line[] =
    milestone.date !== null
      ? [
          ['DTSTART;VALUE=DATE', formatDate(milestone.date)],
          ['DTEND;VALUE=DATE', formatDate(addDays(milestone.endDate ?? milestone.date, 1))],
        ]
      : [['DTSTART', formatUtcDateTime(milestone.start)], ...(milestone.end > milestone.start ? [['DTEND', formatUtcDateTime(milestone.end)] as Line] : [])];
  return [
    ['UID', escapeText(milestoneUid(milestone))],
    ['DTSTAMP', stamp],
    ...when,
    text('SUMMARY', milestone.title),
    ...optionalText('DESCRIPTION', about),
    ...optionalUri(milestone.url),
    ...categories([milestone.kind, ...projects]),
    // A milestone marks a date; it does not make anyone busy.
    ['TRANSP', 'TRANSPARENT'],
  ];
}

function calendarName(schedule: Schedule, filter: ViewFilter): string {
  const name = schedule.name ?? 'release-radar';
  return filter.projects.length === 0 ? name : `${name}: ${filter.projects.join(', ')}`;
}

/** The calendar as text: CRLF line ends, every line folded to 75 octets. */
export function scheduleToIcs(schedule: Schedule, request: IcsRequest): string {
  const stamp = formatUtcDateTime(request.now);
  const window = seriesWindow(request.now);
  const milestones = milestonesInView(schedule, { now: request.now, days: request.milestoneDays, all: request.all, filter: request.filter });
  const written = new Set<string>();
  const meetings = schedule.meetings.filter((meeting) => meetingMatches(meeting, request.filter));
  const changeDays = changeDaysOf(window);
  const zoneNames = new ZoneNames();
  const recurring = meetings.flatMap((meeting) =>
    meeting.calendar ? calendarMeetingEvents(meeting, meeting.calendar, request, stamp, zoneNames, written) : recurringMeetingEvents(meeting, window, changeDays, stamp, written),
  );
  const oneOff = upcomingOccurrences(schedule, request.now, request.meetingDays, request.filter).filter((occurrence) => {
    // A skipped occurrence does not take place: it is left out rather than sent as
    // STATUS:CANCELLED, which several clients still draw as an ordinary meeting.
    if (occurrence.slot.frequency !== 'once' || occurrence.skipped || occurrence.meeting.calendar) return false;
    const uid = meetingUid(occurrence);
    if (written.has(uid)) return false;
    written.add(uid);
    return true;
  });
  for (const meeting of meetings) if (meeting.slots.some((slot) => slot.frequency !== 'once' && slot.frequency !== 'adhoc')) zoneNames.useIana(meeting.zone, window.fromYear);
  const ianaZones = [...zoneNames.iana].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const definedZones = [...zoneNames.defined].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const events = [
    ...milestones.map((row) => milestoneEvent(row, schedule, stamp)),
    ...recurring,
    ...oneOff.map((occurrence) => singleMeetingEvent(occurrence.meeting, occurrence.slot, occurrence.date, stamp, occurrence)),
  ];
  const lines: Line[] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', `-//release-radar//radar ${packageJson.version}//EN`],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    text('X-WR-CALNAME', calendarName(schedule, request.filter)),
    ...ianaZones.flatMap(([zone, fromYear]) => vtimezoneLines(zone, Math.min(fromYear, window.fromYear), window.toYear)),
    ...definedZones.flatMap(([tzid, definition]) => definedVtimezoneLines(tzid, definition)),
    ...events.flatMap((event): Line[] => [['BEGIN', 'VEVENT'], ...event, ['END', 'VEVENT']]),
    ['END', 'VCALENDAR'],
  ];
  return lines.map(([name, value]) => `${foldLine(`${name}:${value}`)}${CRLF}`).join('');
}
