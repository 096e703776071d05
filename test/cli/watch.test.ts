// `radar watch` as it runs under systemd or in a tmux window: the built program, its own
// cache folder, its output awaited line by line (no sleeps), stopped with a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, RADAR } from '../helpers/run-radar';

const root = mkdtempSync(join(tmpdir(), 'radar-watch-'));
const homes: string[] = [];
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** An isolated user whose cache outlives one run of radar (for restarts). */
function user(config: object | null = null, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = isolatedEnv(extra);
  homes.push(env['HOME']!);
  if (config !== null) {
    mkdirSync(env['RADAR_CONFIG_DIR']!, { recursive: true });
    writeFileSync(join(env['RADAR_CONFIG_DIR']!, 'config.json'), JSON.stringify(config));
  }
  return env;
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(root, 'run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

interface Watcher {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first line of `stream` matching, as soon as it arrives. */
  line: (stream: 'stdout' | 'stderr', pattern: RegExp) => Promise<string>;
  /** Sends `signal` and resolves with the exit code and everything printed. */
  stop: (signal: NodeJS.Signals) => Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function watch(args: string[], env: NodeJS.ProcessEnv, cwd: string): Watcher {
  const child = spawn(process.execPath, [RADAR, 'watch', ...args], { cwd, env });
  const text = { stdout: '', stderr: '' };
  const waiting: { stream: 'stdout' | 'stderr'; pattern: RegExp; resolve: (line: string) => void }[] = [];
  const settle = () => {
    for (const wait of [...waiting]) {
      const found = text[wait.stream]
        .split('\n')
        .slice(0, -1)
        .find((candidate) => wait.pattern.test(candidate));
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(found);
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    text.stdout += chunk.toString('utf8');
    settle();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    text.stderr += chunk.toString('utf8');
    settle();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    line: (stream, pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ stream, pattern, resolve });
        settle();
        void closed.then(() => reject(new Error(`radar watch ended without printing ${pattern} on ${stream}:\n${text.stdout}\n${text.stderr}`)));
      }),
    stop: async (signal) => {
      child.kill(signal);
      const code = await closed;
      return { code, stdout: text.stdout, stderr: text.stderr };
    },
  };
}

const TEAM = `version: 1
zone: UTC
meetings:
  - title: Nova team meeting
    project: nova
    where: "#openstack-meeting"
    slots:
      - {day: thursday, time: "14:00"}
`;

const STARTED = /^radar watch: watching 1 source/;

describe('radar watch', () => {
  it('tells of a meeting a minute away at once, in the line of cli.md, and exits 0 on SIGTERM', async () => {
    const cwd = folderWith({ 'team.yaml': TEAM });
    const watcher = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:59:00Z'], user(), cwd);
    // 14:00 less the default 10 minutes was 13:50: missed, and the meeting is a minute away.
    expect(await watcher.line('stdout', /Nova/)).toBe('2026-12-03 13:59 UTC  Nova team meeting in 1m — Thu 14:00 UTC #openstack-meeting');
    await watcher.line('stderr', STARTED);
    const { code, stdout } = await watcher.stop('SIGTERM');
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('does not tell again after a restart, and exits 0 on SIGINT', async () => {
    const cwd = folderWith({ 'team.yaml': TEAM });
    const env = user();
    const first = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:55:00Z'], env, cwd);
    await first.line('stdout', /Nova team meeting in 5m/);
    await first.line('stderr', STARTED);
    expect((await first.stop('SIGINT')).code).toBe(0);

    const again = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:56:00Z'], env, cwd);
    await again.line('stderr', STARTED);
    const { code, stdout } = await again.stop('SIGTERM');
    expect([code, stdout]).toEqual([0, '']);
  });

  it('tells at once of a milestone reminder missed while it was not running, and drops one whose day has begun', async () => {
    const cwd = folderWith({
      'plan.yaml': `version: 1
zone: UTC
milestones:
  - {title: Docs deadline, date: 2026-12-03}
  - {title: Feature freeze, date: 2026-12-05}
`,
    });
    const watcher = watch(['-s', 'plan.yaml', '--now', '2026-12-03T13:59:00Z'], user(), cwd);
    await watcher.line('stderr', STARTED);
    const { code, stdout } = await watcher.stop('SIGTERM');
    expect(code).toBe(0);
    // The 7-day reminder was due on 28 November; 1 day 10 hours 1 minute are left, and the
    // 1-day one is not due until 4 December. The docs deadline began at 00:00 today.
    expect(stdout).toBe('2026-12-03 13:59 UTC  Feature freeze in 1d 10h — Sat 5 Dec\n');
  });

  it('runs --exec with the reminder only in RADAR_* variables: a title that looks like shell code never runs', async () => {
    const hostile = 'Nova $(touch pwned) `touch pwned2` meeting; touch pwned3';
    const cwd = folderWith({
      'team.yaml': TEAM.replace('title: Nova team meeting', `title: ${JSON.stringify(hostile)}`),
    });
    const exec = 'printf "exec|%s|%s|%s|%s|%s\\n" "$RADAR_KIND" "$RADAR_TITLE" "$RADAR_START" "$RADAR_IN" "$RADAR_WHERE"';
    const watcher = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:50:00Z', '--exec', exec], user({ reminders: { meetings: ['10m'], milestones: [] } }), cwd);
    expect(await watcher.line('stdout', /^exec\|/)).toBe(`exec|meeting|${hostile}|2026-12-03T14:00:00.000Z|10m|#openstack-meeting`);
    const { code } = await watcher.stop('SIGTERM');
    expect(code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['team.yaml']);
  });

  it('--notify hands the reminder to notify-send as arguments, not through a shell', async () => {
    const bin = folderWith({ 'notify-send': '#!/bin/sh\nfor argument in "$@"; do printf "notify-send: %s\\n" "$argument" >&2; done\n' });
    chmodSync(join(bin, 'notify-send'), 0o755);
    const cwd = folderWith({ 'team.yaml': TEAM.replace('title: Nova team meeting', 'title: "-v $(touch pwned)"') });
    const env = user({}, { PATH: `${bin}:${process.env['PATH']}` });
    const watcher = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:50:00Z', '--notify'], env, cwd);
    expect(await watcher.line('stderr', /^notify-send: -v/)).toBe('notify-send: -v $(touch pwned)');
    expect(await watcher.line('stderr', /^notify-send: .* in 10m/)).toBe('notify-send: -v $(touch pwned) in 10m — Thu 14:00 UTC #openstack-meeting');
    expect((await watcher.stop('SIGTERM')).code).toBe(0);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
  });

  it('with --now, the clock starts there and runs on: a reminder due a second later fires a second later', async () => {
    const cwd = folderWith({ 'team.yaml': TEAM });
    const watcher = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:49:59Z'], user(), cwd);
    await watcher.line('stderr', STARTED);
    expect(watcher.stdout()).toBe('');
    expect(await watcher.line('stdout', /Nova/)).toBe('2026-12-03 13:50 UTC  Nova team meeting in 10m — Thu 14:00 UTC #openstack-meeting');
    expect((await watcher.stop('SIGTERM')).code).toBe(0);
  });

  it('follows a saved source file, as the dashboard does', async () => {
    const cwd = folderWith({ 'team.yaml': TEAM.replace('"14:00"', '"18:00"') });
    const watcher = watch(['-s', 'team.yaml', '--now', '2026-12-03T13:55:00Z'], user(), cwd);
    await watcher.line('stderr', STARTED);
    writeFileSync(join(cwd, 'team.yaml'), TEAM);
    expect(await watcher.line('stdout', /Nova/)).toMatch(/^2026-12-03 13:5\d UTC  Nova team meeting in [45]m — Thu 14:00 UTC #openstack-meeting$/);
    expect((await watcher.stop('SIGTERM')).code).toBe(0);
  });

  it('tells of an event from an iCalendar source too', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//test//EN',
      'BEGIN:VEVENT',
      'UID:sync-1@example.org',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261203T140000Z',
      'DURATION:PT30M',
      'SUMMARY:Calendar sync',
      'LOCATION:Room 4',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const cwd = folderWith({ 'team.ics': ics });
    const watcher = watch(['-s', 'team.ics', '--now', '2026-12-03T13:55:00Z'], user(), cwd);
    expect(await watcher.line('stdout', /Calendar sync/)).toBe('2026-12-03 13:55 UTC  Calendar sync in 5m — Thu 14:00 UTC Room 4');
    expect((await watcher.stop('SIGTERM')).code).toBe(0);
  });

  it('refuses --exec and --notify on other commands, and arguments after watch', async () => {
    const { radar } = await import('../helpers/run-radar');
    const env = user();
    for (const args of [
      ['next', '--exec', 'true'],
      ['list', 'meetings', '--notify'],
      ['watch', 'now'],
    ]) {
      const run = radar(args, { env });
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
