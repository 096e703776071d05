// The acceptance trial of issue 10 ("every community's calendar"): what a new user tried from
// the outside, through the built program, with expectations worked out by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
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
    expect(run.stdout).toContain("/doc/source/{development-series}/schedule.yaml\n    {development-series}: the series whose status is \"development\" in the preset's series_status.yaml, read when the sources load\n    with the schedule.rst beside it, for the milestones' titles\n");
  });
});

describe('a rule by the second (FREQ=SECONDLY), as a calendar may hold', () => {
  test('does not take radar down: the next occurrence is the next whole second', () => {
    const file = join(folder, 'every-second.ics');
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:tick@x', 'SUMMARY:Tick', 'DTSTART:20000101T000000Z', 'RRULE:FREQ=SECONDLY', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const run = radar(['next', '--json', '-s', file, '--now', '2026-06-01T00:00:30.500Z', '--days', '1'], { env: home });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(json(run).item).toMatchObject({ title: 'Tick', start: '2026-06-01T00:00:31.000Z', end: '2026-06-01T00:00:31.000Z' });
  });
});
