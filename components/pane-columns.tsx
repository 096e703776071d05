// The columns of the four panes. Every word comes from src/views/cells.ts, the same words
// `radar --once` and `radar list` print; this file only decides widths, order and colour.
import { Text } from 'ink';
import type { Priority } from '../src/model/types';
import { displayWidth, padToWidth, toSingleLine, truncateToWidth } from '../src/text/display-width';
import { zoneAbbreviation } from '../src/time/zoned';
import { gapCells, isOffHours, meetingCells, meetingCountdown, milestoneCells, milestoneCountdown, priorityCells, type WorkHours } from '../src/views/cells';
import type { GapRow } from '../src/views/gaps';
import type { Occurrence } from '../src/views/meetings';
import type { MilestoneRow } from '../src/views/milestones';
import { LiveCell } from './live-cell';
import type { Column } from './table';
import { urgencyRole, type Role, type Theme } from './theme';

/** Computes a row's cells once per column set, however many columns ask for them. */
function perRow<R extends object, C>(compute: (row: R) => C): (row: R) => C {
  const cache = new WeakMap<R, C>();
  return (row) => {
    let cells = cache.get(row);
    if (cells === undefined) {
      cells = compute(row);
      cache.set(row, cells);
    }
    return cells;
  };
}

/** The Table colour props of a cell whose meaning is `roleOf(row)`. */
function painted<T>(theme: Theme, roleOf: (row: T) => Role | null): Pick<Column<T>, 'color' | 'dim' | 'bold'> {
  const style = (row: T) => {
    const role = roleOf(row);
    return role === null ? {} : theme.styles[role];
  };
  return { color: (row) => style(row).color, dim: (row) => style(row).dimColor ?? false, bold: (row) => style(row).bold ?? false };
}

const NOTE_SEPARATOR = ' — ';

function withNote(title: string, note: string): string {
  return note === '' ? title : `${title}${NOTE_SEPARATOR}${note}`;
}

/** Marks a meeting outside the user's work hours even without colour. */
export const OFF_HOURS_MARK = '☾';

export function milestoneColumns(zone: string, now: number, theme: Theme): Column<MilestoneRow>[] {
  const cells = perRow((row: MilestoneRow) => milestoneCells(row, zone, now));
  const past = (row: MilestoneRow): Role | null => (row.past && !row.current ? 'past' : null);
  return [
    {
      key: 'title',
      header: 'Milestone',
      minWidth: 16,
      grow: 2,
      priority: 3,
      value: (row) => cells(row).title,
      ...painted(theme, (row) => past(row) ?? (cells(row).endOfLife ? 'endOfLife' : null)),
    },
    { key: 'window', header: 'When', minWidth: 23, priority: 2, value: (row) => cells(row).window, ...painted(theme, past) },
    { key: 'week', header: 'Week', width: 4, priority: 1, value: (row) => cells(row).week, ...painted(theme, past) },
    {
      key: 'countdown',
      header: 'Countdown',
      minWidth: 11,
      priority: 3,
      value: (row) => cells(row).countdown,
      cell: (row, width) => (
        <LiveCell
          width={width}
          text={(instant) => milestoneCountdown(row, instant)}
          role={(instant) => (row.current ? null : urgencyRole(row.milestone.start - instant))}
        />
      ),
    },
  ];
}

const HALF_YEAR_MS = 182 * 86_400_000;

/** Columns 'Wed 10 Sep 22:00 BST' (or '22:00 BST') takes in `zone`, summer or winter. */
function clockWidth(zone: string, around: number, withDate: boolean): number {
  const abbreviation = Math.max(displayWidth(zoneAbbreviation(around, zone)), displayWidth(zoneAbbreviation(around + HALF_YEAR_MS, zone)));
  return (withDate ? 'Wed 10 Sep '.length : 0) + 'HH:MM '.length + abbreviation;
}

/**
 * `ownZones`: the zones meetings keep their times in, other than `zone`; with none the
 * "Own zone" column would be empty, and its room goes to the titles. `around`: an instant
 * near the ones shown, to size the time columns for the zones' abbreviations.
 */
export function meetingColumns(
  zone: string,
  homeZone: string,
  hours: WorkHours,
  theme: Theme,
  ownZones: readonly string[],
  around: number,
): Column<Occurrence>[] {
  // Off-hours are the user's own: judged in their zone even while `z` shows another one. The
  // countdown is the only cell that depends on the clock; it is a LiveCell, so the other cells
  // are computed once, as of the occurrence's own start.
  const cells = perRow((occurrence: Occurrence) => ({
    ...meetingCells(occurrence, zone, occurrence.start),
    offHours: isOffHours(occurrence.start, homeZone, hours),
  }));
  const skipped = (occurrence: Occurrence): Role | null => (occurrence.skipped ? 'past' : null);
  return [
    {
      key: 'when',
      header: '  When',
      // The mark leads, so a long zone abbreviation can never push it out of the column.
      minWidth: 2 + clockWidth(zone, around, true),
      priority: 5,
      value: (occurrence) => {
        const row = cells(occurrence);
        return `${row.offHours ? OFF_HOURS_MARK : ' '} ${row.when}`;
      },
      ...painted(theme, (occurrence) => (occurrence.skipped ? 'past' : cells(occurrence).offHours ? 'offHours' : null)),
    },
    ...(ownZones.length === 0
      ? []
      : [
          {
            key: 'own',
            header: 'Own zone',
            minWidth: Math.max(...ownZones.map((own) => clockWidth(own, around, false))),
            priority: 2,
            value: (occurrence: Occurrence) => cells(occurrence).own,
            ...painted(theme, skipped),
          },
        ]),
    {
      key: 'countdown',
      header: 'Countdown',
      minWidth: 10,
      priority: 4,
      value: (occurrence) => cells(occurrence).countdown,
      cell: (occurrence, width) => (
        <LiveCell
          width={width}
          text={(instant) => meetingCountdown(occurrence, instant)}
          role={(instant) =>
            occurrence.skipped ? 'past' : occurrence.start <= instant && instant < occurrence.end ? 'now' : urgencyRole(occurrence.start - instant)
          }
        />
      ),
    },
    {
      key: 'title',
      header: 'Meeting',
      minWidth: 16,
      grow: 1,
      priority: 5,
      // The skip reason or week-53 note follows the title, in its own colour: a column of its
      // own would push "where" off an 80-column pane.
      value: (occurrence) => withNote(cells(occurrence).title, cells(occurrence).note),
      cell: (occurrence, width) => {
        const row = cells(occurrence);
        const title = truncateToWidth(toSingleLine(row.title), width);
        const rest = row.note === '' ? '' : truncateToWidth(toSingleLine(`${NOTE_SEPARATOR}${row.note}`), width - displayWidth(title));
        const titleStyle = occurrence.skipped ? theme.styles.past : {};
        return (
          <Text>
            <Text {...titleStyle}>{title}</Text>
            <Text {...theme.styles.warning}>{padToWidth(rest, width - displayWidth(title))}</Text>
          </Text>
        );
      },
    },
    { key: 'where', header: 'Where', minWidth: 10, grow: 1, priority: 1, value: (occurrence) => cells(occurrence).where, ...painted(theme, skipped) },
  ];
}

export function priorityColumns(theme: Theme): Column<Priority>[] {
  const cells = perRow(priorityCells);
  return [
    { key: 'rank', header: '#', width: 3, align: 'right', priority: 2, value: (priority) => cells(priority).rank },
    { key: 'title', header: 'Priority', minWidth: 14, grow: 3, priority: 5, value: (priority) => cells(priority).title },
    { key: 'project', header: 'Project', minWidth: 7, priority: 1, value: (priority) => cells(priority).project },
    {
      key: 'status',
      header: 'Status',
      width: 11,
      priority: 4,
      value: (priority) => cells(priority).status,
      ...painted(theme, (priority) => (priority.status === 'no-plan' || priority.status === 'blocked' ? 'alarm' : null)),
    },
    {
      key: 'owner',
      header: 'Owner',
      minWidth: 11,
      grow: 2,
      priority: 3,
      value: (priority) => cells(priority).owner,
      ...painted(theme, (priority) => (priority.owner.length === 0 ? 'alarm' : null)),
    },
  ];
}

export function gapColumns(): Column<GapRow>[] {
  const cells = perRow((row: GapRow) => gapCells(row.gap));
  return [
    { key: 'project', header: 'Project', minWidth: 14, grow: 2, value: (row) => (row.first ? cells(row).project : ''), bold: (row) => row.first },
    { key: 'count', header: 'Gaps', width: 4, align: 'right', value: (row) => (row.first ? String(row.count) : '') },
    { key: 'role', header: 'Missing liaison', minWidth: 15, grow: 3, value: (row) => cells(row).role },
  ];
}
