// The data under the dashboard: never waiting for the network, following saved files, and
// keeping the last good data when a file is saved broken.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepFreshRemoteReports, settleLoad } from '../../components/use-sources';
import type { SourceReport } from '../../src/model/types';
import { loadSources, type LoadResult } from '../../src/load/load-sources';
import { LIBERTY, KEYS, loadFor, renderDashboard, testContext, type Dashboard } from './dashboard-harness';

const open: Dashboard[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function report(source: string, status: SourceReport['status'], extra: Partial<SourceReport> = {}): SourceReport {
  return { source, status, fetchedAt: null, errors: [], warnings: [], detail: null, ...extra };
}

async function liberty(): Promise<LoadResult> {
  return loadFor(testContext());
}

describe('settleLoad', () => {
  it('a source that loaded and now fails keeps the old schedule, with the new errors', async () => {
    const good = await liberty();
    const broken: LoadResult = { ...good, schedule: { ...good.schedule, meetings: [] }, reports: [report(LIBERTY, 'failed', { errors: ['x.yaml:3:1: bad'] })] };
    const first = settleLoad(null, good);
    const second = settleLoad(first, broken);
    expect(second.keptLastGood).toBe(true);
    expect(second.shown.schedule).toBe(good.schedule);
    expect(second.shown.reports[0]!.errors).toEqual(['x.yaml:3:1: bad']);
    const fixed = settleLoad(second, good);
    expect(fixed.keptLastGood).toBe(false);
    expect(fixed.shown).toBe(good);
  });

  it('a source that never loaded is simply reported', async () => {
    const good = await liberty();
    const withMissing: LoadResult = { ...good, reports: [...good.reports, report('missing.yaml', 'failed', { errors: ['missing.yaml: cannot read'] })] };
    const settled = settleLoad(settleLoad(null, withMissing), withMissing);
    expect(settled.keptLastGood).toBe(false);
  });
});

describe('keepFreshRemoteReports', () => {
  it('re-reading a saved file does not turn a feed fetched a minute ago into "offline"', () => {
    const url = 'https://example.org/feed.json';
    const previous = {
      schedule: { name: null, roles: [], projects: [], cycles: [], milestones: [], meetings: [], priorities: [] },
      diagnostics: [],
      reports: [report(url, 'loaded', { fetchedAt: 1000 })],
    };
    const offline = { ...previous, reports: [report(url, 'cached', { fetchedAt: 1000, detail: 'offline' })] };
    expect(keepFreshRemoteReports(previous, offline).reports[0]!.status).toBe('loaded');
    const older = { ...previous, reports: [report(url, 'cached', { fetchedAt: 500, detail: 'offline' })] };
    expect(keepFreshRemoteReports(previous, older).reports[0]!.status).toBe('cached');
  });
});

describe('the dashboard and its sources', () => {
  async function withCopy() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-dashboard-'));
    folders.push(folder);
    const file = path.join(folder, 'liberty.yaml');
    fs.copyFileSync(LIBERTY, file);
    let changed: () => void = () => undefined;
    const context = testContext({ source: file });
    const load = () => loadSources([file], { offline: true, cacheDir: folder, now: context.io.clock, readStdin: async () => '' });
    const screen = await renderDashboard({ source: file, access: { load, watch: (onChange) => ((changed = onChange), () => undefined) } });
    open.push(screen);
    const save = (text: string) => {
      fs.writeFileSync(file, text);
      changed();
    };
    return { file, screen, save };
  }

  it('a saved change shows up, and a file saved broken keeps the last good data with its error', async () => {
    const { file, screen, save } = await withCopy();
    await screen.press('2');
    save(fs.readFileSync(file, 'utf8').replace('title: Nova Team Meeting', 'title: Nova Team Sync'));
    await screen.waitFor('Nova Team Sync');

    save('version: 1\nmeetings: [\n');
    await screen.waitFor('showing the last good data');
    expect(screen.screen()).toContain('Nova Team Sync');
    expect(screen.screen()).toContain('liberty.yaml: failed, 1 error');
    const errorLine = screen.lines().find((line) => line.startsWith('✖'));
    expect(errorLine).toMatch(/^✖ showing the last good data — .*liberty\.yaml:\d+:\d+: /);

    save(fs.readFileSync(LIBERTY, 'utf8'));
    await screen.waitFor('Nova Team Meeting');
    expect(screen.lines().some((line) => line.startsWith('✖'))).toBe(false);
  });

  it('the first frame never waits for the network; feeds arrive when they arrive', async () => {
    const initial = await liberty();
    let arrive: (result: LoadResult) => void = () => undefined;
    const calls: boolean[] = [];
    const screen = await renderDashboard({
      initial,
      access: {
        hasRemote: true,
        offline: false,
        load: (offline) => {
          calls.push(offline);
          return new Promise<LoadResult>((resolve) => (arrive = resolve));
        },
      },
    });
    open.push(screen);
    expect(screen.screen()).toContain('Milestones 1/7');
    expect(screen.lines()[2]).toContain('↻ refreshing');
    expect(calls).toEqual([false]);
    arrive({ ...initial, reports: [report('https://example.org/feed.json', 'loaded', { fetchedAt: initial.reports.length })] });
    await screen.waitFor('example.org/feed.json');
    expect(screen.lines()[2]).not.toContain('↻ refreshing');
    expect(screen.lines()[2]).toContain('example.org/feed.json');
  });

  it('r reloads every source from the network', async () => {
    const initial = await liberty();
    const calls: boolean[] = [];
    const screen = await renderDashboard({ initial, access: { offline: false, load: async (offline) => (calls.push(offline), initial) } });
    open.push(screen);
    await screen.press('r');
    expect(calls).toEqual([false]);
    await screen.press(KEYS.escape);
  });
});
