// A calendar to subscribe to: `radar export ics` expanded by ical.js (an independent
// calendar library, using only the file's own VTIMEZONEs) must list exactly the meetings
// `radar list meetings --json` lists, for years, across ISO week 53 of 2026 and 2032 and
// the daylight-saving changes of Berlin, New York and Lord Howe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTimedEvents } from '../helpers/ical-expand';
import { isolatedEnv, json, radar, type ListedMeeting } from '../helpers/run-radar';

/** One user for the whole file, whose folders are removed afterwards. */
const USER = isolatedEnv();
afterAll(() => rmSync(USER['HOME']!, { recursive: true, force: true }));

const SUBSCRIBE = 'test/fixtures/export/subscribe.yaml';
const DAY = 86_400_000;

/** What radar lists from `now` for `days`, as the calendar should show it. */
function listed(now: string, days: number): { title: string; start: string; end: string; where: string | null }[] {
  const items = json(radar(['list', 'meetings', '--json', '-s', SUBSCRIBE, '--now', now, '--days', String(days)], { env: USER })).items as ListedMeeting[];
  return items.filter((item) => !item.skipped).map(({ title, start, end, where }) => ({ title, start, end, where }));
}

function expanded(ics: string, now: string, days: number) {
  const from = Date.parse(now);
  return expandTimedEvents(ics, from, from + days * DAY).map(({ title, start, end, where }) => ({ title, start, end, where }));
}

describe('radar export ics, expanded by ical.js, lists what radar lists', () => {
  // One export, made in January 2026 with the default --days: recurring events are not limited by it.
  const exported = radar(['export', 'ics', '-s', SUBSCRIBE, '--now', '2026-01-15T00:00:00Z'], { env: USER });

  it('exports without a complaint', () => {
    expect([exported.code, exported.stderr]).toEqual([0, '']);
  });

  it.each([
    ['five years from January 2026 (week 53 of 2026, five DST changes in each zone)', '2026-01-15T00:00:00Z', 5 * 365 + 1],
    ['2032 to 2033, across week 53 of 2032', '2032-01-01T00:00:00Z', 2 * 365 + 1],
    ['the year 2040', '2040-01-01T00:00:00Z', 366],
  ])('%s', (_what, from, days) => {
    // The one-off Kick-off is written only within --days of the export: leave it to its own test.
    const expected = listed(from, days).filter((item) => item.title !== 'Kick-off');
    const got = expanded(exported.stdout, from, days).filter((item) => item.title !== 'Kick-off');
    expect(expected.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
  });

  it('meets two weeks in a row at week 53 of 2026, as radar says (yaml2ical INTERVAL=2 would drift)', () => {
    const berlin = expanded(exported.stdout, '2026-12-01T00:00:00Z', 60).filter((item) => item.title === 'Berlin release sync');
    // Thursdays of odd ISO weeks at 15:00 CET (14:00 UTC): weeks 49, 51, 53, then 1 and 3 of 2027.
    expect(berlin.map((item) => item.start)).toEqual(['2026-12-03T14:00:00.000Z', '2026-12-17T14:00:00.000Z', '2026-12-31T14:00:00.000Z', '2027-01-07T14:00:00.000Z', '2027-01-21T14:00:00.000Z']);
  });

  it('leaves out the skipped QA meeting of 23 March 2027 (EXDATE) and keeps 11:00 in New York across DST', () => {
    const qa = expanded(exported.stdout, '2027-03-01T00:00:00Z', 40).filter((item) => item.title === 'New York QA meeting');
    // Even ISO weeks: 9 March (week 10, EST, 16:00 UTC), 23 March skipped, 6 April (week 14, EDT, 15:00 UTC).
    expect(qa.map((item) => [item.start, item.end])).toEqual([
      ['2027-03-09T16:00:00.000Z', '2027-03-09T16:45:00.000Z'],
      ['2027-04-06T15:00:00.000Z', '2027-04-06T15:45:00.000Z'],
    ]);
    expect(exported.stdout).toContain('EXDATE;TZID=America/New_York:20270323T110000\r\n');
  });

  it('follows Lord Howe half an hour at a time (UTC+11 in summer, UTC+10:30 in winter)', () => {
    const lordHowe = expanded(exported.stdout, '2026-01-01T00:00:00Z', 365).filter((item) => item.title === 'Lord Howe docs hour');
    // Week 2 (mod 4) Mondays at 09:00: 5 January 2026 is in week 2 (LHDT, 22:00 UTC the day before);
    // 25 May 2026 is in week 22 (LHST, 22:30 UTC the day before).
    expect(lordHowe.map((item) => item.start)).toContain('2026-01-04T22:00:00.000Z');
    expect(lordHowe.map((item) => item.start)).toContain('2026-05-24T22:30:00.000Z');
  });

  it('writes one VTIMEZONE per zone, with its transitions, and TZIDs on the recurring events', () => {
    const zones = [...exported.stdout.matchAll(/^TZID:(.*)\r$/gm)].map((match) => match[1]);
    expect(zones).toEqual(['America/New_York', 'Australia/Lord_Howe', 'Europe/Berlin']);
    // Berlin springs forward at 02:00 CET on 29 March 2026, from +0100 to +0200.
    expect(exported.stdout).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n');
    // Lord Howe falls back at 02:00 LHDT on 5 April 2026, by half an hour.
    expect(exported.stdout).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\n');
    expect(exported.stdout).toMatch(/DTSTART;TZID=Europe\/Berlin:20250102T150000\r\nDURATION:PT60M\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T140000Z\r\n/);
  });

  it('writes a one-off meeting only within --days, at its UTC instant', () => {
    const kickOff = (days: string) =>
      expanded(radar(['export', 'ics', '-s', SUBSCRIBE, '--now', '2026-01-15T00:00:00Z', '--days', days], { env: USER }).stdout, '2026-01-15T00:00:00Z', 60).filter(
        (item) => item.title === 'Kick-off',
      );
    expect(kickOff('14')).toEqual([]);
    expect(kickOff('60').map((item) => item.start)).toEqual(['2026-02-20T13:00:00.000Z']);
  });

  it('keeps every UID from one export to the next, and no UID twice', () => {
    const uids = (text: string) => [...text.matchAll(/^UID:(.*)\r$/gm)].map((match) => match[1]);
    const later = radar(['export', 'ics', '-s', SUBSCRIBE, '--now', '2026-06-30T12:00:00Z'], { env: USER });
    expect(uids(later.stdout)).toEqual(uids(exported.stdout));
    expect(new Set(uids(exported.stdout)).size).toBe(uids(exported.stdout).length);
  });
});

describe('calendar programs import the export', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-ics-clients-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'radar.ics');
  writeFileSync(file, radar(['export', 'ics', '-s', SUBSCRIBE, '--now', '2026-12-20T00:00:00Z'], { env: USER }).stdout);
  const installed = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

  it('khal lists the Berlin release sync of 31 December 2026 and 7 January 2027 (where khal is installed)', () => {
    if (!installed('khal')) {
      console.log('khal is not installed (apt-get install khal): the khal import was not tried');
      return;
    }
    const home = join(folder, 'khal');
    const config = join(home, 'config');
    spawnSync('mkdir', ['-p', join(home, 'calendar')]);
    writeFileSync(
      config,
      `[calendars]\n[[radar]]\npath = ${join(home, 'calendar')}\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\ndefault_timezone = UTC\nlocal_timezone = UTC\n[default]\ndefault_calendar = radar\n`,
    );
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: home, TZ: 'UTC' };
    const imported = spawnSync('khal', ['-c', config, 'import', '--batch', '-a', 'radar', file], { encoding: 'utf8', env });
    expect(imported.stderr).not.toMatch(/error|Traceback/i);
    const listing = spawnSync('khal', ['-c', config, 'list', '--format', '{start} {title}', '2026-12-28', '2027-01-10'], { encoding: 'utf8', env });
    const berlin = listing.stdout.split('\n').filter((line) => line.includes('Berlin release sync'));
    expect(berlin).toEqual(['2026-12-31 14:00 Berlin release sync', '2027-01-07 14:00 Berlin release sync']);
  });

  it('calcurse imports it and lists the Berlin release sync of 31 December 2026 and 7 January 2027 (where calcurse is installed)', () => {
    if (!installed('calcurse')) {
      console.log('calcurse is not installed (apt-get install calcurse): the calcurse import was not tried');
      return;
    }
    const home = join(folder, 'calcurse');
    spawnSync('mkdir', ['-p', home]);
    const env = { ...process.env, HOME: home, TZ: 'UTC' };
    const imported = spawnSync('calcurse', ['-D', home, '-i', file], { encoding: 'utf8', env });
    expect(imported.stdout).toMatch(/ 0 skipped/);
    expect(imported.status).toBe(0);
    // calcurse -Q prints each day as "MM/DD/YY:", then " - HH:MM -> HH:MM" and the title on the next line.
    const listing = spawnSync('calcurse', ['-D', home, '-Q', '--from', '12/28/2026', '--days', '14'], { encoding: 'utf8', env }).stdout.split('\n');
    const berlin: string[] = [];
    let day = '';
    listing.forEach((line, index) => {
      if (/^\d\d\/\d\d\/\d\d:$/.test(line)) day = line;
      if (line.trim() === 'Berlin release sync') berlin.push(`${day} ${listing[index - 1]!.trim()}`);
    });
    expect(berlin).toEqual(['12/31/26: - 14:00 -> 15:00', '01/07/27: - 14:00 -> 15:00']);
  });
});
