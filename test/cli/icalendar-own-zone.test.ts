// Meetings in a zone only their calendar file defines (as Exchange writes them) are shown at
// their own clock time: in the IANA zone whose rules the file's zone follows, else at the
// offset each occurrence actually has, never at UTC's clock.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { isolatedEnv, radar } from '../helpers/run-radar';

const USER = isolatedEnv();
afterAll(() => rmSync(USER['HOME']!, { recursive: true, force: true }));

const EXCHANGE = 'test/fixtures/ical/collective-icalendar/issue_165_missing_event.ics';

describe('"GMT +0100 (Standard) / GMT +0200 (Daylight)", Exchange\'s name for Central European time', () => {
  test("radar next, read in UTC, gives the stand-up's own time as 10:00 CEST", () => {
    const run = radar(['next', '-s', EXCHANGE, '--now', '2015-07-01T00:00:00Z', '--tz', 'UTC'], { env: USER });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('Sprint 25 Daily Standup in 2d 8h — Fri 08:00 UTC (10:00 CEST)');
  });

  test('radar list meetings shows 10:00 CEST in the Own zone column, from Tokyo too', () => {
    const run = radar(['list', 'meetings', '-s', EXCHANGE, '--now', '2015-07-01T00:00:00Z', '--days', '4', '--tz', 'Asia/Tokyo'], { env: USER });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Fri 3 Jul 17:00 JST +10:00 CEST +in 2d 8h +Sprint 25 Daily Standup$/m);
  });
});

describe('a customized zone that follows no IANA zone (the US rules before 2007, in 2026)', () => {
  // Daylight time from the first Sunday of April, not the second Sunday of March as New York now has it.
  const file = 'test/fixtures/dashboard/customized-zone.ics';

  test('each occurrence is at 09:00 at the offset the file gives it: GMT-5 through March, GMT-4 from 5 April', () => {
    const run = radar(['list', 'meetings', '-s', file, '--now', '2026-03-01T00:00:00Z', '--days', '60', '--tz', 'UTC'], { env: USER });
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/ {2,}/g, '|'));
    expect(rows).toEqual([
      'Mon 2 Mar 14:00 UTC|09:00 GMT-5|in 1d 14h|Ops review',
      'Mon 9 Mar 14:00 UTC|09:00 GMT-5|in 8d 14h|Ops review',
      'Mon 16 Mar 14:00 UTC|09:00 GMT-5|in 15d 14h|Ops review',
      'Mon 23 Mar 14:00 UTC|09:00 GMT-5|in 22d 14h|Ops review',
      'Mon 30 Mar 14:00 UTC|09:00 GMT-5|in 29d 14h|Ops review',
      'Mon 6 Apr 13:00 UTC|09:00 GMT-4|in 36d 13h|Ops review',
      'Mon 13 Apr 13:00 UTC|09:00 GMT-4|in 43d 13h|Ops review',
      'Mon 20 Apr 13:00 UTC|09:00 GMT-4|in 50d 13h|Ops review',
    ]);
  });

  test('radar next names the offset too', () => {
    const run = radar(['next', '-s', file, '--now', '2026-04-01T00:00:00Z', '--tz', 'Europe/London'], { env: USER });
    expect(run.stdout.trim()).toBe('Ops review in 5d 13h — Mon 14:00 BST (09:00 GMT-4)');
  });
});
