// Where the panes go, as arithmetic a person can check by hand.
import { describe, expect, it } from 'vitest';
import { computeLayout, splitColumns, splitRows } from '../../components/layout';

describe('splitRows: the grid rows follow what the panes need', () => {
  it('both halves fit: the top gets its rows and frame, the bottom the rest', () => {
    // 14 rows + 3 of frame and headings = 17; 26 − 17 = 9 for 6 rows + 3.
    expect(splitRows(26, 14, 6)).toEqual({ top: 17, bottom: 9 });
  });

  it('they do not both fit: a half needing less than half gets all it needs', () => {
    expect(splitRows(20, 30, 5)).toEqual({ top: 12, bottom: 8 });
    expect(splitRows(20, 2, 30)).toEqual({ top: 6, bottom: 14 });
  });

  it('both need more than half: shared by need, neither below three rows of table', () => {
    // 40 rows for needs of 33 and 28: 40 × 33 / 61 ≈ 22 on top.
    expect(splitRows(40, 30, 25)).toEqual({ top: 22, bottom: 18 });
    expect(splitRows(14, 100, 100)).toEqual({ top: 7, bottom: 7 });
  });
});

describe('splitColumns: the line between the halves moves for a side that needs it', () => {
  it('halves when both sides fit in half', () => {
    expect(splitColumns(140, 58, 62)).toBe(70);
  });

  it('the wider side gets its width when the other can spare it', () => {
    expect(splitColumns(140, 58, 78)).toBe(62);
    expect(splitColumns(140, 80, 50)).toBe(80);
  });

  it('halves when the two cannot both fit: columns go on both sides', () => {
    expect(splitColumns(120, 58, 78)).toBe(60);
  });
});

describe('computeLayout', () => {
  it('below 120 columns one pane takes the body under the tab bar', () => {
    const layout = computeLayout(80, 24, 3, { rows: { milestones: 7, meetings: 7, priorities: 13, gaps: 7 }, columns: { milestones: 60, meetings: 78, priorities: 54, gaps: 40 } });
    expect(layout.wide).toBe(false);
    expect(layout.body).toBe(20);
    expect(layout.panes.meetings).toEqual({ width: 80, height: 19 });
  });
});
