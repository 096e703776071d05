// The reminder engine as a person lives it: told ten minutes before the meeting, once; told
// of a freeze a week and a day ahead; told at once of what they missed while radar was off,
// with the time actually left; never told of what has already started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../../src/load/load-sources';
import type { Schedule } from '../../../src/model/types';
import { DEFAULT_LEAD_TIMES, dueReminders, formatTimeLeft, nextReminderAt, parseLeadTime, reminderEnvironment, reminderLogLine, type LeadTimes } from '../../../src/remind/reminders';
import { NO_FILTER } from '../../../src/views/filters';

const folder = mkdtempSync(join(tmpdir(), 'radar-reminders-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TEAM = `version: 1
zone: UTC
milestones:
  - {title: Feature freeze, date: 2026-12-10, project: nova}
  - {title: Cross-project deadline, at: "2026-12-04T16:00"}
meetings:
  - title: Nova team meeting
    project: nova
    where: "#openstack-meeting"
    slots:
      - {day: thursday, time: "14:00", skip: [{date: 2026-12-10, reason: freeze week}]}
  - title: Berlin sync
    project: glance
    zone: Europe/Berlin
    slots:
      - {day: friday, time: "09:00"}
`;

let schedule: Schedule;
beforeAll(async () => {
  const file = join(folder, 'team.yaml');
  writeFileSync(file, TEAM);
  const loaded = await loadSources([file], { offline: true, cacheDir: join(folder, 'cache'), now: () => 0, readStdin: async () => '' });
  expect(loaded.reports.flatMap((report) => report.errors)).toEqual([]);
  schedule = loaded.schedule;
});

const at = (iso: string) => Date.parse(iso);
const due = (now: string, fired: Iterable<string> = [], leads: LeadTimes = DEFAULT_LEAD_TIMES, projects: string[] = []) =>
  dueReminders(schedule, { now: at(now), leads, fired: new Set(fired), filter: { ...NO_FILTER, projects } });
const titles = (result: ReturnType<typeof due>) => result.due.map((reminder) => `${reminder.title} (${reminder.lead})`);
const meetingsOnly: LeadTimes = { meetings: ['10m'], milestones: [] };

describe('lead times', () => {
  it('reads minutes, hours and days, and nothing else', () => {
    expect(parseLeadTime('10m')).toBe(10 * 60_000);
    expect(parseLeadTime('2h')).toBe(2 * 3_600_000);
    expect(parseLeadTime('7d')).toBe(7 * 86_400_000);
    for (const bad of ['0m', '10', 'm', '1w', '-5m', '1.5h', ' 10m', '10M']) expect(parseLeadTime(bad)).toBeNull();
  });

  it('says the time left as people do, rounded up to the minute', () => {
    expect(formatTimeLeft(10 * 60_000)).toBe('10m');
    expect(formatTimeLeft(10 * 60_000 - 1_000)).toBe('10m');
    expect(formatTimeLeft(65 * 60_000)).toBe('1h 05m');
    expect(formatTimeLeft(60 * 60_000)).toBe('1h');
    expect(formatTimeLeft((3 * 24 + 4) * 3_600_000)).toBe('3d 4h');
    expect(formatTimeLeft(7 * 86_400_000)).toBe('7d');
    expect(formatTimeLeft(20_000)).toBe('1m');
  });
});

describe('a meeting reminder ten minutes before', () => {
  it('is not due at 13:49:59 and is due at 13:50 on Thursday 3 December', () => {
    expect(titles(due('2026-12-03T13:49:59Z', [], meetingsOnly))).toEqual([]);
    expect(titles(due('2026-12-03T13:50:00Z', [], meetingsOnly))).toEqual(['Nova team meeting (10m)']);
  });

  it('fires once: once remembered, it is not due again a minute later', () => {
    const first = due('2026-12-03T13:50:00Z', [], meetingsOnly);
    expect(titles(due('2026-12-03T13:51:00Z', first.fired.keys(), meetingsOnly))).toEqual([]);
  });

  it('missed while radar was off, it fires at once saying the time actually left', () => {
    const late = due('2026-12-03T13:57:00Z', [], meetingsOnly);
    expect(late.due).toHaveLength(1);
    expect(reminderLogLine(late.due[0]!, 'UTC', at('2026-12-03T13:57:00Z'))).toBe('2026-12-03 13:57 UTC  Nova team meeting in 3m — Thu 14:00 UTC #openstack-meeting');
  });

  it('is dropped once the meeting has started', () => {
    expect(titles(due('2026-12-03T14:00:00Z', [], meetingsOnly))).toEqual([]);
    expect(titles(due('2026-12-03T14:20:00Z', [], meetingsOnly))).toEqual([]);
  });

  it('is never given for a skipped occurrence (freeze week, 10 December)', () => {
    expect(titles(due('2026-12-10T13:55:00Z', [], meetingsOnly))).toEqual([]);
  });

  it('names the meeting time in the reader zone and the meeting own zone', () => {
    // Friday 4 December, 09:00 in Berlin (CET, UTC+1) is 08:00 UTC, 03:00 in New York (EST).
    const [reminder] = due('2026-12-04T07:50:00Z', [], meetingsOnly).due;
    expect(reminderLogLine(reminder!, 'America/New_York', at('2026-12-04T07:50:00Z'))).toBe('2026-12-04 02:50 EST  Berlin sync in 10m — Fri 03:00 EST (09:00 CET)');
  });

  it('follows the project filter', () => {
    expect(titles(due('2026-12-04T07:50:00Z', [], meetingsOnly, ['nova']))).toEqual([]);
    expect(titles(due('2026-12-03T13:50:00Z', [], meetingsOnly, ['nova']))).toEqual(['Nova team meeting (10m)']);
  });
});

describe('milestone reminders a week and a day before', () => {
  const milestonesOnly: LeadTimes = { meetings: [], milestones: ['7d', '1d'] };

  it('tells of the freeze on 3 December (7 days ahead), then again on 9 December (1 day ahead)', () => {
    const fired = new Set<string>();
    const tick = (now: string) => {
      const result = due(now, fired, milestonesOnly, ['nova']);
      for (const key of result.fired.keys()) fired.add(key);
      return titles(result);
    };
    // The cross-project deadline (4 December, 16:00, for every project) comes a week ahead too.
    expect(tick('2026-11-27T15:59:59Z')).toEqual([]);
    expect(tick('2026-11-27T16:00:00Z')).toEqual(['Cross-project deadline (7d)']);
    expect(tick('2026-12-02T23:59:59Z')).toEqual([]);
    expect(tick('2026-12-03T00:00:00Z')).toEqual(['Feature freeze (7d)']);
    expect(tick('2026-12-03T16:00:00Z')).toEqual(['Cross-project deadline (1d)']);
    expect(tick('2026-12-08T23:59:00Z')).toEqual([]);
    expect(tick('2026-12-09T00:00:00Z')).toEqual(['Feature freeze (1d)']);
    expect(tick('2026-12-09T00:01:00Z')).toEqual([]);
  });

  it('when both leads were missed, says it once with the time left, and both count as fired', () => {
    const late = due('2026-12-09T12:00:00Z', [], milestonesOnly);
    expect(titles(late)).toEqual(['Feature freeze (1d)']);
    expect([...late.fired.keys()].filter((key) => key.includes('feature-freeze'))).toHaveLength(2);
    expect(reminderLogLine(late.due[0]!, 'UTC', at('2026-12-09T12:00:00Z'))).toBe('2026-12-09 12:00 UTC  Feature freeze in 12h — Thu 10 Dec');
    expect(titles(due('2026-12-09T12:01:00Z', late.fired.keys(), milestonesOnly))).toEqual([]);
  });

  it('is dropped once the day has begun', () => {
    expect(titles(due('2026-12-10T00:00:00Z', [], milestonesOnly))).toEqual([]);
  });
});

describe('the next moment to look again', () => {
  it('is the next reminder not yet fired, within the horizon', () => {
    const query = { now: at('2026-12-03T13:00:00Z'), leads: meetingsOnly, fired: new Set<string>(), filter: NO_FILTER };
    expect(nextReminderAt(schedule, query, 3_600_000)).toBe(at('2026-12-03T13:50:00Z'));
    expect(nextReminderAt(schedule, query, 60_000)).toBeNull();
  });
});

describe('what --exec receives', () => {
  it('is the reminder in RADAR_* variables', () => {
    const now = at('2026-12-03T13:50:00Z');
    const [reminder] = due('2026-12-03T13:50:00Z', [], meetingsOnly).due;
    expect(reminderEnvironment(reminder!, 'Europe/Berlin', now)).toEqual({
      RADAR_KIND: 'meeting',
      RADAR_TITLE: 'Nova team meeting',
      RADAR_START: '2026-12-03T14:00:00.000Z',
      RADAR_LOCAL: '2026-12-03T15:00:00+01:00',
      RADAR_IN: '10m',
      RADAR_WHERE: '#openstack-meeting',
      RADAR_PROJECT: 'nova',
      RADAR_URL: '',
    });
  });
});
