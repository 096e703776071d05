// Where the panes go: a 2×2 grid from 120 columns (rows shared by what each row of panes
// needs), one pane at a time below that. Pure arithmetic, so sizes can be checked by hand.
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

export function computeLayout(width: number, height: number, header: number, counts: Readonly<Record<PaneId, number>>): Layout {
  const body = Math.max(0, height - header - 1);
  if (width >= GRID_MIN_WIDTH) {
    const { top, bottom } = splitRows(body, Math.max(counts.milestones, counts.meetings), Math.max(counts.priorities, counts.gaps));
    const left = Math.floor(width / 2);
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

/** Rows of a pane's table: the frame and the column headings take three. */
export function tableRows(pane: { height: number }): number {
  return Math.max(1, pane.height - PANE_CHROME);
}
