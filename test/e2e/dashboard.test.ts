// The built program in a real terminal: tmux runs `node dist/radar.js` (rebuilt from the
// current sources by vitest's global setup) from 80×24 to 160×48, the tests press keys and read
// the screen. CI is unset for the program (Ink draws nothing until exit under CI=true), and
// HOME, XDG_CONFIG_HOME and RADAR_CACHE_DIR point at an empty folder so a user's own config and
// cache cannot change what is on screen. Without tmux these tests are skipped, and say so.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/display-width';
import { parseInstant } from '../../src/time/instant';
import { formatLocal } from '../../src/views/cells';

const root = fileURLToPath(new URL('../../', import.meta.url));
const program = path.join(root, 'dist/radar.js');
const liberty = path.join(root, 'data/liberty-2015.yaml');
const cjk = path.join(root, 'test/fixtures/dashboard/cjk-emoji.yaml');
const LIBERTY_ARGS = `-s ${liberty} --now 2015-08-11T21:44:57Z --tz Europe/London`;

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasTmux) console.log('e2e: tmux not found, skipped the terminal tests');

// A tmux server of our own, so the user's sessions are never touched.
const socket = `radar-e2e-${process.pid}`;
let home = '';
let sessions = 0;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** Quotes for sh. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

interface Terminal {
  name: string;
  /** The screen as text (wide characters once, as they look). */
  screen(): string;
  /** The screen with its colour codes. */
  colours(): string;
  lines(): string[];
  /** Types a command line into the shell and presses enter. */
  run(command: string): void;
  /** tmux key names: 'j', 'Enter', 'Escape', '/', … one at a time, as a person types. */
  press(...keys: string[]): Promise<void>;
  /** tmux key names sent in one go, as keys typed faster than a program reads them arrive. */
  burst(...keys: string[]): Promise<void>;
  /** Waits until `expected` is on the screen; fails with the screen after `timeout` ms. */
  waitFor(expected: string | RegExp, timeout?: number): Promise<string>;
  waitForGone(unexpected: string | RegExp, timeout?: number): Promise<string>;
  format(variable: string): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shell in a terminal `columns`×`rows`, without CI, with an empty config and cache. */
function terminal(columns: number, rows: number): Terminal {
  sessions += 1;
  const name = `t${sessions}`;
  const environment = [
    '-u CI',
    '-u NO_COLOR',
    '-u FORCE_COLOR',
    `HOME=${quoted(home)}`,
    `XDG_CONFIG_HOME=${quoted(path.join(home, 'config'))}`,
    `RADAR_CACHE_DIR=${quoted(path.join(home, 'cache'))}`,
    "PS1='e2e$ '",
  ].join(' ');
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), '-c', root, `env ${environment} sh`);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  const matches = (text: string, pattern: string | RegExp) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  return {
    name,
    screen,
    colours: () => tmux('capture-pane', '-p', '-e', '-t', name),
    lines: () => screen().split('\n'),
    run(command) {
      tmux('send-keys', '-t', name, '-l', command);
      tmux('send-keys', '-t', name, 'Enter');
    },
    async press(...keys) {
      for (const key of keys) {
        tmux('send-keys', '-t', name, key);
        await sleep(60);
      }
    },
    async burst(...keys) {
      tmux('send-keys', '-t', name, ...keys);
      await sleep(60);
    },
    async waitFor(expected, timeout = 8000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const text = screen();
        if (matches(text, expected)) return text;
        if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${String(expected)}; the screen shows:\n${text}`);
        await sleep(50);
      }
    },
    async waitForGone(unexpected, timeout = 8000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const text = screen();
        if (!matches(text, unexpected)) return text;
        if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${String(unexpected)} to go; the screen shows:\n${text}`);
        await sleep(50);
      }
    },
    format: (variable) => tmux('display-message', '-p', '-t', name, `#{${variable}}`).trim(),
  };
}

/** Starts the dashboard in a fresh terminal and waits for its first frame. */
async function dashboard(columns: number, rows: number, args = LIBERTY_ARGS, environment = ''): Promise<Terminal & { pid(): number }> {
  const screen = terminal(columns, rows);
  await screen.waitFor('e2e$');
  const pidFile = path.join(home, `${screen.name}.pid`);
  // exec keeps the pid that sh wrote, so a test can signal exactly this process.
  const start = `echo $$ > ${quoted(pidFile)}; exec node ${quoted(program)} ${args}`;
  screen.run(`clear; echo before radar; ${environment} sh -c ${quoted(start)}; echo "radar exited with $?"`);
  await screen.waitFor(/Liaison gaps \d/);
  return { ...screen, pid: () => Number(fs.readFileSync(pidFile, 'utf8').trim()) };
}

function lineWith(text: string, needle: string): string {
  const line = text.split('\n').find((candidate) => candidate.includes(needle));
  if (line === undefined) throw new Error(`"${needle}" is not on the screen:\n${text}`);
  return line;
}

function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in "${line}"`);
  return displayWidth(line.slice(0, index));
}

describe.skipIf(!hasTmux)('the dashboard in a real terminal', () => {
  beforeAll(() => {
    if (!fs.existsSync(program)) throw new Error("dist/radar.js is missing: vitest's global setup (test/helpers/global-setup.ts) should have built it");
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-e2e-'));
  });

  afterAll(() => {
    if (sessions > 0) spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    if (home !== '') fs.rmSync(home, { recursive: true, force: true });
  });

  it('at 80×24: one pane with the tab bar; 2, j, enter, esc, /, p, ? work; q gives the terminal back', async () => {
    const screen = await dashboard(80, 24);
    let text = screen.screen();
    expect(screen.format('alternate_on')).toBe('1');
    expect(text).toContain('OpenStack Liberty (2015)  Tue 11 Aug 22:44:57 BST (21:44 UTC)');
    // Too long for 80 columns in full: the time it ends comes first, the title after.
    expect(text).toContain('now, until 23:00 BST: OpenStack Cross-Project Meeting in #openstack-meeting');
    expect(text).toMatch(/1 Milestones 7 +2 Meetings 7 +3 Priorities 13 +4 Liaison gaps 7/);
    expect(text).toContain('Milestones 1/7');
    for (const line of screen.lines()) expect(displayWidth(line)).toBeLessThanOrEqual(80);

    await screen.press('2', 'j');
    text = await screen.waitFor('Meetings 2/7');
    // 80 columns hold the marks, the time, the countdown, a title and the whole channel; the
    // meeting's own zone (UTC here) is the column that gives way, and is in the details.
    expect(text).toMatch(/☾ +Thu 13 Aug 22:00 BST in 1d 23h +Nova Team Meeting +#openstack-meeting/);

    await screen.press('Enter');
    text = await screen.waitFor('Chair      Mikal Still & John Garbutt');
    expect(text).toContain('Agenda     https://wiki.openstack.org/wiki/Meetings/Nova');
    expect(text).toMatch(/Thu 20 Aug 15:00 BST +in 8d 16h +Thu 20 Aug 14:00 UTC/);
    await screen.press('Escape');
    await screen.waitFor('Meetings 2/7');

    await screen.press('/', 'n', 'o', 'v', 'a', 'Enter');
    text = await screen.waitFor('Meetings 1/2 /nova');
    expect(text).toContain('Filter: Meetings “nova”');
    await screen.press('Escape');
    await screen.waitFor('Meetings 1/7');

    await screen.press('p');
    await screen.waitFor('search:');
    await screen.press('s', 'w', 'Space', 'Enter');
    text = await screen.waitFor('Projects: swift');
    expect(text).toMatch(/Liaison gaps 1/);

    await screen.press('?');
    text = await screen.waitFor('next / previous pane');
    expect(text).toContain('filter the focused pane by text');
    await screen.press('Escape');
    await screen.waitForGone('next / previous pane');

    await screen.press('q');
    text = await screen.waitFor('radar exited with 0');
    expect(text).toContain('before radar');
    expect(text).not.toContain('Milestones');
    expect(screen.format('alternate_on')).toBe('0');
    expect(screen.format('cursor_flag')).toBe('1');
    // Raw mode is off again: the terminal is back in line mode with echo.
    screen.run('stty -a | tr " ;" "\\n\\n" | grep -x -e "-*icanon" -e "-*echo"');
    text = await screen.waitFor(/^echo$/m);
    expect(text).toMatch(/^icanon$/m);
  });

  it('at 160×48: the four panes in a 2×2 grid, with colour, and the same meetings as `radar list --json`', async () => {
    const screen = await dashboard(160, 48);
    const text = screen.screen();
    expect(lineWith(text, 'Milestones 1/7')).toContain('Meetings 1/7');
    expect(lineWith(text, 'Priorities 1/13')).toContain('Liaison gaps 1/7');
    expect(text).not.toContain('1 Milestones 7');
    for (const line of screen.lines()) expect(displayWidth(line)).toBeLessThanOrEqual(160);

    // Colour means something: the meeting on now, the focused pane, the selected row.
    const colours = screen.colours();
    expect(colours).toMatch(/\u001b\[[0-9;]*4[0-9]m|\u001b\[[0-9;]*7m/);

    const json = JSON.parse(
      execFileSync('node', [program, 'list', 'meetings', '--json', ...LIBERTY_ARGS.split(' ')], { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') } }),
    ) as {
      items: { start: string; title: string }[];
    };
    // Each meeting row: its marks (☾ off-hours, ⚠ a warning in the details), then its time.
    // The right half starts where the Meetings pane's frame does (the halves share by need).
    const right = lineWith(text, 'Meetings 1/7').indexOf('╭');
    const rows = screen.lines().filter((line) => /^[│┃] [☾ ][⚠ ] (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w{3} \d\d:\d\d BST/.test(line.slice(right)));
    expect(rows).toHaveLength(json.items.length);
    json.items.forEach((item, index) => expect(rows[index]).toContain(formatLocal(parseInstant(item.start)!, 'Europe/London')));
    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('CJK and emoji titles keep the columns aligned on screen', async () => {
    const screen = await dashboard(100, 30, `-s ${cjk} --now 2027-02-01T09:00:00Z --tz Asia/Tokyo`);
    await screen.press('2');
    const text = await screen.waitFor('Meetings 1/4');
    const header = lineWith(text, 'Countdown');
    const expected: Record<string, [string, string]> = {
      Countdown: ['in 1d 16h', 'in 3d 6h'],
      Meeting: ['新星チーム会議', '🚀 Rocket sync 🎉'],
      Where: ['#新星-meeting', '#rocket'],
    };
    const rows = [lineWith(text, 'Wed 3 Feb'), lineWith(text, 'Fri 5 Feb')];
    for (const [column, cells] of Object.entries(expected)) {
      expect(columnOf(rows[0]!, cells[0]), column).toBe(columnOf(header, column));
      expect(columnOf(rows[1]!, cells[1]), column).toBe(columnOf(header, column));
    }
    // The frame's right edge stays at the terminal's edge on every row.
    for (const line of [header, ...rows]) expect(displayWidth(line)).toBe(100);
    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('a resize from 160×48 to 80×24 redraws cleanly as one pane with the tab bar', async () => {
    const screen = await dashboard(160, 48);
    tmux('resize-window', '-t', screen.name, '-x', '80', '-y', '24');
    const text = await screen.waitFor(/1 Milestones 7 +2 Meetings 7/);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^OpenStack Liberty \(2015\)/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.filter((line) => line.includes('Milestones 1/7'))).toHaveLength(1);
    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('saving the YAML file updates the screen within a second; a broken save keeps the last good data', async () => {
    const file = path.join(home, 'liberty.yaml');
    fs.copyFileSync(liberty, file);
    const screen = await dashboard(160, 48, `-s ${file} --now 2015-08-11T21:44:57Z --tz Europe/London`);
    const saved = Date.now();
    fs.writeFileSync(file, fs.readFileSync(liberty, 'utf8').replace('title: Nova Team Meeting', 'title: Nova Team Sync'));
    await screen.waitFor('Nova Team Sync', 3000);
    expect(Date.now() - saved).toBeLessThan(1500);
    fs.writeFileSync(file, 'version: 1\nmeetings: [\n');
    const text = await screen.waitFor('showing the last good data', 3000);
    expect(text).toContain('Nova Team Sync');
    expect(text).toContain('liberty.yaml: failed, 1 error');
    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('NO_COLOR leaves no colour on the screen, and the selection is marked with ›', async () => {
    const screen = await dashboard(80, 24, LIBERTY_ARGS, 'NO_COLOR=1');
    const colours = screen.colours();
    expect(colours).not.toMatch(/\u001b\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|38;|48;)[0-9;]*m/);
    expect(screen.screen()).toContain('› Nova feature proposal freeze');
    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('DEV=true, set in many shells for other tools, changes nothing: the dashboard draws and q quits with 0', async () => {
    const screen = await dashboard(80, 24, LIBERTY_ARGS, 'DEV=true');
    expect(screen.screen()).toContain('OpenStack Liberty (2015)');
    await screen.press('q');
    const text = await screen.waitFor('radar exited with 0');
    expect(text).not.toContain('devtools');
  });

  it('ctrl+c quits too, and leaves the terminal as it was', async () => {
    const screen = await dashboard(80, 24);
    await screen.press('C-c');
    await screen.waitFor('radar exited with 0');
    expect(screen.format('alternate_on')).toBe('0');
    expect(screen.format('cursor_flag')).toBe('1');
  });

  it('keys of issue 12: l/h and ←/→ move between panes, a, s, z and r say what they did, and a burst of backspaces counts', async () => {
    // The machine's zone, "yours" without a config, pinned so z goes London → UTC → London.
    const screen = await dashboard(80, 24, LIBERTY_ARGS, 'TZ=UTC');
    await screen.press('l');
    await screen.waitFor('Meetings 1/7');
    await screen.press('Right');
    await screen.waitFor('Priorities 1/13');
    await screen.press('h', 'Left');
    await screen.waitFor('Milestones 1/7');

    await screen.press('a');
    // Six Liberty milestones are over by 11 August 2015 (liberty-1, the Nova spec freeze, …).
    let text = await screen.waitFor('Milestones 1/13');
    expect(lineWith(text, 'Nova spec freeze')).toContain('ago');
    await screen.press('a');
    await screen.waitFor('Milestones 1/7');

    await screen.press('z');
    text = await screen.waitFor(/^zone: UTC, yours/m);
    expect(text).toContain('Tue 11 Aug 21:44:57 UTC');
    await screen.press('z');
    // The selected meeting is kept in UTC too: z skips it, back to the --tz zone.
    await screen.waitFor(/^zone: Europe\/London \(BST\)/m);

    await screen.press('r');
    await screen.waitFor(/^reloaded \d\d:\d\d:\d\d/m);

    await screen.press('s');
    text = await screen.waitFor('Sources (1)');
    expect(text).toContain('liberty-2015.yaml: loaded');
    await screen.press('Escape');
    await screen.waitForGone('Sources (1)');

    await screen.press('/', 'a', 'b', 'c', 'd');
    await screen.waitFor('Milestones “abcd”');
    await screen.burst('BSpace', 'BSpace');
    await screen.waitFor('Milestones “ab”');
    await screen.burst('BSpace', 'Enter');
    text = await screen.waitFor('Milestones “a”');
    // Enter kept the filter: the panes' hints are back, not the filter's.
    expect(text).toContain('enter details');

    await screen.press('q');
    await screen.waitFor('radar exited with 0');
  });

  it('SIGTERM gives the terminal back too', async () => {
    const screen = await dashboard(80, 24);
    process.kill(screen.pid(), 'SIGTERM');
    const text = await screen.waitFor(/radar exited with \d+/);
    expect(text).toContain('radar exited with 143');
    expect(screen.format('alternate_on')).toBe('0');
    expect(screen.format('cursor_flag')).toBe('1');
  });

  it('with stdout not a terminal it prints the panes once; stdin not a terminal never crashes', async () => {
    const screen = terminal(100, 40);
    await screen.waitFor('e2e$');
    screen.run(`node ${quoted(program)} ${LIBERTY_ARGS} | head -3; echo "piped-$((1 + 1))"`);
    let text = await screen.waitFor('piped-2');
    expect(text).toContain('OpenStack Liberty (2015)');
    screen.run(`echo | node ${quoted(program)} ${LIBERTY_ARGS} > ${quoted(path.join(home, 'stdin.txt'))} 2>&1; echo "stdin-done $?"`);
    text = await screen.waitFor(/stdin-done \d+|Liaison gaps \d/);
    if (!text.includes('stdin-done')) {
      // The dashboard found the keyboard on /dev/tty: quit it.
      await screen.press('q');
      text = await screen.waitFor(/stdin-done \d+/);
    }
    expect(text).toContain('stdin-done 0');
    expect(fs.readFileSync(path.join(home, 'stdin.txt'), 'utf8')).not.toContain('Raw mode is not supported');
  });
});
