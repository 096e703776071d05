// Calendars as real clients write them, read through the shared text → outcome path, with the
// occurrences worked out by hand from each file (RFC 5545) and the zone rules in force.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromText } from '../../../src/load/from-text';
import { mergeDocuments } from '../../../src/load/merge';
import type { Schedule } from '../../../src/model/types';
import { calendarInstances } from '../../../src/time/calendar-recurrence';
import { NO_FILTER } from '../../../src/views/filters';
import { upcomingOccurrences } from '../../../src/views/meetings';

const FIXTURES = join(import.meta.dirname, '../../fixtures/ical');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function read(text: string, options: Parameters<typeof fromText>[5] = {}) {
  const outcome = fromText('test.ics', 'test.ics', text, null, null, options);
  const schedule: Schedule = mergeDocuments(outcome.documents).schedule;
  return { outcome, schedule, warnings: outcome.report.warnings, errors: outcome.report.errors };
}

function readFixture(name: string, options: Parameters<typeof fromText>[5] = {}) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const outcome = fromText(name, name, text, null, null, options);
  return { outcome, schedule: mergeDocuments(outcome.documents).schedule, warnings: outcome.report.warnings };
}

/** Every occurrence from `from` for `days`, as [start, end] ISO strings (skipped ones marked). */
function occurrences(schedule: Schedule, from: string, days: number): string[] {
  return upcomingOccurrences(schedule, Date.parse(from), days, NO_FILTER).map(
    (occurrence) => `${new Date(occurrence.start).toISOString().slice(0, 16)}/${new Date(occurrence.end).toISOString().slice(11, 16)}` + (occurrence.skipped ? ` skipped (${occurrence.reason})` : ''),
  );
}

const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('real calendars give the occurrences their files describe', () => {
  test("Exchange's custom 'GMT +0100 / GMT +0200' zone and BYDAY with spaces: the sprint stand-up meets weekdays at 10:00 CEST until 22 July", () => {
    const { schedule, warnings } = readFixture('collective-icalendar/issue_165_missing_event.ics');
    expect(warnings).toEqual([]);
    const days = ['03', '06', '07', '08', '09', '10', '13', '14', '15', '16', '17', '20', '21', '22'];
    expect(occurrences(schedule, '2015-07-01T00:00:00Z', 40)).toEqual(days.map((day) => `2015-07-${day}T08:00/08:30`));
    expect(schedule.meetings[0]!.title).toBe('Sprint 25 Daily Standup');
  });

  test("khal's RDATE periods in a VTIMEZONE-only zone: four 30-minute meetings at 16:00 CET (15:00 UTC)", () => {
    const { schedule } = readFixture('collective-icalendar/issue_156_RDATE_with_PERIOD_TZID_khal_2.ics');
    expect(occurrences(schedule, '2021-10-01T00:00:00Z', 200)).toEqual(['2021-11-01T15:00/15:30', '2021-12-06T15:00/15:30', '2022-01-03T15:00/15:30', '2022-02-07T15:00/15:30']);
    expect(schedule.meetings[0]!.chair).toBeNull();
  });

  test("RFC 7265's example: five daily noons in New York, a two-hour RDATE period, and 4 January moved to 14:00", () => {
    const { schedule } = readFixture('collective-icalendar/rfc_7265_appendix_example_2_ical.ics');
    expect(occurrences(schedule, '2006-01-01T00:00:00Z', 10)).toEqual([
      '2006-01-02T17:00/18:00',
      '2006-01-02T20:00/22:00',
      '2006-01-03T17:00/18:00',
      '2006-01-04T19:00/20:00',
      '2006-01-05T17:00/18:00',
      '2006-01-06T17:00/18:00',
    ]);
  });

  test("Exchange's Windows zone names are their IANA zones: 'Eastern Standard Time' in October is EDT, 'Pacific Standard Time' in February is PST", () => {
    expect(occurrences(readFixture('collective-icalendar/issue_836_do_not_quote_tzid.ics').schedule, '2024-10-28T00:00:00Z', 2)).toEqual(['2024-10-28T21:00/22:00']);
    const pacific = readFixture('collective-icalendar/timezone_same_start.ics').schedule;
    expect(occurrences(pacific, '2017-02-24T00:00:00Z', 2)).toEqual(['2017-02-24T20:00/20:30']);
    expect(pacific.meetings[0]!.zone).toBe('America/Los_Angeles');
  });

  test("zones named only by the file's VTIMEZONE follow its rules: New York in August (EDT) and Fiji in August (UTC+12)", () => {
    expect(occurrences(readFixture('collective-icalendar/america_new_york.ics').schedule, '2014-08-29T00:00:00Z', 1)).toEqual(['2014-08-29T12:00/14:00']);
    // Fiji's event has no DTEND nor DURATION: a moment.
    expect(occurrences(readFixture('collective-icalendar/pacific_fiji.ics').schedule, '2014-08-28T00:00:00Z', 2)).toEqual(['2014-08-28T20:00/20:00']);
  });

  test("Google's weekday sync in Zurich: 14:00 CEST on Friday 28 October 2016, 14:00 CET from Monday; the escaped address is read on one line, as every source's places are", () => {
    const { schedule } = readFixture('collective-icalendar/x_location.ics');
    expect(occurrences(schedule, '2016-10-27T00:00:00Z', 6)).toEqual(['2016-10-28T12:00/12:30', '2016-10-31T13:00/13:30', '2016-11-01T13:00/13:30']);
    expect(schedule.meetings[0]!.where).toBe('Roadstar 16 12764 Happyville Denmark');
  });

  test("Google's empty EXDATE;VALUE=DATE: is read as nothing: both all-day events give 3–23 March 2008 less the 11th", () => {
    const { schedule, warnings } = readFixture('collective-icalendar/parsing_error.ics');
    expect(warnings).toEqual([]);
    const days = schedule.milestones.map((milestone) => milestone.date);
    const expected = Array.from({ length: 21 }, (_, index) => `2008-03-${String(index + 3).padStart(2, '0')}`).filter((day) => day !== '2008-03-11');
    expect(days).toEqual([...expected, ...expected]);
    expect(schedule.milestones.every((milestone) => milestone.kind === 'event' && milestone.endDate === null)).toBe(true);
  });

  test('an RDATE written as a bare time (not allowed by RFC 5545) leaves its event out with a warning naming the UID and the line', () => {
    const { schedule, warnings } = readFixture('collective-icalendar/multiple_timezones.ics');
    expect(schedule.meetings).toEqual([]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^collective-icalendar\/multiple_timezones\.ics:23:1: RDATE: event "test-vtime-named-timezone": "083000" is not a date/);
  });
});

describe('every rule part, evaluated in wall-clock time', () => {
  const weekly = (rule: string, start = '20260105T090000') => read(calendar(...event('UID:r@x', 'SUMMARY:R', `DTSTART;TZID=Europe/Berlin:${start}`, 'DURATION:PT30M', `RRULE:${rule}`))).schedule;
  const starts = (schedule: Schedule, from: string, days: number) => occurrences(schedule, from, days).map((entry) => entry.slice(0, 16));

  test('the last Friday of each month at 09:00 Berlin, across the March DST change', () => {
    expect(starts(weekly('FREQ=MONTHLY;BYDAY=-1FR', '20260130T090000'), '2026-01-01T00:00:00Z', 100)).toEqual(['2026-01-30T08:00', '2026-02-27T08:00', '2026-03-27T08:00']);
    expect(starts(weekly('FREQ=MONTHLY;BYDAY=-1FR', '20260130T090000'), '2026-04-01T00:00:00Z', 30)).toEqual(['2026-04-24T07:00']);
  });

  test('BYSETPOS: the last weekday of the month', () => {
    expect(starts(weekly('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '20260130T090000'), '2026-01-01T00:00:00Z', 60)).toEqual(['2026-01-30T08:00', '2026-02-27T08:00']);
  });

  test('BYMONTH with BYMONTHDAY, BYYEARDAY, BYWEEKNO with WKST', () => {
    // DTSTART is always the first occurrence (RFC 5545), so each rule starts on one of its own days.
    expect(starts(weekly('FREQ=YEARLY;BYMONTH=2,6;BYMONTHDAY=15', '20260215T090000'), '2026-01-01T00:00:00Z', 365)).toEqual(['2026-02-15T08:00', '2026-06-15T07:00']);
    expect(starts(weekly('FREQ=YEARLY;BYYEARDAY=100', '20260410T090000'), '2026-01-01T00:00:00Z', 365)).toEqual(['2026-04-10T07:00']);
    // ISO week 20 of 2026 is 11–17 May; Monday of it.
    expect(starts(weekly('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=MO', '20260511T090000'), '2026-01-01T00:00:00Z', 365)).toEqual(['2026-05-11T07:00']);
  });

  test('a planning day on Monday of ISO weeks 2 and 10 meets every year, and a retro on Thursday of the last ISO week of each year', () => {
    // ISO week 2 starts 5 Jan 2026, 11 Jan 2027, 10 Jan 2028; week 10 starts 2 Mar 2026, 8 Mar 2027, 6 Mar 2028 (09:00 CET = 08:00 UTC).
    expect(starts(weekly('FREQ=YEARLY;BYWEEKNO=2,10;BYDAY=MO', '20260105T090000'), '2026-01-01T00:00:00Z', 800)).toEqual([
      '2026-01-05T08:00',
      '2026-03-02T08:00',
      '2027-01-11T08:00',
      '2027-03-08T08:00',
      '2028-01-10T08:00',
      '2028-03-06T08:00',
    ]);
    // 2026 has 53 ISO weeks (the last holds Thursday 31 Dec), 2027 and 2028 have 52 (Thursdays 30 and 28 Dec).
    expect(starts(weekly('FREQ=YEARLY;BYWEEKNO=-1;BYDAY=TH', '20261231T090000'), '2026-12-01T00:00:00Z', 800)).toEqual(['2026-12-31T08:00', '2027-12-30T08:00', '2028-12-28T08:00']);
    // COUNT counts DTSTART first, also when DTSTART is not one of the rule's days.
    expect(starts(weekly('FREQ=YEARLY;BYWEEKNO=2,10;BYDAY=MO;COUNT=3', '20260105T090000'), '2026-01-01T00:00:00Z', 800)).toEqual(['2026-01-05T08:00', '2026-03-02T08:00', '2027-01-11T08:00']);
    expect(starts(weekly('FREQ=YEARLY;BYWEEKNO=10;BYDAY=MO;COUNT=2', '20260105T090000'), '2026-01-01T00:00:00Z', 800)).toEqual(['2026-01-05T08:00', '2026-03-02T08:00']);
  });

  test('INTERVAL, COUNT and UNTIL', () => {
    expect(starts(weekly('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5'), '2026-01-01T00:00:00Z', 60)).toEqual([
      '2026-01-05T08:00',
      '2026-01-08T08:00',
      '2026-01-19T08:00',
      '2026-01-22T08:00',
      '2026-02-02T08:00',
    ]);
    // UNTIL in UTC, matched against the wall time in Berlin: 12 January 08:00 UTC is 09:00 there.
    expect(starts(weekly('FREQ=DAILY;UNTIL=20260112T080000Z;INTERVAL=7'), '2026-01-01T00:00:00Z', 60)).toEqual(['2026-01-05T08:00', '2026-01-12T08:00']);
  });

  test('EXDATE written in another zone, and RECURRENCE-ID in UTC, are matched after conversion', () => {
    const { schedule } = read(
      calendar(
        ...event(
          'UID:m@x',
          'SUMMARY:Team',
          'DTSTART;TZID=Europe/Berlin:20260105T090000',
          'DTEND;TZID=Europe/Berlin:20260105T100000',
          'RRULE:FREQ=WEEKLY',
          'EXDATE;TZID=America/New_York:20260112T030000',
        ),
        ...event('UID:m@x', 'RECURRENCE-ID:20260119T080000Z', 'SUMMARY:Team (moved)', 'LOCATION:Room 2', 'DTSTART;TZID=Europe/Berlin:20260120T150000', 'DTEND;TZID=Europe/Berlin:20260120T153000'),
        ...event('UID:m@x', 'RECURRENCE-ID;TZID=Europe/Berlin:20260126T090000', 'STATUS:CANCELLED', 'DTSTART;TZID=Europe/Berlin:20260126T090000'),
      ),
    );
    expect(occurrences(schedule, '2026-01-04T00:00:00Z', 28)).toEqual(['2026-01-05T08:00/09:00', '2026-01-20T14:00/14:30', '2026-01-26T08:00/09:00 skipped (cancelled)']);
    const moved = upcomingOccurrences(schedule, Date.parse('2026-01-20T00:00:00Z'), 1, NO_FILTER)[0]!;
    expect([moved.meeting.title, moved.where]).toEqual(['Team (moved)', 'Room 2']);
  });

  test('RANGE=THISANDFUTURE moves that occurrence and every later one; a cancelled master has none', () => {
    const { schedule } = read(
      calendar(
        ...event('UID:f@x', 'SUMMARY:Sync', 'DTSTART:20260105T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=4'),
        ...event('UID:f@x', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20260112T090000Z', 'SUMMARY:Sync (later)', 'DTSTART:20260112T110000Z', 'DURATION:PT2H'),
        ...event('UID:gone@x', 'SUMMARY:Gone', 'STATUS:CANCELLED', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=DAILY'),
      ),
    );
    expect(occurrences(schedule, '2026-01-04T00:00:00Z', 30)).toEqual(['2026-01-05T09:00/10:00', '2026-01-12T11:00/13:00', '2026-01-19T11:00/13:00', '2026-01-26T11:00/13:00']);
  });
});

describe('zones of floating times, and projects', () => {
  const floating = (...lines: string[]) => calendar(...lines, ...event('UID:fl@x', 'SUMMARY:F', 'DTSTART:20260701T090000', 'CATEGORIES:Nova,release'));

  test("floating times are in X-WR-TIMEZONE, else the source's zone, else the display zone", () => {
    expect(occurrences(read(floating('X-WR-TIMEZONE:Asia/Tokyo')).schedule, '2026-06-30T00:00:00Z', 2)).toEqual(['2026-07-01T00:00/00:00']);
    expect(occurrences(read(floating(), { zone: 'America/New_York' }).schedule, '2026-06-30T00:00:00Z', 2)).toEqual(['2026-07-01T13:00/13:00']);
    const byDisplay = read(floating(), { displayZone: 'Europe/London' });
    expect(occurrences(byDisplay.schedule, '2026-06-30T00:00:00Z', 2)).toEqual(['2026-07-01T08:00/08:00']);
    // That reading depends on --tz: a cached copy serves only that display zone.
    expect(byDisplay.outcome.displayZone).toBe('Europe/London');
    expect(read(floating('X-WR-TIMEZONE:Asia/Tokyo'), { displayZone: 'Europe/London' }).outcome.displayZone).toBeUndefined();
  });

  test("the source's project, else a CATEGORIES value naming a known project", () => {
    expect(read(floating(), { project: 'swift' }).schedule.meetings[0]!.project).toBe('swift');
    const withNova = mergeDocuments([...fromText('p.yaml', 'p.yaml', 'version: 1\nprojects: [{id: nova}]\n', null, null).documents, ...read(floating()).outcome.documents]).schedule;
    expect(withNova.meetings[0]!.project).toBe('nova');
    expect(read(floating()).schedule.meetings[0]!.project).toBeNull();
  });

  test('an all-day event over three days is one milestone window; a CATEGORIES value that is a kind sets its kind', () => {
    const { schedule } = read(calendar(...event('UID:ff@x', 'SUMMARY:Feature freeze', 'DTSTART;VALUE=DATE:20260302', 'DTEND;VALUE=DATE:20260305', 'CATEGORIES:freeze')));
    expect(schedule.milestones.map((milestone) => [milestone.id, milestone.kind, milestone.date, milestone.endDate])).toEqual([['ff-x', 'freeze', '2026-03-02', '2026-03-04']]);
  });
});

describe('tolerance', () => {
  test('an event with a bad date, an unknown TZID or a bad rule is a located warning; the others load', () => {
    const { schedule, warnings, errors } = read(
      calendar(
        ...event('UID:good@x', 'SUMMARY:Good', 'DTSTART:20260105T090000Z'),
        ...event('UID:date@x', 'DTSTART:2026-01-05'),
        ...event('UID:zone@x', 'DTSTART;TZID=Mars/Olympus:20260105T090000'),
        ...event('UID:rule@x', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=SOMETIMES'),
        'BEGIN:VTODO',
        'UID:todo@x',
        'DTSTART:20260105T090000Z',
        'END:VTODO',
      ),
    );
    expect(errors).toEqual([]);
    expect(schedule.meetings.map((meeting) => meeting.id)).toEqual(['good-x']);
    expect(warnings).toEqual([
      expect.stringMatching(/^test\.ics:10:1: DTSTART: event "date@x": "2026-01-05" is not a date-time; the event is left out$/),
      expect.stringMatching(/^test\.ics:14:1: DTSTART: event "zone@x": TZID "Mars\/Olympus" is neither/),
      expect.stringMatching(/^test\.ics:19:1: RRULE: event "rule@x": RRULE cannot be read/),
    ]);
  });

  test('a rule that can never match (ical.js would search for it forever) is a warning, in an event or in a VTIMEZONE', () => {
    const { schedule, warnings } = read(
      calendar(
        'BEGIN:VTIMEZONE',
        'TZID:Odd',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'END:VTIMEZONE',
        ...event('UID:never@x', 'DTSTART:20260105T090000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31'),
        ...event('UID:odd@x', 'DTSTART;TZID=Odd:20260105T090000'),
        ...event('UID:fine@x', 'DTSTART:20260105T090000Z'),
      ),
    );
    expect(schedule.meetings.map((meeting) => meeting.id)).toEqual(['fine-x']);
    expect(warnings).toEqual([
      expect.stringMatching(/^test\.ics:4:1: VTIMEZONE: Odd cannot be read \(FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 is not a yearly rule\)/),
      expect.stringMatching(/^test\.ics:15:1: RRULE: event "never@x": FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31 is not a rule radar can follow \(the rule matches no date\)/),
      expect.stringMatching(/^test\.ics:19:1: DTSTART: event "odd@x": TZID "Odd" is neither/),
    ]);
  });

  test('a rule that ical.js cannot follow, as a tampered parsed-file cache could hold, gives no dates for that rule, not an error', () => {
    const tampered = {
      zone: { kind: 'utc' as const },
      start: '2026-01-05T09:00:00',
      durationMs: 0,
      rules: ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31', 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1'],
      dates: [],
      exdates: [],
      exdays: [],
      overrides: [],
      cancelled: false,
    };
    const starts = calendarInstances(tampered, Date.parse('2026-01-04T00:00:00Z'), Date.parse('2026-01-20T00:00:00Z')).map((instance) => new Date(instance.start).toISOString());
    expect(starts).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-12T09:00:00.000Z', '2026-01-19T09:00:00.000Z']);
  });

  test('the same UID written twice without RECURRENCE-ID: the first event is kept and the second is a warning', () => {
    const { schedule, warnings } = read(calendar(...event('UID:twice@x', 'SUMMARY:First', 'DTSTART:20260105T090000Z'), ...event('UID:twice@x', 'SUMMARY:Second', 'DTSTART:20260106T090000Z')));
    expect(schedule.meetings.map((meeting) => meeting.title)).toEqual(['First']);
    expect(warnings).toEqual([expect.stringMatching(/^test\.ics:8:1: UID: event "twice@x" is written again \(first on line 3\) without a RECURRENCE-ID; this one is left out$/)]);
  });

  test('a BOM, LF line ends, folded lines and escaped text are read', () => {
    const text = `\uFEFF${calendar(...event('UID:folded@x', 'SUMMARY:Design\\, review\\; part 1\\nand 2', 'DTSTART:20260105T090000Z', 'LOCATION:#openstack-', ' meeting')).replace(/\r\n/g, '\n')}`;
    const meeting = read(text).schedule.meetings[0]!;
    expect([meeting.title, meeting.where]).toEqual(['Design, review; part 1 and 2', '#openstack-meeting']);
  });
});

test('terminal escapes in a calendar are removed as in any source; DESCRIPTION keeps its line breaks as notes', () => {
  const meeting = read(calendar(...event('UID:esc@x', 'SUMMARY:Bell\u001b]0;owned\u0007 rings', 'DESCRIPTION:first\\nsecond', 'DTSTART:20260105T090000Z'))).schedule.meetings[0]!;
  expect([meeting.title, meeting.notes]).toEqual(['Bell rings', 'first\nsecond']);
});

describe('cost', () => {
  const since = (start: string, rule: string) => read(calendar(...event('UID:w@x', 'SUMMARY:Weekly', `DTSTART:${start}`, 'DURATION:PT1H', `RRULE:${rule}`))).schedule.meetings[0]!.calendar!;
  const from = Date.parse('2027-03-01T00:00:00Z');

  // Both the direct path (plain weekly rule) and ical.js's iterator (BYSETPOS sends the rule there).
  test.each(['FREQ=WEEKLY;BYDAY=TH', 'FREQ=WEEKLY;BYDAY=TH;BYSETPOS=1'])('a %s meeting that started in 2008, asked about a week of 2027, costs no more than one that started last month', (rule) => {
    const old = { visited: 0 };
    const recent = { visited: 0 };
    const oldWeek = calendarInstances(since('20080103T150000Z', rule), from, from + 7 * DAY, old);
    const recentWeek = calendarInstances(since('20270204T150000Z', rule), from, from + 7 * DAY, recent);
    expect(oldWeek.map((instance) => new Date(instance.start).toISOString())).toEqual(['2027-03-04T15:00:00.000Z']);
    expect(recentWeek.map((instance) => instance.start)).toEqual(oldWeek.map((instance) => instance.start));
    expect(old.visited).toBeLessThanOrEqual(recent.visited);
    // The week asked plus a day and an hour either side: about ten days or a few instances, never 1,000 weeks.
    expect(old.visited).toBeLessThanOrEqual(12);
  });
});

describe('the calendar OpenStack publishes, read back against the irc-meetings file it was made from', () => {
  test("Nova: yaml2ical's INTERVAL=2 counts fortnights from 7 January 2016, the YAML counts ISO week parity; they part after each year of 53 ISO weeks (2020) and meet again after the next one (2026)", () => {
    const ical = readFixture('openstack-irc-meetings.ical').schedule;
    const yamlPath = join(FIXTURES, '../irc-meetings/meetings/nova-team-meeting.yaml');
    const yaml = mergeDocuments(fromText(yamlPath, yamlPath, readFileSync(yamlPath, 'utf8'), null, yamlPath).documents).schedule;
    const nova = (schedule: Schedule) =>
      new Map(
        upcomingOccurrences(schedule, Date.parse('2016-01-01T00:00:00Z'), 12 * 366, { projects: [], text: 'Nova Team Meeting' })
          .filter((occurrence) => occurrence.meeting.title === 'Nova Team Meeting')
          .map((occurrence) => [new Date(occurrence.start).toISOString().slice(0, 10), new Date(occurrence.start).toISOString().slice(11, 16)]),
      );
    const fromCalendar = nova(ical);
    const fromYaml = nova(yaml);
    // Every Thursday from the first meeting to the end of 2027 has exactly one meeting in each.
    expect(fromCalendar.size).toBe(fromYaml.size);
    const differing = [...fromYaml].filter(([day, time]) => fromCalendar.get(day) !== time).map(([day]) => day);
    // By hand: Thursdays from 7 January 2021 (week 1, after 2020's week 53) to 31 December 2026 (week 53).
    const thursdays: string[] = [];
    for (let day = Date.parse('2021-01-07T00:00:00Z'); day <= Date.parse('2026-12-31T00:00:00Z'); day += 7 * DAY) thursdays.push(new Date(day).toISOString().slice(0, 10));
    expect(differing).toEqual(thursdays);
    expect([fromCalendar.get('2026-12-24'), fromYaml.get('2026-12-24')]).toEqual(['21:00', '14:00']);
    expect([fromCalendar.get('2027-01-07'), fromYaml.get('2027-01-07')]).toEqual(['21:00', '21:00']);
  });
});

describe('odd calendars never crash the reader or the selector', () => {
  const LINES = [
    'DTSTART:20260105T090000Z',
    'DTSTART;TZID=Europe/Berlin:20260105T090000',
    'DTSTART;TZID=Nowhere/Land:20260105T090000',
    'DTSTART;VALUE=DATE:20260105',
    'DTSTART:2026',
    'DTSTART:',
    'DTEND:20260105T080000Z',
    'DTEND;VALUE=DATE:20260107',
    'DURATION:PT45M',
    'DURATION:-PT1H',
    'DURATION:banana',
    'RRULE:FREQ=WEEKLY',
    'RRULE:FREQ=MONTHLY;BYDAY=6MO',
    'RRULE:FREQ=YEARLY;BYYEARDAY=366;BYMONTH=2',
    'RRULE:FREQ=DAILY;COUNT=0',
    'RRULE:FREQ=WEEKLY;BYDAY=MO, TU;UNTIL=20260301',
    'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=-1',
    'RRULE:FREQ=HOURLY;INTERVAL=5000',
    'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31',
    'RRULE:FREQ=DAILY;INTERVAL=365;BYMONTH=1;BYMONTHDAY=5',
    'RRULE:',
    'EXDATE:20260112T090000Z',
    'EXDATE;VALUE=DATE:',
    'EXDATE:garbage',
    'RDATE;VALUE=PERIOD:20260110T090000Z/PT1H',
    'RDATE;VALUE=PERIOD:20260110T090000Z/20260109T090000Z',
    'RECURRENCE-ID:20260112T090000Z',
    'RECURRENCE-ID;RANGE=THISANDFUTURE:20260119T090000Z',
    'STATUS:CANCELLED',
    'SUMMARY:\u001b[2J wiped',
    'ORGANIZER;CN="":mailto:x',
    'CATEGORIES:,,,',
    'X-NOTHING;;;:',
    ';',
    'NO COLON HERE',
  ];
  test('random events built from odd lines load with warnings at most, and expand', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...LINES), { maxLength: 8 }), { maxLength: 5 }), (events) => {
        const text = calendar(...events.flatMap((lines, index) => event(`UID:e${index % 3}@x`, ...lines)));
        const { outcome, schedule } = read(text);
        expect(outcome.report.errors).toEqual([]);
        expect(() => upcomingOccurrences(schedule, Date.parse('2026-01-01T00:00:00Z'), 60, NO_FILTER)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
