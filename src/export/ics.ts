// The schedule in view as an RFC 5545 calendar: meeting occurrences as timed events in UTC
// (expanded, so no VTIMEZONE or RRULE can drift from what the radar computes), milestones as
// all-day events (exact ones as timed events). Pure: the same schedule, window and `now` give
// the same bytes.
import packageJson from '../../package.json';
import type { Milestone, Schedule } from '../model/types';
import { addDays } from '../time/civil';
import { toIsoUtc } from '../time/instant';
import { upcomingOccurrences, type Occurrence } from '../views/meetings';
import { milestonesInView, type MilestoneRow } from '../views/milestones';
import type { ViewFilter } from '../views/filters';

export interface IcsRequest {
  /** The moment of the export: the window starts here and every DTSTAMP says it. */
  now: number;
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
  const time = occurrence.slot.time.replace(':', '');
  return `${occurrence.meeting.id}-${occurrence.date.replace(/-/g, '')}T${time}@meetings.${UID_DOMAIN}`;
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

function meetingEvent(occurrence: Occurrence, stamp: string): Line[] {
  const { meeting } = occurrence;
  const about = description(
    [
      meeting.project !== null && `Project: ${meeting.project}`,
      meeting.chair !== null && `Chair: ${meeting.chair}`,
      meeting.agenda !== null && `Agenda: ${meeting.agenda}`,
      // Clients show the event in the reader's zone; the zone the meeting is fixed in tells
      // them whether it moves for them when daylight saving changes.
      `Fixed at ${occurrence.slot.time} ${meeting.zone} (${occurrence.slot.frequency})`,
    ],
    ...occurrence.warnings,
  );
  return [
    ['UID', escapeText(meetingUid(occurrence))],
    ['DTSTAMP', stamp],
    ['DTSTART', formatUtcDateTime(occurrence.start)],
    ['DTEND', formatUtcDateTime(occurrence.end)],
    text('SUMMARY', meeting.title),
    ...optionalText('LOCATION', occurrence.where),
    ...optionalText('DESCRIPTION', about),
    ...optionalUri(meeting.agenda),
    ...categories(['meeting', ...(meeting.project === null ? [] : [meeting.project])]),
    ['STATUS', 'CONFIRMED'],
    ['TRANSP', 'OPAQUE'],
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
  const about = description(
    [`Kind: ${milestone.kind}`, cycleLine, projects.length === 0 ? 'Cross-project' : `Project: ${projects.join(', ')}`],
    milestone.notes,
    milestone.url,
  );
  // All-day milestones are days, not moments: VALUE=DATE keeps them on the same days in every
  // reader's zone, and DTEND is the day after the last one (RFC 5545's exclusive end).
  const when: Line[] =
    milestone.date !== null
      ? [
          ['DTSTART;VALUE=DATE', formatDate(milestone.date)],
          ['DTEND;VALUE=DATE', formatDate(addDays(milestone.endDate ?? milestone.date, 1))],
        ]
      : [
          ['DTSTART', formatUtcDateTime(milestone.start)],
          ...(milestone.end > milestone.start ? [['DTEND', formatUtcDateTime(milestone.end)] as Line] : []),
        ];
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
  const milestones = milestonesInView(schedule, { now: request.now, days: request.milestoneDays, all: request.all, filter: request.filter });
  const uids = new Set<string>();
  const meetings = upcomingOccurrences(schedule, request.now, request.meetingDays, request.filter).filter((occurrence) => {
    // A skipped occurrence does not take place: it is left out rather than sent as
    // STATUS:CANCELLED, which several clients still draw as an ordinary meeting.
    if (occurrence.skipped) return false;
    // Two slots of one meeting at the same time on the same day are one event, with one UID.
    const uid = meetingUid(occurrence);
    if (uids.has(uid)) return false;
    uids.add(uid);
    return true;
  });

  const events = [
    ...milestones.map((row) => milestoneEvent(row, schedule, stamp)),
    ...meetings.map((occurrence) => meetingEvent(occurrence, stamp)),
  ];
  const lines: Line[] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', `-//release-radar//radar ${packageJson.version}//EN`],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    text('X-WR-CALNAME', calendarName(schedule, request.filter)),
    ...events.flatMap((event): Line[] => [['BEGIN', 'VEVENT'], ...event, ['END', 'VEVENT']]),
    ['END', 'VCALENDAR'],
  ];
  return lines.map(([name, value]) => `${foldLine(`${name}:${value}`)}${CRLF}`).join('');
}
