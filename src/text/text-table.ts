// Plain-text tables for `radar list` and `radar --once`: columns sized by display width (CJK
// and emoji count double). With a width imposed (a terminal), they follow the dashboard's rule
// (src/text/column-layout.ts): every column keeps its content whole but the flexible one,
// which gives way first; a table still too wide loses whole columns from the right.
import { layoutColumns, type SizedColumn } from './column-layout';
import { padToWidth, toSingleLine, truncateToWidth } from './display-width';
import type { Paint, TextRole } from './paint';

export interface TextColumn<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  style?: (row: T) => TextRole | null;
  /** The column that gives way when the table is too wide. */
  flexible?: boolean;
}

const GAP = '  ';
/** The narrowest a flexible column gets before columns are dropped. */
const FLEXIBLE_MIN = 8;

export function renderTextTable<T>(rows: readonly T[], columns: readonly TextColumn<T>[], paint: Paint, maxWidth: number | null): string[] {
  const sized = columns.map((column, index): SizedColumn<T> & { index: number } => ({
    index,
    header: column.header,
    value: column.value,
    ...(column.align === undefined ? {} : { align: column.align }),
    hideWhenEmpty: true,
    ...(column.flexible === true ? { minWidth: FLEXIBLE_MIN, priority: 1 } : { fit: true }),
  }));
  // Without a width (a pipe, a file) nothing is cut: each column is as wide as its content,
  // sized from every row (printed once, unlike the dashboard's tables redrawn each minute).
  const placed = layoutColumns(sized, maxWidth ?? Number.MAX_SAFE_INTEGER, rows, GAP.length, Number.POSITIVE_INFINITY);
  const shown = placed.map(({ column, width }) => ({ column: columns[column.index]!, width }));
  const line = (cellOf: (column: TextColumn<T>) => string, styleOf: (column: TextColumn<T>) => TextRole | null) =>
    shown
      .map(({ column, width }, position) => {
        const text = toSingleLine(cellOf(column));
        const isLast = position === shown.length - 1;
        const cell = isLast && column.align !== 'right' ? truncateToWidth(text, width) : padToWidth(text, width, column.align);
        return paint(cell, styleOf(column));
      })
      .join(GAP)
      .trimEnd();
  return [
    line(
      (column) => column.header,
      () => 'strong',
    ),
    ...rows.map((row) =>
      line(
        (column) => column.value(row),
        (column) => column.style?.(row) ?? null,
      ),
    ),
  ];
}
