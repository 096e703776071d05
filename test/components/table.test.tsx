import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { layoutColumns, SIZING_ROWS, Table, visibleWindow, type Column } from '../../components/table';
import { displayWidth } from '../../src/text/display-width';

interface Milestone {
  project: string;
  title: string;
  when: string;
}

const columns: readonly Column<Milestone>[] = [
  { key: 'project', header: 'Project', minWidth: 12, grow: 1, value: (row) => row.project },
  { key: 'title', header: 'Title', minWidth: 10, grow: 2, value: (row) => row.title, color: () => 'cyan' },
  { key: 'when', header: 'When', width: 6, align: 'right', value: (row) => row.when },
];

const milestones: Milestone[] = [
  { project: 'nova', title: 'Feature freeze', when: 'R-5' },
  { project: 'ノヴァ会議', title: 'PTG sessions', when: 'R-4' },
  { project: '新星', title: 'Release candidate', when: 'R-3' },
  { project: '🚀 launch', title: 'Final release', when: 'R-0' },
];

// Frames carry no escape codes when colour is unsupported, but strip them in case the run forces it.
function linesOf(frame: string | undefined): string[] {
  return (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n');
}

/** Terminal column at which `text` starts on `line`. */
function columnOf(line: string, text: string): number {
  const index = line.indexOf(text);
  expect(index, `"${text}" in "${line}"`).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, index));
}

describe('Table', () => {
  it('keeps columns aligned when project names are Japanese, Chinese or start with an emoji', () => {
    const { lastFrame } = render(<Table data={milestones} columns={columns} width={50} height={10} />);
    const [header = '', ...rows] = linesOf(lastFrame());
    expect(rows).toHaveLength(milestones.length);

    const titleStart = columnOf(header, 'Title');
    rows.forEach((line, index) => {
      const milestone = milestones[index]!;
      expect(columnOf(line, milestone.project)).toBe(0);
      expect(columnOf(line, milestone.title)).toBe(titleStart);
      // The right-aligned last column ends exactly at the table's edge on every row.
      expect(displayWidth(line)).toBe(50);
      expect(line.endsWith(milestone.when)).toBe(true);
    });
    expect(displayWidth(header)).toBe(50);
    expect(header.endsWith('When')).toBe(true);
  });

  it('cuts long titles with an ellipsis and never wraps, however narrow the pane', () => {
    const long: Milestone[] = [
      { project: 'ノヴァ会議ノヴァ会議', title: 'Cycle-trailing release deadline for all deliverables', when: 'R+3' },
      { project: 'nova', title: '新星の最終リリース候補とその後の作業についての長い説明', when: 'R-1' },
    ];
    for (const width of [50, 33, 20, 7]) {
      const { lastFrame, unmount } = render(<Table data={long} columns={columns} width={width} height={5} />);
      const lines = linesOf(lastFrame());
      expect(lines, `width ${width}`).toHaveLength(1 + long.length);
      for (const line of lines) expect(displayWidth(line), `width ${width}: "${line}"`).toBeLessThanOrEqual(width);
      if (width >= 33) {
        expect(lines[1]).toMatch(/Cycle-.*… +R\+3$/);
        expect(lines[2]).toMatch(/新星.*… +R-1$/);
      }
      unmount();
    }
  });

  it('drops columns from the right when the pane is too narrow for all of them', () => {
    const { lastFrame } = render(<Table data={milestones} columns={columns} width={25} height={5} />);
    const [header = ''] = linesOf(lastFrame());
    expect(header).toContain('Project');
    expect(header).toContain('Title');
    expect(header).not.toContain('When');
  });

  it('sizes columns from the first rows only, renders only the visible rows of 10,000, and shows row 9,500 once it is selected', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({ project: `project ${index}`, title: `task ${index}`, when: 'R-1' }));
    let cellsComputed = 0;
    const counting: Column<Milestone>[] = [
      { key: 'project', header: 'Project', grow: 1, value: (row) => (cellsComputed++, row.project) },
      { key: 'title', header: 'Title', grow: 1, value: (row) => row.title },
    ];
    const { lastFrame } = render(<Table data={many} columns={counting} width={40} height={8} selected={9_500} />);
    const lines = linesOf(lastFrame());

    expect(lines).toHaveLength(1 + 8);
    expect(lines.some((line) => line.startsWith('project 9500 '))).toBe(true);
    expect(lines.some((line) => line.startsWith('project 0 '))).toBe(false);
    // Sizing reads the first SIZING_ROWS rows' cells once; drawing reads the 8 rows in view.
    expect(cellsComputed).toBe(SIZING_ROWS + 8);
  });

  it('scrolls only when the selection leaves the window, by just enough', () => {
    const many = Array.from({ length: 100 }, (_, index) => ({ project: `p${index}`, title: `t${index}`, when: '' }));
    const firstRow = (frame: string | undefined) => linesOf(frame)[1]?.split(' ')[0];
    const { lastFrame, rerender } = render(<Table data={many} columns={columns} width={40} height={5} selected={50} />);
    expect(firstRow(lastFrame())).toBe('p46');

    rerender(<Table data={many} columns={columns} width={40} height={5} selected={47} />);
    expect(firstRow(lastFrame())).toBe('p46');

    rerender(<Table data={many} columns={columns} width={40} height={5} selected={51} />);
    expect(firstRow(lastFrame())).toBe('p47');

    rerender(<Table data={many} columns={columns} width={40} height={5} selected={10} />);
    expect(firstRow(lastFrame())).toBe('p10');
  });

  it('marks the selected row with › when colour is off, so the selection stays visible', () => {
    const { lastFrame } = render(<Table data={milestones} columns={columns} width={50} height={10} selected={2} color={false} />);
    const [header = '', ...rows] = linesOf(lastFrame());
    expect(rows[2]?.startsWith('› 新星')).toBe(true);
    expect(rows.filter((line) => line.includes('›'))).toHaveLength(1);
    // The marker has its own column: names still line up with the header.
    expect(columnOf(header, 'Project')).toBe(2);
    rows.forEach((line, index) => expect(columnOf(line, milestones[index]!.project)).toBe(2));
    expect(rows.every((line) => displayWidth(line) <= 50)).toBe(true);
  });

  it('says there is nothing here when there are no rows', () => {
    const quiet = render(<Table data={[]} columns={columns} width={40} height={5} />);
    expect(linesOf(quiet.lastFrame())).toContain('nothing here');

    const filtered = render(<Table data={[]} columns={columns} width={40} height={5} emptyText="no milestones match “nova”" />);
    expect(linesOf(filtered.lastFrame())[1]).toBe('no milestones match “nova”');
  });
});

describe('visibleWindow', () => {
  it('starts at the top while the selection fits on the first screen', () => {
    expect(visibleWindow(100, 10, 0, 0)).toBe(0);
    expect(visibleWindow(100, 10, 9, 0)).toBe(0);
  });

  it('moving down inside the window does not scroll', () => {
    expect(visibleWindow(100, 10, 25, 20)).toBe(20);
    expect(visibleWindow(100, 10, 29, 20)).toBe(20);
  });

  it('moving just past the bottom scrolls by one row, past the top shows the row at the top', () => {
    expect(visibleWindow(100, 10, 30, 20)).toBe(21);
    expect(visibleWindow(100, 10, 19, 20)).toBe(19);
  });

  it('jumping to the last row shows a full last screen', () => {
    expect(visibleWindow(100, 10, 99, 0)).toBe(90);
  });

  it('a list that shrinks below the window leaves no blank rows at the bottom', () => {
    expect(visibleWindow(12, 10, 3, 80)).toBe(2);
    expect(visibleWindow(4, 10, 3, 80)).toBe(0);
  });

  it('keeps its place when nothing is selected, and is 0 for an empty list or no room', () => {
    expect(visibleWindow(100, 10, -1, 40)).toBe(40);
    expect(visibleWindow(0, 10, -1, 40)).toBe(0);
    expect(visibleWindow(100, 0, 50, 40)).toBe(0);
  });
});

describe('layoutColumns', () => {
  const widths = (available: number) => layoutColumns(columns, available).map((placed) => placed.width);

  it('fixed columns keep their width and growing columns share the rest by their grow', () => {
    // 60 - 6 (When) - 2 separators = 52; minimums 12 + 10 leave 30 to share 1:2.
    expect(widths(60)).toEqual([22, 30, 6]);
  });

  it('fills the width exactly even when the shares do not divide evenly', () => {
    for (const available of [30, 31, 32, 47, 100]) {
      const placed = widths(available);
      expect(placed.reduce((sum, width) => sum + width, 0) + placed.length - 1).toBe(available);
    }
  });

  it('drops the least important column first when columns say which matter', () => {
    const ranked: Column<Milestone>[] = [
      { key: 'when', header: 'When', width: 10, priority: 3, value: (row) => row.when },
      { key: 'project', header: 'Project', minWidth: 10, priority: 1, value: (row) => row.project },
      { key: 'title', header: 'Title', minWidth: 10, grow: 1, priority: 2, value: (row) => row.title },
    ];
    expect(layoutColumns(ranked, 32).map((placed) => placed.column.key)).toEqual(['when', 'project', 'title']);
    expect(layoutColumns(ranked, 31).map((placed) => placed.column.key)).toEqual(['when', 'title']);
    expect(layoutColumns(ranked, 20).map((placed) => placed.column.key)).toEqual(['when']);
  });

  it('shrinks growing columns to their minimum, then drops columns from the right', () => {
    expect(widths(30)).toEqual([12, 10, 6]);
    expect(widths(29)).toEqual([14, 14]);
    expect(widths(22)).toEqual([22]);
    expect(widths(8)).toEqual([8]);
    expect(widths(0)).toEqual([]);
  });
});
