// The full-screen terminal the dashboard draws on. Ink renders into `output` in its debug mode,
// where every render is written as one whole frame; this module puts each frame on the
// alternate screen by rewriting only the lines that changed, each at its own row. A ticking
// countdown thus costs one line of output, and nothing flickers.
//
// Why not Ink's own `incrementalRendering`: in ink 6.8.0 it moves the cursor up one line too
// few whenever the frame ends with a newline (every frame shorter than the terminal), so each
// frame lands one row lower than the last and the screen scrolls away. And a frame as tall as
// the terminal makes Ink clear the whole screen on every render instead.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';

const CSI = '\u001b[';
const ENTER_ALTERNATE_SCREEN = `${CSI}?1049h`;
const LEAVE_ALTERNATE_SCREEN = `${CSI}?1049l`;
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
// Without autowrap, a line that is too wide for a terminal that just shrank is cut at the
// right edge instead of spilling onto the next row (or scrolling the screen at the bottom).
const NO_AUTOWRAP = `${CSI}?7l`;
const AUTOWRAP = `${CSI}?7h`;
const CLEAR_SCREEN = `${CSI}2J`;
const CLEAR_LINE = `${CSI}2K`;
// Terminals that know mode 2026 show the update at once; the others ignore it.
const BEGIN_SYNCHRONIZED = `${CSI}?2026h`;
const END_SYNCHRONIZED = `${CSI}?2026l`;
const BELL = '\u0007';
// What Ink writes besides frames: cursor show/hide and other private modes.
const MODE_ONLY = /^(?:\u001b\[\?[\d;]*[hl])+$/;

/** The terminal the screen draws on: process.stdout, or a stand-in in tests. */
export interface Terminal {
  write(text: string): unknown;
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
  /** When present, close() writes synchronously (safe in exit and signal handlers). */
  fd?: number;
}

export interface TerminalScreen {
  /** Pass to Ink: render(tree, { stdout: screen.output, debug: true }). */
  output: NodeJS.WriteStream;
  /** Switches to the alternate screen, hides the cursor. */
  open(): void;
  /** Puts the terminal back as it was. Safe to call more than once, and from exit handlers. */
  close(): void;
  /**
   * Sets the screen up again after close() (the program was suspended and continued) and
   * draws the latest frame whole: the shell drew over the alternate screen meanwhile.
   */
  reopen(): void;
  bell(): void;
}

/** Where to move to the start of `row` (0-based). */
function rowStart(row: number): string {
  return `${CSI}${row + 1};1H`;
}

/**
 * The update that turns `previous` into `next` on a screen `rows` high: only changed rows are
 * written, rows past the end of `next` are cleared, nothing is written below the last row.
 */
export function screenUpdate(previous: readonly string[], next: readonly string[], rows: number): string {
  let update = '';
  const limit = Math.min(Math.max(previous.length, next.length), rows);
  for (let row = 0; row < limit; row += 1) {
    const line = next[row];
    if (line === previous[row]) continue;
    // The row is cleared first, not after the line: a full-width line leaves the cursor on
    // its last character (autowrap is off), which clearing to the end would erase. Inside
    // one synchronized update the clear is never seen.
    update += rowStart(row) + CLEAR_LINE + (line ?? '');
  }
  return update;
}

export function createTerminalScreen(terminal: Terminal): TerminalScreen {
  let shown: string[] = [];
  /** The last frame Ink rendered, drawn or not (frames keep coming while suspended). */
  let latest: string[] = [];
  let open = false;

  const write = (text: string) => {
    if (text !== '') terminal.write(text);
  };

  const paint = (lines: string[]) => {
    const update = screenUpdate(shown, lines, terminal.rows ?? 24);
    shown = lines;
    if (update !== '') write(BEGIN_SYNCHRONIZED + update + END_SYNCHRONIZED);
  };

  const draw = (frame: string) => {
    if (frame === '' || MODE_ONLY.test(frame)) return;
    latest = frame.split('\n');
    if (open) paint(latest);
  };

  const output = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.defineProperties(output, {
    columns: { get: () => terminal.columns ?? 80 },
    rows: { get: () => terminal.rows ?? 24 },
    isTTY: { value: true },
  });
  output['write'] = (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    draw(String(chunk));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  };

  // After a resize the old picture is gone or cut: wipe it and draw the next frame whole.
  const resized = () => {
    if (open) {
      shown = [];
      write(CLEAR_SCREEN);
    }
    output.emit('resize');
  };

  const setUp = () => {
    if (open) return false;
    open = true;
    shown = [];
    terminal.on('resize', resized);
    write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + NO_AUTOWRAP + CLEAR_SCREEN);
    return true;
  };

  return {
    output: output as unknown as NodeJS.WriteStream,
    open() {
      setUp();
    },
    reopen() {
      if (setUp()) paint(latest);
    },
    close() {
      if (!open) return;
      open = false;
      terminal.off('resize', resized);
      const restore = AUTOWRAP + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN;
      if (terminal.fd === undefined) {
        write(restore);
        return;
      }
      try {
        fs.writeSync(terminal.fd, restore);
      } catch {
        // The terminal is gone (hang-up): there is nothing left to restore.
      }
    },
    bell() {
      if (open) write(BELL);
    },
  };
}

/** ctrl+z as a terminal in raw mode sends it (raw mode turns off the terminal's own SIGTSTP). */
const SUSPEND_KEY = '\u001a';

/**
 * Lets ctrl+z suspend the program, as in any full-screen terminal program: the byte is taken
 * out of what Ink reads (Ink reads keys with stream.read()) and `onSuspend` runs once the read
 * is over.
 */
export function interceptSuspendKey(keyboard: NodeJS.ReadStream, onSuspend: () => void): void {
  const read = keyboard.read.bind(keyboard);
  keyboard.read = ((size?: number) => {
    const chunk: unknown = read(size);
    if (chunk === null || !String(chunk).includes(SUSPEND_KEY)) return chunk;
    setImmediate(onSuspend);
    return String(chunk).split(SUSPEND_KEY).join('');
  }) as typeof keyboard.read;
}
