// `radar export ics` and `radar feed` as a user runs them (the built program, as vitest's global setup builds it).
import ICAL from 'ical.js';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar } from '../helpers/run-radar';
import { tempFolder } from '../helpers/temp';

const LIBERTY = 'data/liberty-2015.yaml';
const INDRI = 'data/openstack-2027.1.yaml';
const IRC_MEETINGS = 'test/fixtures/irc-meetings/meetings';
const NOW = ['--now', '2015-08-11T21:44:57Z'];

const folder = tempFolder('radar-export-cli-');
const inFolder = (name: string) => join(folder, name);

function summaries(ics: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('summary')));
}

describe('radar export ics', () => {
  const run = radar(['export', 'ics', '-s', LIBERTY, ...NOW]);

  it('prints the calendar of the next 14 days of meetings and 180 of milestones, and exits 0', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const titles = summaries(run.stdout);
    expect(titles.filter((title) => title === 'Product WG meeting')).toHaveLength(1);
    expect(titles).toContain('liberty-3');
    expect(titles).toContain('Mitaka design summit');
  });

  it('is the same calendar whatever the display zone', () => {
    expect(radar(['export', 'ics', '-s', LIBERTY, ...NOW, '--tz', 'Asia/Kolkata']).stdout).toBe(run.stdout);
  });

  it('writes the calendar to a file with -o, and nothing to standard output', () => {
    const path = inFolder('liberty.ics');
    const written = radar(['export', 'ics', '-s', LIBERTY, ...NOW, '-o', path]);
    expect([written.code, written.stdout, written.stderr]).toEqual([0, '', '']);
    expect(readFileSync(path, 'utf8')).toBe(run.stdout);
  });

  it('applies --project and --days', () => {
    // Until 27 August: the mid-cycle, and the meeting of the 24th (the 17th is skipped).
    const narrow = radar(['export', 'ics', '-s', LIBERTY, ...NOW, '-p', 'product-wg', '--days', '16']);
    expect(summaries(narrow.stdout)).toEqual(['Product WG mid-cycle (Santa Clara)', 'Product WG meeting']);
  });

  it('still writes the calendar when one source fails, names the failure and exits 1', () => {
    const path = inFolder('partial.ics');
    const partial = radar(['export', 'ics', '-s', LIBERTY, '-s', 'no-such-file.yaml', ...NOW, '-o', path]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe('no-such-file.yaml: cannot read: no such file or folder\n');
    expect(readFileSync(path, 'utf8')).toBe(run.stdout);
  });

  it('writes nothing and exits 3 when no source loads, so a good calendar is never replaced by an empty one', () => {
    const path = inFolder('good.ics');
    writeFileSync(path, run.stdout);
    const failed = radar(['export', 'ics', '-s', 'no-such-file.yaml', ...NOW, '-o', path]);
    expect([failed.code, failed.stdout]).toEqual([3, '']);
    expect(readFileSync(path, 'utf8')).toBe(run.stdout);
  });

  it('says in one line when it cannot write the file, and exits 2', () => {
    const blocked = radar(['export', 'ics', '-s', LIBERTY, ...NOW, '-o', inFolder('no/such/folder/x.ics')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toBe(`radar: cannot write ${inFolder('no/such/folder/x.ics')}: no such folder\n`);
  });
});

describe('radar feed', () => {
  // --all brings every milestone and priority, whatever the window; meetings are those of the window.
  const LIBERTY_WINDOW = ['--now', '2015-05-01T00:00:00Z', '--all', '--days', '400'];
  const INDRI_WINDOW = ['--now', '2026-09-01T00:00:00Z', '--all', '--days', '400'];
  const listed = (sources: string[], what: string, window: string[]) => json(radar(['list', what, '--json', ...sources.flatMap((source) => ['-s', source]), ...window])).items;

  const libertyFeed = inFolder('liberty.json');
  const libertyRun = radar(['feed', LIBERTY, '-o', libertyFeed]);

  it('writes one format v1 document, with name and zone, to the file given with -o', () => {
    expect([libertyRun.code, libertyRun.stdout, libertyRun.stderr]).toEqual([0, '', '']);
    const feed = JSON.parse(readFileSync(libertyFeed, 'utf8'));
    expect([feed.version, feed.name, feed.zone]).toEqual([1, 'OpenStack Liberty (2015)', 'UTC']);
  });

  const merged = [LIBERTY, IRC_MEETINGS, INDRI];
  const mergedFeed = inFolder('merged.json');
  writeFileSync(mergedFeed, radar(['feed', ...merged]).stdout);

  for (const what of ['meetings', 'milestones', 'priorities', 'gaps']) {
    it(`lists the same ${what} as the Liberty demo it came from`, () => {
      const items = listed([libertyFeed], what, LIBERTY_WINDOW);
      expect(items.length).toBeGreaterThan(0);
      expect(items).toEqual(listed([LIBERTY], what, LIBERTY_WINDOW));
    });

    it(`lists the same ${what} as the sources it merged (Liberty, irc-meetings files, Indri)`, () => {
      const items = listed([mergedFeed], what, INDRI_WINDOW);
      expect(items.length).toBeGreaterThan(0);
      expect(items).toEqual(listed(merged, what, INDRI_WINDOW));
    });
  }

  it('with no source given or configured is a usage error, and writes nothing (never the demo data)', () => {
    const path = inFolder('demo.json');
    const run = radar(['feed', '-o', path]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^radar: radar feed needs a source[^\n]*\n$/);
    expect(existsSync(path)).toBe(false);
  });

  it('with no source given reads the configured sources', () => {
    const env = isolatedEnv();
    try {
      expect(radar(['config', 'set', 'sources', LIBERTY], { env }).code).toBe(0);
      const run = radar(['feed'], { env });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(radar(['feed', LIBERTY]).stdout);
    } finally {
      rmSync(env['HOME']!, { recursive: true, force: true });
    }
  });

  it('takes -s sources too', () => {
    expect(radar(['feed', '-s', LIBERTY]).stdout).toBe(radar(['feed', LIBERTY]).stdout);
  });

  it('still writes the feed when one source fails, and exits 1', () => {
    const run = radar(['feed', LIBERTY, 'no-such-file.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-file.yaml: cannot read');
    expect(run.stdout).toBe(radar(['feed', LIBERTY]).stdout);
  });

  it('writes nothing and exits 3 when no source loads', () => {
    const path = inFolder('never.json');
    const run = radar(['feed', 'no-such-file.yaml', '-o', path]);
    expect(run.code).toBe(3);
    expect(existsSync(path)).toBe(false);
  });

  it('warns when milestones from another zone cannot keep their exact moments', () => {
    const berlin = inFolder('berlin.yaml');
    writeFileSync(berlin, 'version: 1\nzone: Europe/Berlin\nmilestones: [{title: Berlin freeze, date: 2027-03-01}]\n');
    const run = radar(['feed', LIBERTY, berlin]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^radar: feed: 1 milestone written in Europe\/Berlin \(berlin-freeze\) is read in the feed's zone UTC/);
  });
});
