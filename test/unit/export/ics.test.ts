import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, milestoneUid, scheduleToIcs, type IcsRequest } from '../../../src/export/ics';
import { expandTimedEvents } from '../../helpers/ical-expand';
import type { Schedule } from '../../../src/model/types';
import { addDays } from '../../../src/time/civil';
import { NO_FILTER } from '../../../src/views/filters';
import { upcomingOccurrences } from '../../../src/views/meetings';
import { milestonesInView } from '../../../src/views/milestones';
import { LIBERTY, loadSchedule, scratchFile, THREAD_NOW } from './schedules';

const DAY = 86_400_000;

interface ParsedEvent {
  uid: string;
  summary: string;
  allDay: boolean;
  /** Epoch ms for timed events, 'YYYY-MM-DD' for all-day ones. */
  start: number | string;
  end: number | string | null;
  location: string | null;
  description: string | null;
  url: string | null;
  categories: string[];
  stamp: number;
}

/** Reads a calendar with ical.js, an independent RFC 5545 parser. */
function parseCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const when = (time: ICAL.Time | null): number | string | null => (time === null ? null : time.isDate ? time.toString() : time.toUnixTime() * 1000);
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const hasEnd = component.hasProperty('dtend');
    return {
      uid: event.uid,
      summary: event.summary,
      allDay: event.startDate.isDate,
      start: when(event.startDate)!,
      end: hasEnd ? when(event.endDate) : null,
      location: event.location ?? null,
      description: event.description ?? null,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      categories: component.getAllProperties('categories').flatMap((property) => property.getValues() as string[]),
      stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toUnixTime() * 1000,
    };
  });
  return { calendar, events };
}

const request = (overrides: Partial<IcsRequest> = {}): IcsRequest => ({
  now: THREAD_NOW,
  meetingDays: 14,
  milestoneDays: 180,
  all: false,
  filter: NO_FILTER,
  ...overrides,
});

function octetsOfEachLine(text: string): number[] {
  return text.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8'));
}

/** A one-document schedule written for a test. */
async function scheduleOf(name: string, yaml: string): Promise<Schedule> {
  return loadSchedule(scratchFile(name, yaml));
}

describe('radar export ics of the Liberty demo on 11 August 2015', async () => {
  const schedule = await loadSchedule(LIBERTY);
  const text = scheduleToIcs(schedule, request());
  const { calendar, events } = parseCalendar(text);

  it('is an iCalendar 2.0 file named after the schedule', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/^-\/\/release-radar\/\/radar \d+\.\d+\.\d+\/\/EN$/);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('OpenStack Liberty (2015)');
  });

  // What a client subscribed to the file lists for the next 14 days (and the meeting in progress).
  const fortnight = expandTimedEvents(text, THREAD_NOW - DAY, THREAD_NOW + 14 * DAY).filter((event) => Date.parse(event.end) > THREAD_NOW);

  it('holds every meeting that takes place in the next 14 days, at the instants radar lists', () => {
    const expected = upcomingOccurrences(schedule, THREAD_NOW, 14, NO_FILTER).filter((occurrence) => !occurrence.skipped);
    expect(fortnight.map((event) => [event.title, Date.parse(event.start), Date.parse(event.end), event.where])).toEqual(
      expected.map((occurrence) => [occurrence.meeting.title, occurrence.start, occurrence.end, occurrence.where]),
    );
  });

  it('leaves out the Product WG meeting of 17 August, skipped for ops summit travel, and keeps the one of the 24th', () => {
    const productWg = fortnight.filter((event) => event.title === 'Product WG meeting');
    expect(productWg.map((event) => event.start)).toEqual(['2015-08-24T19:00:00.000Z']);
    expect(text).toContain('\r\nEXDATE:20150817T190000Z\r\n');
  });

  it('alternates the Nova meeting between 21:00 and 14:00 UTC, and says who chairs it and where the agenda is', () => {
    expect(fortnight.filter((event) => event.title === 'Nova Team Meeting').map((event) => event.start)).toEqual(['2015-08-13T21:00:00.000Z', '2015-08-20T14:00:00.000Z']);
    const nova = events.filter((event) => event.summary === 'Nova Team Meeting' && event.description!.includes('Fixed at 21:00'));
    expect(nova[0]!.description!.split('\n\n')[0]).toBe('Project: nova\nChair: Mikal Still & John Garbutt\nAgenda: https://wiki.openstack.org/wiki/Meetings/Nova\nFixed at 21:00 UTC (biweekly-odd)');
    expect(nova[0]!.url).toBe('https://wiki.openstack.org/wiki/Meetings/Nova');
    expect(nova[0]!.categories).toEqual(['meeting', 'nova']);
  });

  it('shows milestone windows as all-day events over their days, the end being the day after the last', () => {
    const rows = milestonesInView(schedule, { now: THREAD_NOW, days: 180, all: false, filter: NO_FILTER });
    const allDay = events.filter((event) => event.allDay);
    expect(allDay.map((event) => [event.summary, event.start, event.end])).toEqual(rows.map(({ milestone }) => [milestone.title, milestone.date, addDays(milestone.endDate ?? milestone.date!, 1)]));
    expect(allDay.map((event) => event.uid)).toEqual(rows.map((row) => milestoneUid(row.milestone)));
    const liberty3 = allDay.find((event) => event.summary === 'liberty-3')!;
    expect([liberty3.start, liberty3.end]).toEqual(['2015-09-01', '2015-09-04']);
  });

  it('describes a milestone with its kind, cycle week and notes, and links its page', () => {
    const freeze = events.find((event) => event.summary === 'Nova feature proposal freeze')!;
    expect(freeze.description).toBe(
      'Kind: deadline\nCycle: Liberty, week R-8\nProject: nova\n\nAll remaining Nova feature code must be up for review.\n\n' + 'https://wiki.openstack.org/wiki/Nova/Liberty_Release_Schedule',
    );
    expect(freeze.categories).toEqual(['deadline', 'nova']);
    expect(freeze.url).toBe('https://wiki.openstack.org/wiki/Nova/Liberty_Release_Schedule');
  });

  it('leaves out milestones already over (liberty-2 ended in July)', () => {
    expect(events.map((event) => event.summary)).not.toContain('liberty-2');
  });

  it('stamps every event with the moment of the export', () => {
    expect(new Set(events.map((event) => event.stamp))).toEqual(new Set([THREAD_NOW - (THREAD_NOW % 1000)]));
  });

  it('gives every event its own UID', () => {
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...octetsOfEachLine(text))).toBeLessThanOrEqual(75);
  });
});

describe('subscribed calendars update instead of duplicating', async () => {
  const schedule = await loadSchedule(LIBERTY);
  const firstExport = parseCalendar(scheduleToIcs(schedule, request())).events;
  const weekLater = parseCalendar(scheduleToIcs(schedule, request({ now: THREAD_NOW + 7 * DAY + 3_600_000 }))).events;

  it('keeps the UID of each meeting occurrence and milestone from one export to the next', () => {
    const both = firstExport.filter((event) => weekLater.some((later) => later.summary === event.summary && later.start === event.start));
    expect(both.length).toBeGreaterThan(5);
    for (const event of both) {
      expect(weekLater.find((later) => later.summary === event.summary && later.start === event.start)!.uid).toBe(event.uid);
    }
  });

  it('keeps a milestone UID when the milestone moves, so the calendar entry moves with it', async () => {
    const yaml = (date: string) => `version: 1\ncycles: [{id: liberty, release: 2015-10-15}]\nmilestones:\n  - {title: liberty-3, date: ${date}, cycle: liberty}\n`;
    const before = parseCalendar(scheduleToIcs(await scheduleOf('moves-before.yaml', yaml('2015-09-01')), request())).events;
    const after = parseCalendar(scheduleToIcs(await scheduleOf('moves-after.yaml', yaml('2015-09-03')), request())).events;
    expect(before[0]!.uid).toBe('liberty-3@liberty.milestones.release-radar');
    expect(after[0]!.uid).toBe(before[0]!.uid);
    expect(after[0]!.start).toBe('2015-09-03');
  });

  it('tells apart two meetings whose ids only differ where the date begins', async () => {
    const schedule = await scheduleOf(
      'lookalikes.yaml',
      [
        'version: 1',
        'meetings:',
        '  - {id: team, title: Team, slots: [{day: wednesday, time: "10:00"}]}',
        '  - {id: team-20150812t1000, title: Lookalike, slots: [{day: wednesday, time: "10:00"}]}',
        '',
      ].join('\n'),
    );
    const uids = parseCalendar(scheduleToIcs(schedule, request({ meetingDays: 7 }))).events.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('one event per meeting and moment', () => {
  it('writes a slot given twice as one event, so no UID appears twice', async () => {
    const schedule = await scheduleOf('twice.yaml', 'version: 1\nmeetings:\n  - {title: Team, slots: [{day: wednesday, time: "10:00"}, {day: Wednesday, time: "10:00", where: "#elsewhere"}]}\n');
    const text = scheduleToIcs(schedule, request({ meetingDays: 7 }));
    expect(parseCalendar(text).events.map((event) => event.uid)).toEqual(['team-we1000-weekly@meetings.release-radar']);
    expect(expandTimedEvents(text, THREAD_NOW, THREAD_NOW + 7 * DAY).map((event) => event.start)).toEqual(['2015-08-12T10:00:00.000Z']);
  });
});

describe('meetings in their own time zone', async () => {
  // Sunday 25 October 2026 ends summer time in Berlin: a 10:00 meeting moves from 08:00 to 09:00 UTC.
  const schedule = await scheduleOf(
    'berlin.yaml',
    [
      'version: 1',
      'zone: Europe/Berlin',
      'meetings:',
      '  - title: Berlin sync',
      '    slots: [{day: thursday, time: "10:00"}]',
      '  - title: Tokyo sync',
      '    zone: Asia/Tokyo',
      '    duration: 30',
      '    slots: [{day: friday, time: "09:00", frequency: once, date: 2026-10-23}]',
      '',
    ].join('\n'),
  );
  const { events } = parseCalendar(scheduleToIcs(schedule, request({ now: Date.UTC(2026, 9, 19), meetingDays: 14 })));

  it('lists each occurrence at its exact UTC instant, across the end of summer time', () => {
    const text = scheduleToIcs(schedule, request({ now: Date.UTC(2026, 9, 19), meetingDays: 14 }));
    const expanded = expandTimedEvents(text, Date.UTC(2026, 9, 19), Date.UTC(2026, 10, 2));
    expect(expanded.filter((event) => event.title === 'Berlin sync').map((event) => event.start)).toEqual(['2026-10-22T08:00:00.000Z', '2026-10-29T09:00:00.000Z']);
  });

  it('takes the duration of the meeting and says which zone its time is fixed in', () => {
    const tokyo = events.find((event) => event.summary === 'Tokyo sync')!;
    expect([new Date(tokyo.start).toISOString(), new Date(tokyo.end as number).toISOString()]).toEqual(['2026-10-23T00:00:00.000Z', '2026-10-23T00:30:00.000Z']);
    expect(tokyo.description).toBe('Fixed at 09:00 Asia/Tokyo (once)');
  });

  it('writes the recurring meeting in its own zone with a VTIMEZONE, and the one-off at its UTC instant', () => {
    const text = scheduleToIcs(schedule, request({ now: Date.UTC(2026, 9, 19) }));
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20250102T100000\r\n');
    expect(text).not.toContain('Asia/Tokyo\r\n');
    expect(text).toContain('DTSTART:20261023T000000Z\r\n');
  });
});

describe('what is in view', async () => {
  const liberty = await loadSchedule(LIBERTY);

  it('looks --days ahead for milestones, but never cuts a recurring meeting short', () => {
    const text = scheduleToIcs(liberty, request({ meetingDays: 3, milestoneDays: 3 }));
    const { events } = parseCalendar(text);
    expect(events.filter((event) => event.allDay)).toEqual([]);
    // A year later the Product WG still meets on Mondays at 19:00 UTC.
    const later = expandTimedEvents(text, Date.UTC(2016, 7, 1), Date.UTC(2016, 7, 8)).filter((event) => event.title === 'Product WG meeting');
    expect(later.map((event) => event.start)).toEqual(['2016-08-01T19:00:00.000Z']);
  });

  it('keeps only the chosen projects, plus cross-project milestones', () => {
    const { calendar, events } = parseCalendar(scheduleToIcs(liberty, request({ filter: { projects: ['nova'], text: '' } })));
    const meetings = new Set(events.filter((event) => !event.allDay).map((event) => event.summary));
    expect(meetings).toEqual(new Set(['Nova Team Meeting']));
    const milestones = events.filter((event) => event.allDay).map((event) => event.summary);
    expect(milestones).toContain('liberty-3');
    expect(milestones).not.toContain('Product WG mid-cycle (Santa Clara)');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('OpenStack Liberty (2015): nova');
  });

  it('includes past milestones with --all', () => {
    const { events } = parseCalendar(scheduleToIcs(liberty, request({ all: true })));
    expect(events.map((event) => event.summary)).toContain('liberty-1');
  });

  it('writes an exact milestone as a timed event, and a window from an exact moment up to the end of its last day', async () => {
    const schedule = await scheduleOf(
      'exact.yaml',
      [
        'version: 1',
        'zone: America/New_York',
        'milestones:',
        '  - {title: Final RC deadline, at: "2015-09-24T17:00", kind: deadline}',
        '  - {title: Voting, at: "2015-09-01T12:00Z", end: 2015-09-02, kind: event}',
        '',
      ].join('\n'),
    );
    const { events } = parseCalendar(scheduleToIcs(schedule, request()));
    const deadline = events.find((event) => event.summary === 'Final RC deadline')!;
    expect([deadline.allDay, new Date(deadline.start).toISOString(), deadline.end]).toEqual([false, '2015-09-24T21:00:00.000Z', null]);
    const voting = events.find((event) => event.summary === 'Voting')!;
    expect([new Date(voting.start).toISOString(), new Date(voting.end as number).toISOString()]).toEqual(['2015-09-01T12:00:00.000Z', '2015-09-03T04:00:00.000Z']);
  });

  it('is still a calendar when nothing is in view', async () => {
    const schedule = await scheduleOf('quiet.yaml', 'version: 1\nmilestones: [{title: Kilo release, date: 2015-04-30}]\n');
    const text = scheduleToIcs(schedule, request());
    const { calendar, events } = parseCalendar(text);
    expect(calendar.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });
});

describe('text that needs escaping and folding', async () => {
  const schedule = await scheduleOf(
    'tricky.yaml',
    [
      'version: 1',
      'milestones:',
      '  - title: "Freeze; strings, docs \\\\ translations"',
      '    date: 2015-08-20',
      '    notes: "First line, with a comma;\\nsecond line\\r\\nthird line"',
      '  - id: rc-deadline-ja',
      '    title: リリース候補の締め切り。翻訳チームと文書チームは、この日までにすべての変更を提出してください。',
      '    date: 2015-08-21',
      '    notes: "🚀 Launch 🚀 with emoji that take four octets each, 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀"',
      'meetings:',
      '  - title: Docs; translations, and more',
      '    where: "#openstack-meeting, or the video call"',
      '    slots: [{day: wednesday, time: "16:00"}]',
      '',
    ].join('\n'),
  );
  const text = scheduleToIcs(schedule, request({ meetingDays: 7 }));
  const { events } = parseCalendar(text);

  it('escapes semicolons, commas, backslashes and line breaks, and reads back as written', () => {
    expect(text).toContain('SUMMARY:Freeze\\; strings\\, docs \\\\ translations');
    const freeze = events.find((event) => event.summary.startsWith('Freeze'))!;
    expect(freeze.summary).toBe('Freeze; strings, docs \\ translations');
    expect(freeze.description).toBe('Kind: milestone\nCross-project\n\nFirst line, with a comma;\nsecond line\nthird line');
    const meeting = events.find((event) => !event.allDay)!;
    expect([meeting.summary, meeting.location]).toEqual(['Docs; translations, and more', '#openstack-meeting, or the video call']);
  });

  it('folds a Japanese title at 75 octets without cutting a character, and ical.js unfolds it to the original', () => {
    const title = 'リリース候補の締め切り。翻訳チームと文書チームは、この日までにすべての変更を提出してください。';
    const lines = text.split('\r\n');
    const start = lines.findIndex((line) => line.startsWith('SUMMARY:リリース'));
    const folded = [lines[start]!, ...lines.slice(start + 1).filter((_, index, rest) => rest.slice(0, index + 1).every((line) => line.startsWith(' ')))];
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A cut character would not survive a UTF-8 round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    expect(events.map((event) => event.summary)).toContain(title);
  });

  it('keeps four-octet emoji whole across folds', () => {
    const launch = events.find((event) => event.description?.includes('Launch'))!;
    expect(launch.description).toContain('🚀 Launch 🚀 with emoji that take four octets each, 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀');
    expect(Math.max(...octetsOfEachLine(text))).toBeLessThanOrEqual(75);
  });
});

describe('the building blocks', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    const line75 = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line75)).toBe(line75);
    expect(foldLine(`${line75}y`)).toBe(`${line75}\r\n y`);
  });

  it('moves a three-octet character that would straddle the 75th octet to the next line', () => {
    const folded = foldLine(`${'x'.repeat(74)}é漢`);
    // 74 + 2 (é) = 76 > 75: é goes to the continuation, which starts with a space.
    expect(folded).toBe(`${'x'.repeat(74)}\r\n é漢`);
  });

  it('escapes TEXT as RFC 5545 says and drops control characters TEXT cannot hold', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\tkept, bell\u0007 dropped')).toBe('tab\tkept\\, bell dropped');
  });
});
