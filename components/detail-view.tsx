import { Text } from 'ink';
import type { ReactNode } from 'react';
import { ownValue, type Origin, type Priority, type Schedule } from '../src/model/types';
import { displayWidth, padToWidth, toSingleLine, truncateToWidth } from '../src/text/display-width';
import { isoWeekday, weekdayName } from '../src/time/civil';
import { zoneAbbreviation } from '../src/time/zoned';
import { formatDay, formatLocal, isOffHours, meetingCells, milestoneCells, priorityCells, type WorkHours } from '../src/views/cells';
import { exactCountdown, nextOccurrencesOf } from '../src/views/details';
import { calendarRuleWords, type Occurrence } from '../src/views/meetings';
import type { MilestoneRow } from '../src/views/milestones';
import type { GapRow } from '../src/views/gaps';
import { OFF_HOURS_MARK } from './pane-columns';
import { OverlayFrame, overlayBodyRows, overlayInnerWidth, overlayMaxScroll } from './overlay-frame';
import { useTheme, type Role } from './theme';
import { useClock } from './use-clock';

/** The item `enter` opened, with the pane it came from. */
export type DetailItem = { pane: 'milestones'; row: MilestoneRow } | { pane: 'meetings'; row: Occurrence } | { pane: 'priorities'; row: Priority } | { pane: 'gaps'; row: GapRow };

export interface DetailSettings {
  schedule: Schedule;
  /** Display zone. */
  zone: string;
  /** The user's zone, for off-hours. */
  homeZone: string;
  workHours: WorkHours;
  /** Before a warning: ⚠, or ! without colour (as the row's mark). */
  warningMark: string;
}

/** One line of the detail view: a label and its text, or a heading. */
export interface DetailLine {
  /** '' for lines without one. */
  label: string;
  text: string;
  role?: Role | null;
  heading?: boolean;
  /** Drawn in the text column, under a label (labelled lines and their continuations). */
  indent?: boolean;
  /** An unlabelled line that wraps (under its first word) instead of being cut. */
  wrap?: boolean;
}

const LABEL_WIDTH = 10;
/** Occurrences a meeting's detail lists. */
export const DETAIL_OCCURRENCES = 6;

function origin(where: Origin): string {
  return `${where.source}:${where.line}:${where.column}`;
}

/** Words cut into lines of at most `width` columns; a word longer than a line is cut too. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of toSingleLine(text).split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = displayWidth(word) <= width ? word : truncateToWidth(word, width);
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

function field(label: string, text: string | null | undefined, role: Role | null = null): DetailLine[] {
  return text === null || text === undefined || text === '' ? [] : [{ label, text, role }];
}

function countdownWords(start: number, end: number, now: number): string {
  const seconds = Math.floor((start - now) / 1000);
  if (seconds > 0) return `in ${exactCountdown(seconds)}`;
  if (now < end) return `now (started ${exactCountdown(-seconds)} ago)`;
  return `${exactCountdown(-seconds)} ago`;
}

function milestoneLines(row: MilestoneRow, settings: DetailSettings, now: number): DetailLine[] {
  const { milestone } = row;
  const cells = milestoneCells(row, settings.zone, now);
  const cycle = settings.schedule.cycles.find((candidate) => candidate.id === milestone.cycle);
  const release = cycle === undefined ? '' : `${cycle.name} (release ${formatDay(cycle.release, isoWeekday(cycle.release))})`;
  const shown = formatLocal(milestone.start, settings.zone);
  const utc = formatLocal(milestone.start, 'UTC');
  const due = `${shown} ${zoneAbbreviation(milestone.start, settings.zone)}${shown === utc ? '' : ` (${utc} UTC)`}`;
  return [
    { label: '', text: milestone.title, heading: true },
    ...field('Kind', milestone.kind),
    ...field('Project', cells.project === '' ? 'cross-project' : cells.project),
    ...field('Window', milestone.date === null ? cells.window : `${cells.window} (days in ${milestone.zone})`),
    ...field('Week', row.week === null ? null : `${row.week}${release === '' ? '' : ` of ${release}`}`),
    ...field('Due', due),
    ...field('Countdown', countdownWords(milestone.start, milestone.end, now), row.current ? 'now' : null),
    ...field('Notes', milestone.notes),
    ...field('URL', milestone.url),
    ...field('Source', origin(milestone.origin), 'muted'),
  ];
}

function slotWords(occurrence: Occurrence): string {
  const { meeting } = occurrence;
  const calendar = calendarRuleWords(meeting);
  if (calendar !== null) return calendar;
  return meeting.slots
    .map((slot) => {
      const day = slot.day === null ? (slot.date ?? '') : `${weekdayName(slot.day)}s`;
      return `${day} ${slot.time} ${meeting.zone} (${slot.frequency}${slot.interval > 1 ? `, every ${slot.interval}` : ''})`;
    })
    .join('; ');
}

function meetingLines(occurrence: Occurrence, settings: DetailSettings, now: number): DetailLine[] {
  const { meeting } = occurrence;
  const { zone } = settings;
  const own = meeting.zone;
  const stamp = (instant: number, where: string) => `${formatLocal(instant, where)} ${zoneAbbreviation(instant, where)}`;
  const upcoming = nextOccurrencesOf(meeting, now, DETAIL_OCCURRENCES);
  // A zone column only where it says something new: UTC and the meeting's own zone are shown
  // when some occurrence's clock reads differently there than in the display zone.
  const differs = (where: string) => upcoming.some((next) => formatLocal(next.start, where) !== formatLocal(next.start, zone));
  const extraZones = [...(differs('UTC') ? ['UTC'] : []), ...(own !== 'UTC' && differs(own) ? [own] : [])];
  const occurrenceLines = upcoming.flatMap((next): DetailLine[] => {
    const cells = meetingCells(next, zone, now);
    const local = `${stamp(next.start, zone)}${isOffHours(next.start, settings.homeZone, settings.workHours) ? ` ${OFF_HOURS_MARK}` : ''}`;
    const status = next.skipped ? 'skipped' : cells.countdown;
    const reason = next.skipped && next.reason !== null ? [{ label: '', text: `  skipped: ${next.reason}`, role: 'past' as const, wrap: true }] : [];
    // An imported occurrence may be shown at an offset of its own (a zone only its file defines).
    const others = extraZones.map((where) => padToWidth(stamp(next.start, where === own ? next.meeting.zone : where), 21)).join(' ');
    return [
      {
        label: '',
        text: `${padToWidth(local, 23)} ${padToWidth(status, 11)} ${others}`.trimEnd(),
        role: next.skipped ? 'past' : null,
      },
      ...reason,
      ...next.warnings.map((warning): DetailLine => ({ label: '', text: `  ${settings.warningMark} ${warning}`, role: 'warning', wrap: true })),
    ];
  });
  const ownName = meeting.calendar?.zone.kind === 'vtimezone' ? meeting.calendar.zone.tzid : own;
  const headings = extraZones.map((where) => padToWidth(where === 'UTC' ? 'UTC' : `Own zone (${ownName})`, 21)).join(' ');
  return [
    { label: '', text: meeting.title, heading: true },
    ...field('Project', meeting.project ?? 'cross-project'),
    ...field('Slots', slotWords(occurrence)),
    ...field('Where', occurrence.where),
    ...field('Chair', meeting.chair),
    ...field('Agenda', meeting.agenda),
    ...field('Notes', meeting.notes ?? null),
    ...field('URL', meeting.url ?? null),
    ...field('Length', `${meeting.duration} minutes`),
    ...field('Source', origin(occurrence.slot.origin), 'muted'),
    { label: '', text: '' },
    { label: '', text: `${padToWidth(`Next (${zone})`, 23)} ${padToWidth('', 11)} ${headings}`.trimEnd(), heading: true },
    ...(occurrenceLines.length === 0 ? [{ label: '', text: 'no occurrence in the next 120 days', role: 'muted' as const }] : occurrenceLines),
  ];
}

function priorityLines(priority: Priority): DetailLine[] {
  const cells = priorityCells(priority);
  return [
    { label: '', text: priority.title, heading: true },
    ...field('Project', priority.project ?? 'none'),
    ...field('Cycle', priority.cycle),
    ...field('Status', cells.status, priority.status === 'no-plan' || priority.status === 'blocked' ? 'alarm' : null),
    ...field('Owner', cells.owner, priority.owner.length === 0 ? 'alarm' : null),
    ...field('Rank', priority.rank === null ? 'unranked' : String(priority.rank)),
    ...field('URL', priority.url),
    ...field('Notes', priority.notes),
    ...field('Source', origin(priority.origin), 'muted'),
  ];
}

/** 'Product WG liaison'; a role already named a liaison ('Security liaison') is not said twice. */
export function liaisonWords(roleName: string): string {
  return /\bliaisons?$/i.test(roleName.trim()) ? roleName : `${roleName} liaison`;
}

function gapLines(row: GapRow, settings: DetailSettings): DetailLine[] {
  const { gap } = row;
  const project = settings.schedule.projects.find((candidate) => candidate.id === gap.project);
  const roles = settings.schedule.roles.filter((role) => role.projects === null || role.projects.includes(gap.project));
  const liaisons = roles.map((role): DetailLine => {
    const persons = ((project === undefined ? undefined : ownValue(project.liaisons, role.id)) ?? []).filter((person) => person.trim() !== '' && person.trim().toUpperCase() !== 'TBD');
    return { label: '', text: `${padToWidth(role.name, 22)} ${persons.length === 0 ? 'missing' : persons.join(', ')}`, role: persons.length === 0 ? 'alarm' : null };
  });
  return [
    { label: '', text: `${gap.projectName}: no ${liaisonWords(gap.roleName)}`, heading: true },
    ...field('Project', gap.projectName === gap.project ? gap.project : `${gap.projectName} (${gap.project})`),
    ...field('Role', gap.roleName === gap.role ? gap.role : `${gap.roleName} (${gap.role})`),
    ...field('Gaps', `${row.count} role${row.count === 1 ? '' : 's'} without a liaison in this project`),
    ...field('URL', project?.url),
    ...field('Source', project === undefined ? null : origin(project.origin), 'muted'),
    { label: '', text: '' },
    { label: '', text: 'Liaisons', heading: true },
    ...liaisons,
  ];
}

/** The lines of `item`'s detail at `now`, before wrapping. */
export function detailLines(item: DetailItem, settings: DetailSettings, now: number): DetailLine[] {
  switch (item.pane) {
    case 'milestones':
      return milestoneLines(item.row, settings, now);
    case 'meetings':
      return meetingLines(item.row, settings, now);
    case 'priorities':
      return priorityLines(item.row);
    case 'gaps':
      return gapLines(item.row, settings);
  }
}

/** The lines as drawn `width` columns wide: labelled text wraps under its label. */
export function wrappedDetailLines(lines: readonly DetailLine[], width: number): DetailLine[] {
  return lines.flatMap((line) => {
    if (line.wrap === true) {
      const indent = /^ */.exec(line.text)?.[0] ?? '';
      const hang = `${indent}  `;
      return wrap(line.text, Math.max(10, width - hang.length)).map((text, index) => ({ ...line, text: index === 0 ? `${indent}${text}` : `${hang}${text}` }));
    }
    if (line.label === '') return [line];
    const textWidth = Math.max(10, width - LABEL_WIDTH - 1);
    return wrap(line.text, textWidth).map((text, index) => ({ ...line, label: index === 0 ? line.label : '', text, indent: true }));
  });
}

/** How far the detail of `item` can scroll at this size. */
export function detailMaxScroll(item: DetailItem, settings: DetailSettings, now: number, width: number, height: number): number {
  return overlayMaxScroll(wrappedDetailLines(detailLines(item, settings, now), overlayInnerWidth(width)).length, height);
}

export interface DetailViewProps extends DetailSettings {
  item: DetailItem;
  width: number;
  height: number;
  /** Lines scrolled off the top. */
  scroll: number;
}

/** `enter`: everything about one item; countdowns tick to the second. */
export function DetailView({ item, width, height, scroll, ...settings }: DetailViewProps): ReactNode {
  const theme = useTheme();
  const now = useClock((instant) => instant);
  const inner = overlayInnerWidth(width);
  const lines = wrappedDetailLines(detailLines(item, settings, now), inner);
  const visible = overlayBodyRows(height);
  const offset = Math.min(scroll, Math.max(0, lines.length - visible));
  const more = offset + visible < lines.length;
  return (
    <OverlayFrame width={width} height={height} more={more} footer="esc closes">
      {lines.slice(offset, offset + visible).map((line, index) => {
        const style = line.heading ? theme.styles.title : line.role ? theme.styles[line.role] : {};
        const indented = line.indent === true;
        return (
          <Text key={index} wrap="truncate">
            {indented ? <Text {...theme.styles.muted}>{padToWidth(line.label, LABEL_WIDTH)} </Text> : null}
            {/* An empty Text takes no row in Ink: a blank line is a space. */}
            <Text {...style}>{truncateToWidth(toSingleLine(line.text), indented ? inner - LABEL_WIDTH - 1 : inner) || ' '}</Text>
          </Text>
        );
      })}
    </OverlayFrame>
  );
}
