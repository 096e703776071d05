// Where the panes go: a 2×2 grid from 120 columns (rows and columns shared by what the panes
// need), one pane at a time below that. Pure arithmetic, so sizes can be checked by hand.
import type { PaneId } from './keymap';

/** From this many columns the four panes are shown at once. */
export const GRID_MIN_WIDTH = 120;
/** Below this the dashboard asks for a bigger terminal instead of drawing a broken layout. */
export const MIN_WIDTH = 40;
export const MIN_HEIGHT = 12;
/** The frame and the column headings of a pane. */
const PANE_CHROME = 3;
/** Table rows a grid pane keeps however little it needs or however much the other one does. */
const MIN_PANE_ROWS = 3;

export interface Layout {
  wide: boolean;
  /** Each pane's width and height, frame included. */
  panes: Record<PaneId, { width: number; height: number }>;
  /** Rows between the header and the hints line. */
  body: number;
}

/**
 * The rows of the grid's top and bottom halves. Each half needs its longer pane's rows; when
 * both fit, the top gets what it needs and the bottom the rest; when they do not, a half that
 * needs less than half the rows gets all it needs, else the rows are shared in proportion to
 * need, neither below a few rows.
 */
export function splitRows(body: number, topRows: number, bottomRows: number): { top: number; bottom: number } {
  const least = MIN_PANE_ROWS + PANE_CHROME;
  if (body < 2 * least) {
    const top = Math.ceil(body / 2);
    return { top, bottom: body - top };
  }
  const topNeed = Math.max(least, topRows + PANE_CHROME);
  const bottomNeed = Math.max(least, bottomRows + PANE_CHROME);
  let top: number;
  if (topNeed + bottomNeed <= body) top = topNeed;
  else if (bottomNeed <= body / 2) top = body - bottomNeed;
  else if (topNeed <= body / 2) top = topNeed;
  else top = Math.round((body * topNeed) / (topNeed + bottomNeed));
  top = Math.min(Math.max(top, least), body - least);
  return { top, bottom: body - top };
}

/**
 * The width of the grid's left half. Halves, unless a side needs more for all its columns and
 * the other side can spare it: then the line between them moves (never past the other's need).
 */
export function splitColumns(width: number, leftNeed: number, rightNeed: number): number {
  const half = Math.floor(width / 2);
  if (leftNeed + rightNeed > width) return half;
  return Math.min(Math.max(half, leftNeed), width - rightNeed);
}

/** What the panes need: rows (their row counts) and columns (their tables' minimum widths, frame included). */
export interface PaneNeeds {
  rows: Readonly<Record<PaneId, number>>;
  columns: Readonly<Record<PaneId, number>>;
}

export function computeLayout(width: number, height: number, header: number, needs: PaneNeeds): Layout {
  const body = Math.max(0, height - header - 1);
  if (width >= GRID_MIN_WIDTH) {
    const { rows, columns } = needs;
    const { top, bottom } = splitRows(body, Math.max(rows.milestones, rows.meetings), Math.max(rows.priorities, rows.gaps));
    const left = splitColumns(width, Math.max(columns.milestones, columns.priorities), Math.max(columns.meetings, columns.gaps));
    return {
      wide: true,
      body,
      panes: {
        milestones: { width: left, height: top },
        meetings: { width: width - left, height: top },
        priorities: { width: left, height: bottom },
        gaps: { width: width - left, height: bottom },
      },
    };
  }
  const one = { width, height: Math.max(0, body - 1) };
  return { wide: false, body, panes: { milestones: one, meetings: one, priorities: one, gaps: one } };
}

/** Columns of a pane around its table: the frame and a space of padding on each side. */
export const PANE_SIDES = 4;

/** Rows of a pane's table: the frame and the column headings take three. */
export function tableRows(pane: { height: number }): number {
  return Math.max(1, pane.height - PANE_CHROME);
}
