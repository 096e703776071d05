// iCalendar sources as a user meets them: in a folder beside YAML, on standard input, and
// exported by radar then read back (the built program).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isolatedEnv, json, radar, radarAsync } from '../helpers/run-radar';

const CALENDARS = 'test/fixtures/ical/collective-icalendar';
const KHAL = `${CALENDARS}/issue_156_RDATE_with_PERIOD_TZID_khal_2.ics`;
const folder = mkdtempSync(join(tmpdir(), 'radar-ical-cli-'));
// One home (config and cache folders) for the runs that need nothing of their own.
const shared = isolatedEnv();
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(shared.HOME!, { recursive: true, force: true });
});

type Item = { title: string; start: string; end: string; where: string | null };
const shape = (items: Item[]) => items.map(({ title, start, end, where }) => ({ title, start, end, where }));

describe('iCalendar sources', () => {
  test('a folder picks up *.ics and *.ical beside *.yaml: the Zurich sync and the YAML meeting are both listed', () => {
    writeFileSync(join(folder, 'team.yaml'), 'version: 1\nmeetings:\n  - {title: YAML standup, slots: [{day: monday, time: "09:00"}]}\n');
    copyFileSync(`${CALENDARS}/x_location.ics`, join(folder, 'sync.ics'));
    copyFileSync(`${CALENDARS}/issue_836_do_not_quote_tzid.ics`, join(folder, 'exchange.ical'));
    const run = radar(['list', 'meetings', '--json', '-s', folder, '--now', '2024-10-27T00:00:00Z', '--days', '2', '--tz', 'UTC'], { env: shared });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const titles = (json(run).items as Item[]).map((item) => `${item.start} ${item.title}`);
    expect(titles).toEqual(['2024-10-28T09:00:00.000Z YAML standup', '2024-10-28T13:00:00.000Z Daily Sync', '2024-10-28T21:00:00.000Z Anonymous Test Event for TZID']);
  });

  test('standard input is read by its content: `-s -` with a calendar', () => {
    const run = radar(['list', 'meetings', '--json', '-s', '-', '--now', '2021-10-01T00:00:00Z', '--days', '200', '--tz', 'UTC'], { input: readFileSync(KHAL, 'utf8'), env: shared });
    expect(run.code).toBe(0);
    expect((json(run).items as Item[]).map((item) => item.start)).toEqual(['2021-11-01T15:00:00.000Z', '2021-12-06T15:00:00.000Z', '2022-01-03T15:00:00.000Z', '2022-02-07T15:00:00.000Z']);
  });

  test('an event that cannot be read is a warning on validate (exit 0); the calendar still loads', () => {
    const run = radar(['validate', `${CALENDARS}/multiple_timezones.ics`], { env: shared });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain(`${CALENDARS}/multiple_timezones.ics:23:1: RDATE: warning: event "test-vtime-named-timezone"`);
  });

  test('`radar export ics` read back gives the same occurrences: start, end, title, place', () => {
    const source = `${CALENDARS}/rfc_7265_appendix_example_2_ical.ics`;
    const window = ['--now', '2006-01-01T00:00:00Z', '--days', '10', '--tz', 'UTC'];
    const original = radar(['list', 'meetings', '--json', '-s', source, ...window], { env: shared });
    const exported = join(folder, 'exported.ics');
    expect(radar(['export', 'ics', '-s', source, ...window, '-o', exported], { env: shared }).code).toBe(0);
    const readBack = radar(['list', 'meetings', '--json', '-s', exported, ...window], { env: shared });
    expect(readBack.code).toBe(0);
    expect(shape(json(original).items)).toHaveLength(6);
    expect(shape(json(readBack).items)).toEqual(shape(json(original).items));
  });

  test('`radar feed` writes a calendar event as one-off slots over --days, says so, and reads back with the same occurrences', () => {
    const source = `${CALENDARS}/x_location.ics`;
    const window = ['--now', '2016-10-27T00:00:00Z', '--days', '7', '--tz', 'UTC'];
    const feedPath = join(folder, 'feed.json');
    const feed = radar(['feed', source, ...window, '-o', feedPath], { env: shared });
    expect(feed.code).toBe(0);
    expect(feed.stderr).toContain('1 meeting from iCalendar sources is written as one-off slots from 2016-10-27T00:00:00.000Z to 2016-11-03T00:00:00.000Z');
    const written = JSON.parse(readFileSync(feedPath, 'utf8'));
    // Friday 28 October, then Monday to Wednesday (14:00 in Zurich, where the event is fixed).
    expect(written.meetings[0].slots.map((slot: { date: string; time: string }) => `${slot.date} ${slot.time}`)).toEqual([
      '2016-10-28 14:00',
      '2016-10-31 14:00',
      '2016-11-01 14:00',
      '2016-11-02 14:00',
    ]);
    const original = radar(['list', 'meetings', '--json', '-s', source, ...window], { env: shared });
    const readBack = radar(['list', 'meetings', '--json', '-s', feedPath, ...window], { env: shared });
    expect(shape(json(readBack).items)).toEqual(shape(json(original).items));
  });

  test('a remote feed is read by its content: a calendar served as application/json at a .json URL, with a BOM', async () => {
    const body = `\uFEFF${readFileSync(KHAL, 'utf8')}`;
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
      const run = await radarAsync(['list', 'meetings', '--json', '-s', url, '--now', '2021-10-01T00:00:00Z', '--days', '200', '--tz', 'UTC'], { env: shared });
      expect(run.stderr).toBe('');
      expect((json(run).items as Item[]).map((item) => item.start)).toEqual(['2021-11-01T15:00:00.000Z', '2021-12-06T15:00:00.000Z', '2022-01-03T15:00:00.000Z', '2022-02-07T15:00:00.000Z']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('the parsed-file cache serves a calendar again, and floating times without a zone follow --tz', () => {
    const path = join(folder, 'floating.ics');
    writeFileSync(
      path,
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:standup@example.org\r\nSUMMARY:Standup\r\nDTSTART:20260105T090000\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const env = isolatedEnv();
    const list = (zone: string) => radar(['list', 'meetings', '--json', '-s', path, '--now', '2026-01-04T00:00:00Z', '--days', '7', '--tz', zone], { env });
    const first = list('Europe/Berlin');
    const again = list('Europe/Berlin');
    expect(again.stdout).toBe(first.stdout);
    expect((json(first).items as Item[]).map((item) => item.start)).toEqual(['2026-01-05T08:00:00.000Z']);
    expect((json(list('America/New_York')).items as Item[]).map((item) => item.start)).toEqual(['2026-01-05T14:00:00.000Z']);
    expect((json(list('Europe/Berlin')).items as Item[]).map((item) => item.start)).toEqual(['2026-01-05T08:00:00.000Z']);
    rmSync(env.HOME!, { recursive: true, force: true });
  });

  test("a configured source's project and zone apply to a calendar: its events belong to the project, its floating times are in that zone", () => {
    const path = join(folder, 'team.ics');
    writeFileSync(path, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:sync@example.org\r\nSUMMARY:Team sync\r\nDTSTART:20260105T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const env = isolatedEnv();
    expect(radar(['config', 'set', 'sources', JSON.stringify({ source: path, project: 'nova', zone: 'Asia/Tokyo' })], { env }).code).toBe(0);
    const run = radar(['list', 'meetings', '--json', '--now', '2026-01-04T00:00:00Z', '--days', '7', '--tz', 'UTC'], { env });
    expect(run.stderr).toBe('');
    expect((json(run).items as (Item & { project: string | null })[]).map((item) => [item.start, item.project])).toEqual([['2026-01-05T00:00:00.000Z', 'nova']]);
    rmSync(env.HOME!, { recursive: true, force: true });
  });
});
