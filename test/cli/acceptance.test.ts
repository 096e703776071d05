// The acceptance trial of issue 10 ("every community's calendar"): what a new user tried from
// the outside, through the built program, with expectations worked out by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expandTimedEvents } from '../helpers/ical-expand';
import { isolatedEnv, json, radar, ROOT } from '../helpers/run-radar';

const folder = mkdtempSync(join(tmpdir(), 'radar-acceptance-'));
const home = isolatedEnv();
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(home.HOME!, { recursive: true, force: true });
});

type Item = { meeting: string; title: string; start: string };

describe("OpenStack's published calendar, whose events have no UID", () => {
  const published = readFileSync(join(ROOT, 'test/fixtures/ical/openstack-irc-meetings.ical'), 'utf8');
  const meetingsOf = (text: string, name: string): Map<string, string> => {
    const file = join(folder, name);
    writeFileSync(file, text);
    const run = radar(['list', 'meetings', '--json', '-s', file, '--now', '2019-06-03T00:00:00Z', '--days', '28'], { env: home });
    expect(run.code).toBe(0);
    return new Map((json(run).items as Item[]).map((item) => [item.meeting, item.title]));
  };

  test('names each meeting after its title, and keeps those ids when the feed adds an event above them', () => {
    const before = meetingsOf(published, 'before.ical');
    expect(before.get('nova-team-meeting')).toBe('Nova Team Meeting');
    // yaml2ical writes a meeting that alternates between two times as two events.
    expect(before.get('nova-team-meeting-2')).toBe('Nova Team Meeting');
    expect(before.get('cloudkitty-team-meeting')).toBe('CloudKitty Team Meeting');

    const added = ['BEGIN:VEVENT', 'SUMMARY:Brand New SIG', 'DTSTART;VALUE=DATE-TIME:20190604T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY', 'END:VEVENT', ''].join('\r\n');
    const after = meetingsOf(published.replace('BEGIN:VEVENT', `${added}BEGIN:VEVENT`), 'after.ical');
    expect(after.get('brand-new-sig')).toBe('Brand New SIG');
    after.delete('brand-new-sig');
    expect(after).toEqual(before);
  });
});

describe('a calendar cut short (a download that stopped half-way)', () => {
  test('the complete events load; the cut one is a warning naming its UID, not a meeting missing the lines it lost', () => {
    const file = join(folder, 'cut.ics');
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:whole@x', 'SUMMARY:Whole', 'DTSTART:20260105T100000Z', 'END:VEVENT'];
    // The cut event still has its DTSTART; its EXDATE for 6 January was in the part that never came.
    writeFileSync(file, [...lines, 'BEGIN:VEVENT', 'UID:cut@x', 'SUMMARY:Cut', 'RRULE:FREQ=DAILY', 'DTSTART:20260105T110000Z', ''].join('\r\n'));
    const run = radar(['list', 'meetings', '--json', '-s', file, '--now', '2026-01-05T00:00:00Z', '--days', '2'], { env: home });
    expect(run.code).toBe(0);
    const listed = json(run);
    expect((listed.items as Item[]).map((item) => `${item.title} ${item.start}`)).toEqual(['Whole 2026-01-05T10:00:00.000Z']);
    expect(listed.sources[0].warnings).toEqual([`${file}:8:1: event "cut@x": the text ends before END:VEVENT (cut short?); the event is left out`]);
  });
});

describe('radar presets', () => {
  test("says a schedule.rst is read beside OpenStack's releases schedule only, never beside Kubernetes' schedule.yaml, which has none", () => {
    const run = radar(['presets'], { env: home });
    expect(run.code).toBe(0);
    const kubernetes = run.stdout.slice(run.stdout.indexOf('@kubernetes'), run.stdout.indexOf('\n@', run.stdout.indexOf('@kubernetes')));
    expect(kubernetes).toBe('@kubernetes\n  https://raw.githubusercontent.com/kubernetes/website/main/data/releases/schedule.yaml');
    expect(run.stdout).toContain(
      '/doc/source/{development-series}/schedule.yaml\n    {development-series}: the series whose status is "development" in the preset\'s series_status.yaml, read when the sources load\n    with the schedule.rst beside it, for the milestones\' titles\n',
    );
  });
});

describe('a rule by the second (FREQ=SECONDLY), as a calendar may hold', () => {
  test('does not take radar down: the next occurrence is the next whole second', () => {
    const file = join(folder, 'every-second.ics');
    writeFileSync(
      file,
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:tick@x', 'SUMMARY:Tick', 'DTSTART:20000101T000000Z', 'RRULE:FREQ=SECONDLY', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
    const run = radar(['next', '--json', '-s', file, '--now', '2026-06-01T00:00:30.500Z', '--days', '1'], { env: home });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(json(run).item).toMatchObject({ title: 'Tick', start: '2026-06-01T00:00:31.000Z', end: '2026-06-01T00:00:31.000Z' });
  });
});

describe('rules that started in 2008, in a zone named as Outlook names it and in one only the file defines', () => {
  // Berlin's rules as Exchange writes them; ical.js (independent of radar's jump-ahead) walks each rule from 2008.
  const berlin = (tzid: string) => [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
  const rules = [
    ['20080102', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['20080131', 'FREQ=MONTHLY;BYMONTHDAY=31'],
    ['20080212', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU'],
    ['20080106', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,TU;WKST=SU'],
    ['20080106', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,TU;WKST=MO'],
    ['20080101', 'FREQ=DAILY;INTERVAL=7'],
    ['20080101', 'FREQ=DAILY;BYHOUR=9,15;BYMINUTE=0,30'],
    ['20080107', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1,-1'],
    ['20080101', 'FREQ=YEARLY;BYMONTH=1,2;BYDAY=-1FR'],
    ['20080101', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=13,14,15,16,17'],
    ['20081231', 'FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=5'],
    ['20080101', 'FREQ=MONTHLY;BYDAY=-2FR'],
    ['20080101', 'FREQ=MONTHLY;BYDAY=5TH'],
  ];
  const calendarIn = (tzid: string) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...berlin(tzid),
      ...rules.flatMap(([date, rule], index) => ['BEGIN:VEVENT', `UID:rule-${index}@x`, `SUMMARY:${rule}`, `DTSTART;TZID="${tzid}":${date}T100000`, 'DURATION:PT45M', `RRULE:${rule}`, 'END:VEVENT']),
      'END:VCALENDAR',
      '',
    ].join('\r\n');

  for (const tzid of ['W. Europe Standard Time', 'Berlin; custom (Exchange)']) {
    test(`"${tzid}": every occurrence of January and February 2026 is the one ical.js finds walking from 2008`, () => {
      const text = calendarIn(tzid);
      const file = join(folder, 'rules-2008.ics');
      writeFileSync(file, text);
      const run = radar(['list', 'meetings', '--json', '-s', file, '--now', '2026-01-01T00:00:00Z', '--days', '59'], { env: home });
      expect(run.code).toBe(0);
      const listed = json(run);
      expect(listed.sources[0].warnings).toEqual([]);
      const reference = expandTimedEvents(text, Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-03-01T00:00:00Z'));
      expect(reference.length).toBeGreaterThan(250);
      expect((listed.items as (Item & { end: string })[]).map(({ title, start, end }) => ({ title, start, end }))).toEqual(reference.map(({ title, start, end }) => ({ title, start, end })));
    });
  }
});
