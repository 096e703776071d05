// Meetings imported from a calendar, exported again as the recurring events they were: a client
// subscribed to `radar export ics` (ical.js here, with only the file's own VTIMEZONEs) lists,
// years past `--days`, exactly what radar lists from the original calendar.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expandTimedEvents } from '../helpers/ical-expand';
import { isolatedEnv, json, radar, type ListedMeeting } from '../helpers/run-radar';

const USER = isolatedEnv();
const folder = mkdtempSync(join(tmpdir(), 'radar-export-calendar-'));
afterAll(() => {
  rmSync(USER['HOME']!, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

const DAY = 86_400_000;
const WEEKLY_BERLIN = 'test/fixtures/export/imported-weekly-berlin.ics';
const CALENDARS = 'test/fixtures/ical/collective-icalendar';

/** What radar lists from a source, the occurrences that take place. */
function listed(source: string, now: string, days: number) {
  const run = radar(['list', 'meetings', '--json', '-s', source, '--now', now, '--days', String(days)], { env: USER });
  expect(run.code).toBe(0);
  return (json(run).items as ListedMeeting[]).filter((item) => !item.skipped).map(({ title, start, end, where }) => ({ title, start, end, where }));
}

/** The export with the default `--days`, as a client expands it. */
function subscribed(source: string, now: string, days: number) {
  const run = radar(['export', 'ics', '-s', source, '--now', now], { env: USER });
  expect(run.code).toBe(0);
  const from = Date.parse(now);
  return { ics: run.stdout, occurrences: expandTimedEvents(run.stdout, from, from + days * DAY).map(({ title, start, end, where }) => ({ title, start, end, where })) };
}

describe('an imported weekly meeting in Europe/Berlin, exported with the default --days', () => {
  const now = '2026-01-01T00:00:00Z';

  test('a client lists two years of it as radar does: the EXDATE left out, the moved one moved, the cancelled one gone, 10:00 in Berlin across DST', () => {
    const { ics, occurrences } = subscribed(WEEKLY_BERLIN, now, 730);
    const expected = listed(WEEKLY_BERLIN, now, 730);
    expect(occurrences).toEqual(expected);
    // Counted by hand: Mondays from 5 January 2026 to 27 December 2027 are 104, less the EXDATE (28 December 2026) and the cancelled 26 October 2026.
    expect(occurrences).toHaveLength(102);
    expect(occurrences).toContainEqual({ title: 'Team sync (moved)', start: '2026-03-31T12:00:00.000Z', end: '2026-03-31T13:00:00.000Z', where: 'Room 7' });
    expect(occurrences).toContainEqual({ title: 'Team sync', start: '2026-07-06T08:00:00.000Z', end: '2026-07-06T08:45:00.000Z', where: 'Room 3' });
    expect(occurrences).toContainEqual({ title: 'Team sync', start: '2027-01-04T09:00:00.000Z', end: '2027-01-04T09:45:00.000Z', where: 'Room 3' });
    for (const gone of ['2026-03-30T08:00:00.000Z', '2026-10-26T09:00:00.000Z', '2026-12-28T09:00:00.000Z']) expect(occurrences.map((item) => item.start)).not.toContain(gone);
    // The imported UID, kept, for the series and its override.
    expect(ics.match(/^UID:team-sync-4711@example\.org\r$/gm)).toHaveLength(2);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260105T100000\r\n');
  });

  test('read back by radar, the export gives the same occurrences for two years', () => {
    const exported = join(folder, 'weekly.ics');
    expect(radar(['export', 'ics', '-s', WEEKLY_BERLIN, '--now', now, '-o', exported], { env: USER }).code).toBe(0);
    expect(listed(exported, now, 730)).toEqual(listed(WEEKLY_BERLIN, now, 730));
  });

  test('exported twice, a week apart, the events keep their UIDs', () => {
    const uids = (at: string) => [...subscribed(WEEKLY_BERLIN, at, 1).ics.matchAll(/^UID:(.*)\r$/gm)].map((match) => match[1]);
    expect(uids('2026-01-08T00:00:00Z')).toEqual(uids(now));
  });
});

describe('a zone only the file defines (Exchange)', () => {
  test('"GMT +0100 (Standard) / GMT +0200 (Daylight)": its VTIMEZONE is written again under its TZID, and a client lists the stand-ups radar lists', () => {
    const source = `${CALENDARS}/issue_165_missing_event.ics`;
    const now = '2015-07-01T00:00:00Z';
    const { ics, occurrences } = subscribed(source, now, 60);
    expect(ics).toContain('DTSTART;TZID=GMT +0100 (Standard) / GMT +0200 (Daylight):20150703T100000\r\n');
    expect(ics).toContain('TZID:GMT +0100 (Standard) / GMT +0200 (Daylight)\r\n');
    // Weekdays from Friday 3 July to Wednesday 22 July 2015 (UNTIL 08:00 UTC is 10:00 CEST): 14, at 08:00 UTC.
    expect(occurrences).toHaveLength(14);
    expect(occurrences[0]).toEqual({ title: 'Sprint 25 Daily Standup', start: '2015-07-03T08:00:00.000Z', end: '2015-07-03T08:30:00.000Z', where: null });
    expect(occurrences).toEqual(listed(source, now, 60));
  });
});

describe('RDATE periods of their own length', () => {
  test("khal's monthly meeting with RDATE periods: read back, the same occurrences with the same ends", () => {
    const source = `${CALENDARS}/issue_156_RDATE_with_PERIOD_TZID_khal_2.ics`;
    const now = '2021-10-01T00:00:00Z';
    const exported = join(folder, 'khal.ics');
    expect(radar(['export', 'ics', '-s', source, '--now', now, '-o', exported], { env: USER }).code).toBe(0);
    expect(listed(exported, now, 400)).toEqual(listed(source, now, 400));
    expect(
      expandTimedEvents(radar(['export', 'ics', '-s', source, '--now', now], { env: USER }).stdout, Date.parse(now), Date.parse(now) + 400 * DAY).map(({ title, start, end, where }) => ({
        title,
        start,
        end,
        where,
      })),
    ).toEqual(listed(source, now, 400));
  });
});

describe("OpenStack's published meeting calendar (yaml2ical: no UIDs, INTERVAL=2 rules)", () => {
  test('exported, a client lists a year of meetings exactly as radar lists them from the original', () => {
    const source = 'test/fixtures/ical/openstack-irc-meetings.ical';
    const now = '2026-12-01T00:00:00Z';
    const { occurrences } = subscribed(source, now, 365);
    const expected = listed(source, now, 365);
    expect(expected.length).toBeGreaterThan(50);
    expect(occurrences).toEqual(expected);
  });
});

describe('calendars edited by hand or by other programs', () => {
  const write = (name: string, lines: string[]) => {
    const file = join(folder, name);
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n'));
    return file;
  };

  test('an override of a time the rule no longer gives (the series moved from Tuesday to Wednesday after) still shows in a client', () => {
    const file = write('orphan.ics', [
      'BEGIN:VEVENT',
      'UID:review@example.org',
      'SUMMARY:Review',
      'DTSTART:20260107T150000Z',
      'DURATION:PT30M',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:review@example.org',
      'RECURRENCE-ID:20260113T150000Z',
      'SUMMARY:Review (extra)',
      'DTSTART:20260113T160000Z',
      'DURATION:PT30M',
      'END:VEVENT',
    ]);
    const now = '2026-01-01T00:00:00Z';
    const { occurrences } = subscribed(file, now, 60);
    // Six Wednesdays from 7 January, and the extra Tuesday review at 16:00.
    expect(occurrences.map((item) => `${item.start} ${item.title}`)).toEqual([
      '2026-01-07T15:00:00.000Z Review',
      '2026-01-13T16:00:00.000Z Review (extra)',
      '2026-01-14T15:00:00.000Z Review',
      '2026-01-21T15:00:00.000Z Review',
      '2026-01-28T15:00:00.000Z Review',
      '2026-02-04T15:00:00.000Z Review',
      '2026-02-11T15:00:00.000Z Review',
    ]);
    expect(occurrences).toEqual(listed(file, now, 60));
  });

  test('a zone with escape sequences in its name and observance: written without them, the same name for DTSTART and its VTIMEZONE', () => {
    const file = write('odd-zone.ics', [
      'BEGIN:VTIMEZONE',
      'TZID:Office \u001b[31mtime',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0300',
      'TZNAME:\u001b[2JOT',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:odd@example.org',
      'SUMMARY:Odd',
      'DTSTART;TZID="Office \u001b[31mtime":20260105T090000',
      'DURATION:PT1H',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'END:VEVENT',
    ]);
    const now = '2026-01-01T00:00:00Z';
    const { ics, occurrences } = subscribed(file, now, 30);
    expect(ics).not.toContain('\u001b');
    const tzid = /^TZID:(.*)\r$/m.exec(ics)![1]!;
    expect(tzid).toMatch(/^Office .*time$/);
    expect(ics).toContain(`DTSTART;TZID=${tzid}:20260105T090000\r\n`);
    expect(occurrences.map((item) => item.start)).toEqual(['2026-01-05T06:00:00.000Z', '2026-01-12T06:00:00.000Z', '2026-01-19T06:00:00.000Z']);
  });
});
