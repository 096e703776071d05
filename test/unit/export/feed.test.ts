import { describe, expect, it } from 'vitest';
import { feedText, feedZone, formatMoment, scheduleToFeed } from '../../../src/export/feed';
import { DocumentSchema } from '../../../src/model/schema';
import { INDRI, IRC_MEETINGS, LIBERTY, listedItems, load, loadSchedule, scratchFile } from './schedules';

const at = (iso: string) => Date.parse(iso);

/** Writes the feed of `sources` to a file and reads it back as radar would. */
async function roundTrip(...sources: string[]) {
  const schedule = await loadSchedule(...sources);
  const feed = scheduleToFeed(schedule);
  const path = scratchFile(`feed-${Math.random().toString(36).slice(2)}.json`, feedText(feed));
  const reread = await load(path);
  return { schedule, feed, path, reread, fed: reread.schedule };
}

// A schedule that uses every key and every shorthand of format v1, in a zone other than UTC.
const EVERY_FIELD = [
  'version: 1',
  'name: Every field',
  'zone: America/Chicago',
  'roles: [release, {id: docs, name: Documentation, projects: [nova]}]',
  'projects:',
  '  - id: nova',
  '    name: Nova',
  '    url: https://example.org/nova',
  '    liaisons: {release: Jane Doe (jdoe), docs: ~}',
  '  - id: swift',
  '    liaisons: {release: [TBD, ""]}',
  'cycles:',
  '  - {id: liberty, name: Liberty, start: 2015-05-18, release: 2015-10-15}',
  '  - {id: mitaka, release: 2016-04-07}',
  'milestones:',
  '  - {title: liberty-3, date: 2015-09-01, end: 2015-09-03, cycle: liberty}',
  '  - {title: Final RC deadline, at: "2015-10-08T17:00", kind: deadline, cycle: liberty, project: [nova, swift], url: https://example.org/rc, notes: "Last call;\\nreally."}',
  '  - {id: vote, title: TC election vote, at: "2015-09-30T23:45:00Z", end: 2015-10-02, kind: event}',
  'meetings:',
  '  - title: Nova Team Meeting',
  '    project: nova',
  '    where: "#openstack-meeting"',
  '    chair: Jane Doe',
  '    agenda: https://example.org/agenda',
  '    duration: 45',
  '    slots:',
  '      - {day: Thursday, time: "14:00", frequency: biweekly-even, skip: [2015-08-20, {date: 2015-09-03, reason: feature freeze}]}',
  '      - {day: thursday, time: "21:00", frequency: biweekly-odd, where: "#openstack-meeting-alt"}',
  '  - title: Docs office hours',
  '    zone: Asia/Tokyo',
  '    slots:',
  '      - {day: tuesday, time: "09:00", frequency: weekly, interval: 3, start: 2015-06-02, until: 2015-12-31}',
  '      - {time: "10:00", frequency: first-wednesday}',
  '      - {day: friday, time: "08:00", frequency: monthly, week: -1}',
  '      - {time: "11:00", frequency: once, date: 2015-09-09}',
  '      - {day: monday, time: "12:00", frequency: biweekly, start: 2015-08-03}',
  '      - {day: monday, time: "13:00", frequency: quadweekly-alternate}',
  '      - {day: sunday, time: "02:30", frequency: adhoc}',
  'priorities:',
  '  - {title: Cells V2, project: nova, cycle: liberty, status: in-progress, owner: Andrew Laski (alaski), rank: 1, url: https://example.org/cells, notes: Cells.}',
  '  - {title: Live migration, project: nova, status: no-plan}',
  '  - {title: Quotas, owner: [A, B], rank: -2, status: done}',
  '',
].join('\n');

describe('a feed reads back as the same schedule', () => {
  const cases: [string, string[], string, number][] = [
    ['the Liberty demo', [LIBERTY], '2015-05-01T00:00:00Z', 400],
    ['the 2027.1 Indri demo', [INDRI], '2026-08-01T00:00:00Z', 400],
    ['a folder of irc-meetings files', [IRC_MEETINGS], '2015-06-01T00:00:00Z', 365 * 5],
    ['the Liberty demo, the irc-meetings folder and the Indri demo merged', [LIBERTY, IRC_MEETINGS, INDRI], '2015-06-01T00:00:00Z', 365 * 13],
    ['a schedule using every key and shorthand, in Chicago', [scratchFile('every-field.yaml', EVERY_FIELD)], '2015-01-01T00:00:00Z', 400],
  ];

  for (const [name, sources, now, days] of cases) {
    it(`gives the same list items for ${name}`, async () => {
      const { schedule, reread, fed } = await roundTrip(...sources);
      expect(reread.reports.flatMap((report) => report.errors)).toEqual([]);
      const before = listedItems(schedule, at(now), days);
      const after = listedItems(fed, at(now), days);
      expect(before.meetings.length + before.milestones.length + before.priorities.length).toBeGreaterThan(10);
      expect(after).toEqual(before);
    });
  }

  it('validates against the format v1 zod schema, with no unknown key and no warning', async () => {
    const { feed, reread } = await roundTrip(LIBERTY, IRC_MEETINGS, INDRI);
    expect(DocumentSchema.safeParse(feed.document).success).toBe(true);
    expect(reread.reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(feed.warnings).toEqual([]);
  });

  it('is the same feed when fed its own output', async () => {
    const { feed, path } = await roundTrip(LIBERTY, IRC_MEETINGS);
    const again = scheduleToFeed(await loadSchedule(path));
    expect(feedText(again)).toBe(feedText(feed));
  });
});

describe('every default made explicit', async () => {
  const { feed } = await roundTrip(scratchFile('every-field-explicit.yaml', EVERY_FIELD));
  const document = feed.document;

  it('writes the version, the name and the zone', () => {
    expect([document.version, document.name, document.zone]).toEqual([1, 'Every field', 'America/Chicago']);
  });

  it('writes roles and projects in their long form, names included', () => {
    expect(document.roles).toEqual([
      { id: 'release', name: 'release' },
      { id: 'docs', name: 'Documentation', projects: ['nova'] },
    ]);
    expect(document.projects).toEqual([
      { id: 'nova', name: 'Nova', url: 'https://example.org/nova', liaisons: { release: ['Jane Doe (jdoe)'], docs: [] } },
      { id: 'swift', name: 'swift', liaisons: { release: ['TBD', ''] } },
    ]);
  });

  it('writes each milestone with its id and kind, and an exact one with its offset', () => {
    expect(document.milestones).toEqual([
      { id: 'liberty-3', title: 'liberty-3', date: '2015-09-01', end: '2015-09-03', kind: 'milestone', cycle: 'liberty' },
      {
        id: 'final-rc-deadline',
        title: 'Final RC deadline',
        at: '2015-10-08T17:00:00-05:00',
        kind: 'deadline',
        cycle: 'liberty',
        project: ['nova', 'swift'],
        url: 'https://example.org/rc',
        notes: 'Last call;\nreally.',
      },
      { id: 'vote', title: 'TC election vote', at: '2015-09-30T18:45:00-05:00', end: '2015-10-02', kind: 'event' },
    ]);
  });

  it('writes each meeting with its zone and duration, and each slot with day, frequency, interval and skips', () => {
    const [nova, docs] = document.meetings;
    expect(nova).toEqual({
      id: 'nova-team-meeting',
      title: 'Nova Team Meeting',
      project: 'nova',
      zone: 'America/Chicago',
      duration: 45,
      where: '#openstack-meeting',
      chair: 'Jane Doe',
      agenda: 'https://example.org/agenda',
      slots: [
        {
          day: 'thursday',
          time: '14:00',
          frequency: 'biweekly-even',
          skip: [{ date: '2015-08-20' }, { date: '2015-09-03', reason: 'feature freeze' }],
        },
        { day: 'thursday', time: '21:00', frequency: 'biweekly-odd', skip: [], where: '#openstack-meeting-alt' },
      ],
    });
    expect(docs!.zone).toBe('Asia/Tokyo');
    expect(docs!.duration).toBe(60);
    expect(docs!.slots).toEqual([
      { day: 'tuesday', time: '09:00', frequency: 'weekly', interval: 3, start: '2015-06-02', until: '2015-12-31', skip: [] },
      { day: 'wednesday', time: '10:00', frequency: 'first-wednesday', week: 1, skip: [] },
      { day: 'friday', time: '08:00', frequency: 'monthly', week: -1, skip: [] },
      { time: '11:00', frequency: 'once', date: '2015-09-09', skip: [] },
      { day: 'monday', time: '12:00', frequency: 'biweekly', start: '2015-08-03', skip: [] },
      { day: 'monday', time: '13:00', frequency: 'quadweekly-alternate', skip: [] },
      { day: 'sunday', time: '02:30', frequency: 'adhoc', skip: [] },
    ]);
  });

  it('writes each priority with its status and owners, and leaves absent values out rather than null', () => {
    expect(document.priorities).toEqual([
      { id: 'cells-v2', title: 'Cells V2', project: 'nova', cycle: 'liberty', status: 'in-progress', owner: ['Andrew Laski (alaski)'], rank: 1, url: 'https://example.org/cells', notes: 'Cells.' },
      { id: 'live-migration', title: 'Live migration', project: 'nova', status: 'no-plan', owner: [] },
      { id: 'quotas', title: 'Quotas', status: 'done', owner: ['A', 'B'], rank: -2 },
    ]);
    expect(feedText(feed)).not.toContain('null');
  });
});

describe('sources written in different zones', async () => {
  const berlin = scratchFile(
    'zones/berlin.yaml',
    [
      'version: 1',
      'zone: Europe/Berlin',
      'cycles: [{id: indri, release: 2027-04-07}]',
      'milestones:',
      '  - {title: Berlin freeze, date: 2027-03-01, end: 2027-03-05, cycle: indri}',
      '  - {title: Berlin go-live, at: "2027-03-22T15:00", cycle: indri}',
      '  - {title: Berlin midnight call, at: "2027-03-22T00:30", cycle: indri}',
      'meetings:',
      '  - {title: Berlin sync, slots: [{day: monday, time: "10:00"}]}',
      '',
    ].join('\n'),
  );
  const utc = scratchFile(
    'zones/utc.yaml',
    [
      'version: 1',
      'zone: UTC',
      'milestones:',
      '  - {title: RC1, date: 2027-03-15, end: 2027-03-19, cycle: indri}',
      '  - {title: Final RCs, date: 2027-03-29, end: 2027-04-02, cycle: indri}',
      '  - {title: Release, date: 2027-04-07, kind: release, cycle: indri}',
      '',
    ].join('\n'),
  );
  const { schedule, feed, fed } = await roundTrip(berlin, utc);
  const now = at('2027-02-01T00:00:00Z');
  const before = listedItems(schedule, now, 120);
  const after = listedItems(fed, now, 120);
  const byId = (items: typeof before.milestones) => new Map(items.map((item) => [item.id, item]));

  it('takes the zone most milestones and cycles were written in', () => {
    // Four in Berlin (a cycle and three milestones) against three in UTC.
    expect(feedZone(schedule)).toBe('Europe/Berlin');
    expect(feed.document.zone).toBe('Europe/Berlin');
  });

  it('brings back exactly the milestones of the feed zone, and exact moments from any zone', () => {
    for (const id of ['berlin-freeze', 'berlin-go-live', 'berlin-midnight-call']) expect(byId(after.milestones).get(id)).toEqual(byId(before.milestones).get(id));
  });

  it('keeps the days and weeks of all-day milestones from another zone, whose start and end then fall in the feed zone', () => {
    const rc1Before = byId(before.milestones).get('rc1')!;
    const rc1After = byId(after.milestones).get('rc1')!;
    expect(rc1After.week).toBe(rc1Before.week);
    expect(feed.document.milestones.find((milestone) => milestone.id === 'rc1')).toMatchObject({ date: '2027-03-15', end: '2027-03-19' });
    expect([rc1Before.start, rc1After.start]).toEqual(['2027-03-15T00:00:00.000Z', '2027-03-14T23:00:00.000Z']);
  });

  it('says which milestones moved and why, on standard error', () => {
    expect(feed.warnings).toEqual([
      "3 milestones written in UTC (rc1, final-rcs, release) are read in the feed's zone Europe/Berlin (a format v1 document has one zone): " +
        "same days, but their start, end or R-n week may differ from the sources'",
    ]);
  });

  it('keeps each meeting in its own zone whatever the feed zone', () => {
    expect(after.meetings).toEqual(before.meetings);
  });

  it('chooses UTC for a schedule with no milestone and no cycle', async () => {
    expect(feedZone(await loadSchedule(IRC_MEETINGS))).toBe('UTC');
  });
});

describe('exact moments in the feed', () => {
  it('writes the offset of the zone at that moment, and UTC where an offset cannot say it', () => {
    expect(formatMoment(at('2027-03-22T14:00:00Z'), 'Europe/Berlin')).toBe('2027-03-22T15:00:00+01:00');
    expect(formatMoment(at('2027-07-22T14:00:00Z'), 'Europe/Berlin')).toBe('2027-07-22T16:00:00+02:00');
    expect(formatMoment(at('2027-07-22T14:00:00.250Z'), 'Europe/Berlin')).toBe('2027-07-22T14:00:00.250Z');
    // London kept local mean time (-0:01:15) until 1847.
    expect(formatMoment(at('1840-01-01T12:00:00Z'), 'Europe/London')).toBe('1840-01-01T12:00:00.000Z');
  });
});
