import { describe, expect, test } from 'vitest';
import { ircMeetingsAdapter } from '../../../src/load/adapters/irc-meetings';
import { weekdayNumber } from '../../../src/time/civil';
import { occurrenceDates, type Frequency } from '../../../src/time/recurrence';
import { adaptFixture, errorsOf, onlyMeeting, readFixture, v1Problems, warningsOf } from './read-fixture';

const adapt = (subPath: string) => adaptFixture(subPath, ircMeetingsAdapter);

/** The days a slot of an adapted meeting meets in [from, to]. */
function meetingDays(slot: Record<string, any>, from: string, to: string): string[] {
  return occurrenceDates(
    {
      day: weekdayNumber(slot.day),
      frequency: slot.frequency as Frequency,
      interval: 1,
      week: String(slot.frequency).startsWith('first-') ? 1 : null,
      date: null,
      start: slot.start ?? null,
      until: slot.until ?? null,
    },
    from,
    to,
  );
}

/** A real meeting file with some of its values changed, as a user's edit might. */
function edited(subPath: string, edit: (file: Record<string, any>) => void) {
  const fixture = readFixture(subPath);
  const file = structuredClone(fixture.value) as Record<string, any>;
  edit(file);
  return ircMeetingsAdapter.adapt({ value: file, filePath: fixture.filePath, readSibling: () => null, project: null, zone: null });
}

const MEETING_FILES = [
  'irc-meetings/meetings/nova-team-meeting.yaml',
  'irc-meetings/meetings/technical-committee-meeting.yaml',
  'irc-meetings/meetings/cloudkitty-team-meeting.yaml',
  'irc-meetings/meetings/designate-dnsaas-meeting.yaml',
  'irc-meetings/meetings/upgrades-sig.yaml',
  'irc-meetings/meetings/chef-openstack-team-meeting.yaml',
  'irc-meetings/meetings/doc-team-meeting.yaml',
  'irc-meetings/meetings/swift-team-meeting.yaml',
  'irc-meetings/meetings/interop-wg-meeting.yaml',
  'irc-meetings/meetings/publiccloud-wg-meeting.yaml',
];
const HISTORICAL_FILES = [
  'irc-meetings/sample.yaml',
  'irc-meetings/history/2015-06-16_74ad5c3/nova-team-meeting.yaml',
  'irc-meetings/history/2015-06-12_0781413/openstack-product-team.yaml',
  'irc-meetings/history/2015-08-21_da04787/openstack-product-wg.yaml',
  'irc-meetings/history/2015-11-10_131ee1a/openstack-product-wg.yaml',
  'irc-meetings/history/2017-01-31_cae61ca/openstack-product-wg.yaml',
  'irc-meetings/history/2016-04-12_6328326/third-party-meeting.yaml',
  'irc-meetings/history/2016-01-06_bad8c72/openstack-cross-project-meeting.yaml',
  'irc-meetings/history/2016-09-29_7d11466/arch-working-group-meeting.yaml',
  'yaml2ical/meetings/example2.yaml',
  'yaml2ical/meetings/example3.yaml',
];

describe('irc-meetings meeting files', () => {
  test('the Nova meeting alternates Thursdays: 21:00 on odd ISO weeks from 7 January 2016, 14:00 on even weeks from 14 January', () => {
    const output = adapt('irc-meetings/meetings/nova-team-meeting.yaml');
    const nova = onlyMeeting(output);
    expect(nova).toMatchObject({
      id: 'nova-team-meeting',
      title: 'Nova Team Meeting',
      chair: 'Eric Fried (efried)',
      agenda: 'https://wiki.openstack.org/wiki/Meetings/Nova',
      where: '#openstack-meeting',
    });
    expect(nova.slots).toEqual([
      { day: 'Thursday', time: '14:00', frequency: 'biweekly-even', start: '2016-01-14' },
      { day: 'Thursday', time: '21:00', frequency: 'biweekly-odd', start: '2016-01-07' },
    ]);
    expect(output.document.zone).toBe('UTC');
    expect(meetingDays(nova.slots[0], '2016-01-01', '2016-01-31')).toEqual(['2016-01-14', '2016-01-28']);
    expect(meetingDays(nova.slots[1], '2016-01-01', '2016-01-31')).toEqual(['2016-01-07', '2016-01-21']);
    expect(output.diagnostics).toEqual([]);
  });

  test('the third-party meeting skips the Austin summit, with the reason the file gives', () => {
    const meeting = onlyMeeting(adapt('irc-meetings/history/2016-04-12_6328326/third-party-meeting.yaml'));
    expect(meeting.id).toBe('third-party-meeting');
    expect(meeting.slots[0].skip).toContainEqual({ date: '2016-04-25', reason: 'Austin Summit' });
    expect(meeting.slots[1].skip).toContainEqual({ date: '2016-04-26', reason: 'Austin Summit' });
    expect(meeting.slots[0].skip).toHaveLength(4);
    expect(meetingDays(meeting.slots[0], '2016-04-18', '2016-05-02')).toContain('2016-04-25');
  });

  test("yaml2ical's example3 writes '600' for six in the morning: it becomes 06:00, in a 45-minute meeting", () => {
    const meeting = onlyMeeting(adapt('yaml2ical/meetings/example3.yaml'));
    expect(meeting.slots.map((slot: { time: string }) => slot.time)).toEqual(['17:00', '06:00']);
    expect(meeting.duration).toBe(45);
  });

  test('the Product WG file of 21 August 2015 has agenda_url twice: the parser warns, the last one is the agenda, the adapter is content', () => {
    const output = adapt('irc-meetings/history/2015-08-21_da04787/openstack-product-wg.yaml');
    expect(output.parserWarnings.map((warning) => warning.path)).toEqual([['agenda_url']]);
    const meeting = onlyMeeting(output);
    expect(meeting.agenda).toBe('https://wiki.openstack.org/wiki/Meetings/product-team');
    expect(meeting.slots).toEqual([{ day: 'Monday', time: '20:00', frequency: 'weekly' }]);
    expect(output.diagnostics).toEqual([]);
  });

  test('the Chef OpenStack meeting meets ad hoc: its slots are listed with frequency adhoc', () => {
    const meeting = onlyMeeting(adapt('irc-meetings/meetings/chef-openstack-team-meeting.yaml'));
    expect(meeting.slots.map((slot: { frequency: string }) => slot.frequency)).toEqual(['adhoc', 'adhoc']);
    expect(meeting.where).toBe('#openstack-chef');
  });

  test('Designate alternates every two weeks through a four-week rotation: quadweekly at 11:00, quadweekly-alternate at 17:00', () => {
    const meeting = onlyMeeting(adapt('irc-meetings/meetings/designate-dnsaas-meeting.yaml'));
    expect(meeting.slots.map((slot: { time: string; frequency: string }) => [slot.time, slot.frequency])).toEqual([
      ['11:00', 'quadweekly'],
      ['17:00', 'quadweekly-alternate'],
    ]);
    // ISO weeks 24 and 26 of 2018: 24 mod 4 = 0, 26 mod 4 = 2.
    expect(meetingDays(meeting.slots[0], '2018-06-06', '2018-07-01')).toEqual(['2018-06-13']);
    expect(meetingDays(meeting.slots[1], '2018-06-06', '2018-07-01')).toEqual(['2018-06-27']);
  });

  test('the TC meets on the first Thursday of the month, as the file says', () => {
    const meeting = onlyMeeting(adapt('irc-meetings/meetings/technical-committee-meeting.yaml'));
    expect(meeting.slots[0]).toMatchObject({ frequency: 'first-thursday', start: '2018-10-04', time: '14:00' });
    // yaml2ical's calendar started a month late (the start_date is itself a first Thursday); the spec does not.
    expect(meetingDays(meeting.slots[0], '2018-10-01', '2018-11-30')).toEqual(['2018-10-04', '2018-11-01']);
  });

  test("the Architecture WG's end_date, which yaml2ical ignored, ends its weekly slot on 29 September 2016", () => {
    const meeting = onlyMeeting(adapt('irc-meetings/history/2016-09-29_7d11466/arch-working-group-meeting.yaml'));
    expect(meeting.slots[0]).toMatchObject({ frequency: 'weekly', start: '2016-09-08', until: '2016-09-29' });
    expect(meetingDays(meeting.slots[0], '2016-09-01', '2016-10-31')).toEqual(['2016-09-08', '2016-09-15', '2016-09-22', '2016-09-29']);
  });

  test('the Doc team meets for 30 minutes; a schedule entry that says otherwise is pointed out where it says so', () => {
    expect(onlyMeeting(adapt('irc-meetings/meetings/doc-team-meeting.yaml')).duration).toBe(30);
    const output = edited('irc-meetings/meetings/doc-team-meeting.yaml', (file) => {
      file.schedule[1].duration = 45;
    });
    expect(onlyMeeting(output).duration).toBe(30);
    expect(warningsOf(output)).toEqual([expect.objectContaining({ path: ['schedule', 1, 'duration'], message: expect.stringContaining('one duration per meeting, 30 minutes') })]);
    expect(errorsOf(output)).toEqual([]);
  });

  test('a meeting whose entries use different channels keeps a channel per slot', () => {
    const output = edited('irc-meetings/meetings/swift-team-meeting.yaml', (file) => {
      file.schedule[1].irc = 'openstack-swift';
    });
    const meeting = onlyMeeting(output);
    expect(meeting.where).toBeUndefined();
    expect(meeting.slots.map((slot: { where: string }) => slot.where)).toEqual(['#openstack-meeting', '#openstack-swift']);
  });

  test('a file without meeting_id names its meeting after the file', () => {
    const meeting = onlyMeeting(adapt('yaml2ical/meetings/example2.yaml'));
    expect(meeting.id).toBe('example2');
    expect(meeting.title).toBe('Example Start Date Team Meeting');
    expect(meeting.slots[0]).toMatchObject({ time: '16:00', start: '2015-08-01' });
  });

  test('the meetings of a meetings/ folder get distinct ids, so none replaces another when the folder is loaded', () => {
    const ids = MEETING_FILES.map((file) => onlyMeeting(adapt(file)).id);
    expect(new Set(ids).size).toBe(MEETING_FILES.length);
  });

  test.each([...MEETING_FILES, ...HISTORICAL_FILES])('%s adapts into a valid format v1 document without errors', (file) => {
    const output = adapt(file);
    expect(errorsOf(output)).toEqual([]);
    expect(v1Problems(output)).toEqual([]);
  });

  test("a time of '2561' is one located error, in the source format's own terms; the slot is left out rather than failing again in v1", () => {
    const output = edited('irc-meetings/meetings/nova-team-meeting.yaml', (file) => {
      file.schedule[0].time = '2561';
    });
    expect(errorsOf(output)).toEqual([{ path: ['schedule', 0, 'time'], severity: 'error', message: `"2561" is not a time (HHMM in UTC, e.g. '1400')` }]);
    expect(onlyMeeting(output).slots).toHaveLength(1);
    expect(v1Problems(output)).toEqual([]);
  });

  test('a start_date of 20151340 is a located error naming the expected form', () => {
    const output = edited('irc-meetings/meetings/nova-team-meeting.yaml', (file) => {
      file.schedule[1].start_date = 20151340;
    });
    expect(errorsOf(output)).toEqual([{ path: ['schedule', 1, 'start_date'], severity: 'error', message: '20151340 is not a date (YYYYMMDD, e.g. 20160107)' }]);
  });

  test('a bad skip_date is located on that skip_date; the other skips of the slot stay', () => {
    const output = edited('irc-meetings/history/2016-04-12_6328326/third-party-meeting.yaml', (file) => {
      file.schedule[0].skip_dates[1].skip_date = 'Barcelona';
    });
    expect(errorsOf(output).map((error) => error.path)).toEqual([['schedule', 0, 'skip_dates', 1, 'skip_date']]);
    expect(onlyMeeting(output).slots[0].skip).toHaveLength(3);
  });

  test('a frequency yaml2ical does not know is a located error that lists the ones it does', () => {
    const output = edited('irc-meetings/meetings/swift-team-meeting.yaml', (file) => {
      file.schedule[0].frequency = 'fortnightly';
    });
    const [error] = errorsOf(output);
    expect(error?.path).toEqual(['schedule', 0, 'frequency']);
    expect(error?.message).toMatch(/^"fortnightly" is not a frequency irc-meetings knows \(one of weekly, biweekly-odd, .*adhoc/);
  });

  test('problems the v1 validation finds point back into the meeting file', () => {
    const output = edited('irc-meetings/meetings/nova-team-meeting.yaml', (file) => {
      file.schedule[1].day = 'Thorsday';
      file.agenda_url = ['not', 'a', 'url'];
    });
    expect(output.diagnostics).toEqual([]);
    expect(v1Problems(output).map((problem) => problem.path)).toEqual(expect.arrayContaining([['schedule', 1, 'day'], ['agenda_url']]));
  });

  test('a typo in a schedule entry key is a located warning, as unknown keys are in format v1', () => {
    const output = edited('irc-meetings/meetings/interop-wg-meeting.yaml', (file) => {
      file.schedule[0].skip_date = 20160113;
    });
    expect(warningsOf(output)).toEqual([expect.objectContaining({ path: ['schedule', 0, 'skip_date'], message: expect.stringMatching(/^unknown key/) })]);
  });
});
