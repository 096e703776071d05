// Reminders: which ones are due, as a pure function of the schedule, the moment, the lead
// times and the set already fired. The dashboard and `radar watch` both ask it; the fired set
// is kept by the shell around them (fired-state.ts), so restarts never fire twice.
import { countdownParts, two } from '../time/countdown';
import { toIsoUtc } from '../time/instant';
import { formatIsoWithOffset, instantToZoned, zoneAbbreviation } from '../time/zoned';
import type { Schedule } from '../model/types';
import { formatDay } from '../views/cells';
import { projectMatches, type ViewFilter } from '../views/filters';
import { nextLocal } from '../views/next-format';
import { DAY, upcomingOccurrences } from '../views/meetings';

export type ReminderKind = 'meeting' | 'milestone';

/** Lead times as written (`10m`, `1h`, `7d`), per kind. */
export interface LeadTimes {
  meetings: readonly string[];
  milestones: readonly string[];
}

export const DEFAULT_LEAD_TIMES: LeadTimes = { meetings: ['10m'], milestones: ['7d', '1d'] };

const LEAD = /^([1-9]\d{0,5})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: DAY } as const;

/** `10m` → 600 000; null for anything that is not `<n>m`, `<n>h` or `<n>d`. */
export function parseLeadTime(text: string): number | null {
  const match = typeof text === 'string' ? LEAD.exec(text) : null;
  if (match === null) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export interface Reminder {
  /** One per occurrence and lead: what the fired set remembers. */
  key: string;
  kind: ReminderKind;
  title: string;
  /** The instant the meeting or milestone starts. */
  start: number;
  /** The lead time that fired, as written. */
  lead: string;
  where: string | null;
  project: string | null;
  url: string | null;
  /** The zone the event is fixed in (a meeting's own zone), for the line's "(14:00 UTC)". */
  ownZone: string;
  /** An all-day milestone: its day, in its own zone ('2026-12-05'); null for timed events. */
  day: string | null;
}

/** The reminder the dashboard shows first: the one whose event starts soonest (the most urgent). */
export function soonestReminder(reminders: readonly Reminder[]): Reminder | undefined {
  let soonest: Reminder | undefined;
  for (const reminder of reminders) if (soonest === undefined || reminder.start < soonest.start) soonest = reminder;
  return soonest;
}

export interface ReminderQuery {
  now: number;
  leads: LeadTimes;
  /** Keys of reminders already fired. */
  fired: ReadonlySet<string>;
  filter: ViewFilter;
}

interface Candidate extends Reminder {
  /** The occurrence it is about: the same for every lead. */
  event: string;
  /** When the reminder is meant to fire: the start less its lead. */
  at: number;
  leadMs: number;
}

function leadsOf(texts: readonly string[]): { text: string; ms: number }[] {
  return texts.flatMap((text) => {
    const ms = parseLeadTime(text);
    return ms === null ? [] : [{ text, ms }];
  });
}

function eventKey(kind: ReminderKind, id: string, start: number): string {
  return `${kind}:${id}@${toIsoUtc(start)}`;
}

/** Every reminder of an event that has not started yet, whose moment falls before `until`. */
function candidates(schedule: Schedule, now: number, until: number, leads: LeadTimes, filter: ViewFilter): Candidate[] {
  const found: Candidate[] = [];
  const meetingLeads = leadsOf(leads.meetings);
  const longestMeetingLead = Math.max(0, ...meetingLeads.map((lead) => lead.ms));
  if (meetingLeads.length > 0) {
    const horizonDays = (until - now + longestMeetingLead) / DAY;
    for (const occurrence of upcomingOccurrences(schedule, now, horizonDays, filter)) {
      if (occurrence.skipped || occurrence.start <= now) continue;
      for (const lead of meetingLeads) {
        found.push({
          event: eventKey('meeting', occurrence.meeting.id, occurrence.start),
          key: `${eventKey('meeting', occurrence.meeting.id, occurrence.start)}-${lead.ms / 60_000}m`,
          kind: 'meeting',
          title: occurrence.meeting.title,
          start: occurrence.start,
          lead: lead.text,
          where: occurrence.where,
          project: occurrence.meeting.project,
          url: occurrence.meeting.url ?? occurrence.meeting.agenda,
          ownZone: occurrence.meeting.zone,
          day: null,
          at: occurrence.start - lead.ms,
          leadMs: lead.ms,
        });
      }
    }
  }
  const milestoneLeads = leadsOf(leads.milestones);
  for (const milestone of schedule.milestones) {
    if (milestone.start <= now || !projectMatches(milestone.project, filter, true)) continue;
    for (const lead of milestoneLeads) {
      if (milestone.start - lead.ms >= until) continue;
      const projects = milestone.project === null ? [] : typeof milestone.project === 'string' ? [milestone.project] : milestone.project;
      found.push({
        event: eventKey('milestone', `${milestone.cycle ?? ''}.${milestone.id}`, milestone.start),
        key: `${eventKey('milestone', `${milestone.cycle ?? ''}.${milestone.id}`, milestone.start)}-${lead.ms / 60_000}m`,
        kind: 'milestone',
        title: milestone.title,
        start: milestone.start,
        lead: lead.text,
        where: null,
        project: projects.length === 0 ? null : projects.join(','),
        url: milestone.url,
        ownZone: milestone.zone,
        day: milestone.date,
        at: milestone.start - lead.ms,
        leadMs: lead.ms,
      });
    }
  }
  return found.filter((candidate) => candidate.at < until);
}

export interface DueReminders {
  /** To show now, sorted by start, then title. */
  due: Reminder[];
  /** To remember as fired (key → the event's start, for pruning): the due ones, and longer leads of the same event they stand for. */
  fired: Map<string, number>;
}

/**
 * The reminders whose moment has come (start less lead ≤ now) for events that have not started
 * and that were not fired before. One whose moment passed while nobody was looking still fires,
 * since the event is still ahead; an event already started is never announced. When several
 * leads of one event are due at once (radar was off for a week), only the shortest is shown:
 * the others would say the same time left.
 */
export function dueReminders(schedule: Schedule, query: ReminderQuery): DueReminders {
  const due = new Map<string, Candidate>();
  const fired = new Map<string, number>();
  for (const candidate of candidates(schedule, query.now, query.now + 1, query.leads, query.filter)) {
    if (query.fired.has(candidate.key)) continue;
    fired.set(candidate.key, candidate.start);
    const shown = due.get(candidate.event);
    if (shown === undefined || candidate.leadMs < shown.leadMs) due.set(candidate.event, candidate);
  }
  const list = [...due.values()].sort((a, b) => a.start - b.start || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)).map(({ at: _at, leadMs: _leadMs, event: _event, ...reminder }) => reminder);
  return { due: list, fired };
}

/** The next moment after `now` at which a reminder not yet fired becomes due, or null. */
export function nextReminderAt(schedule: Schedule, query: ReminderQuery, horizonMs: number): number | null {
  let earliest: number | null = null;
  for (const candidate of candidates(schedule, query.now, query.now + horizonMs, query.leads, query.filter)) {
    if (candidate.at <= query.now || query.fired.has(candidate.key)) continue;
    if (earliest === null || candidate.at < earliest) earliest = candidate.at;
  }
  return earliest;
}

/**
 * How long is left, rounded up to the minute as people say it: '10m', '1h 05m', '3d 4h', '7d'.
 * Rounded up, so a reminder fired a second late still says "in 10m".
 */
export function formatTimeLeft(milliseconds: number): string {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60_000));
  const { days, hours, minutes: rest } = countdownParts(minutes * 60);
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${two(rest)}m` : `${hours}h`;
  return `${rest}m`;
}

/** 'in 10m', or 'now' once it has begun (a reminder still on screen in the dashboard). */
function inWords(milliseconds: number): string {
  return milliseconds > 0 ? `in ${formatTimeLeft(milliseconds)}` : 'now';
}

/** 'Nova team meeting in 10m — Thu 14:00 UTC #openstack-meeting': what the reminder says. */
export function reminderText(reminder: Reminder, zone: string, now: number): string {
  // An all-day milestone is a day, the same for everyone: no time, no zone.
  if (reminder.day !== null) {
    const { weekday } = instantToZoned(reminder.start, reminder.ownZone);
    return `${reminder.title} ${inWords(reminder.start - now)} — ${formatDay(reminder.day, weekday)}`;
  }
  const when = nextLocal(reminder.start, zone, now);
  const ownClock = `${instantToZoned(reminder.start, reminder.ownZone).time} ${zoneAbbreviation(reminder.start, reminder.ownZone)}`;
  const shownClock = `${instantToZoned(reminder.start, zone).time} ${zoneAbbreviation(reminder.start, zone)}`;
  const own = reminder.kind === 'meeting' && ownClock !== shownClock ? ` (${ownClock})` : '';
  const where = reminder.where === null ? '' : ` ${reminder.where}`;
  return `${reminder.title} ${inWords(reminder.start - now)} — ${when}${own}${where}`;
}

/** '2026-12-03 13:50 UTC  Nova team meeting in 10m — …': one line of `radar watch`. */
export function reminderLogLine(reminder: Reminder, zone: string, now: number): string {
  const moment = instantToZoned(now, zone);
  return `${moment.date} ${moment.time} ${zoneAbbreviation(now, zone)}  ${reminderText(reminder, zone, now)}`;
}

/** What `--exec` receives, and nothing else: text from a source never reaches a command line. */
export function reminderEnvironment(reminder: Reminder, zone: string, now: number): Record<string, string> {
  return {
    RADAR_KIND: reminder.kind,
    RADAR_TITLE: reminder.title,
    RADAR_START: toIsoUtc(reminder.start),
    RADAR_LOCAL: formatIsoWithOffset(reminder.start, zone),
    RADAR_IN: formatTimeLeft(reminder.start - now),
    RADAR_WHERE: reminder.where ?? '',
    RADAR_PROJECT: reminder.project ?? '',
    RADAR_URL: reminder.url ?? '',
  };
}
