// Saving a source file must reach the dashboard within a second, however the editor saves.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFiles } from '../../src/load/watch';

let dir: string;
let stop: (() => void) | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-watch-'));
});

afterEach(() => {
  stop?.();
  stop = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts watching and records each change with the time it arrived. */
function watch(paths: string[]): { changes: { path: string; at: number }[] } {
  const record = { changes: [] as { path: string; at: number }[] };
  stop = watchFiles(paths, (changed) => record.changes.push({ path: changed, at: performance.now() }));
  return record;
}

/** fs.watch needs a moment to attach before the first write counts. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('watching local sources', () => {
  it('saving a YAML file in place is noticed within a second', async () => {
    const file = path.join(dir, 'nova.yaml');
    fs.writeFileSync(file, 'meetings: []\n');
    const seen = watch([file]);
    await settle();
    const savedAt = performance.now();
    fs.writeFileSync(file, 'meetings: [{id: nova}]\n');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
    expect(seen.changes[0]?.path).toBe(file);
    expect((seen.changes[0]?.at ?? Infinity) - savedAt).toBeLessThan(1_000);
  });

  it('an editor that writes a temp file and renames it over the original is noticed too', async () => {
    const file = path.join(dir, 'schedule.yaml');
    fs.writeFileSync(file, 'cycles: []\n');
    const seen = watch([file]);
    await settle();
    const temp = path.join(dir, '.schedule.yaml.swp');
    fs.writeFileSync(temp, 'cycles: [{id: 2025.2}]\n');
    fs.renameSync(temp, file);
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
    expect(seen.changes[0]?.path).toBe(file);
    // And the watch survives the replacement: the next save is seen as well.
    await new Promise((resolve) => setTimeout(resolve, 200));
    fs.writeFileSync(file, 'cycles: [{id: 2026.1}]\n');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(2);
  });

  it('a burst of writes is reported once', async () => {
    const file = path.join(dir, 'nova.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    const seen = watch([file]);
    await settle();
    for (let i = 0; i < 5; i += 1) fs.writeFileSync(file, `a: ${i}\n`);
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.changes).toHaveLength(1);
  });

  it('other files in the same folder do not count', async () => {
    const file = path.join(dir, 'nova.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    const seen = watch([file]);
    await settle();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
    fs.writeFileSync(path.join(dir, 'neutron.yaml'), 'a: 2\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.changes).toEqual([]);
  });

  it('a folder source reacts to its YAML and JSON files, named by the folder', async () => {
    const folder = path.join(dir, 'teams');
    fs.mkdirSync(folder);
    const seen = watch([folder]);
    await settle();
    fs.writeFileSync(path.join(folder, 'README.md'), '# not a source\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.changes).toEqual([]);
    fs.writeFileSync(path.join(folder, 'nova.yml'), 'meetings: []\n');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
    expect(seen.changes[0]?.path).toBe(folder);
  });

  it('a folder source reacts to a calendar saved in it', async () => {
    const folder = path.join(dir, 'calendars');
    fs.mkdirSync(folder);
    const seen = watch([folder]);
    await settle();
    fs.writeFileSync(path.join(folder, 'team.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
    expect(seen.changes[0]?.path).toBe(folder);
  });

  it('a file that does not exist yet is noticed when it is created', async () => {
    const file = path.join(dir, 'later.json');
    const seen = watch([file]);
    await settle();
    fs.writeFileSync(file, '{}');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(1);
  });

  it('a missing folder, a URL and standard input are tolerated', async () => {
    const file = path.join(dir, 'not', 'there', 'nova.yaml');
    const seen = watch([file, 'https://releases.openstack.org/feed.json', '-']);
    await settle();
    expect(seen.changes).toEqual([]);
  });

  it('a source in a folder created later is noticed, and so are its edits after that', async () => {
    const folder = path.join(dir, 'later');
    const file = path.join(folder, 'nova.yaml');
    const seen = watch([file]);
    await settle();
    fs.mkdirSync(folder);
    fs.writeFileSync(file, 'a: 1\n');
    // The missing folder is polled every half second.
    await expect.poll(() => seen.changes.length, { timeout: 2_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = seen.changes.length;
    fs.writeFileSync(file, 'a: 2\n');
    await expect.poll(() => seen.changes.length, { timeout: 1_000, interval: 20 }).toBe(before + 1);
  });

  it('after unsubscribing, saves are no longer reported', async () => {
    const file = path.join(dir, 'nova.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    const seen = watch([file]);
    await settle();
    stop?.();
    stop = null;
    fs.writeFileSync(file, 'a: 2\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.changes).toEqual([]);
  });
});
