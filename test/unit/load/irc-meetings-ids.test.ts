// irc-meetings files as yaml2ical reads them: one meeting per file, named after the file.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../../src/load/load-sources';

const SNAPSHOT_2019 = join(import.meta.dirname, '../../fixtures/irc-meetings/meetings');
const TC_MEETING = join(SNAPSHOT_2019, 'technical-committee-meeting.yaml');
const folder = mkdtempSync(join(tmpdir(), 'radar-irc-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const load = (sources: string[], stdin = '') => loadSources(sources, { offline: true, cacheDir: join(folder, 'cache'), now: () => 0, readStdin: async () => stdin, parsedCache: false });

describe('irc-meetings meeting ids', () => {
  it("the TC's meeting and its office hours share meeting_id tc and are still two meetings, each named after its file", async () => {
    const meetings = join(folder, 'meetings');
    mkdirSync(meetings);
    copyFileSync(TC_MEETING, join(meetings, 'technical-committee-meeting.yaml'));
    // As in the real repository since 2019: office hours under the same meetbot name.
    writeFileSync(
      join(meetings, 'technical-committee-office-hours.yaml'),
      [
        'project: Technical Committee Office hours',
        'meeting_id: tc',
        'schedule:',
        "  - time: '0100'",
        '    day: Tuesday',
        '    irc: openstack-tc',
        '    frequency: weekly',
        '    end_date: 20201231',
        'chair: Mohammed Naser (mnaser)',
        'description: Office hours of the TC.',
        '',
      ].join('\n'),
    );
    const result = await load([meetings]);
    expect(result.reports[0]!.errors).toEqual([]);
    expect(result.reports[0]!.warnings).toEqual([]);
    expect(result.schedule.meetings.map((meeting) => [meeting.id, meeting.title])).toEqual([
      ['technical-committee-meeting', 'Technical Committee Meeting'],
      ['technical-committee-office-hours', 'Technical Committee Office hours'],
    ]);
    // end_date is the last day it may meet.
    expect(result.schedule.meetings[1]!.slots[0]!.until).toBe('2020-12-31');
  });

  it('the whole 2019 snapshot loads as one meeting per file, each named after its file, with no error', async () => {
    const names = readdirSync(SNAPSHOT_2019)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    const result = await load([SNAPSHOT_2019]);
    expect(result.reports[0]!.errors).toEqual([]);
    expect(result.schedule.meetings.map((meeting) => meeting.id).sort()).toEqual(names.map((name) => name.replace(/\.yaml$/, '')));
  });

  it('from standard input, where there is no file name, the meeting takes its meeting_id', async () => {
    const result = await load(['-'], readFileSync(TC_MEETING, 'utf8'));
    expect(result.schedule.meetings.map((meeting) => meeting.id)).toEqual(['tc']);
  });
});
