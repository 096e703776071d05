// The fired set survives restarts, forgets what is over, and never trusts a file it did not
// write: a corrupt or tampered state file means "nothing fired yet", never a crash.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firedStatePath, readFiredReminders, writeFiredReminders } from '../../../src/remind/fired-state';

const root = mkdtempSync(join(tmpdir(), 'radar-fired-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshCache = () => join(root, `cache-${(count += 1)}`);

describe('the fired reminders file', () => {
  it('reads back what was written, in a cache folder that did not exist yet, leaving no temporary file', () => {
    const cache = freshCache();
    const fired = new Map([['meeting:nova@2026-12-03T14:00:00.000Z-10m', Date.parse('2026-12-03T14:00:00Z')]]);
    expect(writeFiredReminders(cache, fired, Date.parse('2026-12-03T13:50:00Z'))).toBeNull();
    expect(readFiredReminders(cache)).toEqual(fired);
    expect(readdirSync(cache)).toEqual(['reminders-fired.json']);
  });

  it('is pruned of events that have started when written', () => {
    const cache = freshCache();
    const fired = new Map([
      ['meeting:nova@2026-12-03T14:00:00.000Z-10m', Date.parse('2026-12-03T14:00:00Z')],
      ['meeting:nova@2026-12-10T14:00:00.000Z-10m', Date.parse('2026-12-10T14:00:00Z')],
    ]);
    writeFiredReminders(cache, fired, Date.parse('2026-12-03T14:00:00Z'));
    expect([...readFiredReminders(cache).keys()]).toEqual(['meeting:nova@2026-12-10T14:00:00.000Z-10m']);
  });

  it('counts as empty when missing, not JSON, of another shape, or tampered with', () => {
    expect(readFiredReminders(freshCache()).size).toBe(0);
    for (const text of ['', '{', 'null', '[]', '{"format": 2, "fired": {"a": 1}}', '{"format": 1, "fired": [1, 2]}', '\u0000\u0001garbage']) {
      const cache = freshCache();
      mkdirSync(cache, { recursive: true });
      writeFileSync(firedStatePath(cache), text);
      expect(readFiredReminders(cache).size).toBe(0);
    }
  });

  it('keeps only well-formed entries of a tampered file', () => {
    const cache = freshCache();
    mkdirSync(cache, { recursive: true });
    writeFileSync(firedStatePath(cache), JSON.stringify({ format: 1, fired: { good: 5, bad: 'x', worse: null, ['__proto__']: 3, [`${'k'.repeat(3000)}`]: 1 } }));
    expect([...readFiredReminders(cache).entries()].sort()).toEqual([
      ['__proto__', 3],
      ['good', 5],
    ]);
  });

  it('says so, and does not throw, when the cache folder cannot be written', () => {
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const problem = writeFiredReminders(join(blocked, 'cache'), new Map([['k', 10]]), 0);
    expect(problem).toMatch(/^cannot remember fired reminders in .*a-file\/cache\/reminders-fired\.json \(a part of the path is not a folder\); they may fire again after a restart$/);
    expect(existsSync(join(blocked, 'cache'))).toBe(false);
  });
});
