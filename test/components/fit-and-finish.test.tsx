// Issue 12 as a person at a terminal meets it: columns and heights that use the space, marks
// for warnings, keys that say what they did, every key of a burst, and words said once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceReport } from '../../src/model/types';
import { loadSources, type LoadResult } from '../../src/load/load-sources';
import { sourceStateText } from '../../src/views/source-state';
import { displayWidth } from '../../src/text/display-width';
import { KEYS, LIBERTY, loadFor, OPENSTACK, renderDashboard, testContext, WEEK_53_NOW, type Dashboard, type DashboardOptions } from './dashboard-harness';

const open: Dashboard[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function dashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const rendered = await renderDashboard(options);
  open.push(rendered);
  return rendered;
}

/** The OpenStack 2027.1 schedule in the last week of 2026, everything in UTC. */
const indri = (options: DashboardOptions = {}) => dashboard({ source: OPENSTACK, now: WEEK_53_NOW, zone: 'UTC', ...options });

function lineWith(screen: Dashboard, text: string): string {
  const line = screen.lines().find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`"${text}" is not on the screen:\n${screen.screen()}`);
  return line;
}

function report(source: string, status: SourceReport['status'], extra: Partial<SourceReport> = {}): SourceReport {
  return { source, status, fetchedAt: null, errors: [], warnings: [], detail: null, ...extra };
}

describe('columns fit their content', () => {
  it('at 80 columns every channel is whole, so #openstack-meeting and #openstack-meeting-3 differ', async () => {
    const screen = await indri({ columns: 80, rows: 24 });
    await screen.press('2');
    // Wed 30 Dec 16:00 UTC is 2 days 6 hours after Mon 28 Dec 10:00 UTC.
    expect(lineWith(screen, 'Wed 30 Dec 16:00 UTC')).toMatch(/in 2d 6h +Interop Work.* +#openstack-meeting-3 +┃$/);
    expect(lineWith(screen, 'Wed 30 Dec 21:00 UTC')).toMatch(/#openstack-meeting +┃$/);
    expect(screen.screen()).not.toContain('#openstack-…');
    // The hints that fit, in the key map's order, and help and quit whatever else has to go.
    expect(screen.lines().at(-1)!.trimEnd()).toBe('tab pane  enter details  / filter  p projects  a all  s sources  ? help  q quit');
  });

  it('at 120 columns the grid keeps the Week column the README promises', async () => {
    const screen = await indri({ columns: 120, rows: 40 });
    expect(lineWith(screen, 'Milestone ')).toMatch(/Milestone +When +Week +Countdown/);
    expect(lineWith(screen, 'Mon 11 Jan – Fri 15 Jan')).toMatch(/^┃ › Indri-2 mile.* +Mon 11 Jan – Fri 15 Jan R-10 +in 13d 14h +┃/);
  });

  it('at 200 columns a current milestone says until when, whole, and titles take the slack', async () => {
    // Tuesday 18 August 2015: inside the Nova feature proposal freeze week (17–21 August).
    const screen = await dashboard({ columns: 200, rows: 50, now: '2015-08-18T10:00:00Z' });
    expect(lineWith(screen, 'Nova feature proposal freeze')).toContain('now (until Fri 21 Aug)');
    expect(lineWith(screen, '  9 ')).toContain('A plan for flavors, image properties and host aggregates');
    for (const line of screen.lines()) expect(displayWidth(line)).toBeLessThanOrEqual(200);
  });

  it('a zone column only when it says something: UTC meetings seen from UTC have no "Own zone"', async () => {
    const utc = await indri({ columns: 200, rows: 50 });
    expect(utc.screen()).not.toContain('Own zone');
    const london = await dashboard({ columns: 200, rows: 50 });
    expect(lineWith(london, 'Nova Team Meeting ')).toMatch(/Thu 13 Aug 22:00 BST 21:00 UTC/);
  });
});

describe('the grid shares its width by need', () => {
  it('at 140 columns the Meetings half takes what its whole channels need from the Milestones half', async () => {
    const screen = await indri({ columns: 140, rows: 40, color: true });
    // Meetings: marks 2 + time 20 + countdown 10 + title 16 + channel 22 + 4 gaps + 4 of frame = 78.
    const top = lineWith(screen, 'Milestones 1/14');
    expect(displayWidth(top.slice(top.indexOf('╭')))).toBe(78);
    expect(lineWith(screen, 'Thu 31 Dec 14:00 UTC')).toMatch(/#openstack-publiccloud │$/);
  });
});

describe('pane heights follow their content', () => {
  it('at 130×30 the 14 milestones all show, and the short panes below keep every row', async () => {
    const screen = await indri({ columns: 130, rows: 30 });
    // 30 rows − 3 of header − 1 of hints = 26: 14 rows + 3 of frame on top, 6 + 3 below.
    expect(lineWith(screen, 'Mon 22 Mar – Fri 26 Mar')).toContain('in 83d 14h');
    expect(screen.screen()).toContain('Draft the cycle highli');
    expect(lineWith(screen, 'Priorities 1/5')).toContain('Liaison gaps 1/6');
    expect(screen.lines()).toHaveLength(30);
  });
});

describe('warnings are marks, with the words in the details', () => {
  it('the week-53 meetings carry a ! (no colour) and their titles stay clean; enter says why', async () => {
    const screen = await indri({ columns: 80, rows: 24 });
    await screen.press('2');
    const nova = lineWith(screen, 'Thu 31 Dec 21:00 UTC');
    expect(nova).toMatch(/☾! +Thu 31 Dec 21:00 UTC/);
    expect(nova).toMatch(/Nova Team Meet.* +#openstack-meeting +┃$/);
    expect(screen.screen()).not.toContain('2026 has 53');
    expect(lineWith(screen, 'Fri 1 Jan 15:00 UTC')).not.toContain('!');
    await screen.press('jjjj', KEYS.enter);
    expect(screen.screen()).toContain('Nova Team Meeting');
    // The same mark as the row's: ! without colour.
    expect(lineWith(screen, '2026 has 53 ISO weeks')).toMatch(/│ +! 2026 has 53 ISO weeks: biweekly-odd meets two weeks in a row/);
  });

  it('a skipped meeting is marked, and its reason is in the details', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    await screen.press('2');
    expect(lineWith(screen, 'Mon 17 Aug 20:00 BST')).toMatch(/☾! +Mon 17 Aug 20:00 BST .*skipped +Product WG meeting +#openstack-meeting/);
  });
});

describe('the header at every size', () => {
  it('in UTC it says the time once', async () => {
    const screen = await indri({ columns: 120, rows: 40 });
    const clock = screen.lines()[0]!.trimEnd();
    expect(clock).toBe('OpenStack 2027.1 Indri  Mon 28 Dec 10:00:00 UTC');
  });

  it('the schedule name stays whole as long as leaving out "yours" and the zone name can keep it so', async () => {
    const wide = await dashboard({ columns: 100, rows: 30, homeZone: 'UTC' });
    expect(wide.lines()[0]!.trimEnd()).toBe('OpenStack Liberty (2015)  Tue 11 Aug 22:44:57 BST (21:44 UTC)  Europe/London (yours: UTC)');
    const narrow = await dashboard({ columns: 80, rows: 24, homeZone: 'UTC' });
    expect(narrow.lines()[0]!.trimEnd()).toBe('OpenStack Liberty (2015)  Tue 11 Aug 22:44:57 BST (21:44 UTC)  Europe/London');
  });

  it('at 40×12 the clock and the next meeting win; the name is what shortens', async () => {
    const screen = await indri({ columns: 40, rows: 12 });
    const [clock = '', next = ''] = screen.lines();
    expect(clock).toMatch(/^OpenStack.*… +Mon 28 Dec 10:00:00 UTC$/);
    expect(next).toMatch(/^Next in 2d 6h, Wed 16:00: Interop/);
    const london = await dashboard({ columns: 40, rows: 12, now: '2015-08-13T20:52:00Z' });
    expect(london.lines()[0]).toMatch(/Thu 13 Aug 21:52:00 BST$/);
    expect(london.lines()[1]).toMatch(/^Soon in 8m 00s, Thu 22:00: Nova/);
  });
});

describe('keys that say what they did', () => {
  it('← → and h l move between panes, as in lazygit and k9s', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    await screen.press('l');
    expect(screen.screen()).toContain('Meetings 1/7');
    await screen.press('\u001b[C');
    expect(screen.screen()).toContain('Priorities 1/13');
    await screen.press('h', '\u001b[D');
    expect(screen.screen()).toContain('Milestones 1/7');
  });

  it('a shows past milestones and the done priority, and hides them again; the hints name it', async () => {
    const screen = await indri({ columns: 120, rows: 40 });
    expect(screen.lines().at(-1)).toContain('a all');
    expect(screen.screen()).not.toContain('2026.2 Hibiscus release');
    expect(screen.screen()).not.toContain('Publish the');
    await screen.press('a');
    // Four are over by 28 December: the Hibiscus release and its cycle-highlights week, the PTG, Indri-1.
    expect(screen.screen()).toContain('Milestones 1/18');
    expect(lineWith(screen, 'Mon 28 Sep – Fri 2 Oct')).toMatch(/2026\.2 Hibiscus r.* +91d 10h ago/);
    expect(lineWith(screen, 'Publish the')).toMatch(/ 6 Publish the.* +done /);
    await screen.press('a');
    expect(screen.screen()).toContain('Milestones 1/14');
  });

  it('z names the zone it switched to, and skips one equal to the current one', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    await screen.press('z');
    expect(screen.lines().at(-1)).toMatch(/^zone: UTC/);
    expect(screen.lines()[0]).toContain('Tue 11 Aug 21:44:57 UTC');
    // The selected meeting is kept in UTC: the next zone is London again, not UTC a second time.
    await screen.press('z');
    expect(screen.lines().at(-1)).toMatch(/^zone: Europe\/London \(BST\), yours/);
    const allUtc = await indri({ columns: 100, rows: 30 });
    await allUtc.press('z');
    expect(allUtc.lines().at(-1)).toMatch(/^zone: UTC/);
    expect(allUtc.lines()[0]).toContain('Mon 28 Dec 10:00:00 UTC');
  });

  it('r says when it reloaded (by the real clock), or what failed', async () => {
    const initial = await loadFor(testContext());
    let result = initial;
    const screen = await dashboard({ initial, wallClock: '2026-11-30T06:12:04Z', access: { offline: false, load: async () => result } });
    await screen.press('r');
    await screen.waitFor('reloaded 06:12:04');
    result = { ...initial, reports: [...initial.reports, report('https://example.org/feed.json', 'failed', { errors: ['https://example.org/feed.json: HTTP 500'] })] };
    await screen.press('r');
    await screen.waitFor('example.org/feed.json failed');
    expect(screen.lines().at(-1)).toMatch(/^reloaded 06:12:04: example\.org\/feed\.json failed \(s shows why\)/);
    await screen.press('j');
    expect(screen.lines().at(-1)).not.toContain('reloaded');
  });
});

describe('the sources view', () => {
  it('s lists every source with its state, every error located, and merge warnings', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-sources-view-'));
    folders.push(folder);
    const good = path.join(folder, 'a-liberty.yaml');
    fs.copyFileSync(LIBERTY, good);
    const again = path.join(folder, 'b-again.yaml');
    fs.writeFileSync(again, 'version: 1\nmilestones:\n  - {title: liberty-1, date: 2015-06-24}\n');
    const broken = path.join(folder, 'c-broken.yaml');
    fs.writeFileSync(broken, 'version: 1\nmilestones:\n  - {title: a, date: 2015-13-01}\n  - {title: b, date: 2015-02-30}\n');
    const context = testContext({ source: good });
    const initial = await loadSources([good, again, broken], { offline: true, cacheDir: folder, now: context.io.clock, readStdin: async () => '' });
    const screen = await dashboard({ initial, columns: 200, rows: 40 });
    expect(lineWith(screen, '✖')).toMatch(/^✖ 2 errors \(s lists them\): .*c-broken\.yaml:3:/);

    await screen.press('s');
    const text = screen.screen();
    expect(text).toContain('Sources (3)');
    expect(text).toContain('a-liberty.yaml: loaded');
    expect(text).toMatch(/c-broken\.yaml: .*2 errors/);
    expect(text).toMatch(/✖ .*c-broken\.yaml:3:\d+: milestones\[0\]/);
    expect(text).toMatch(/✖ .*c-broken\.yaml:4:\d+: milestones\[1\]/);
    expect(text).toMatch(/! .*b-again\.yaml:3:\d+: .*replaces the one from .*a-liberty\.yaml/);
    await screen.press(KEYS.escape);
    expect(screen.screen()).toContain('Milestones 1/');
  });

  it('a feed still loading in the first frame says loading, not failed', async () => {
    const initial = await loadFor(testContext());
    const url = 'https://example.org/feed.json';
    const first = { ...initial, reports: [...initial.reports, report(url, 'failed', { errors: [`${url}: offline, and no cached copy yet`] })] };
    let arrive: (result: LoadResult) => void = () => undefined;
    const screen = await dashboard({
      columns: 140,
      initial: first,
      wallClock: '2026-11-30T06:12:04Z',
      access: { hasRemote: true, offline: false, load: () => new Promise<LoadResult>((resolve) => (arrive = resolve)) },
    });
    expect(screen.lines()[2]).toContain('example.org/feed.json: loading…');
    expect(screen.screen()).not.toContain('no cached copy');
    expect(screen.lines().some((line) => line.startsWith('✖'))).toBe(false);
    // Fetched three minutes ago by the real clock, though --now is in 2015.
    arrive({ ...initial, reports: [...initial.reports, report(url, 'loaded', { fetchedAt: Date.parse('2026-11-30T06:09:04Z') })] });
    await screen.waitFor('example.org/feed.json: 3 min old');
  });
});

describe('every key of a burst counts', () => {
  it('two backspaces in one read delete two characters; backspace and enter keep the backspace', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    await screen.press('/', 'abcd');
    expect(screen.screen()).toContain('Milestones “abcd”');
    await screen.press(`${KEYS.backspace}${KEYS.backspace}`);
    expect(screen.screen()).toContain('Milestones “ab”');
    await screen.press(`${KEYS.backspace}${KEYS.enter}`);
    expect(screen.screen()).toContain('Milestones “a”');
    expect(screen.lines().at(-1)).toContain('enter details');
  });

  it('keys typed faster than they are read, in the picker and in the panes', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    await screen.press('2jj');
    expect(screen.screen()).toContain('Meetings 3/7');
    await screen.press('p', `nov ${KEYS.enter}`);
    expect(lineWith(screen, 'Projects:')).toContain('Projects: nova');
  });
});

describe('words', () => {
  it('a liaison gap for a role already named a liaison says it once', async () => {
    const screen = await indri({ columns: 100, rows: 30 });
    await screen.press('4', KEYS.enter);
    expect(screen.screen()).toContain('CloudKitty: no Release liaison');
    expect(screen.screen()).not.toContain('liaison liaison');
  });

  it('a milestone due in UTC shown in UTC says its time once', async () => {
    const screen = await indri({ columns: 100, rows: 30 });
    await screen.press(KEYS.enter);
    expect(lineWith(screen, 'Due')).toMatch(/Due +Mon 11 Jan 00:00 UTC +│$/);
  });

  it('a feed cached a moment ago is "cached just now", never "just now ago"', () => {
    const now = Date.parse('2026-11-30T06:12:04Z');
    expect(sourceStateText(report('https://example.org/feed.json', 'cached', { fetchedAt: now - 5_000, detail: 'offline' }), now)).toBe('example.org/feed.json: offline, cached just now');
    expect(sourceStateText(report('https://example.org/feed.json', 'cached', { fetchedAt: now - 180_000, detail: 'offline' }), now)).toBe('example.org/feed.json: offline, cached 3 min ago');
  });
});
