// The words each pane shows for a row, shared by the dashboard, `--once` and `radar list`, so
// the screen and the text output say the same thing in the same way.
import { formatCountdown } from '../time/countdown';
import { instantToZoned, sameZone, zoneAbbreviation } from '../time/zoned';
import type { MilestoneKind, Priority } from '../model/types';
import type { LiaisonGap } from './gaps';
import type { Occurrence } from './meetings';
import type { MilestoneRow } from './milestones';
import { nextLocal } from './next-format';
import { needsOwner } from './priorities';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Thu 13 Aug' for a civil date. */
export function formatDay(date: string, weekday: number): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  return `${WEEKDAYS[weekday - 1]} ${Number(date.slice(8, 10))} ${month}`;
}

/** 'Thu 13 Aug 22:00' in `zone`. */
export function formatLocal(instant: number, zone: string): string {
  const moment = instantToZoned(instant, zone);
  return `${formatDay(moment.date, moment.weekday)} ${moment.time}`;
}

/**
 * The clock as the dashboard's header and `--once` say it: 'Tue 11 Aug 22:44:57 BST (21:44
 * UTC)'; in UTC the time once, 'Tue 11 Aug 21:44:57 UTC'. `withUtc` false leaves out the UTC part.
 */
export function clockText(now: number, zone: string, withUtc = true): string {
  const seconds = String(instantToZoned(now, zone).second).padStart(2, '0');
  const utc = !withUtc || sameZone(zone, 'UTC') ? '' : ` (${instantToZoned(now, 'UTC').time} UTC)`;
  return `${formatLocal(now, zone)}:${seconds} ${zoneAbbreviation(now, zone)}${utc}`;
}

/** '22:00 BST'. */
export function formatClock(instant: number, zone: string): string {
  return `${instantToZoned(instant, zone).time} ${zoneAbbreviation(instant, zone)}`;
}

/** 'in 1h 15m', 'now', '3d 2h ago'. */
export function relative(seconds: number): string {
  if (seconds > 0) return `in ${formatCountdown(seconds)}`;
  if (seconds > -60) return 'now';
  return `${formatCountdown(seconds)} ago`;
}

export interface MeetingCells {
  when: string;
  /** The start in the meeting's own zone when its clock reads differently from the display zone's, else ''. */
  own: string;
  countdown: string;
  title: string;
  where: string;
  note: string;
  /** Outside the user's work hours in the display zone. */
  offHours: boolean;
}

export interface WorkHours {
  startMinute: number;
  endMinute: number;
}

export function isOffHours(instant: number, zone: string, hours: WorkHours | null): boolean {
  if (hours === null) return false;
  const moment = instantToZoned(instant, zone);
  const minute = Number(moment.time.slice(0, 2)) * 60 + Number(moment.time.slice(3, 5));
  return minute < hours.startMinute || minute >= hours.endMinute;
}

/** The countdown words alone: what a live cell redraws on every tick. */
export function meetingCountdown(occurrence: Occurrence, now: number): string {
  if (occurrence.skipped) return 'skipped';
  if (occurrence.start <= now && now < occurrence.end) return 'now';
  return relative(Math.floor((occurrence.start - now) / 1000));
}

/** `workday`: the user's work hours and their own zone, where off-hours are judged whatever `zone` shows. */
export function meetingCells(occurrence: Occurrence, zone: string, now: number, workday: { hours: WorkHours; zone: string } | null = null): MeetingCells {
  const own = occurrence.meeting.zone;
  // GMT and UTC, or two names of one zone, read the same: the own zone says nothing new.
  const ownMoment = instantToZoned(occurrence.start, own);
  const shownMoment = instantToZoned(occurrence.start, zone);
  const sameWallClock = ownMoment.time === shownMoment.time && ownMoment.date === shownMoment.date;
  const notes = [...(occurrence.skipped ? [`skipped${occurrence.reason ? `: ${occurrence.reason}` : ''}`] : []), ...occurrence.warnings];
  return {
    when: `${formatLocal(occurrence.start, zone)} ${zoneAbbreviation(occurrence.start, zone)}`,
    own: sameWallClock ? '' : formatClock(occurrence.start, own),
    countdown: meetingCountdown(occurrence, now),
    title: occurrence.meeting.title,
    where: occurrence.where ?? '',
    note: notes.join('; '),
    offHours: isOffHours(occurrence.start, workday?.zone ?? zone, workday?.hours ?? null),
  };
}

/**
 * Kinds that carry a word of their own in every milestone row, so they read apart from the
 * others without colour too: an end of life ("EOL Python 3.10 end of life").
 */
export const KIND_MARKS: Partial<Record<MilestoneKind, string>> = { eol: 'EOL' };

export interface MilestoneCells {
  /** The title, after the kind's mark when it has one. */
  title: string;
  /** An end of life or of support: coloured apart where there is colour. */
  endOfLife: boolean;
  window: string;
  week: string;
  countdown: string;
  kind: string;
  project: string;
}

export function milestoneCells(row: MilestoneRow, zone: string, now: number): MilestoneCells {
  const { milestone } = row;
  let window: string;
  if (milestone.date !== null) {
    const first = instantToZoned(milestone.start, milestone.zone);
    window = formatDay(first.date, first.weekday);
    if (milestone.endDate !== null && milestone.endDate !== milestone.date) {
      const last = instantToZoned(milestone.end - 1, milestone.zone);
      window += ` – ${formatDay(last.date, last.weekday)}`;
    }
  } else {
    window = `${formatLocal(milestone.start, zone)} ${zoneAbbreviation(milestone.start, zone)}`;
  }
  const projects = milestone.project === null ? '' : typeof milestone.project === 'string' ? milestone.project : milestone.project.join(', ');
  const mark = KIND_MARKS[milestone.kind];
  return {
    title: mark === undefined ? milestone.title : `${mark} ${milestone.title}`,
    endOfLife: milestone.kind === 'eol',
    window,
    week: row.week ?? '',
    countdown: milestoneCountdown(row, now),
    kind: milestone.kind,
    project: projects,
  };
}

/** The countdown words alone: what a live cell redraws on every tick. */
export function milestoneCountdown(row: MilestoneRow, now: number): string {
  const { milestone } = row;
  if (row.current && milestone.end > milestone.start) {
    const last = instantToZoned(milestone.end - 1, milestone.zone);
    return `now (until ${formatDay(last.date, last.weekday)})`;
  }
  return relative(Math.floor((milestone.start - now) / 1000));
}

export interface PriorityCells {
  rank: string;
  title: string;
  project: string;
  status: string;
  owner: string;
  /** "no plan" or "needs owner": shown so it stands out. */
  alarming: boolean;
}

export const STATUS_LABELS: Record<Priority['status'], string> = {
  proposed: 'proposed',
  'no-plan': 'no plan',
  planned: 'planned',
  'in-progress': 'in progress',
  blocked: 'blocked',
  done: 'done',
  dropped: 'dropped',
};

export function priorityCells(priority: Priority): PriorityCells {
  return {
    rank: priority.rank === null ? '–' : String(priority.rank),
    title: priority.title,
    project: priority.project ?? '',
    status: STATUS_LABELS[priority.status],
    owner: needsOwner(priority) ? 'needs owner' : priority.owner.join(', '),
    alarming: priority.status === 'no-plan' || priority.status === 'blocked' || needsOwner(priority),
  };
}

export interface GapCells {
  project: string;
  role: string;
}

export function gapCells(gap: LiaisonGap): GapCells {
  return { project: gap.projectName === gap.project ? gap.project : `${gap.projectName} (${gap.project})`, role: gap.roleName };
}

/**
 * One line for a status bar: "Nova team meeting in 1h 15m — Thu 22:00 BST (21:00 UTC)
 * #openstack-meeting" (the date named too when it is more than six days away).
 */
export function nextLine(occurrence: Occurrence, zone: string, now: number): string {
  const shownClock = formatClock(occurrence.start, zone);
  const ownClock = formatClock(occurrence.start, occurrence.meeting.zone);
  const seconds = Math.floor((occurrence.start - now) / 1000);
  const when = seconds > 0 ? `in ${formatCountdown(seconds)}` : `now (started ${seconds > -60 ? 'just now' : `${formatCountdown(seconds)} ago`})`;
  const own = ownClock === shownClock ? '' : ` (${ownClock})`;
  const where = occurrence.where === null ? '' : ` ${occurrence.where}`;
  return `${occurrence.meeting.title} ${when} — ${nextLocal(occurrence.start, zone, now)}${own}${where}`;
}
