// The columns of the four panes. Every word comes from src/views/cells.ts, the same words
// `radar --once` and `radar list` print; this file only decides widths, order and colour.
import { Text } from 'ink';
import type { Priority } from '../src/model/types';
import { padToWidth } from '../src/text/display-width';
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

/** Marks a meeting outside the user's work hours even without colour. */
export const OFF_HOURS_MARK = '☾';

/** Marks a row with a warning (ISO week 53, a skip's reason): the words are in its details. */
export function warningMark(theme: Theme): string {
  return theme.color ? '⚠' : '!';
}

export function milestoneColumns(zone: string, now: number, theme: Theme): Column<MilestoneRow>[] {
  const cells = perRow((row: MilestoneRow) => milestoneCells(row, zone, now));
  const past = (row: MilestoneRow): Role | null => (row.past && !row.current ? 'past' : null);
  return [
    {
      key: 'title',
      header: 'Milestone',
      minWidth: 14,
      grow: 1,
      priority: 4,
      value: (row) => cells(row).title,
      ...painted(theme, (row) => past(row) ?? (cells(row).endOfLife ? 'endOfLife' : null)),
    },
    { key: 'window', header: 'When', fit: true, priority: 3, value: (row) => cells(row).window, ...painted(theme, past) },
    { key: 'week', header: 'Week', fit: true, priority: 1, value: (row) => cells(row).week, ...painted(theme, past) },
    {
      key: 'countdown',
      header: 'Countdown',
      fit: true,
      priority: 5,
      value: (row) => cells(row).countdown,
      cell: (row, width) => (
        <LiveCell width={width} text={(instant) => milestoneCountdown(row, instant)} role={(instant) => (row.current ? null : row.past ? 'past' : urgencyRole(row.milestone.start - instant))} />
      ),
    },
  ];
}

/** `homeZone`: where work hours are judged. `now`: the minute shown, for the countdowns' widths. */
export function meetingColumns(zone: string, homeZone: string, hours: WorkHours, theme: Theme, now: number): Column<Occurrence>[] {
  // Off-hours are the user's own: judged in their zone even while `z` shows another one. The
  // countdown is the only cell that depends on the clock; it is a LiveCell, so the other cells
  // are computed once, as of the occurrence's own start.
  const cells = perRow((occurrence: Occurrence) => ({
    ...meetingCells(occurrence, zone, occurrence.start),
    offHours: isOffHours(occurrence.start, homeZone, hours),
  }));
  const warned = (occurrence: Occurrence) => occurrence.warnings.length > 0 || (occurrence.skipped && occurrence.reason !== null);
  const skipped = (occurrence: Occurrence): Role | null => (occurrence.skipped ? 'past' : null);
  return [
    {
      key: 'marks',
      header: '',
      fit: true,
      hideWhenEmpty: true,
      priority: 6,
      // Two marks, each in its own place: ☾ outside work hours, ⚠ a warning in the details.
      value: (occurrence) => `${cells(occurrence).offHours ? OFF_HOURS_MARK : ' '}${warned(occurrence) ? warningMark(theme) : ''}`.trimEnd(),
      cell: (occurrence, width) => (
        <Text>
          <Text {...(cells(occurrence).offHours ? theme.styles.offHours : {})}>{cells(occurrence).offHours ? OFF_HOURS_MARK : ' '}</Text>
          <Text {...theme.styles.warning}>{padToWidth(warned(occurrence) ? warningMark(theme) : '', Math.max(0, width - 1))}</Text>
        </Text>
      ),
    },
    {
      key: 'when',
      header: 'When',
      fit: true,
      priority: 7,
      value: (occurrence) => cells(occurrence).when,
      ...painted(theme, (occurrence) => (occurrence.skipped ? 'past' : cells(occurrence).offHours ? 'offHours' : null)),
    },
    // Shown only for meetings whose own clock reads differently from the display zone's.
    { key: 'own', header: 'Own zone', fit: true, hideWhenEmpty: true, priority: 2, value: (occurrence) => cells(occurrence).own, ...painted(theme, skipped) },
    {
      key: 'countdown',
      header: 'Countdown',
      fit: true,
      priority: 4,
      value: (occurrence) => meetingCountdown(occurrence, now),
      cell: (occurrence, width) => (
        <LiveCell
          width={width}
          text={(instant) => meetingCountdown(occurrence, instant)}
          role={(instant) => (occurrence.skipped ? 'past' : occurrence.start <= instant && instant < occurrence.end ? 'now' : urgencyRole(occurrence.start - instant))}
        />
      ),
    },
    { key: 'title', header: 'Meeting', minWidth: 16, grow: 1, priority: 5, value: (occurrence) => cells(occurrence).title, ...painted(theme, skipped) },
    { key: 'where', header: 'Where', fit: true, priority: 3, value: (occurrence) => cells(occurrence).where, ...painted(theme, skipped) },
  ];
}

export function priorityColumns(theme: Theme): Column<Priority>[] {
  const cells = perRow(priorityCells);
  // Shown with `a`: done and dropped ones, greyed like past milestones.
  const closed = (priority: Priority): Role | null => (priority.status === 'done' || priority.status === 'dropped' ? 'past' : null);
  return [
    { key: 'rank', header: '#', width: 3, align: 'right', priority: 2, value: (priority) => cells(priority).rank },
    { key: 'title', header: 'Priority', minWidth: 14, grow: 1, priority: 5, value: (priority) => cells(priority).title, ...painted(theme, closed) },
    { key: 'project', header: 'Project', fit: true, hideWhenEmpty: true, priority: 1, value: (priority) => cells(priority).project, ...painted(theme, closed) },
    {
      key: 'status',
      header: 'Status',
      fit: true,
      priority: 4,
      value: (priority) => cells(priority).status,
      ...painted(theme, (priority) => (priority.status === 'no-plan' || priority.status === 'blocked' ? 'alarm' : closed(priority))),
    },
    {
      key: 'owner',
      header: 'Owner',
      minWidth: 11,
      priority: 3,
      value: (priority) => cells(priority).owner,
      ...painted(theme, (priority) => (priority.owner.length === 0 ? 'alarm' : null)),
    },
  ];
}

export function gapColumns(): Column<GapRow>[] {
  const cells = perRow((row: GapRow) => gapCells(row.gap));
  return [
    { key: 'project', header: 'Project', minWidth: 14, priority: 3, value: (row) => (row.first ? cells(row).project : ''), bold: (row) => row.first },
    { key: 'count', header: 'Gaps', width: 4, align: 'right', priority: 1, value: (row) => (row.first ? String(row.count) : '') },
    { key: 'role', header: 'Missing liaison', minWidth: 15, grow: 1, priority: 2, value: (row) => cells(row).role },
  ];
}
