import { Fragment, memo, useMemo, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { displayWidth, padToWidth, toSingleLine, truncateToWidth } from '../src/text/display-width';

/**
 * One column of a `Table`. A column with `width` is fixed; a `fit` column is as wide as its
 * widest cell and is never cut; any other column starts at its `minWidth` (or its widest cell,
 * if narrower) and grows toward its widest cell, highest priority first; what is left after
 * that goes to the columns with a `grow` share.
 */
export interface Column<T> {
  /** Stable identity of the column (React key). */
  key: string;
  /** Header text. */
  header: string;
  /** Fixed width in terminal columns. Default: none (the column is sized by minWidth and grow). */
  width?: number;
  /** Narrowest a non-fixed column may get before columns are dropped. Default: the header's width. */
  minWidth?: number;
  /** Share of the leftover width, relative to the other columns' grow. Default 0 (no growth). */
  grow?: number;
  /** As wide as the widest cell (or header): never cut, dropped whole when it cannot fit. Default false. */
  fit?: boolean;
  /** Left out when every cell is empty (a mark column with no marks). Default false. */
  hideWhenEmpty?: boolean;
  /**
   * When the columns do not all fit, those with the lowest priority are dropped first (ties:
   * the rightmost first); spare width goes to the highest first. Default 0, so by default
   * columns are dropped from the right.
   */
  priority?: number;
  /** Alignment of the cell text within the column. Default 'left'. */
  align?: 'left' | 'right';
  /** The cell's text (plain text; newlines and escape characters are shown as spaces). */
  value: (row: T) => string;
  /** Ink colour of the cell, or undefined for the terminal's default. Ignored when colour is off. */
  color?: (row: T) => string | undefined;
  /** Whether the cell is drawn dim (e.g. past items). Ignored when colour is off. Default: never. */
  dim?: (row: T) => boolean;
  /** Whether the cell is drawn bold. Default: never. */
  bold?: (row: T) => boolean;
  /**
   * Draws the cell as a component instead of `value`'s text, for cells that change on their
   * own (a live countdown re-renders itself without re-rendering the row). What it draws must
   * be exactly `width` columns on one line. Default: none (the cell is `value`'s text).
   */
  cell?: (row: T, width: number) => ReactNode;
}

export interface TableProps<T> {
  /** All rows; may be 10,000+. Only the visible window is ever rendered. */
  data: readonly T[];
  /**
   * The columns, left to right. Define them once (a module constant or useMemo): a new array on
   * every render forces every visible row to re-render.
   */
  columns: readonly Column<T>[];
  /** Total terminal columns available. Every line fits in it; nothing wraps. */
  width: number;
  /** Terminal rows available for the body (the header row is extra). */
  height: number;
  /** Index into `data` of the selected row, or -1 for none. Default -1. */
  selected?: number;
  /** Whether the pane holding this table has the keyboard. Default true. */
  focused?: boolean;
  /** Whether colours (and inverse/dim) may be used; false under NO_COLOR. Default true. */
  color?: boolean;
  /** Shown instead of rows when `data` is empty. Default 'nothing here'. */
  emptyText?: string;
}

/** A column that made it onto the screen, with its final width. */
export interface PlacedColumn<T> {
  column: Column<T>;
  width: number;
}

const selectionMarker = '›';
// Marker plus the space separating it from the first cell; only drawn without colour, where
// inverse video is not available to show the selection.
const markerColumnWidth = 2;

/**
 * The scroll offset (index of the first visible row) that keeps `selected` visible, moving as
 * little as possible from `previousOffset`: moving within the window never scrolls, moving past
 * an edge scrolls by just enough, and a shrinking list never leaves blank rows at the bottom.
 */
export function visibleWindow(total: number, height: number, selected: number, previousOffset: number): number {
  if (!(total > 0) || !(height > 0)) return 0;
  const maxOffset = Math.max(0, total - height);
  let offset = Math.min(Math.max(Number.isFinite(previousOffset) ? Math.floor(previousOffset) : 0, 0), maxOffset);
  if (selected < 0) return offset;
  const target = Math.min(selected, total - 1);
  if (target < offset) offset = target;
  else if (target >= offset + height) offset = target - height + 1;
  return offset;
}

/**
 * Rows whose cells size the columns. A list of 150,000 meetings must not cost 150,000 cells
 * per column each minute; the rows people scroll through are the first ones, and a rare later
 * cell wider than these is cut with "…" like any other.
 */
export const SIZING_ROWS = 1000;

/** The widest of the column's header and cells, in terminal columns. */
function naturalWidth<T>(column: Column<T>, data: readonly T[]): number {
  let widest = displayWidth(column.header);
  for (let index = 0; index < Math.min(data.length, SIZING_ROWS); index += 1) {
    widest = Math.max(widest, displayWidth(toSingleLine(column.value(data[index]!))));
  }
  return widest;
}

/**
 * The scroll window of a list with a cursor (a table, the project picker): the index of the
 * first row in view. It depends on where the window was before, so it is kept between renders
 * and adjusted during render (React re-runs the render at once; nothing stale is drawn).
 */
export function useScrollWindow(total: number, height: number, selected: number): number {
  const [previousOffset, setPreviousOffset] = useState(0);
  const offset = visibleWindow(total, height, selected, previousOffset);
  if (offset !== previousOffset) setPreviousOffset(offset);
  return offset;
}

/**
 * Sizes `columns` to fit `available` terminal columns, one space between neighbours, for the
 * rows in `data` (the first SIZING_ROWS). Each column needs its minimum (fixed width; `fit`: its widest cell; else its
 * minWidth, or less when no cell needs it). When the minimums do not fit, whole columns go,
 * lowest priority first (ties: the rightmost); a lone column still too wide is narrowed. Spare
 * width then widens columns toward their widest cell, highest priority first, and whatever is
 * left goes to the `grow` columns by share, so titles take the slack.
 */
export function layoutColumns<T>(columns: readonly Column<T>[], available: number, data: readonly T[] = []): PlacedColumn<T>[] {
  if (!(available > 0) || columns.length === 0) return [];
  const natural = columns.map((column) => (column.width !== undefined ? Math.max(1, Math.floor(column.width)) : Math.max(1, naturalWidth(column, data))));
  const base = columns.map((column, index) => {
    if (column.width !== undefined || column.fit === true) return natural[index]!;
    const minimum = Math.max(1, Math.floor(column.minWidth ?? displayWidth(column.header)));
    return data.length === 0 ? minimum : Math.min(minimum, natural[index]!);
  });

  const kept = columns
    .map((_, index) => index)
    .filter((index) => columns[index]!.hideWhenEmpty !== true || data.slice(0, SIZING_ROWS).some((row) => columns[index]!.value(row) !== ''));
  const neededFor = (indices: readonly number[]) => indices.reduce((sum, index) => sum + base[index]!, 0) + (indices.length - 1);
  while (kept.length > 1 && neededFor(kept) > available) {
    let drop = kept.length - 1;
    for (let position = kept.length - 2; position >= 0; position -= 1) {
      if ((columns[kept[position]!]!.priority ?? 0) < (columns[kept[drop]!]!.priority ?? 0)) drop = position;
    }
    kept.splice(drop, 1);
  }

  const placed = kept.map((index) => ({ column: columns[index]!, width: base[index]!, natural: natural[index]! }));
  let leftover = available - neededFor(kept);
  if (leftover < 0) {
    // Only one column is left and it alone is too wide.
    return placed.map(({ column }) => ({ column, width: available }));
  }

  const byPriority = [...placed].sort((a, b) => (b.column.priority ?? 0) - (a.column.priority ?? 0));
  for (const entry of byPriority) {
    const wanted = Math.min(leftover, Math.max(0, entry.natural - entry.width));
    entry.width += wanted;
    leftover -= wanted;
  }

  const growing = placed.filter((entry) => entry.column.width === undefined && (entry.column.grow ?? 0) > 0);
  const totalGrow = growing.reduce((sum, entry) => sum + (entry.column.grow ?? 0), 0);
  if (growing.length > 0 && leftover > 0) {
    const spare = leftover;
    for (const entry of growing) {
      const share = Math.floor((spare * (entry.column.grow ?? 0)) / totalGrow);
      entry.width += share;
      leftover -= share;
    }
    // Rounding leaves a few columns over: hand them out left to right so the line fits exactly.
    for (let index = 0; leftover > 0; index = (index + 1) % growing.length) {
      growing[index]!.width += 1;
      leftover -= 1;
    }
  }
  return placed.map(({ column, width }) => ({ column, width }));
}

/**
 * A borderless, scrolling table in the style of ink-table (`<Table data columns />`), sized in
 * terminal columns so CJK and emoji keep the columns aligned. Each row is one truncated line;
 * only the rows in view are rendered, so 10,000 rows cost the same as 20.
 */
export function Table<T>({
  data,
  columns,
  width,
  height,
  selected = -1,
  focused = true,
  color = true,
  emptyText = 'nothing here',
}: TableProps<T>): ReactNode {
  const markerWidth = color ? 0 : markerColumnWidth;
  const layout = useMemo(() => layoutColumns(columns, width - markerWidth, data), [columns, width, markerWidth, data]);

  const offset = useScrollWindow(data.length, height, selected);

  if (!(width > 0)) return null;

  const header = (
    <Text wrap="truncate" bold>
      {' '.repeat(markerWidth)}
      {layout.map(({ column, width: columnWidth }) => padToWidth(toSingleLine(column.header), columnWidth, column.align)).join(' ')}
    </Text>
  );

  if (data.length === 0) {
    return (
      <Box flexDirection="column" width={width}>
        {header}
        {height > 0 ? (
          <Text wrap="truncate" dimColor={color}>
            {truncateToWidth(' '.repeat(markerWidth) + toSingleLine(emptyText), width)}
          </Text>
        ) : null}
      </Box>
    );
  }

  const visibleRows = data.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column" width={width}>
      {header}
      {visibleRows.map((row, index) => (
        <TableRow
          key={offset + index}
          row={row}
          layout={layout}
          width={width}
          isSelected={offset + index === selected}
          focused={focused}
          color={color}
        />
      ))}
    </Box>
  );
}

interface TableRowProps<T> {
  row: T;
  layout: readonly PlacedColumn<T>[];
  width: number;
  isSelected: boolean;
  focused: boolean;
  color: boolean;
}

function TableRowLine<T>({ row, layout, width, isSelected, focused, color }: TableRowProps<T>): ReactNode {
  const parts: ReactNode[] = [];
  let plain = color ? '' : (isSelected ? selectionMarker : ' ') + ' ';
  let lineWidth = color ? 0 : markerColumnWidth;

  layout.forEach(({ column, width: columnWidth }, index) => {
    if (index > 0) {
      plain += ' ';
      lineWidth += 1;
    }
    lineWidth += columnWidth;
    if (column.cell !== undefined) {
      if (plain) parts.push(plain);
      plain = '';
      parts.push(<Fragment key={column.key}>{column.cell(row, columnWidth)}</Fragment>);
      return;
    }
    const text = padToWidth(toSingleLine(column.value(row)), columnWidth, column.align);
    const cellColor = color ? column.color?.(row) : undefined;
    const dim = color && (column.dim?.(row) ?? false);
    const bold = column.bold?.(row) ?? false;
    if (cellColor === undefined && !dim && !bold) {
      plain += text;
      return;
    }
    if (plain) parts.push(plain);
    plain = '';
    parts.push(
      <Text key={column.key} color={cellColor} dimColor={dim} bold={bold}>
        {text}
      </Text>,
    );
  });
  // Pad to the full width so an inverse selection reads as a bar across the pane.
  if (lineWidth < width) plain += ' '.repeat(width - lineWidth);
  if (plain) parts.push(plain);

  const highlight = isSelected && color;
  return (
    <Text wrap="truncate" inverse={highlight && focused} bold={highlight && !focused} underline={highlight && !focused}>
      {parts}
    </Text>
  );
}

const TableRow = memo(TableRowLine) as typeof TableRowLine;
