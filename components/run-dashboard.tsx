// The shell around the dashboard: the terminal (alternate screen, raw keys, the bell) and the
// sources (first frame from local files and cached feeds, the network afterwards). However
// the program ends (q, ctrl+c, SIGTERM, SIGHUP, a crash), the terminal is left as it was
// found: main screen back, cursor shown, raw mode off; ctrl+z suspends and `fg` comes back.
import fs from 'node:fs';
import tty from 'node:tty';
import { render, type Instance } from 'ink';
import { CONFIG_DEFAULTS } from '../src/config/config-store';
import type { Context } from '../src/context/context';
import { EXIT } from '../src/context/exit-codes';
import { checkProjectIds, load } from '../src/context/load';
import { isRemote } from '../src/load/url';
import { watchFiles } from '../src/load/watch';
import { cacheFiredStore } from '../src/remind/fired-state';
import { App } from './app';
import { createTerminalScreen, interceptSuspendKey } from './terminal-screen';
import type { SourceAccess } from './use-sources';

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type HandledSignal = keyof typeof SIGNAL_NUMBERS;

interface Keyboard {
  stream: NodeJS.ReadStream;
  close(): void;
}

/**
 * Where keys come from: standard input when it is a terminal, else the controlling terminal
 * (`cat schedule.yaml | radar -s -` still has a keyboard). Null when there is none: then the
 * dashboard prints once instead, and Ink never gets to say "Raw mode is not supported".
 */
function openKeyboard(): Keyboard | null {
  if (process.stdin.isTTY) return { stream: process.stdin, close: () => undefined };
  let fd: number;
  try {
    fd = fs.openSync('/dev/tty', 'r');
  } catch {
    return null;
  }
  if (!tty.isatty(fd)) {
    fs.closeSync(fd);
    return null;
  }
  const stream = new tty.ReadStream(fd);
  return { stream: stream as unknown as NodeJS.ReadStream, close: () => stream.destroy() };
}

/** `printOnce` is what runs instead when there is no terminal to draw on or no keyboard. */
export async function runDashboard(given: Context, printOnce: (context: Context) => Promise<number>): Promise<number> {
  const stdout = process.stdout;
  if (!stdout.isTTY) return printOnce(given);
  const keyboard = openKeyboard();
  if (keyboard === null) return printOnce(given);

  // Files are watched from before their first read, not from the dashboard's first effect: a
  // file saved while the first frame is drawn is reloaded once the dashboard listens.
  let listener: (() => void) | null = null;
  let missed = false;
  const stopWatching = watchFiles(
    given.sources.map((spec) => spec.source),
    () => {
      if (listener === null) missed = true;
      else listener();
    },
  );
  // Remote sources never delay the first frame: it comes from files and cached feeds.
  const initial = await load(given, true);
  // Unknown project ids are said before the screen is taken over, so the message stays readable.
  const checked = checkProjectIds(given, initial);
  if ('exit' in checked) {
    stopWatching();
    keyboard.close();
    return checked.exit;
  }
  const { context } = checked;
  const access: SourceAccess = {
    load: (offline) => load(context, offline),
    watch: (onChange) => {
      listener = onChange;
      if (missed) {
        missed = false;
        onChange();
      }
      return () => {
        listener = null;
      };
    },
    hasRemote: context.sources.some((spec) => isRemote(spec.source)),
    wallClock: context.io.clock,
    offline: context.options.offline,
    // setTimeout fires at once past 2^31-1 ms (about 24.8 days): a larger refreshMinutes means "rarely".
    refreshMs: Math.min((context.config.refreshMinutes ?? CONFIG_DEFAULTS.refreshMinutes) * 60_000, 2_147_483_647),
  };

  const screen = createTerminalScreen(stdout);
  let instance: Instance | null = null;
  const stop = () => {
    stopWatching();
    instance?.unmount();
    try {
      if (keyboard.stream.isTTY) keyboard.stream.setRawMode(false);
    } catch {
      // The terminal is already gone (hang-up).
    }
    screen.close();
    keyboard.close();
  };
  const onSignal = (signal: HandledSignal) => {
    stop();
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  const onCrash = (error: unknown) => {
    stop();
    process.stderr.write(`radar: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['RADAR_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(70);
  };
  // ctrl+z or `kill -TSTP`: give the terminal back (main screen, cursor, cooked mode), stop for
  // real (our handler out of the way, the default action of SIGTSTP stops the process), and on
  // SIGCONT (`fg`) take the screen and the keys again.
  const onSuspend = () => {
    screen.close();
    try {
      if (keyboard.stream.isTTY) keyboard.stream.setRawMode(false);
    } catch {
      // The terminal is gone.
    }
    process.off('SIGTSTP', onSuspend);
    process.once('SIGCONT', onContinue);
    process.kill(process.pid, 'SIGTSTP');
  };
  const onContinue = () => {
    process.on('SIGTSTP', onSuspend);
    try {
      if (keyboard.stream.isTTY) keyboard.stream.setRawMode(true);
    } catch {
      // The terminal is gone.
    }
    screen.reopen();
  };
  interceptSuspendKey(keyboard.stream, onSuspend);
  process.on('SIGTSTP', onSuspend);
  const signals = Object.keys(SIGNAL_NUMBERS) as HandledSignal[];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', screen.close);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  screen.open();
  // Raw from the first moment, not from Ink's first effect: a key pressed while the first frame
  // is drawn (ctrl+c included) waits for the key map instead of reaching the shell as a signal.
  if (keyboard.stream.isTTY) keyboard.stream.setRawMode(true);
  try {
    instance = render(<App context={context} initial={initial} access={access} onBell={screen.bell} firedStore={cacheFiredStore(context.cacheDir)} />, {
      stdout: screen.output,
      stdin: keyboard.stream,
      stderr: process.stderr,
      // Every render is one whole frame, which the screen diffs line by line (terminal-screen.ts).
      debug: true,
      // ctrl+c is in the key map like every other key.
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await instance.waitUntilExit();
  } finally {
    stop();
    for (const signal of signals) process.off(signal, onSignal);
    process.off('SIGTSTP', onSuspend);
    process.off('SIGCONT', onContinue);
    process.off('exit', screen.close);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  // A feed still being fetched must not keep a quit program waiting for its timeout.
  setTimeout(() => process.exit(), 300).unref();
  return EXIT.ok;
}
