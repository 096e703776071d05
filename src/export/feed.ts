// The merged, normalized schedule written back as one format-v1 document: every default made
// explicit (ids, names, kinds, durations, zones, frequencies, intervals), so reading the feed
// gives the same items as the sources it came from. Absent values are left out, never null:
// format v1 has no null for them.
import { formatOffset, instantToZoned, zoneOffsetMs } from '../time/zoned';
import { toIsoUtc } from '../time/instant';
import { weekdayName } from '../time/civil';
import type { Cycle, Meeting, Milestone, MilestoneKind, Priority, PriorityStatus, Project, Role, Schedule, Slot } from '../model/types';
import type { Frequency } from '../time/recurrence';
import { calendarOccurrences } from '../views/meetings';

export interface FeedRole {
  id: string;
  name: string;
  projects?: string[];
}

export interface FeedProject {
  id: string;
  name: string;
  url?: string;
  liaisons: Record<string, string[]>;
}

export interface FeedCycle {
  id: string;
  name: string;
  start?: string;
  release: string;
}

export interface FeedMilestone {
  id: string;
  title: string;
  date?: string;
  at?: string;
  end?: string;
  kind: MilestoneKind;
  cycle?: string;
  project?: string | string[];
  url?: string;
  notes?: string;
}

export interface FeedSkip {
  date: string;
  reason?: string;
}

export interface FeedSlot {
  day?: string;
  time: string;
  frequency: Frequency;
  interval?: number;
  week?: number;
  date?: string;
  start?: string;
  until?: string;
  skip: FeedSkip[];
  where?: string;
}

export interface FeedMeeting {
  id: string;
  title: string;
  project?: string;
  zone: string;
  duration: number;
  where?: string;
  chair?: string;
  agenda?: string;
  slots: FeedSlot[];
}

export interface FeedPriority {
  id: string;
  title: string;
  project?: string;
  cycle?: string;
  status: PriorityStatus;
  owner: string[];
  rank?: number;
  url?: string;
  notes?: string;
}

export interface FeedDocument {
  version: 1;
  name?: string;
  zone: string;
  roles: FeedRole[];
  projects: FeedProject[];
  cycles: FeedCycle[];
  milestones: FeedMilestone[];
  meetings: FeedMeeting[];
  priorities: FeedPriority[];
}

export interface Feed {
  document: FeedDocument;
  /**
   * Milestones that cannot keep their exact moments: they came from a document in another zone
   * than the feed's (see feedZone). One line per zone, for standard error.
   */
  warnings: string[];
}

/** Leaves a key out when its value is null, as format v1 spells "none". */
function present<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * A document has one `zone`, and an all-day milestone's `date` (like the `end` of any milestone)
 * means a day in that zone. The feed takes the zone most milestones and cycles were written in
 * (the first one seen on a tie; UTC when there are none), so the common case, every source in
 * one zone, comes back exactly.
 */
export function feedZone(schedule: Schedule): string {
  const counts = new Map<string, number>();
  for (const item of [...schedule.cycles, ...schedule.milestones]) counts.set(item.zone, (counts.get(item.zone) ?? 0) + 1);
  let best = 'UTC';
  let bestCount = 0;
  for (const [zone, count] of counts) {
    if (count > bestCount) {
      best = zone;
      bestCount = count;
    }
  }
  return best;
}

/**
 * An exact milestone's moment with its offset in its own zone ('2027-03-22T15:00:00+01:00'),
 * which reads back as the same instant whatever the feed's zone. Moments that offset form
 * cannot carry (sub-second, or a pre-1900 offset with seconds) are written in UTC.
 */
export function formatMoment(instant: number, zone: string): string {
  const offset = zoneOffsetMs(instant, zone);
  if (instant % 1000 !== 0 || offset % 60_000 !== 0) return toIsoUtc(instant);
  const moment = instantToZoned(instant, zone);
  return `${moment.date}T${moment.time}:${String(moment.second).padStart(2, '0')}${formatOffset(offset)}`;
}

function roleEntry(role: Role): FeedRole {
  return { id: role.id, name: role.name, ...present('projects', role.projects) };
}

function projectEntry(project: Project): FeedProject {
  return { id: project.id, name: project.name, ...present('url', project.url), liaisons: project.liaisons };
}

function cycleEntry(cycle: Cycle): FeedCycle {
  return { id: cycle.id, name: cycle.name, ...present('start', cycle.start), release: cycle.release };
}

function milestoneEntry(milestone: Milestone): FeedMilestone {
  const when = milestone.date !== null ? { date: milestone.date } : { at: formatMoment(milestone.start, milestone.zone) };
  return {
    id: milestone.id,
    title: milestone.title,
    ...when,
    ...present('end', milestone.endDate),
    kind: milestone.kind,
    ...present('cycle', milestone.cycle),
    ...present('project', milestone.project),
    ...present('url', milestone.url),
    ...present('notes', milestone.notes),
  };
}

function slotEntry(slot: Slot): FeedSlot {
  return {
    ...present('day', slot.day === null ? null : weekdayName(slot.day)),
    time: slot.time,
    frequency: slot.frequency,
    // Format v1 allows `interval` with weekly only (biweekly says 2 by its name).
    ...present('interval', slot.frequency === 'weekly' ? slot.interval : null),
    ...present('week', slot.week),
    ...present('date', slot.date),
    ...present('start', slot.start),
    ...present('until', slot.until),
    skip: slot.skip.map((skip) => ({ date: skip.date, ...present('reason', skip.reason) })),
    ...present('where', slot.where),
  };
}

/** The window in which imported calendar events are written out occurrence by occurrence. */
export interface CalendarHorizon {
  from: number;
  to: number;
}

/**
 * An imported calendar event's recurrence set has no format v1 spelling (no RRULE), so the feed
 * writes each occurrence in the horizon as a `once` slot (a cancelled one with its skip), in
 * the event's zone. What v1 cannot keep is said in `lost`: the rule beyond the horizon, other
 * titles or lengths of moved occurrences, and a length of 0 (v1 wants 1–1440 minutes).
 */
function calendarEntry(meeting: Meeting, horizon: CalendarHorizon, lost: string[]): FeedMeeting {
  const occurrences = calendarOccurrences(meeting, horizon.from, horizon.to);
  const slots = occurrences.map((occurrence) => ({
    ...occurrence.slot,
    where: occurrence.where === meeting.where ? null : occurrence.where,
    skip: occurrence.skipped ? [{ date: occurrence.date, reason: occurrence.reason }] : [],
  }));
  const duration = Math.min(1440, Math.max(1, Math.round(meeting.duration)));
  if (duration !== meeting.duration) lost.push(`${meeting.id}: lasts ${meeting.duration} minutes, written as ${duration}`);
  if (occurrences.some((occurrence) => occurrence.meeting.title !== meeting.title || occurrence.end - occurrence.start !== meeting.duration * 60_000)) {
    lost.push(`${meeting.id}: moved occurrences keep their times, not their own titles or lengths`);
  }
  return {
    ...meetingEntry(meeting),
    duration,
    // v1 needs at least one slot: an event with nothing in the horizon meets "ad hoc".
    slots: slots.length > 0 ? slots.map(slotEntry) : [{ time: instantToZoned(horizon.from, meeting.zone).time, frequency: 'adhoc', skip: [] }],
  };
}

function meetingEntry(meeting: Meeting): FeedMeeting {
  return {
    id: meeting.id,
    title: meeting.title,
    ...present('project', meeting.project),
    zone: meeting.zone,
    duration: meeting.duration,
    ...present('where', meeting.where),
    ...present('chair', meeting.chair),
    ...present('agenda', meeting.agenda),
    slots: meeting.slots.map(slotEntry),
  };
}

function priorityEntry(priority: Priority): FeedPriority {
  return {
    id: priority.id,
    title: priority.title,
    ...present('project', priority.project),
    ...present('cycle', priority.cycle),
    status: priority.status,
    owner: priority.owner,
    ...present('rank', priority.rank),
    ...present('url', priority.url),
    ...present('notes', priority.notes),
  };
}

/**
 * Milestones written in another zone than the feed's keep their days (all-day stays all-day,
 * R-n weeks stay put) but not their moments: 00:00 of a day, and the end of a window, are read
 * in the feed's zone. Format v1 has no per-milestone zone to say otherwise. An exact milestone
 * without `end` keeps its moment (its offset travels with it), and its day too unless that
 * moment falls on another date in the feed's zone.
 */
function zoneWarnings(schedule: Schedule, zone: string): string[] {
  const moved = new Map<string, string[]>();
  for (const milestone of schedule.milestones) {
    if (milestone.zone === zone) continue;
    const exactAndIntact = milestone.date === null && milestone.endDate === null && instantToZoned(milestone.start, milestone.zone).date === instantToZoned(milestone.start, zone).date;
    if (exactAndIntact) continue;
    moved.set(milestone.zone, [...(moved.get(milestone.zone) ?? []), milestone.id]);
  }
  return [...moved].map(([from, ids]) => {
    const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
    return (
      `${ids.length === 1 ? '1 milestone' : `${ids.length} milestones`} written in ${from} (${shown}) ${ids.length === 1 ? 'is' : 'are'} read in the feed's zone ${zone} ` +
      `(a format v1 document has one zone): same days, but their start, end or R-n week may differ from the sources'`
    );
  });
}

export function scheduleToFeed(schedule: Schedule, horizon: CalendarHorizon = { from: 0, to: 0 }): Feed {
  const zone = feedZone(schedule);
  const lost: string[] = [];
  const meetings = schedule.meetings.map((meeting) => (meeting.calendar ? calendarEntry(meeting, horizon, lost) : meetingEntry(meeting)));
  const calendars = schedule.meetings.filter((meeting) => meeting.calendar).length;
  const calendarWarnings =
    calendars === 0
      ? []
      : [
          `${calendars === 1 ? '1 meeting' : `${calendars} meetings`} from iCalendar sources ${calendars === 1 ? 'is' : 'are'} written as one-off slots from ${toIsoUtc(horizon.from)} to ${toIsoUtc(horizon.to)} ` +
            '(format v1 has no RRULE): read the calendar itself for later occurrences',
          ...lost,
        ];
  return {
    document: {
      version: 1,
      ...present('name', schedule.name),
      zone,
      roles: schedule.roles.map(roleEntry),
      projects: schedule.projects.map(projectEntry),
      cycles: schedule.cycles.map(cycleEntry),
      milestones: schedule.milestones.map(milestoneEntry),
      meetings,
      priorities: schedule.priorities.map(priorityEntry),
    },
    warnings: [...zoneWarnings(schedule, zone), ...calendarWarnings],
  };
}

export function feedText(feed: Feed): string {
  return `${JSON.stringify(feed.document, null, 2)}\n`;
}
