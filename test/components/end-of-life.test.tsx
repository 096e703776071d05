// An end of life stands apart in the Milestones pane: the word EOL in the row, in magenta
// where there is colour, readable without.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { milestoneColumns } from '../../components/pane-columns';
import { colorTheme, plainTheme } from '../../components/theme';
import { milestoneTable } from '../../src/cli/commands/tables';
import { makePaint } from '../../src/text/paint';
import { milestonesInView } from '../../src/views/milestones';
import { loadFor, renderDashboard, testContext, type Dashboard } from './dashboard-harness';

const NODE = fileURLToPath(new URL('../fixtures/nodejs/schedule.json', import.meta.url));
const open: Dashboard[] = [];
async function nodeDashboard(color: boolean): Promise<Dashboard> {
  const dashboard = await renderDashboard({ source: NODE, now: '2026-11-30T09:00:00Z', zone: 'UTC', color, columns: 100, rows: 24 });
  open.push(dashboard);
  await dashboard.waitFor('Node.js 22 end of life');
  return dashboard;
}
afterEach(() => {
  for (const dashboard of open.splice(0)) dashboard.unmount();
});

const lineOf = (text: string, lines: string[]) => lines.find((line) => line.includes(text)) ?? '';

describe('the end of a release line in the Milestones pane', () => {
  it('says EOL before the title, where the release of Node.js 27 says nothing, without colour', async () => {
    const dashboard = await nodeDashboard(false);
    expect(lineOf('Node.js 22 end of life', dashboard.lines())).toContain('EOL Node.js 22 end of life');
    expect(lineOf('Node.js 27 release', dashboard.lines())).not.toContain('EOL');
  });

  it('is magenta with colour, and the release beside it is not', async () => {
    const context = testContext({ source: NODE, now: '2026-11-30T09:00:00Z', zone: 'UTC' });
    const { schedule } = await loadFor(context);
    const rows = milestonesInView(schedule, { now: context.now, days: 180, all: false, filter: context.filter });
    const row = (title: string) => rows.find((candidate) => candidate.milestone.title === title)!;
    const [title] = milestoneColumns('UTC', context.now, colorTheme);
    expect(title!.color?.(row('Node.js 22 end of life'))).toBe('magenta');
    expect(title!.color?.(row('Node.js 27 release'))).toBeUndefined();
    const [plainTitle] = milestoneColumns('UTC', context.now, plainTheme);
    expect(plainTitle!.color?.(row('Node.js 22 end of life'))).toBeUndefined();
  });

  it('is magenta in the text of --once and radar list when colour is on, plain words under NO_COLOR', async () => {
    const context = testContext({ source: NODE, now: '2026-11-30T09:00:00Z', zone: 'UTC' });
    const { schedule } = await loadFor(context);
    const rows = milestonesInView(schedule, { now: context.now, days: 180, all: false, filter: context.filter });
    const coloured = milestoneTable(rows, context, makePaint(true), null, false);
    expect(lineOf('Node.js 22 end of life', coloured)).toContain('\u001b[35mEOL Node.js 22 end of life');
    expect(lineOf('Node.js 27 release', coloured)).not.toContain('\u001b[35m');
    const plain = milestoneTable(rows, context, makePaint(false), null, false);
    expect(lineOf('Node.js 22 end of life', plain)).toMatch(/^EOL Node\.js 22 end of life +Fri 30 Apr/);
  });
});
