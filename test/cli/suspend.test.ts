// ctrl+z in the dashboard works as in any full-screen terminal program: the shell gets its
// screen back (main screen, cursor, cooked mode), and `fg` brings the dashboard back whole.
// Driven in a pseudo-terminal under a small job-control shell (test/helpers/suspend-in-pty.py).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, RADAR, ROOT } from '../helpers/run-radar';

const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!python)('suspending the dashboard', () => {
  it.each([
    ['ctrl+z', 'key'],
    ['kill -TSTP', 'signal'],
  ])(
    '%s gives the terminal back, and fg sets the dashboard up again',
    (_name, via) => {
      const env = isolatedEnv();
      delete env['CI'];
      const result = spawnSync('python3', [join(ROOT, 'test/helpers/suspend-in-pty.py'), via, process.execPath, RADAR, '-s', join(ROOT, 'data/liberty-2015.yaml'), '--now', '2015-08-11T21:44:57Z'], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        ready: true,
        stopped: true,
        leftAlternateScreen: true,
        showedCursor: true,
        cookedWhileStopped: true,
        backOnAlternateScreen: true,
        redrawn: true,
        rawAfterFg: true,
        exitCode: 0,
      });
    },
    150_000,
  );
});
