// Renders the dashboard the way `radar` does (Ink in debug mode: one whole frame per render)
// into a stand-in terminal of any size, with a keyboard the test types on.
import { EventEmitter, once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { render, type Instance } from 'ink';
import { App } from '../../components/app';
import type { ClockStore } from '../../components/use-clock';
import type { SourceAccess } from '../../components/use-sources';
import { parseArgs } from '../../src/cli/args';
import type { Context } from '../../src/context/context';
import { loadSources, type LoadResult } from '../../src/load/load-sources';
import { specOf } from '../../src/load/source-spec';
import type { FiredStore } from '../../src/remind/fired-state';
import { parseInstant } from '../../src/time/instant';
import { tempFolder } from '../helpers/temp';

export const LIBERTY = fileURLToPath(new URL('../../data/liberty-2015.yaml', import.meta.url));
export const OPENSTACK = fileURLToPath(new URL('../../data/openstack-2027.1.yaml', import.meta.url));
/** The Monday of ISO week 53 of 2026: the week-53 notes matter this week. */
export const WEEK_53_NOW = '2026-12-28T10:00:00Z';
export const CJK = fileURLToPath(new URL('../fixtures/dashboard/cjk-emoji.yaml', import.meta.url));
/** The evening of 11 August 2015: the cross-project meeting has been on for 44 minutes. */
export const LIBERTY_NOW = '2015-08-11T21:44:57Z';

export interface DashboardOptions {
  source?: string;
  now?: string;
  zone?: string;
  columns?: number;
  rows?: number;
  color?: boolean;
  /** More command-line arguments (e.g. ['-p', 'nova']). */
  args?: string[];
  bell?: boolean;
  clock?: ClockStore;
  /** Replaces the sources' loading and watching. */
  access?: Partial<SourceAccess>;
  initial?: LoadResult;
  onBell?: () => void;
  /** The user's own zone (config, else the system's). Default: the same as `zone`. */
  homeZone?: string;
  /** The real clock (ISO instant), when it is not --now: for ages and reload times. */
  wallClock?: string;
  /** Turns reminders on, remembering fired ones here. */
  firedStore?: FiredStore;
  /** The `reminders` configuration key. */
  reminders?: { meetings?: string[]; milestones?: string[] };
}

export function testContext(options: DashboardOptions = {}): Context {
  const source = options.source ?? LIBERTY;
  const now = options.now ?? LIBERTY_NOW;
  const zone = options.zone ?? 'Europe/London';
  const parsed = parseArgs(['-s', source, '--now', now, '--tz', zone, ...(options.args ?? [])]);
  if (!parsed.ok) throw new Error(parsed.error);
  const instant = parseInstant(now)!;
  const wall = options.wallClock === undefined ? instant : parseInstant(options.wallClock)!;
  return {
    options: parsed.options,
    io: {
      stdout: () => undefined,
      stderr: () => undefined,
      stdoutIsTty: true,
      stdinIsTty: true,
      env: {},
      readStdin: async () => '',
      clock: () => wall,
      columns: options.columns ?? 100,
    },
    now: instant,
    fixedNow: true,
    zone,
    homeZone: options.homeZone ?? zone,
    sources: [specOf(source)],
    usingDemo: false,
    filter: { projects: parsed.options.projects, text: '' },
    config: { ...(options.bell === undefined ? {} : { bell: options.bell }), ...(options.reminders === undefined ? {} : { reminders: options.reminders }) },
    workHours: { startMinute: 8 * 60, endMinute: 18 * 60 },
    cacheDir: tempFolder('radar-dashboard-cache-'),
  };
}

export async function loadFor(context: Context): Promise<LoadResult> {
  return loadSources(context.sources, { offline: true, cacheDir: context.cacheDir, now: context.io.clock, readStdin: context.io.readStdin });
}

/** A terminal of a fixed size that keeps the last frame Ink wrote. */
class FakeTerminal extends EventEmitter {
  frames: string[] = [];
  readonly isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string, ...rest: unknown[]) => {
    if (frame !== '' && !/^(?:\u001b\[\?[\d;]*[hl])+$/.test(frame)) {
      this.frames.push(frame);
      this.emit('frame');
    }
    const done = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
}

class FakeKeyboard extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
}

export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  down: '\u001b[B',
  up: '\u001b[A',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the screen has settled: Ink hands a lone ESC over on the next turn of the event
 * loop (it might start a sequence), React draws on a later turn still, and a frame takes a few
 * milliseconds (more on a busy machine). Settled = no new frame for 15 ms.
 */
async function settle(terminal: FakeTerminal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const deadline = performance.now() + 2000;
  let frames = -1;
  while (frames !== terminal.frames.length && performance.now() < deadline) {
    frames = terminal.frames.length;
    await sleep(15);
  }
}

export interface Dashboard {
  context: Context;
  /** The screen as plain text (no colour codes), one string per line. */
  lines(): string[];
  /** The screen as plain text. */
  screen(): string;
  /** The last frame with its colour codes. */
  raw(): string;
  /** Types each argument as one key press (a string of several characters is a paste). */
  press(...keys: string[]): Promise<void>;
  /** Waits until the screen shows `text` (data loads in the background); fails after `timeout` ms. */
  waitFor(text: string, timeout?: number): Promise<void>;
  exited(): boolean;
  unmount(): void;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export async function renderDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const context = testContext(options);
  const initial = options.initial ?? (await loadFor(context));
  const access: SourceAccess = {
    load: async () => initial,
    watch: () => () => undefined,
    hasRemote: false,
    offline: true,
    refreshMs: 15 * 60_000,
    wallClock: context.io.clock,
    ...options.access,
  };
  const terminal = new FakeTerminal(options.columns ?? 100, options.rows ?? 30);
  const keyboard = new FakeKeyboard();
  let exited = false;
  const instance: Instance = render(
    <App
      context={context}
      initial={initial}
      access={access}
      color={options.color ?? false}
      {...(options.clock === undefined ? {} : { clock: options.clock })}
      {...(options.onBell === undefined ? {} : { onBell: options.onBell })}
      {...(options.firedStore === undefined ? {} : { firedStore: options.firedStore })}
    />,
    {
      stdout: terminal as unknown as NodeJS.WriteStream,
      stdin: keyboard as unknown as NodeJS.ReadStream,
      stderr: terminal as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  void instance.waitUntilExit().then(() => {
    exited = true;
  });
  // useInput subscribes in an effect, after the first frame.
  await settle(terminal);
  const raw = () => terminal.frames.at(-1) ?? '';
  return {
    context,
    raw,
    lines: () => raw().replace(ANSI, '').split('\n'),
    screen: () => raw().replace(ANSI, ''),
    async press(...keys) {
      for (const key of keys) {
        keyboard.write(key);
        await settle(terminal);
      }
    },
    async waitFor(text, timeout = 3000) {
      // Each frame Ink writes is a chance; no frame within `timeout` ms is a failure.
      const signal = AbortSignal.timeout(timeout);
      while (!raw().replace(ANSI, '').includes(text)) {
        try {
          await once(terminal, 'frame', { signal });
        } catch {
          throw new Error(`waited ${timeout} ms for "${text}"; the screen shows:\n${raw().replace(ANSI, '')}`);
        }
      }
    },
    exited: () => exited,
    unmount: () => instance.unmount(),
  };
}

/** A clock the test moves by hand: each `advance` ticks every second, as the real one would. */
export function manualClock(start: string) {
  let now = parseInstant(start)!;
  const listeners = new Set<() => void>();
  const store: ClockStore = {
    now: () => now,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    running: true,
  };
  return {
    store,
    async advance(seconds: number) {
      for (let second = 0; second < seconds; second += 1) {
        now += 1000;
        for (const listener of [...listeners]) listener();
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
