import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar } from '../helpers/run-radar';
import { tempFolder } from '../helpers/temp';

const LIBERTY = 'data/liberty-2015.yaml';
// Tuesday 11 August 2015, 21:44:57 UTC: the evening of the Product WG / Nova thread.
const THREAD = ['-s', LIBERTY, '--now', '2015-08-11T21:44:57Z', '--tz', 'Europe/London'];

const folder = tempFolder('radar-cli-');
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('radar list meetings --json', () => {
  const out = json(radar(['list', 'meetings', '--json', ...THREAD]));

  it('wraps the items in the envelope with now, zone and sources', () => {
    expect(out.now).toBe('2015-08-11T21:44:57.000Z');
    expect(out.zone).toBe('Europe/London');
    expect(out.sources).toEqual([{ source: LIBERTY, status: 'loaded', fetchedAt: null, errors: [], warnings: [] }]);
  });

  it('lists the Product WG skip on 17 August with its reason, and its meeting on the 24th at 20:00 BST', () => {
    const productWg = out.items.filter((item: any) => item.meeting === 'product-wg-meeting');
    expect(productWg.map((item: any) => [item.local, item.skipped, item.reason])).toEqual([
      ['2015-08-17T20:00:00+01:00', true, 'ops summit travel'],
      ['2015-08-24T20:00:00+01:00', false, null],
    ]);
  });

  it('alternates the Nova meeting: 21:00 UTC in odd ISO weeks, 14:00 UTC in even ones', () => {
    const nova = out.items.filter((item: any) => item.meeting === 'nova');
    expect(nova.map((item: any) => item.start)).toEqual(['2015-08-13T21:00:00.000Z', '2015-08-20T14:00:00.000Z']);
    expect(nova[0]).toEqual({
      meeting: 'nova',
      title: 'Nova Team Meeting',
      project: 'nova',
      start: '2015-08-13T21:00:00.000Z',
      end: '2015-08-13T22:00:00.000Z',
      local: '2015-08-13T22:00:00+01:00',
      where: '#openstack-meeting',
      skipped: false,
      reason: null,
      warnings: [],
    });
  });

  it('counts the meeting in progress and sorts by start', () => {
    expect(out.items[0].start).toBe('2015-08-11T21:00:00.000Z');
    const starts = out.items.map((item: any) => item.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('looks --days ahead and filters by --project', () => {
    const narrow = json(radar(['list', 'meetings', '--json', '--days', '3', '-p', 'nova', ...THREAD]));
    expect(narrow.items.map((item: any) => item.meeting)).toEqual(['nova']);
  });
});

describe('radar list milestones, priorities and gaps --json', () => {
  it('gives milestones with R-n weeks and countdowns, hiding past ones unless --all', () => {
    const out = json(radar(['list', 'milestones', '--json', ...THREAD]));
    const liberty3 = out.items.find((item: any) => item.id === 'liberty-3');
    expect(liberty3).toEqual({
      id: 'liberty-3',
      title: 'liberty-3',
      project: null,
      cycle: 'liberty',
      kind: 'milestone',
      start: '2015-09-01T00:00:00.000Z',
      end: '2015-09-04T00:00:00.000Z',
      week: 'R-6',
      secondsUntil: Math.floor((Date.UTC(2015, 8, 1) - Date.UTC(2015, 7, 11, 21, 44, 57)) / 1000),
    });
    expect(out.items.some((item: any) => item.id === 'liberty-2')).toBe(false);
    const all = json(radar(['list', 'milestones', '--json', '--all', ...THREAD]));
    expect(all.items.find((item: any) => item.id === 'liberty-2').secondsUntil).toBeLessThan(0);
  });

  it('orders priorities by rank with unranked ones last, then title', () => {
    const path = file(
      'priorities.yaml',
      'version: 1\npriorities:\n  - {title: Zeta, rank: 2}\n  - {title: Beta}\n  - {title: Alpha}\n  - {title: Gamma, rank: 1, owner: ttx, status: done}\n  - {title: Delta, rank: 1, status: no-plan}\n',
    );
    const open = json(radar(['list', 'priorities', '--json', '-s', path]));
    expect(open.items.map((item: any) => item.title)).toEqual(['Delta', 'Zeta', 'Alpha', 'Beta']);
    expect(open.items[0]).toEqual({ id: 'delta', title: 'Delta', project: null, cycle: null, status: 'no-plan', owner: [], rank: 1, url: null });
    const all = json(radar(['list', 'priorities', '--json', '--all', '-s', path]));
    expect(all.items.map((item: any) => item.title)).toEqual(['Delta', 'Gamma', 'Zeta', 'Alpha', 'Beta']);
    expect(all.items[1].owner).toEqual(['ttx']);
  });

  it('finds liaison gaps: missing, empty and TBD roles, sorted by project then role', () => {
    const path = file(
      'gaps.yaml',
      'version: 1\nroles: [release, qa, {id: product-wg, name: Product WG, projects: [nova]}]\nprojects:\n  - {id: swift, liaisons: {release: "", qa: [TBD]}}\n  - {id: nova, liaisons: {release: John Garbutt, qa: [], product-wg: []}}\nmeetings:\n  - {title: Unlisted, project: cinder, slots: [{day: monday, time: "10:00"}]}\n',
    );
    const out = json(radar(['list', 'gaps', '--json', '-s', path]));
    expect(out.items).toEqual([
      { project: 'nova', role: 'product-wg', roleName: 'Product WG' },
      { project: 'nova', role: 'qa', roleName: 'qa' },
      { project: 'swift', role: 'qa', roleName: 'qa' },
      { project: 'swift', role: 'release', roleName: 'release' },
    ]);
  });
});

describe('radar next', () => {
  it('prints one line fit for a status bar', () => {
    const run = radar(['next', '-s', LIBERTY, '--now', '2015-08-13T19:45:00Z', '--tz', 'Europe/London']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Nova Team Meeting in 1h 15m — Thu 22:00 BST (21:00 UTC) #openstack-meeting\n');
  });

  it('skips a skipped occurrence: on 17 August the next Product WG meeting is the 24th', () => {
    const out = json(radar(['next', '--json', '-p', 'product-wg', '-s', LIBERTY, '--now', '2015-08-17T12:00:00Z']));
    expect(out.item.start).toBe('2015-08-24T19:00:00.000Z');
    expect(out.item.secondsUntil).toBe(7 * 86400 + 7 * 3600);
  });

  it('says so when nothing is scheduled within --days', () => {
    const out = json(radar(['next', '--json', '--days', '1', '-p', 'product-wg', '-s', LIBERTY, '--now', '2015-08-18T12:00:00Z']));
    expect(out.item).toBeNull();
  });
});

describe('usage errors and exit codes', () => {
  it.each([
    [['list', 'meetings', '--tz', 'Mars/Phobos'], /Mars\/Phobos/],
    [['list', 'meetings', '--now', 'yesterday'], /--now "yesterday"/],
    [['list', 'meetings', '--now', '2015-08-11T21:44:57'], /with Z or an offset/],
    [['list', 'everything'], /cannot list "everything"/],
    [['list'], /needs what to list/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['list', 'meetings', '--days', 'soon'], /--days "soon"/],
    [['launch'], /unknown command "launch"/],
  ])('radar %j is one line on stderr and exit 2', (args, message) => {
    const run = radar(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 when no source could be loaded, and 1 when only some could', () => {
    const broken = file('broken.yaml', 'version: 1\nmeetings: [{title: x}]\n');
    const none = radar(['list', 'meetings', '--json', '-s', broken]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain(`${broken}:2:12: meetings[0].slots: is required`);
    const some = radar(['list', 'meetings', '--json', '-s', broken, '-s', LIBERTY, '--now', '2015-08-11T21:44:57Z']);
    expect(some.code).toBe(1);
    expect(json(some).sources.map((source: any) => source.status)).toEqual(['failed', 'loaded']);
    expect(json(some).items.length).toBeGreaterThan(0);
  });

  it('validate prints every problem, located, and exits 1 on errors, 0 with warnings only', () => {
    const warnings = file('warn.yaml', 'version: 1\nmilestones: [{title: a, date: 2015-09-01, colour: red}]\n');
    const errors = file('errors.yaml', 'version: 1\nmeetings:\n  - title: a\n    duration: 0\n    slots: [{day: someday, time: "9:00"}]\n');
    const ok = radar(['validate', warnings]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${warnings}:2:43: milestones[0].colour: warning: unknown key`);
    const bad = radar(['validate', errors, warnings]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${errors}:4:15: meetings[0].duration: 0 is not a duration in minutes (1–1440)`);
    expect(bad.stdout).toContain(`${errors}:5:19: meetings[0].slots[0].day: "someday" is not a day (monday … sunday)`);
    expect(bad.stdout).toContain(`${errors}:5:34: meetings[0].slots[0].time: "9:00" is not a time (HH:MM)`);
    expect(bad.stdout).toMatch(/2 sources checked: 3 errors, 1 warning/);
  });

  it('validates the demo data without a single problem', () => {
    for (const demo of ['data/openstack-2027.1.yaml', LIBERTY]) {
      const run = radar(['validate', demo]);
      expect(run.stdout).toBe('1 source checked: 0 errors, 0 warnings\n');
      expect(run.code).toBe(0);
    }
  });

  it('prints its version and help', () => {
    expect(radar(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = radar(['--help']).stdout;
    for (const word of [
      'next',
      'list',
      'validate',
      'export ics',
      'feed',
      'config',
      '--tz',
      '--now',
      '--days',
      '--all',
      '--json',
      '--no-color',
      '--offline',
      '--once',
      'watch',
      'completion',
      '--format',
      '--exec',
      '--notify',
    ]) {
      expect(help).toContain(word);
    }
  });
});

describe('sources as people give them', () => {
  it('reads a schedule from standard input with -s -', () => {
    const run = radar(['list', 'milestones', '--json', '-s', '-', '--now', '2015-08-11T00:00:00Z'], {
      input: '{"version": 1, "milestones": [{"title": "liberty-3", "date": "2015-09-01"}]}',
    });
    expect(run.code).toBe(0);
    expect(json(run).sources[0].source).toBe('-');
    expect(json(run).items.map((item: any) => item.id)).toEqual(['liberty-3']);
  });

  it('uses the demo data when nothing is given or configured', () => {
    const run = radar(['list', 'milestones', '--json', '--now', '2026-11-25T12:00:00Z']);
    expect(run.code).toBe(0);
    expect(json(run).items.find((item: any) => item.id === 'i-2')).toMatchObject({ week: 'R-10' });
  });
});

describe('radar --once and radar without a terminal', () => {
  it('prints the four panes as plain text, without colour when piped', () => {
    const run = radar(THREAD.concat('--once'));
    expect(run.code).toBe(0);
    for (const heading of ['Milestones (', 'Meetings (', 'Priorities (', 'Liaison gaps (']) expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('Tue 11 Aug 22:44:57 BST (21:44 UTC)');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('in UTC the header says the time once, as the dashboard does', () => {
    const run = radar(['--once', '-s', 'data/openstack-2027.1.yaml', '--now', '2026-12-28T10:00:00Z', '--tz', 'UTC']);
    expect(run.stdout.split('\n')[0]).toBe('OpenStack 2027.1 Indri  Mon 28 Dec 10:00:00 UTC');
  });

  it('marks a meeting with a note ⚠ next to its time, so a narrow terminal that drops the note still shows there is one', () => {
    const run = radar(['list', 'meetings', '-s', 'data/openstack-2027.1.yaml', '--now', '2026-12-28T10:00:00Z', '--tz', 'UTC', '--days', '5']);
    const nova = run.stdout.split('\n').find((line) => line.includes('Nova Team Meeting'));
    expect(nova).toMatch(/^Thu 31 Dec 21:00 UTC ☾ ⚠ .*2026 has 53 ISO weeks/);
    const cloudkitty = run.stdout.split('\n').find((line) => line.includes('CloudKitty Team Meeting'));
    expect(cloudkitty).toMatch(/^Fri 1 Jan 15:00 UTC  +in 4d 5h/);
  });

  it('behaves as --once when stdout is not a terminal', () => {
    const run = radar(THREAD);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Liaison gaps (7)');
    expect(run.stderr).not.toContain('Raw mode');
  });

  it('gives the same answers whatever the host time zone is', () => {
    const outputs = ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'].map((tz) => radar(['list', 'meetings', '--json', ...THREAD], { env: isolatedEnv({ TZ: tz }) }).stdout);
    expect(new Set(outputs).size).toBe(1);
  });
});

describe('work hours are judged in your own zone, whatever zone the times are shown in', () => {
  // Liberty's meetings in the 14 days after the thread start at 21:00, 19:00 or 14:00 UTC.
  // In New York (EDT, UTC-4) that is 17:00, 15:00 or 10:00: all inside 08:00-18:00.
  // In Tokyo (UTC+9) it is 06:00, 04:00 or 23:00: all outside.
  const SHOWN_IN_UTC = ['list', 'meetings', '-s', LIBERTY, '--now', '2015-08-11T21:44:57Z', '--tz', 'UTC'];
  const rows = (stdout: string) => stdout.trimEnd().split('\n').slice(1);

  function withEnv(env: NodeJS.ProcessEnv, test: (env: NodeJS.ProcessEnv) => void) {
    try {
      test(env);
    } finally {
      rmSync(env['HOME']!, { recursive: true, force: true });
    }
  }

  it('your configured zone decides, not --tz: New York hours mark none of them ☾', () =>
    withEnv(isolatedEnv({ TZ: 'UTC' }), (env) => {
      expect(radar(['config', 'set', 'zone', 'America/New_York'], { env }).code).toBe(0);
      const lines = rows(radar(SHOWN_IN_UTC, { env }).stdout);
      expect(lines).toHaveLength(7);
      expect(lines.filter((line) => line.includes('☾'))).toEqual([]);
    }));

  it('with no zone configured, the system zone is yours: Tokyo hours mark all of them ☾', () =>
    withEnv(isolatedEnv({ TZ: 'Asia/Tokyo' }), (env) => {
      const lines = rows(radar(SHOWN_IN_UTC, { env }).stdout);
      expect(lines).toHaveLength(7);
      expect(lines.every((line) => line.includes('UTC ☾'))).toBe(true);
    }));
});

describe('radar --help', () => {
  it('gives examples that work from any folder: no file of the checkout, no unknown option, preset or command', () => {
    const folder = tempFolder('radar-anywhere-');
    const env = isolatedEnv();
    try {
      const help = radar(['--help']).stdout;
      const examples = help
        .slice(help.indexOf('Examples'))
        .split('\n')
        .slice(1)
        .filter((line) => line.startsWith('  radar '))
        .map((line) => line.trim().split(/\s+/).slice(1));
      expect(examples.length).toBeGreaterThanOrEqual(6);
      for (const words of examples) {
        // Never the network in a test: remote sources answer from the (empty) cache.
        const run = radar(words[0] === 'config' ? words : [...words, '--offline'], { cwd: folder, env });
        expect(run.code, words.join(' ')).not.toBe(2);
        expect(run.stderr, words.join(' ')).not.toMatch(/no such file|unknown (option|command|preset|project)|internal error/);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
      rmSync(env['HOME']!, { recursive: true, force: true });
    }
  });
});
