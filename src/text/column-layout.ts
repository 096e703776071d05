// How wide each column of a table is: the one sizing rule of the dashboard's tables
// (components/table.tsx) and of the text tables of `radar list` and `radar --once`.
import { displayWidth, toSingleLine } from './display-width';

/**
 * What sizing needs to know of a column. A column with `width` is fixed; a `fit` column is as
 * wide as its widest cell and is never cut; any other column starts at its `minWidth` (or its
 * widest cell, if narrower) and grows toward its widest cell, highest priority first; what is
 * left after that goes to the columns with a `grow` share.
 */
export interface SizedColumn<T> {
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
}

/** The rows a column is for. */
export type RowOf<C> = C extends SizedColumn<infer T> ? T : never;

/** A column that made it into the table, with its final width. */
export interface PlacedColumn<C> {
  column: C;
  width: number;
}

/**
 * Rows whose cells size the columns. A list of 150,000 meetings must not cost 150,000 cells
 * per column each minute; the rows people scroll through are the first ones, and a rare later
 * cell wider than these is cut with "…" like any other.
 */
export const SIZING_ROWS = 1000;

/** The widest of the column's header and cells, in terminal columns. */
function naturalWidth<T>(column: SizedColumn<T>, data: readonly T[], sizingRows: number): number {
  let widest = displayWidth(column.header);
  for (let index = 0; index < Math.min(data.length, sizingRows); index += 1) {
    widest = Math.max(widest, displayWidth(toSingleLine(column.value(data[index]!))));
  }
  return widest;
}

/** Each column's widest cell and its minimum, and the columns worth showing at all. */
function measure<T>(columns: readonly SizedColumn<T>[], data: readonly T[], sizingRows: number) {
  const natural = columns.map((column) => (column.width !== undefined ? Math.max(1, Math.floor(column.width)) : Math.max(1, naturalWidth(column, data, sizingRows))));
  const base = columns.map((column, index) => {
    if (column.width !== undefined || column.fit === true) return natural[index]!;
    const minimum = Math.max(1, Math.floor(column.minWidth ?? displayWidth(column.header)));
    return data.length === 0 ? minimum : Math.min(minimum, natural[index]!);
  });
  const kept = columns.map((_, index) => index).filter((index) => columns[index]!.hideWhenEmpty !== true || data.slice(0, sizingRows).some((row) => columns[index]!.value(row) !== ''));
  return { natural, base, kept };
}

/** The width every column of the table needs at its minimum, `gap` spaces between them: below it, a column goes. */
export function minimumTableWidth<T>(columns: readonly SizedColumn<T>[], data: readonly T[] = [], gap = 1): number {
  const { base, kept } = measure(columns, data, SIZING_ROWS);
  return kept.reduce((sum, index) => sum + base[index]!, 0) + gap * Math.max(0, kept.length - 1);
}

/**
 * Sizes `columns` to fit `available` terminal columns, `gap` spaces between neighbours, for the
 * rows in `data` (the first `sizingRows`; all of them for text printed once). Each column needs
 * its minimum (fixed width; `fit`: its widest cell; else its minWidth, or less when no cell
 * needs it). When the minimums do not fit, whole columns go, lowest priority first (ties: the
 * rightmost); a lone column still too wide is narrowed. Spare width then widens columns toward
 * their widest cell, highest priority first, and whatever is left goes to the `grow` columns by
 * share, so titles take the slack.
 */
export function layoutColumns<C extends SizedColumn<RowOf<C>>>(columns: readonly C[], available: number, data: readonly RowOf<C>[] = [], gap = 1, sizingRows = SIZING_ROWS): PlacedColumn<C>[] {
  if (!(available > 0) || columns.length === 0) return [];
  const { natural, base, kept } = measure(columns, data, sizingRows);
  const neededFor = (indices: readonly number[]) => indices.reduce((sum, index) => sum + base[index]!, 0) + gap * (indices.length - 1);
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
