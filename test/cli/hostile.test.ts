// Hostile and odd input (issue 11), through the built program: every case ends in a clear
// message and a documented exit code (0–3), with no stack trace, no escape byte on the
// terminal, and no user file rewritten.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, json, RADAR, radar, radarAsync, ROOT, type Run } from '../helpers/run-radar';

const folder = mkdtempSync(join(tmpdir(), 'radar-hostile-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let counter = 0;
/** A fresh sub-folder per test, so no test sees another's files. */
function place(): string {
  counter += 1;
  const path = join(folder, `case-${counter}`);
  mkdirSync(path);
  return path;
}
function file(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const NOW = ['--now', '2027-01-04T08:00:00Z'];
const DEMO = join(ROOT, 'data/liberty-2015.yaml');

/** Escape, BEL, C1 controls and bidi overrides: none may reach a terminal. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What every run here must be: a documented exit code, no stack, nothing that drives a terminal. */
function expectClean(run: Run, code: number): void {
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code });
  expect(run.stderr).not.toMatch(/internal error|\n\s+at |Error: /);
  expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
  expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
}

describe('1. YAML aliases are bounded by what they expand to', () => {
  it('a list of 100,000 names aliased 999 times fails at the first alias, located', () => {
    const dir = place();
    const names = Array.from({ length: 100_000 }, () => 'x').join(',');
    const lines = ['version: 1', 'roles: [release]', 'projects:', `  - {id: p0, liaisons: {release: &a [${names}]}}`];
    for (let index = 1; index < 1000; index += 1) lines.push(`  - {id: p${index}, liaisons: {release: *a}}`);
    const path = file(dir, 'laughs.yaml', `${lines.join('\n')}\n`);
    const run = radar(['validate', path]);
    expectClean(run, 1);
    // The first alias: line 5, where `*a` stands.
    const column = lines[4]!.indexOf('*a') + 1;
    expect(run.stdout).toContain(`${path}:5:${column}: aliases here expand the document by more than 100,000 nodes`);
  });

  it('a mapping of 50,000 roles aliased 999 times fails the same way, and a good file beside it still loads', () => {
    const dir = place();
    const roles = Array.from({ length: 50_000 }, (_, index) => `r${index}: [a]`).join(', ');
    const lines = ['version: 1', 'projects:', `  - {id: p0, liaisons: &m {${roles}}}`];
    for (let index = 1; index < 1000; index += 1) lines.push(`  - {id: p${index}, liaisons: *m}`);
    const path = file(dir, 'maps.yaml', `${lines.join('\n')}\n`);
    const run = radar(['list', 'gaps', '-s', path, '-s', DEMO]);
    expectClean(run, 1);
    expect(run.stderr).toContain(`${path}:4:${lines[3]!.indexOf('*m') + 1}: aliases here expand the document`);
    expect(run.stdout).toContain('Missing liaison');
  });

  it('an alias inside the node it names is refused, not followed forever', () => {
    const path = file(place(), 'loop.yaml', 'version: 1\nname: &a [*a]\n');
    const run = radar(['validate', path]);
    expectClean(run, 1);
    expect(run.stdout).toContain(`${path}:2:11: the alias *a refers to a node that contains it`);
  });
});

describe('2. one supported date range: years 1 to 9998', () => {
  it('a milestone on 9999-12-31 is a located error, and the other sources still show', () => {
    const dir = place();
    const path = file(dir, 'far.yaml', 'version: 1\nmilestones:\n  - {title: m, date: 9999-12-31}\n');
    const validate = radar(['validate', path]);
    expectClean(validate, 1);
    expect(validate.stdout).toContain(`${path}:3:22: milestones[0].date: "9999-12-31" is not a date in years 1 to 9998`);
    for (const command of [['list', 'milestones'], ['next'], ['--once'], ['export', 'ics'], ['list', 'meetings', '--json']]) {
      const run = radar([...command, '-s', path, '-s', DEMO, '--now', '2015-08-11T21:44:57Z']);
      expectClean(run, 1);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });

  it('served as a feed, a far date fails that feed alone, online and offline', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          version: 1,
          milestones: [
            { title: 'far', date: '9999-12-31' },
            { title: 'near', date: '2015-09-01' },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
      const env = isolatedEnv();
      for (const offline of [[], ['--offline']]) {
        const run = await radarAsync(['list', 'milestones', '-s', url, '-s', DEMO, '--now', '2015-08-11T21:44:57Z', ...offline], { env });
        expectClean(run, 1);
        expect(run.stdout).toContain('liberty-3');
      }
    } finally {
      server.close();
    }
  });

  it('a window ending in year 10000 and a date-time in year 0 are located errors too', () => {
    const path = file(place(), 'ends.yaml', 'version: 1\nmilestones:\n  - {title: w, date: 9998-12-01, end: 10000-01-02}\n  - {title: z, at: "0000-06-01T10:00Z"}\n');
    const run = radar(['validate', path]);
    expectClean(run, 1);
    expect(run.stdout).toMatch(/ends\.yaml:3:\d+: milestones\[0\]\.end: "10000-01-02" is not a date/);
    expect(run.stdout).toMatch(/ends\.yaml:4:\d+: milestones\[1\]\.at: "0000-06-01T10:00Z" is not a date-time in years 1 to 9998/);
  });

  it('--now outside the range and --days past a century are usage errors, one line each', () => {
    for (const args of [
      ['--now', '9999-12-25T00:00:00Z'],
      ['--now', '0000-01-01T00:00:00Z'],
      ['--days', '3000000'],
    ]) {
      const run = radar(['list', 'meetings', ...args]);
      expectClean(run, 2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^radar: (--now "[^"]+" is outside the dates radar supports \(years 1 to 9998\)|--days 3000000 is too far ahead: at most 36525)/);
    }
  });

  it('a weekly meeting looked at from late 9998 a century ahead lists the weeks left in the range', () => {
    const path = file(place(), 'late.yaml', 'version: 1\nmeetings:\n  - {id: late, title: Late, slots: [{day: monday, time: "10:00"}]}\n');
    const run = radar(['list', 'meetings', '--json', '-s', path, '--now', '9998-12-20T00:00:00Z', '--days', '36525']);
    expectClean(run, 0);
    // Mondays after 20 December 9998 (a Sunday by the proleptic calendar): the 21st and the 28th.
    expect(json(run).items.map((item: { start: string }) => item.start)).toEqual(['9998-12-21T10:00:00.000Z', '9998-12-28T10:00:00.000Z']);
  });
});

describe('3. any key is a fine key: constructor, toString, __proto__', () => {
  it('a role called constructor is a gap like any other, in list gaps, --json and --once', () => {
    const path = file(place(), 'roles.yaml', 'version: 1\nroles: [constructor, release]\nprojects: [{id: nova}]\n');
    const text = radar(['list', 'gaps', '-s', path]);
    expectClean(text, 0);
    expect(text.stdout.split('\n').filter((line) => line.startsWith('nova'))).toHaveLength(2);
    const out = radar(['list', 'gaps', '--json', '-s', path]);
    expectClean(out, 0);
    expect(json(out).items).toEqual([
      { project: 'nova', role: 'constructor', roleName: 'constructor' },
      { project: 'nova', role: 'release', roleName: 'release' },
    ]);
    expectClean(radar(['--once', '-s', path]), 0);
  });

  it('prototype names as liaison keys, merged across files, and as governance team names', () => {
    const dir = place();
    const first = file(
      dir,
      'a.yaml',
      'version: 1\nroles: [constructor, tostring]\nprojects:\n  - id: constructor\n    liaisons: {constructor: [Ann], __proto__: [Bob], toString: [], hasOwnProperty: [Cy]}\n',
    );
    const second = file(dir, 'b.yaml', 'version: 1\nprojects:\n  - id: constructor\n    liaisons: {tostring: [Dee], valueOf: []}\n');
    const governance = file(
      dir,
      'projects.yaml',
      'constructor:\n  ptl: {name: A}\n  deliverables: {x: {repos: [a/x]}}\n  liaisons: {constructor: [], __proto__: [Eve]}\ntoString:\n  ptl: {name: B}\n  deliverables: {y: {repos: [a/y]}}\n',
    );
    for (const args of [['list', 'gaps', '--json'], ['--once'], ['feed', first, second, governance], ['export', 'ics']]) {
      expectClean(radar([...args, '-s', first, '-s', second, '-s', governance]), 0);
    }
    const gaps = json(radar(['list', 'gaps', '--json', '-s', first, '-s', second]));
    // constructor is filled by Ann, tostring by Dee (from the second file): no gap left.
    expect(gaps.items).toEqual([]);
  });
});

describe('4. no escape sequence reaches the terminal, whatever carries it', () => {
  it('a file name with an OSC title sequence, inside a folder', () => {
    const dir = place();
    const sub = join(dir, 'meetings');
    mkdirSync(sub);
    file(sub, 'm\u001b]0;PWNED\u0007.yaml', 'version: 1\nmeetings: [{id: x, title: X, slots: [{day: monday, time: "10:00"}]}]\nfoo: 1\nfoo: 2\n');
    file(sub, 'broken\u009b31m.yaml', 'version: 1\nbad: [\n');
    for (const args of [['validate', sub], ['list', 'meetings'], ['list', 'meetings', '--json'], ['next'], ['--once'], ['next', '--json']]) {
      const run = radar([...args, ...(args[0] === 'validate' ? [] : ['-s', sub]), ...NOW]);
      expectClean(run, 1);
      // A sequence goes whole, its text with it: `broken<CSI>31m.yaml` shows as broken.yaml.
      expect(run.stdout + run.stderr).toContain(`${sub}/broken.yaml`);
    }
  });

  it('a source named on the command line with escapes, in --json and in validate', () => {
    const dir = place();
    const odd = file(dir, 'team\u009b31m\u001b]0;PWNED\u0007.yaml', 'version: 1\nroles: [release]\nprojects: [{id: nova}]\nfoo: 1\n');
    const missing = join(dir, 'gone\u001b[2J.yaml');
    const out = radar(['list', 'gaps', '--json', '-s', odd, '-s', missing]);
    expectClean(out, 1);
    expect(json(out).sources.map((source: { source: string }) => source.source)).toEqual([join(dir, 'team.yaml'), join(dir, 'gone.yaml')]);
    const validate = radar(['validate', odd, missing]);
    expectClean(validate, 1);
    expect(validate.stdout).toContain(`${join(dir, 'gone.yaml')}: cannot read: no such file or folder`);
  });

  it('a duplicate key written with escapes, and an unknown key with escapes located where it is', () => {
    const path = file(place(), 'keys.yaml', 'version: 1\n"k\\e[31m\\u202e": 1\n"k\\e[31m\\u202e": 2\n');
    const run = radar(['validate', path]);
    expectClean(run, 0);
    expect(run.stdout).toContain(`${path}:3:1: k: warning: duplicate key (also on line 2)`);
    expect(run.stdout).toContain(`${path}:3:1: k: warning: unknown key`);
    const out = radar(['list', 'gaps', '--json', '-s', path]);
    expectClean(out, 0);
    expect(json(out).sources[0].warnings.join('')).not.toMatch(TERMINAL_CONTROL);
  });

  it('a C1 or bidi character at a JSON syntax error is named by its code point', () => {
    const dir = place();
    const c1 = file(dir, 'c1.json', '{"version": 1 \u009b2J}');
    const bidi = file(dir, 'bidi.json', '{"version": 1, \u202e}');
    const run = radar(['validate', c1, bidi]);
    expectClean(run, 1);
    expect(run.stdout).toContain(`${c1}:1:15: expected "," or "}" after the value, found character U+009B`);
    expect(run.stdout).toContain(`${bidi}:1:16: expected a key in double quotes, found character U+202E`);
  });
});

/** Runs radar with a reader that takes the first chunk and closes the pipe. */
function readFirstChunkThenClose(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RADAR, ...args], { cwd: ROOT, env: isolatedEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      stdout = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('5. closed pipes and full disks', () => {
  const LONG = ['-s', join(ROOT, 'data'), '--now', '2027-01-04T08:00:00Z', '--days', '3650'];
  // Outputs well past a pipe's 64 KiB, so the reader is gone while radar still writes.
  const many = join(folder, 'many.yaml');
  const lines = ['version: 1', 'milestones:'];
  for (let index = 0; index < 3000; index += 1) lines.push(`  - {id: m${index}, title: Milestone number ${index}, date: 2027-03-01}`);
  writeFileSync(many, `${lines.join('\n')}\n`);
  it.each([
    ['list meetings', ['list', 'meetings', ...LONG]],
    ['list meetings --json', ['list', 'meetings', '--json', ...LONG]],
    ['list milestones --json', ['list', 'milestones', '--json', '-s', many, ...NOW]],
    ['export ics', ['export', 'ics', ...LONG]],
    ['--once', ['--once', ...LONG]],
    ['feed', ['feed', many]],
    ['validate', ['validate', join(ROOT, 'data')]],
  ])('%s | head -1 ends quietly', async (_name, args) => {
    const run = await readFirstChunkThenClose(args);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it.each([
    ['list meetings', ['list', 'meetings', ...LONG]],
    ['export ics', ['export', 'ics', ...LONG]],
    ['--once', ['--once', ...LONG]],
  ])('%s > /dev/full is one line and exit 2', (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [RADAR, ...args], { cwd: ROOT, env: isolatedEnv(), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('radar: cannot write standard output: no space left on the device\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('6. large outputs', () => {
  it('a schedule of 140,000 meeting occurrences lists as a table and as --json', { timeout: 180_000 }, async () => {
    const dir = place();
    // 20,000 meetings, each on every day of the week: 7 days ahead is 140,000 rows (the text
    // table's Math.max(...rows) gave way at about 125,000).
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const slots = days.map((day) => `{day: ${day}, time: "10:00"}`).join(', ');
    const lines = ['version: 1', 'meetings:'];
    for (let index = 0; index < 20_000; index += 1) lines.push(`  - {id: m${index}, title: Meeting ${index}, slots: [${slots}]}`);
    const path = file(dir, 'big.yaml', `${lines.join('\n')}\n`);
    const env = isolatedEnv();
    const window = ['-s', path, '--now', '2027-01-04T00:00:00Z', '--days', '7'];
    const table = await radarAsync(['list', 'meetings', ...window], { env });
    expectClean(table, 0);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(1 + 140_000);
    const out = await radarAsync(['list', 'meetings', '--json', ...window], { env });
    expectClean(out, 0);
    expect(json(out).items).toHaveLength(140_000);
  });
});

describe('7. a cache path that is not a folder means no cache', () => {
  it('XDG_CACHE_HOME=/dev/null and RADAR_CACHE_DIR naming a file', () => {
    const dir = place();
    const notAFolder = file(dir, 'cache', 'not a folder');
    const env = isolatedEnv();
    delete env['RADAR_CACHE_DIR'];
    for (const extra of [{ XDG_CACHE_HOME: '/dev/null' }, { RADAR_CACHE_DIR: notAFolder }, { RADAR_CACHE_DIR: join(notAFolder, 'below') }]) {
      const run = radar(['next', '-s', DEMO, '--now', '2015-08-11T21:44:57Z'], { env: { ...env, ...extra } });
      expectClean(run, 0);
      expect(run.stdout).toMatch(/^OpenStack Cross-Project Meeting now/);
      expect(run.stderr).toBe('');
    }
    expect(readFileSync(notAFolder, 'utf8')).toBe('not a folder');
  });
});

describe('8. only regular files are read', () => {
  it('a FIFO given as a source, or dropped into a folder, is refused at once; the rest loads', () => {
    const dir = place();
    const fifo = join(dir, 'fifo.yaml');
    mkfifo(fifo);
    const alone = radar(['validate', fifo]);
    expectClean(alone, 1);
    expect(alone.stdout).toContain(`${fifo}: cannot read: is a named pipe (FIFO), not a file radar can read`);
    file(dir, 'good.yaml', 'version: 1\nroles: [release]\nprojects: [{id: nova}]\n');
    const both = radar(['list', 'gaps', '-s', dir]);
    expectClean(both, 1);
    expect(both.stdout).toContain('nova');
  });

  it('a device is refused by what it is, not read until memory runs out', () => {
    const run = radar(['validate', '/dev/zero']);
    expectClean(run, 1);
    expect(run.stdout).toContain('/dev/zero: cannot read: is a device, not a file radar can read');
  });

  it('a FIFO as config.json is reported and ignored; config set does not wait on it', () => {
    const env = isolatedEnv();
    mkdirSync(env['RADAR_CONFIG_DIR']!, { recursive: true });
    const config = join(env['RADAR_CONFIG_DIR']!, 'config.json');
    mkfifo(config);
    const run = radar(['list', 'gaps', '-s', DEMO], { env });
    expectClean(run, 0);
    expect(run.stderr).toContain(`radar: ${config}: cannot read the config file: it is a named pipe (FIFO)`);
    const set = radar(['config', 'set', 'bell', 'false'], { env });
    expectClean(set, 1);
    expect(lstatSync(config).isFIFO()).toBe(true);
  });

  it('a FIFO in the feed cache is a miss, offline', () => {
    const env = isolatedEnv();
    const url = 'https://feeds.example.org/radar.json';
    const key = createHash('sha256').update(url).digest('hex');
    const feeds = join(env['RADAR_CACHE_DIR']!, 'feeds');
    mkdirSync(feeds, { recursive: true });
    mkfifo(join(feeds, `${key}.json`));
    const run = radar(['list', 'gaps', '--offline', '-s', url, '-s', DEMO], { env });
    expectClean(run, 1);
    expect(run.stderr).toBe(`${url}: offline, and no cached copy yet\n`);
  });

  it('a file name that is not UTF-8 inside a folder still loads; given as an argument it is named as such', () => {
    const dir = place();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.yaml')]), 'version: 1\nroles: [release]\nprojects: [{id: nova}]\n');
    const run = radar(['list', 'gaps', '-s', dir]);
    expectClean(run, 0);
    expect(run.stdout).toContain('nova');
  });
});

describe('9. -o writes through links and refuses what is not a file', () => {
  it('a link to a file: the file gets the calendar, the link stays a link', () => {
    const dir = place();
    const real = file(dir, 'real.ics', 'old calendar\n');
    const link = join(dir, 'link.ics');
    symlinkSync('real.ics', link);
    const run = radar(['export', 'ics', '-s', DEMO, '-o', link]);
    expectClean(run, 0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.ics');
    expect(readFileSync(real, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('a folder, a FIFO and a link to a FIFO are refused with a message, and left as they were', () => {
    const dir = place();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    symlinkSync('pipe', join(dir, 'pipe-link'));
    mkdirSync(join(dir, 'folder'));
    for (const [target, what] of [
      ['folder', 'a folder'],
      ['pipe', 'a named pipe'],
      ['pipe-link', 'a named pipe'],
    ] as const) {
      const run = radar(['feed', DEMO, '-o', join(dir, target)]);
      expectClean(run, 2);
      expect(run.stderr).toMatch(new RegExp(`^radar: cannot write ${join(dir, target)}: is ${what}, not a file`));
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'pipe-link')).isSymbolicLink()).toBe(true);
  });
});

describe('10–11. the config file', () => {
  it('four config sets at once keep all four changes', async () => {
    for (let trial = 0; trial < 3; trial += 1) {
      const env = isolatedEnv();
      const runs = await Promise.all(
        [
          ['zone', 'Europe/Berlin'],
          ['bell', 'false'],
          ['workHours', '09:00-17:00'],
          ['refreshMinutes', '5'],
        ].map(([key, value]) => radarAsync(['config', 'set', key!, value!], { env })),
      );
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
      expect(JSON.parse(readFileSync(join(env['RADAR_CONFIG_DIR']!, 'config.json'), 'utf8'))).toEqual({ zone: 'Europe/Berlin', bell: false, workHours: '09:00-17:00', refreshMinutes: 5 });
    }
  });

  it('a config file that is not UTF-8 is reported as corrupted and never written', () => {
    const env = isolatedEnv();
    mkdirSync(env['RADAR_CONFIG_DIR']!, { recursive: true });
    const config = join(env['RADAR_CONFIG_DIR']!, 'config.json');
    const bytes = Buffer.concat([Buffer.from('{"sources": ["/srv/caf'), Buffer.from([0xe9]), Buffer.from('.yaml"]}')]);
    writeFileSync(config, bytes);
    const set = radar(['config', 'set', 'bell', 'false'], { env });
    expectClean(set, 1);
    expect(set.stderr).toContain(`${config}: the config file is not valid UTF-8 text; not changing it: fix or remove it first\n`);
    expect(readFileSync(config).equals(bytes)).toBe(true);
  });
});

describe('12. tampered feed-cache metadata is a miss', () => {
  it.each([['1e300'], ['1e17'], ['-1e17']])('fetchedAt %s', (fetchedAt) => {
    const meta = `{"url": "https://feeds.example.org/radar.json", "fetchedAt": ${fetchedAt}}`;
    const env = isolatedEnv();
    const url = 'https://feeds.example.org/radar.json';
    const key = createHash('sha256').update(url).digest('hex');
    const feeds = join(env['RADAR_CACHE_DIR']!, 'feeds');
    mkdirSync(feeds, { recursive: true });
    writeFileSync(join(feeds, `${key}.json`), meta);
    writeFileSync(join(feeds, `${key}.body`), '{"version": 1}');
    const run = radar(['list', 'gaps', '--offline', '-s', url, '-s', DEMO], { env });
    expectClean(run, 1);
    expect(run.stderr).toBe(`${url}: offline, and no cached copy yet\n`);
  });
});

describe('12. tampered parsed-file cache entries are misses', () => {
  it.each([['{}'], ['[]'], ['"x"'], ['{"report":{}}'], ['{"report":{"source":"x","status":"loaded","errors":[],"warnings":[]},"documents":[{}],"diagnostics":[]}']])('entry %s', (entry) => {
    const env = isolatedEnv();
    const path = file(place(), 'team.yaml', 'version: 1\nroles: [release]\nprojects: [{id: nova}]\n');
    expectClean(radar(['list', 'gaps', '-s', path], { env }), 0);
    // Every entry the first run left in the cache, whatever its name, is overwritten.
    const cached = readdirSync(env['RADAR_CACHE_DIR']!, { recursive: true, withFileTypes: true }).filter((found) => found.isFile());
    expect(cached.length).toBeGreaterThan(0);
    for (const found of cached) writeFileSync(join(found.parentPath, found.name), entry);
    const run = radar(['list', 'gaps', '--json', '-s', path], { env });
    expectClean(run, 0);
    expect(json(run).items).toEqual([{ project: 'nova', role: 'release', roleName: 'release' }]);
  });
});

describe('13. a byte-order mark is accepted everywhere', () => {
  it('in a local JSON file and on standard input', () => {
    const path = file(place(), 'bom.json', '\ufeff{"version": 1, "roles": ["release"], "projects": [{"id": "nova"}]}');
    const local = radar(['list', 'gaps', '--json', '-s', path]);
    expectClean(local, 0);
    expect(json(local).items).toEqual([{ project: 'nova', role: 'release', roleName: 'release' }]);
    const piped = radar(['list', 'gaps', '--json', '-s', '-'], { input: '\ufeff{"version": 1, "roles": ["qa"], "projects": [{"id": "nova"}]}' });
    expectClean(piped, 0);
    expect(json(piped).items).toEqual([{ project: 'nova', role: 'qa', roleName: 'qa' }]);
  });
});

describe('the minor ones, and radar speaking in its own words (issue 12, item 13)', () => {
  it.each([
    ['two YAML documents', 'version: 1\n---\nversion: 1\n', ':2:1: a second YAML document (after ---): a schedule file holds one document'],
    ['!!binary', 'version: 1\nname: !!binary aGVsbG8=\n', ':2:16: the tag !!binary is not supported: write the value as plain text'],
    ['!!timestamp', 'version: 1\nname: !!timestamp 2001-12-14\n', ':2:19: the tag !!timestamp is not supported'],
    ['a list as a key', '? [a, b]\n: c\nversion: 1\n', ':1:3: a key must be plain text, not a list or a mapping'],
    ['deep nesting', `version: 1\nname: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, 'nested more than 64 levels deep'],
    ['an unclosed flow list', 'version: 1\nroles: [release,\nprojects: []\n', 'is not closed with ]'],
    ['a stray }', 'version: 1\nname: x\n}\n', ':3:1: unexpected "}" here'],
  ])('%s', (_name, text, message) => {
    const path = file(place(), 'odd.yaml', text);
    const run = radar(['validate', path]);
    expectClean(run, 1);
    expect(run.stdout).toContain(message);
    expect(run.stdout).not.toMatch(/parseAllDocuments|Flow sequence in block collection|Maximum call stack|a mapping is not a string|Unexpected flow-map-end/);
  });

  it('a refused URL is named once, before the reason', () => {
    const run = radar(['list', 'gaps', '-s', 'http://example.org/radar.json', '-s', DEMO]);
    expectClean(run, 1);
    expect(run.stderr).toBe('http://example.org/radar.json: plain http is only allowed on loopback (127.0.0.0/8, ::1, localhost); use https://\n');
  });

  it('usage errors say "radar:" once', () => {
    for (const [args, line] of [
      [['list'], 'radar: list needs what to list: milestones | meetings | priorities | gaps | projects'],
      [['export'], 'radar: export needs a format: ics'],
      [['next', 'x'], 'radar: next takes no argument "x"'],
    ] as const) {
      const run = radar([...args]);
      expectClean(run, 2);
      expect(run.stderr.trimEnd()).toBe(line);
    }
  });

  it('an unknown key gets a "did you mean", and validate lists problems from the first line to the last', () => {
    const path = file(place(), 'typos.yaml', 'version: 1\nmeetngs: []\nprojects:\n  - id: nova\n    liasons: {release: x}\nnmae: x\n');
    const run = radar(['validate', path]);
    expectClean(run, 0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${path}:2:1: meetngs: warning: unknown key: did you mean "meetings"?`,
      `${path}:5:5: projects[0].liasons: warning: unknown key: did you mean "liaisons"?`,
      `${path}:6:1: nmae: warning: unknown key: did you mean "name"?`,
      '1 source checked: 0 errors, 3 warnings',
    ]);
  });
});
