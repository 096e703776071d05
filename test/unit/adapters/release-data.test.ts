// Other communities' published release data, read as it is. Every expectation below was read
// off the fixture files by hand (test/fixtures/nodejs, python, kubernetes, releases).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kubernetesScheduleAdapter } from '../../../src/load/adapters/kubernetes-schedule';
import { nodeScheduleAdapter } from '../../../src/load/adapters/nodejs-schedule';
import { pythonReleaseCycleAdapter } from '../../../src/load/adapters/python-release-cycle';
import { pythonReleasesAdapter, readStage } from '../../../src/load/adapters/python-releases';
import { seriesStatusAdapter } from '../../../src/load/adapters/series-status';
import type { Adapter, AdapterOutput, DocPath } from '../../../src/load/adapters/types';
import { adaptFixture, errorsOf, readFixture, v1Problems, warningsOf } from './read-fixture';

type Item = Record<string, any>;

const milestonesOf = (output: AdapterOutput): Item[] => (output.document.milestones as Item[] | undefined) ?? [];
const cyclesOf = (output: AdapterOutput): Item[] => (output.document.cycles as Item[] | undefined) ?? [];
const titled = (output: AdapterOutput, title: string): Item => {
  const found = milestonesOf(output).filter((milestone) => milestone.title === title);
  expect(found, `one milestone titled ${title}`).toHaveLength(1);
  return found[0]!;
};
const cycle = (output: AdapterOutput, id: string): Item | undefined => cyclesOf(output).find((entry) => entry.id === id);
const ofCycle = (output: AdapterOutput, id: string) =>
  milestonesOf(output)
    .filter((milestone) => milestone.cycle === id)
    .map(({ title, kind, date, end }) => ({ title, kind, date, ...(end === undefined ? {} : { end }) }));

function adaptValue(adapter: Adapter, value: unknown): AdapterOutput {
  expect(adapter.matches(value), `${adapter.name} recognises the edited file`).toBe(true);
  return adapter.adapt({ value, filePath: null, readSibling: () => null, project: null, zone: null });
}

function clean(output: AdapterOutput): void {
  expect(errorsOf(output)).toEqual([]);
  expect(v1Problems(output)).toEqual([]);
}

describe('Node.js schedule.json', () => {
  const output = adaptFixture('nodejs/schedule.json', nodeScheduleAdapter);

  test('loads without a problem', () => {
    clean(output);
    expect(warningsOf(output)).toEqual([]);
  });

  test('Node.js 24 is the Krypton line, released 6 May 2025, active LTS from 28 October 2025, in maintenance from 20 October 2026, dead on 30 April 2028', () => {
    expect(cycle(output, 'v24')).toEqual({ id: 'v24', name: 'Node.js 24 (Krypton)', release: '2025-05-06' });
    expect(ofCycle(output, 'v24')).toEqual([
      { title: 'Node.js 24 release', kind: 'release', date: '2025-05-06' },
      { title: 'Node.js 24 active LTS begins', kind: 'milestone', date: '2025-10-28' },
      { title: 'Node.js 24 maintenance begins', kind: 'milestone', date: '2026-10-20' },
      { title: 'Node.js 24 end of life', kind: 'eol', date: '2028-04-30' },
    ]);
    expect(
      milestonesOf(output)
        .filter((milestone) => milestone.cycle === 'v24')
        .every((milestone) => milestone.project === 'nodejs'),
    ).toBe(true);
  });

  test('Node.js 27 has an alpha before its release, and, its codename still "", no name in brackets', () => {
    expect(cycle(output, 'v27')?.name).toBe('Node.js 27');
    expect(ofCycle(output, 'v27')).toEqual([
      { title: 'Node.js 27 alpha releases begin', kind: 'milestone', date: '2026-10-28' },
      { title: 'Node.js 27 release', kind: 'release', date: '2027-04-22' },
      { title: 'Node.js 27 maintenance begins', kind: 'milestone', date: '2027-10-20' },
      { title: 'Node.js 27 end of life', kind: 'eol', date: '2030-04-30' },
    ]);
  });

  test('odd lines without a codename and the v0.x lines are cycles too', () => {
    expect(cycle(output, 'v25')).toEqual({ id: 'v25', name: 'Node.js 25', release: '2025-10-15' });
    expect(cycle(output, 'v0.12')).toEqual({ id: 'v0.12', name: 'Node.js 0.12', release: '2015-02-06' });
    expect(ofCycle(output, 'v0.12')).toEqual([
      { title: 'Node.js 0.12 release', kind: 'release', date: '2015-02-06' },
      { title: 'Node.js 0.12 end of life', kind: 'eol', date: '2016-12-31' },
    ]);
    // v0.8 … v27: 3 v0.x lines and 24 lines from 4 to 27.
    expect(cyclesOf(output)).toHaveLength(27);
  });
});

describe('Python release-cycle.json', () => {
  const output = adaptFixture('python/release-cycle.json', pythonReleaseCycleAdapter);

  test('loads without a problem, one cycle per branch from 2.6 to 3.16', () => {
    clean(output);
    expect(warningsOf(output)).toEqual([]);
    expect(cyclesOf(output)).toHaveLength(19);
    expect(cycle(output, '3.16')).toEqual({ id: '3.16', name: 'Python 3.16', release: '2027-10-06' });
  });

  test('3.15 ends its life some day in October 2031: a window over the whole month that says so', () => {
    const eol = titled(output, 'Python 3.15 end of life');
    expect(eol).toMatchObject({ kind: 'eol', date: '2031-10-01', end: '2031-10-31', cycle: '3.15', project: 'python' });
    expect(eol.notes).toMatch(/month only/);
    expect(eol.notes).toMatch(/October 2031/);
    expect(titled(output, 'Python 3.15 first release')).toMatchObject({ kind: 'release', date: '2026-10-01' });
    expect(titled(output, 'Python 3.15 first release').end).toBeUndefined();
  });

  test('3.9, already dead, has a day: 31 October 2025, no window and no note', () => {
    const eol = titled(output, 'Python 3.9 end of life');
    expect(eol).toMatchObject({ kind: 'eol', date: '2025-10-31' });
    expect(eol.end).toBeUndefined();
    expect(eol.notes).toBeUndefined();
  });

  test("February's last day is the end of a month-only window in a leap year", () => {
    const value = { '3.99': { branch: '3.99', status: 'feature', first_release: '2027-10-01', end_of_life: '2032-02' } };
    const eol = titled(adaptValue(pythonReleaseCycleAdapter, value), 'Python 3.99 end of life');
    expect(eol).toMatchObject({ date: '2032-02-01', end: '2032-02-29' });
  });
});

describe('Python python-releases.json', () => {
  const output = adaptFixture('python/python-releases.json', pythonReleasesAdapter);

  test('loads without a problem', () => {
    clean(output);
    expect(warningsOf(output)).toEqual([]);
  });

  test('3.15 is developed from 7 May 2025, freezes features on 7 May 2026, fixes bugs until 1 October 2028 and dies on 1 October 2031', () => {
    expect(cycle(output, '3.15')).toEqual({ id: '3.15', name: 'Python 3.15', start: '2025-05-07', release: '2026-10-01' });
    expect(titled(output, 'Python 3.15 feature freeze')).toMatchObject({ kind: 'freeze', date: '2026-05-07' });
    expect(titled(output, 'Python 3.15 end of bugfix releases')).toMatchObject({ kind: 'milestone', date: '2028-10-01' });
    expect(titled(output, 'Python 3.15 end of life')).toMatchObject({ kind: 'eol', date: '2031-10-01' });
  });

  test('the second 3.15.0 candidate is expected on 1 September 2026, the first came on 4 August', () => {
    const second = titled(output, 'Python 3.15.0 candidate 2');
    expect(second).toMatchObject({ kind: 'milestone', date: '2026-09-01', cycle: '3.15', project: 'python', url: 'https://peps.python.org/pep-0790/' });
    expect(second.notes).toMatch(/expected/i);
    const first = titled(output, 'Python 3.15.0 candidate 1');
    expect(first).toMatchObject({ kind: 'milestone', date: '2026-08-04' });
    expect(first.notes).toBeUndefined();
  });

  test('a final is a release; a bugfix written as a bare version is a final too', () => {
    expect(titled(output, 'Python 3.15.0 final')).toMatchObject({ kind: 'release', date: '2026-10-01' });
    expect(titled(output, 'Python 3.14.5')).toMatchObject({ kind: 'release', date: expect.any(String) });
    expect(titled(output, 'Python 3.14.5 candidate 1').kind).toBe('milestone');
    expect(titled(output, 'Python 3.16.0 alpha 1')).toMatchObject({ kind: 'milestone', date: '2026-10-13' });
  });

  test("a release's note goes to its notes", () => {
    expect(titled(output, 'Python 3.9.0 beta 3').notes).toBe('beta 2 was recalled.');
    expect(titled(output, 'Python 3.13.5').notes).toBe('hotfix');
  });

  test('every release of the file is a milestone: 651 releases and four dates of each of the 26 branches', () => {
    const releases = Object.values((readFixture('python/python-releases.json').value as Item).releases as Record<string, unknown[]>).flat();
    expect(releases).toHaveLength(651);
    expect(milestonesOf(output)).toHaveLength(651 + 26 * 4);
    const ids = milestonesOf(output).map((milestone) => milestone.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each([
    ['3.15.0 candidate 2', 'Python 3.15.0 candidate 2', false],
    ['3.15.0rc2', 'Python 3.15.0 candidate 2', false],
    ['3.16.0a1', 'Python 3.16.0 alpha 1', false],
    ['3.16.0b4', 'Python 3.16.0 beta 4', false],
    ['3.16.0 release candidate 1', 'Python 3.16.0 candidate 1', false],
    ['3.15.0 final', 'Python 3.15.0 final', true],
    ['3.14.5', 'Python 3.14.5', true],
    ['alpha 1', 'Python 3.17 alpha 1', false],
  ])('the stage %j reads as %j', (stage, title, final) => {
    expect(readStage(stage, '3.17')).toEqual({ title, final });
  });
});

describe('Kubernetes schedule.yaml', () => {
  const output = adaptFixture('kubernetes/schedule.yaml', kubernetesScheduleAdapter);

  test('loads without a problem', () => {
    clean(output);
    expect(warningsOf(output)).toEqual([]);
  });

  test('1.31 was released on 13 August 2024, goes into maintenance mode on 28 August 2025 and ends on 28 October 2025', () => {
    expect(cycle(output, '1.31')).toEqual({ id: '1.31', name: 'Kubernetes 1.31', release: '2024-08-13' });
    expect(titled(output, 'Kubernetes 1.31 release')).toMatchObject({ kind: 'release', date: '2024-08-13', cycle: '1.31', project: 'kubernetes' });
    expect(titled(output, 'Kubernetes 1.31 maintenance mode begins')).toMatchObject({ kind: 'milestone', date: '2025-08-28' });
    expect(titled(output, 'Kubernetes 1.31 end of life')).toMatchObject({ kind: 'eol', date: '2025-10-28' });
  });

  test('the next patch, 1.31.2, is due on 15 October 2024, cherry-picks closing on 11 October', () => {
    expect(titled(output, 'Kubernetes 1.31.2')).toMatchObject({ kind: 'release', date: '2024-10-15', cycle: '1.31' });
    expect(titled(output, 'Kubernetes 1.31.2 cherry-pick deadline')).toMatchObject({ kind: 'deadline', date: '2024-10-11', cycle: '1.31' });
  });

  test('1.28.1, unplanned, has an N/A deadline, so no deadline, and says why in its notes', () => {
    expect(titled(output, 'Kubernetes 1.28.1')).toMatchObject({ kind: 'release', date: '2023-08-23', notes: 'Unplanned release to include CVE fixes' });
    expect(milestonesOf(output).filter((milestone) => milestone.title.startsWith('Kubernetes 1.28.1 '))).toEqual([]);
  });

  test('1.28.4, out of band, has no deadline at all, and its note with the CVE link', () => {
    expect(titled(output, 'Kubernetes 1.28.4').notes).toBe('Out of band release to fix [CVE-2023-5528](https://groups.google.com/g/kubernetes-announce/c/c3py6Fw0DTI/m/cScFSdk1BwAJ)');
    expect(milestonesOf(output).filter((milestone) => milestone.title === 'Kubernetes 1.28.4 cherry-pick deadline')).toEqual([]);
  });

  test('the upcoming releases, which have no release name, are the monthly patch release and its deadline', () => {
    const monthly = milestonesOf(output)
      .filter((milestone) => milestone.title.startsWith('Kubernetes monthly patch release'))
      .map(({ title, kind, date, cycle: ofCycle }) => ({ title, kind, date, cycle: ofCycle }));
    const release = (date: string) => ({ title: 'Kubernetes monthly patch release', kind: 'release', date, cycle: undefined });
    const deadline = (date: string) => ({ title: 'Kubernetes monthly patch release cherry-pick deadline', kind: 'deadline', date, cycle: undefined });
    expect(monthly).toEqual([release('2024-10-15'), deadline('2024-10-11'), release('2024-11-12'), deadline('2024-11-08'), release('2024-12-10'), deadline('2024-12-06')]);
  });

  test('every patch of next and previousPatches is a release: 1 + 1, 1 + 6, 1 + 10, 1 + 15', () => {
    const patches = milestonesOf(output).filter((milestone) => /^Kubernetes \d+\.\d+\.\d+$/.test(milestone.title));
    expect(patches).toHaveLength(2 + 7 + 11 + 16);
  });

  test('a patch listed both as next and among the previous patches is shown once, the second listing pointed out', () => {
    const value = structuredClone(readFixture('kubernetes/schedule.yaml').value) as Item;
    value.schedules[0].previousPatches.unshift({ ...value.schedules[0].next });
    const output = adaptValue(kubernetesScheduleAdapter, value);
    expect(milestonesOf(output).filter((milestone) => milestone.title === 'Kubernetes 1.31.2')).toHaveLength(1);
    expect(warningsOf(output).map(({ path, message }) => [path, message])).toEqual([
      [['schedules', 0, 'previousPatches', 0, 'release'], '1.31.2 is listed again (first at schedules[0].next); this one is left out'],
    ]);
  });

  test('an unquoted minor release (1.30 read as the number 1.3) keeps its name from its patches', () => {
    const value = structuredClone(readFixture('kubernetes/schedule.yaml').value) as Item;
    value.schedules[1].release = 1.3;
    expect(cycle(adaptValue(kubernetesScheduleAdapter, value), '1.30')?.name).toBe('Kubernetes 1.30');
  });
});

describe('OpenStack series_status.yaml', () => {
  const output = adaptFixture('releases/series_status.yaml', seriesStatusAdapter);

  test('loads without a problem, one cycle per series from austin to indri', () => {
    clean(output);
    expect(warningsOf(output)).toEqual([]);
    expect(cyclesOf(output)).toHaveLength(35);
    expect(cycle(output, '2026.2')).toEqual({ id: '2026.2', name: '2026.2 Hibiscus', release: '2026-09-30' });
    expect(cycle(output, 'liberty')).toEqual({ id: 'liberty', name: 'Liberty', release: '2015-10-15' });
  });

  test('2024.2 Dalmatian, released on 2 October 2024, reached its end of life on 29 April 2026', () => {
    expect(ofCycle(output, '2024.2')).toEqual([
      { title: '2024.2 Dalmatian release', kind: 'release', date: '2024-10-02' },
      { title: '2024.2 Dalmatian end of life', kind: 'eol', date: '2026-04-29' },
    ]);
  });

  test('2025.1 Epoxy becomes unmaintained on 2 October 2026, its next phase', () => {
    expect(ofCycle(output, '2025.1')).toEqual([
      { title: '2025.1 Epoxy release', kind: 'release', date: '2025-04-02' },
      { title: '2025.1 Epoxy moves to unmaintained', kind: 'milestone', date: '2026-10-02' },
    ]);
    expect(ofCycle(output, '2025.2')[1]).toEqual({ title: '2025.2 Flamingo moves to end of life', kind: 'milestone', date: '2027-04-28' });
  });

  test('a next phase without a date (2024.1 Caracal: end of life, not yet decided) shows nothing, and the very first series no end', () => {
    expect(ofCycle(output, '2024.1')).toEqual([{ title: '2024.1 Caracal release', kind: 'release', date: '2024-04-03' }]);
    expect(ofCycle(output, 'austin')).toEqual([{ title: 'Austin release', kind: 'release', date: '2010-10-21' }]);
  });

  test("a series is known by its release id, which the series' own schedule.yaml (cycle hibiscus) does not use; older ones by name", () => {
    expect(
      cyclesOf(output)
        .map((entry) => entry.id)
        .slice(0, 10),
    ).toEqual(['2027.1', '2026.2', '2026.1', '2025.2', '2025.1', '2024.2', '2024.1', '2023.2', '2023.1', 'zed']);
    expect(titled(output, '2026.2 Hibiscus release').id).toBe('hibiscus-release');
  });

  test('the series are cross-project', () => {
    expect(milestonesOf(output).every((milestone) => milestone.project === undefined)).toBe(true);
  });
});

/** Paths of the warnings, as original paths. */
const warned = (output: AdapterOutput) => warningsOf(output).map((warning) => warning.path);

describe('bad or missing dates are located warnings, and the rest loads', () => {
  const cases: [string, Adapter, string, (file: Item) => void, DocPath, (output: AdapterOutput) => void][] = [
    [
      'Node.js 24 with an end on the 31st of April',
      nodeScheduleAdapter,
      'nodejs/schedule.json',
      (file) => (file.v24.end = '2028-04-31'),
      ['v24', 'end'],
      (output) => {
        expect(ofCycle(output, 'v24').map((milestone) => milestone.title)).not.toContain('Node.js 24 end of life');
        expect(cycle(output, 'v24')).toBeDefined();
      },
    ],
    [
      'Node.js 22 without a start: no cycle, its other dates still shown',
      nodeScheduleAdapter,
      'nodejs/schedule.json',
      (file) => delete file.v22.start,
      ['v22'],
      (output) => {
        expect(cycle(output, 'v22')).toBeUndefined();
        expect(titled(output, 'Node.js 22 end of life')).toMatchObject({ date: '2027-04-30' });
        expect(titled(output, 'Node.js 22 end of life').cycle).toBeUndefined();
      },
    ],
    [
      'Python 3.14 with an end of life of "soon"',
      pythonReleaseCycleAdapter,
      'python/release-cycle.json',
      (file) => (file['3.14'].end_of_life = 'soon'),
      ['3.14', 'end_of_life'],
      (output) => expect(titled(output, 'Python 3.14 first release').date).toBe('2025-10-07'),
    ],
    [
      'a Python release on the 13th month',
      pythonReleasesAdapter,
      'python/python-releases.json',
      (file) => (file.releases['3.15'][13].date = '2026-13-01'),
      ['releases', '3.15', 13, 'date'],
      (output) => {
        expect(milestonesOf(output).filter((milestone) => milestone.title === 'Python 3.15.0 candidate 2')).toEqual([]);
        expect(titled(output, 'Python 3.15.0 final').date).toBe('2026-10-01');
      },
    ],
    [
      'a Kubernetes patch target date that is a number',
      kubernetesScheduleAdapter,
      'kubernetes/schedule.yaml',
      (file) => (file.schedules[0].next.targetDate = 20241015),
      ['schedules', 0, 'next', 'targetDate'],
      (output) => expect(titled(output, 'Kubernetes 1.31.2 cherry-pick deadline').date).toBe('2024-10-11'),
    ],
    [
      'a Kubernetes minor without a release date',
      kubernetesScheduleAdapter,
      'kubernetes/schedule.yaml',
      (file) => delete file.schedules[3].releaseDate,
      ['schedules', 3],
      (output) => {
        expect(cycle(output, '1.28')).toBeUndefined();
        expect(titled(output, 'Kubernetes 1.28 end of life').date).toBe('2024-10-28');
      },
    ],
    [
      'an OpenStack series with an eol-date of "last spring"',
      seriesStatusAdapter,
      'releases/series_status.yaml',
      (file) => (file[5]['eol-date'] = 'last spring'),
      [5, 'eol-date'],
      (output) => expect(ofCycle(output, '2024.2').map((milestone) => milestone.kind)).toEqual(['release']),
    ],
    [
      'an OpenStack series without an initial release',
      seriesStatusAdapter,
      'releases/series_status.yaml',
      (file) => delete file[0]['initial-release'],
      [0],
      (output) => {
        expect(cycle(output, '2027.1')).toBeUndefined();
        expect(titled(output, '2027.1 Indri moves to development').date).toBe('2026-10-01');
      },
    ],
  ];

  test.each(cases)('%s: one warning, where it is in the file', (_name, adapter, file, edit, where, rest) => {
    const value = structuredClone(readFixture(file).value) as Item;
    edit(value);
    const output = adaptValue(adapter, value);
    clean(output);
    expect(warned(output)).toEqual([where]);
    rest(output);
  });

  const REAL: [Adapter, string][] = [
    [nodeScheduleAdapter, 'nodejs/schedule.json'],
    [pythonReleaseCycleAdapter, 'python/release-cycle.json'],
    [pythonReleasesAdapter, 'python/python-releases.json'],
    [kubernetesScheduleAdapter, 'kubernetes/schedule.yaml'],
    [seriesStatusAdapter, 'releases/series_status.yaml'],
  ];
  const junk = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom('2031-10', '2031-13', 'N/A', '', '2027-02-30', '1.30', 'v24'),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  );
  const pathsOf = (value: unknown, path: DocPath = []): DocPath[] =>
    value === null || typeof value !== 'object' ? [path] : [path, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]))];

  test.each(REAL.map(([adapter, file]) => [file, adapter] as const))('%s with values replaced never throws and never hands format v1 anything invalid', (file, adapter) => {
    const original = readFixture(file).value;
    const paths = pathsOf(original).filter((path) => path.length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { minLength: 1, maxLength: 3 }), (edits) => {
        const value = structuredClone(original) as Item;
        for (const [path, replacement] of edits) {
          let parent: Item | undefined = value;
          for (const key of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? parent[key] : undefined;
          if (parent !== null && typeof parent === 'object') parent[path.at(-1)!] = replacement;
        }
        const output = adapter.adapt({ value, filePath: null, readSibling: () => null, project: null, zone: null });
        expect(v1Problems(output)).toEqual([]);
        for (const diagnostic of output.diagnostics) expect(diagnostic.message).not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
