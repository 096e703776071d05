import { Fragment, memo, useMemo, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { layoutColumns, type PlacedColumn, type SizedColumn } from '../src/text/column-layout';
import { padToWidth, toSingleLine, truncateToWidth } from '../src/text/display-width';

export { layoutColumns, SIZING_ROWS } from '../src/text/column-layout';

/** One column of a `Table`: how it is sized (src/text/column-layout.ts), and how it is drawn. */
export interface Column<T> extends SizedColumn<T> {
  /** Stable identity of the column (React key). */
  key: string;
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
 * A borderless, scrolling table in the style of ink-table (`<Table data columns />`), sized in
 * terminal columns so CJK and emoji keep the columns aligned. Each row is one truncated line;
 * only the rows in view are rendered, so 10,000 rows cost the same as 20.
 */
export function Table<T>({ data, columns, width, height, selected = -1, focused = true, color = true, emptyText = 'nothing here' }: TableProps<T>): ReactNode {
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
        <TableRow key={offset + index} row={row} layout={layout} width={width} isSelected={offset + index === selected} focused={focused} color={color} />
      ))}
    </Box>
  );
}

interface TableRowProps<T> {
  row: T;
  layout: readonly PlacedColumn<Column<T>>[];
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
