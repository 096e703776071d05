// The screen rewrites only what changed, at absolute rows, and puts the terminal back.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalScreen, interceptSuspendKey, screenUpdate } from '../../components/terminal-screen';

class Terminal extends EventEmitter {
  written = '';
  columns = 20;
  rows = 4;
  write(text: string) {
    this.written += text;
    return true;
  }
}

describe('screenUpdate', () => {
  it('a ticking clock rewrites its own line and nothing else', () => {
    const update = screenUpdate(['radar 22:44:57', 'Milestones', 'Meetings'], ['radar 22:44:58', 'Milestones', 'Meetings'], 10);
    expect(update).toBe('\u001b[1;1H\u001b[2Kradar 22:44:58');
  });

  it('an unchanged frame writes nothing', () => {
    expect(screenUpdate(['a', 'b'], ['a', 'b'], 10)).toBe('');
  });

  it('a shorter frame clears the rows it no longer uses; nothing goes below the last row', () => {
    expect(screenUpdate(['a', 'b', 'c'], ['a'], 10)).toBe('\u001b[2;1H\u001b[2K\u001b[3;1H\u001b[2K');
    expect(screenUpdate([], ['a', 'b', 'c'], 2)).toBe('\u001b[1;1H\u001b[2Ka\u001b[2;1H\u001b[2Kb');
  });

  it('a row is cleared before it is written, so a full-width line keeps its last character', () => {
    expect(screenUpdate([], ['abcd'], 2)).toBe('\u001b[1;1H\u001b[2Kabcd');
  });
});

describe('createTerminalScreen', () => {
  it('opens on the alternate screen, draws frames, and leaves everything as it was on close', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    screen.open();
    expect(terminal.written).toContain('\u001b[?1049h');
    expect(terminal.written).toContain('\u001b[?25l');
    screen.output.write('one\ntwo');
    expect(terminal.written).toContain('\u001b[1;1H\u001b[2Kone\u001b[2;1H\u001b[2Ktwo');
    terminal.written = '';
    screen.output.write('one\nTWO');
    expect(terminal.written).toBe('\u001b[?2026h\u001b[2;1H\u001b[2KTWO\u001b[?2026l');
    screen.close();
    expect(terminal.written).toContain('\u001b[?25h');
    expect(terminal.written).toContain('\u001b[?1049l');
    expect(terminal.written).toContain('\u001b[?7h');
    terminal.written = '';
    screen.close();
    expect(terminal.written).toBe('');
  });

  it('Ink’s own cursor codes and empty writes are not frames', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    screen.open();
    screen.output.write('frame');
    terminal.written = '';
    screen.output.write('\u001b[?25h');
    screen.output.write('');
    expect(terminal.written).toBe('');
  });

  it('after a resize the next frame is drawn whole, and Ink hears about the resize', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    let heard = 0;
    screen.output.on('resize', () => (heard += 1));
    screen.open();
    screen.output.write('a\nb');
    terminal.columns = 30;
    terminal.emit('resize');
    expect(heard).toBe(1);
    expect(screen.output.columns).toBe(30);
    terminal.written = '';
    screen.output.write('a\nb');
    expect(terminal.written).toContain('\u001b[1;1H\u001b[2Ka\u001b[2;1H\u001b[2Kb');
  });

  it('rings the bell only while open', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    screen.bell();
    expect(terminal.written).toBe('');
    screen.open();
    screen.bell();
    expect(terminal.written.endsWith('\u0007')).toBe(true);
  });
});

describe('suspending with ctrl+z and coming back with fg', () => {
  it('the screen is given back on suspend, and set up again with the latest frame on continue', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    screen.open();
    screen.output.write('radar 22:44:57\nMilestones');
    screen.close();
    terminal.written = '';
    // The clock ticks while the program is stopped in the background: nothing is drawn.
    screen.output.write('radar 22:44:58\nMilestones');
    expect(terminal.written).toBe('');
    screen.reopen();
    expect(terminal.written.startsWith('\u001b[?1049h\u001b[?25l')).toBe(true);
    // The shell drew over the screen meanwhile: every row of the latest frame is written.
    expect(terminal.written).toContain('\u001b[1;1H\u001b[2Kradar 22:44:58\u001b[2;1H\u001b[2KMilestones');
  });

  it('reopen on a screen that is open does nothing', () => {
    const terminal = new Terminal();
    const screen = createTerminalScreen(terminal);
    screen.open();
    screen.output.write('a');
    terminal.written = '';
    screen.reopen();
    expect(terminal.written).toBe('');
  });

  it('ctrl+z is taken out of the keys Ink reads, and suspends once the read is over', async () => {
    const keys = new PassThrough() as unknown as NodeJS.ReadStream;
    let suspended = 0;
    const resumed = new Promise<void>((resolve) =>
      interceptSuspendKey(keys, () => {
        suspended += 1;
        resolve();
      }),
    );
    (keys as unknown as PassThrough).write('j\u001ak');
    expect(String(keys.read())).toBe('jk');
    await resumed;
    expect(suspended).toBe(1);
  });
});
