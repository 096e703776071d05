// Other communities' release data through the built program, as someone following Node.js,
// Python, Kubernetes or OpenStack would point radar at the file their community publishes.
// Expected items were read off the fixture files by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar } from '../helpers/run-radar';

const folder = mkdtempSync(join(tmpdir(), 'radar-release-data-'));
const env = isolatedEnv();
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(env['HOME']!, { recursive: true, force: true });
});

const FIXTURES = 'test/fixtures';

function milestones(source: string, now: string, days: number): any {
  const run = radar(['list', 'milestones', '--json', '-s', source, '--now', now, '--days', String(days)], { env });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return json(run);
}

const brief = (item: any) => ({ title: item.title, kind: item.kind, start: item.start, end: item.end });
const day = (date: string) => `${date}T00:00:00.000Z`;

describe('radar list milestones on published release data', () => {
  it('Node.js: from 30 November 2026, the next 200 days hold Node.js 27 and the end of Node.js 22', () => {
    const output = milestones(`${FIXTURES}/nodejs/schedule.json`, '2026-11-30T00:00:00Z', 200);
    expect(output.sources[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
    expect(output.items.map(brief)).toEqual([
      { title: 'Node.js 27 release', kind: 'release', start: day('2027-04-22'), end: day('2027-04-23') },
      { title: 'Node.js 22 end of life', kind: 'eol', start: day('2027-04-30'), end: day('2027-05-01') },
    ]);
    // Node.js 22 was released on Wednesday 24 April 2024: 30 April 2027 is 157 weeks later.
    expect(output.items[1]).toMatchObject({ project: 'nodejs', cycle: 'v22', week: 'R+157' });
  });

  it('Python: in October 2026 3.15 comes out and 3.10 dies, some day that month', () => {
    const output = milestones(`${FIXTURES}/python/release-cycle.json`, '2026-09-15T00:00:00Z', 30);
    expect(output.items.map(brief)).toEqual([
      { title: 'Python 3.10 end of life', kind: 'eol', start: day('2026-10-01'), end: day('2026-11-01') },
      { title: 'Python 3.15 first release', kind: 'release', start: day('2026-10-01'), end: day('2026-10-02') },
    ]);
  });

  it("Python's releases: what the file dates between 20 August and 8 September 2026", () => {
    const file = JSON.parse(readFileSync(`${FIXTURES}/python/python-releases.json`, 'utf8'));
    const inWindow = (date: string) => date >= '2026-08-20' && date < '2026-09-09';
    const releases = Object.values(file.releases as Record<string, { stage: string; date: string }[]>)
      .flat()
      .filter((release) => inWindow(release.date))
      .map((release) => `Python ${release.stage}`);
    const branchDates = Object.values(file.metadata as Record<string, Record<string, string>>).flatMap((branch) =>
      ['feature_freeze', 'first_release', 'end_of_bugfix', 'end_of_life'].filter((key) => inWindow(branch[key]!)),
    );
    expect(branchDates).toEqual([]);
    expect(releases).toEqual(['Python 3.15.0 candidate 2']);
    const output = milestones(`${FIXTURES}/python/python-releases.json`, '2026-08-20T00:00:00Z', 20);
    expect(output.items.map((item: any) => item.title)).toEqual(releases);
    expect(output.items[0]).toMatchObject({ kind: 'milestone', start: day('2026-09-01'), cycle: '3.15', week: 'R-4' });
  });

  it('Kubernetes: on 1 October 2024 the next twelve days hold the cherry-pick deadlines of four patches and of the monthly release', () => {
    const output = milestones(`${FIXTURES}/kubernetes/schedule.yaml`, '2024-10-01T00:00:00Z', 12);
    expect(output.items.map((item: any) => [item.title, item.kind, item.start])).toEqual([
      ['Kubernetes 1.28.15 cherry-pick deadline', 'deadline', day('2024-10-11')],
      ['Kubernetes 1.29.10 cherry-pick deadline', 'deadline', day('2024-10-11')],
      ['Kubernetes 1.30.6 cherry-pick deadline', 'deadline', day('2024-10-11')],
      ['Kubernetes 1.31.2 cherry-pick deadline', 'deadline', day('2024-10-11')],
      ['Kubernetes monthly patch release cherry-pick deadline', 'deadline', day('2024-10-11')],
    ]);
  });

  it('OpenStack: April 2026 starts with the 2026.1 Gazpacho release and ends with the end of 2024.2 Dalmatian', () => {
    const output = milestones(`${FIXTURES}/releases/series_status.yaml`, '2026-04-01T00:00:00Z', 30);
    expect(output.items.map((item: any) => [item.title, item.kind, item.start, item.cycle, item.project])).toEqual([
      ['2026.1 Gazpacho release', 'release', day('2026-04-01'), '2026.1', null],
      ['2024.2 Dalmatian end of life', 'eol', day('2026-04-29'), '2024.2', null],
    ]);
  });

  it("OpenStack's series_status.yaml beside the development series' schedule.yaml (as @openstack reads them): neither replaces the other", () => {
    const run = radar(
      ['list', 'milestones', '--json', '-s', `${FIXTURES}/releases/series_status.yaml`, '-s', `${FIXTURES}/releases/hibiscus-schedule.yaml`, '--now', '2026-09-28T00:00:00Z', '--days', '3'],
      { env },
    );
    expect(json(run).sources.map((source: any) => source.warnings)).toEqual([[], []]);
    const items = json(run).items.map((item: any) => [item.title, item.cycle, item.week]);
    expect(items).toContainEqual(['2026.2 Hibiscus release', '2026.2', 'R-0']);
    expect(items).toContainEqual(['2026.2 Hibiscus moves to maintained', '2026.2', 'R-0']);
  });

  it('--once and the text list mark an end of life with EOL, past or to come', () => {
    const run = radar(['--once', '-s', `${FIXTURES}/nodejs/schedule.json`, '--now', '2026-11-30T00:00:00Z', '--tz', 'UTC'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}EOL Node\.js 22 end of life +Fri 30 Apr/m);
    expect(run.stdout).toMatch(/^ {2}Node\.js 27 release +Thu 22 Apr/m);
    const list = radar(['list', 'milestones', '--all', '-s', `${FIXTURES}/nodejs/schedule.json`, '--now', '2026-11-30T00:00:00Z'], { env });
    expect(list.stdout).toMatch(/^EOL Node\.js 0\.8 end of life +Thu 31 Jul .* eol +nodejs$/m);
    expect(list.stdout.split('\n').filter((line) => line.startsWith('EOL '))).toHaveLength(24);
  });
});

/** A broken copy of each shape, and where its problem is: line and column counted by hand. */
const BROKEN: [string, string, [string, string, string], string][] = [
  ['node.json', '{\n  "v24": {\n    "start": "2025-05-06",\n    "end": "2028-04-31",\n    "codename": "Krypton"\n  }\n}\n', ['4:12', 'v24.end', '"2028-04-31" is not a date'], 'Node.js 24 release'],
  [
    'release-cycle.json',
    '{\n  "3.15": {\n    "branch": "3.15",\n    "status": "prerelease",\n    "first_release": "2026-10-01",\n    "end_of_life": "October"\n  }\n}\n',
    ['6:20', '3.15.end_of_life', '"October" is not a date'],
    'Python 3.15 first release',
  ],
  [
    'python-releases.json',
    '{\n  "metadata": {},\n  "releases": {\n    "3.15": [\n      {"stage": "3.15.0 candidate 2", "state": "expected", "date": "2026-09-31", "note": ""},\n      {"stage": "3.15.0 final", "state": "expected", "date": "2026-10-01", "note": ""}\n    ]\n  }\n}\n',
    ['5:68', 'releases.3.15[0].date', '"2026-09-31" is not a date'],
    'Python 3.15.0 final',
  ],
  [
    'k8s.yaml',
    'schedules:\n- release: "1.31"\n  releaseDate: "2024-08-13"\n  next:\n    release: 1.31.2\n    cherryPickDeadline: "2024-10-11"\n    targetDate: "mid-October"\n',
    ['7:17', 'schedules[0].next.targetDate', '"mid-October" is not a date'],
    'Kubernetes 1.31.2 cherry-pick deadline',
  ],
  [
    'series_status.yaml',
    '---\n- name: dalmatian\n  release-id: 2024.2\n  status: end of life\n  initial-release: 2024-10-02\n  eol-date: 2026-02-30\n',
    ['6:13', '[0].eol-date', '"2026-02-30" is not a date'],
    '2024.2 Dalmatian release',
  ],
];

describe('a broken copy of each shape', () => {
  it.each(BROKEN)('%s: the bad date is a warning located in the original file, and the rest loads', (name, text, [at, where, message], stillThere) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    const output = milestones(path, '2020-01-01T00:00:00Z', 4000);
    expect(output.sources[0].warnings).toEqual([expect.stringContaining(`${path}:${at}: ${where}: ${message}`)]);
    expect(output.items.map((item: any) => item.title)).toContain(stillThere);
    const validate = radar(['validate', path], { env });
    expect(validate.stdout).toContain(`${path}:${at}: ${where}: warning: ${message}`);
    expect(validate.code).toBe(0);
  });
});
