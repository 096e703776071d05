// Plain-text tables for `radar list` and `radar --once`: columns sized by display width (CJK
// and emoji count double), the widest column truncated with "…" when a width is imposed.
import { displayWidth, padToWidth, toSingleLine, truncateToWidth } from './display-width';
import type { Paint, TextRole } from './paint';

export interface TextColumn<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  style?: (row: T) => TextRole | null;
  /** The column that gives way when the table is too wide. */
  flexible?: boolean;
}

export function renderTextTable<T>(rows: readonly T[], columns: readonly TextColumn<T>[], paint: Paint, maxWidth: number | null): string[] {
  const cells = rows.map((row) => columns.map((column) => toSingleLine(column.value(row))));
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[index]!))),
  );
  // Drop empty trailing columns' padding: a column with no content anywhere is not shown.
  const shown = columns.map((_, index) => cells.some((line) => line[index] !== ''));
  if (maxWidth !== null) {
    const total = widths.reduce((sum, width, index) => sum + (shown[index] ? width + 2 : 0), 0) - 2;
    const flexible = columns.findIndex((column) => column.flexible);
    if (total > maxWidth && flexible !== -1) widths[flexible] = Math.max(8, widths[flexible]! - (total - maxWidth));
  }
  const line = (values: string[], styleOf: (index: number) => TextRole | null) =>
    values
      .map((value, index) => {
        if (!shown[index]) return null;
        const isLast = index === values.length - 1 || shown.slice(index + 1).every((visible) => !visible);
        const text = isLast && columns[index]!.align !== 'right' ? truncateToWidth(value, widths[index]!) : padToWidth(value, widths[index]!, columns[index]!.align);
        return paint(text, styleOf(index));
      })
      .filter((cell): cell is string => cell !== null)
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header), () => 'strong'),
    ...rows.map((row, rowIndex) => line(cells[rowIndex]!, (index) => columns[index]!.style?.(row) ?? null)),
  ];
}
