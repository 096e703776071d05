import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { adapters, findAdapter } from '../../../src/load/adapters';
import type { Adapter, AdapterOutput, DocPath } from '../../../src/load/adapters/types';
import { errorsOf, readFixture, v1Problems } from './read-fixture';

const SHAPES: Record<string, string[]> = {
  'irc-meetings': [
    'irc-meetings/meetings/nova-team-meeting.yaml',
    'irc-meetings/meetings/chef-openstack-team-meeting.yaml',
    'irc-meetings/history/2015-08-21_da04787/openstack-product-wg.yaml',
    'irc-meetings/sample.yaml',
    'yaml2ical/meetings/example3.yaml',
  ],
  'releases schedule': ['releases/indri-schedule.yaml', 'releases/ocata-schedule.yaml', 'releases/quirks/wallaby-schedule.yaml', 'derived/mitaka-schedule.yaml'],
  'governance projects': ['governance/reference/projects.yaml', 'governance/history/2015-09_cbf8586e/projects.yaml', 'governance/history/2021-10-14_7718c031/projects.yaml'],
  'OpenStack series status': ['releases/series_status.yaml'],
  'Node.js release schedule': ['nodejs/schedule.json'],
  'Python release cycle': ['python/release-cycle.json'],
  'Python releases': ['python/python-releases.json'],
  'Kubernetes release schedule': ['kubernetes/schedule.yaml'],
};

/** The example of format.md: a format v1 document is read as it is, by no adapter. */
const V1_EXAMPLE = parse(`
version: 1
name: OpenStack Liberty (2015)
zone: UTC
roles: [release, qa, docs, {id: product-wg, name: Product WG}]
projects:
  - id: nova
    name: Nova
    liaisons:
      release: John Garbutt (johnthetubaguy)
      product-wg: []
cycles:
  - {id: liberty, name: Liberty, start: 2015-05-18, release: 2015-10-15}
milestones:
  - {title: liberty-3, date: 2015-09-01, end: 2015-09-03, cycle: liberty}
meetings:
  - title: Nova team meeting
    project: nova
    where: "#openstack-meeting"
    slots:
      - {day: thursday, time: "14:00", frequency: biweekly-even}
`);

const adapterNamed = (name: string) => adapters.find((adapter) => adapter.name === name)!;

describe('choosing an adapter by the shape of the content', () => {
  for (const [name, files] of Object.entries(SHAPES)) {
    test.each(files)(`%s is read as ${name}, and only as that`, (file) => {
      const { value } = readFixture(file);
      expect(findAdapter(value)?.name).toBe(name);
      expect(adapters.filter((adapter) => adapter.matches(value)).map((adapter) => adapter.name)).toEqual([name]);
    });
  }

  test('a format v1 document is read by no adapter', () => {
    expect(findAdapter(V1_EXAMPLE)).toBeNull();
    for (const adapter of adapters) expect(adapter.matches(V1_EXAMPLE)).toBe(false);
  });

  test.each(['derived/schedule-labels.yaml', 'governance-uc/reference/working-groups.yaml'])('%s, another kind of file, is read by no adapter', (file) => {
    expect(findAdapter(readFixture(file).value)).toBeNull();
  });

  test('a meeting file without a chair is still recognised by its schedule entries', () => {
    const { value } = readFixture('irc-meetings/meetings/nova-team-meeting.yaml');
    const { chair: _chair, ...withoutChair } = value as Record<string, unknown>;
    expect(findAdapter(withoutChair)?.name).toBe('irc-meetings');
    expect(findAdapter({ schedule: [{ time: '1400', day: 'Monday' }] })).toBeNull();
  });

  /** The smallest file of each published release-data shape, as someone might write it by hand. */
  const SMALLEST: [string, unknown][] = [
    ['OpenStack series status', [{ name: 'zed', status: 'unmaintained', 'initial-release': '2022-10-05' }]],
    ['Node.js release schedule', { v30: { start: '2028-04-20', end: '2031-04-30' } }],
    ['Node.js release schedule', { 'v0.12': { start: '2015-02-06', end: '2016-12-31' } }],
    ['Python release cycle', { '3.20': { branch: 'main', pep: 900, status: 'feature', first_release: '2031-10-01', end_of_life: '2036-10' } }],
    ['Python releases', { metadata: { '3.20': { first_release: '2031-10-01' } }, releases: {} }],
    ['Kubernetes release schedule', { schedules: [{ release: '1.40', endOfLifeDate: '2028-01-01' }] }],
  ];

  test.each(SMALLEST)('the smallest %s is read by that adapter only', (name, value) => {
    expect(adapters.filter((adapter) => adapter.matches(value)).map((adapter) => adapter.name)).toEqual([name]);
  });

  test.each([
    null,
    undefined,
    42,
    'text',
    [],
    [1, 2],
    {},
    { schedule: 'weekly' },
    { cycle: {} },
    { nova: 'a team' },
    [{ name: 'zed', status: 'unmaintained' }],
    { v24: '2025-05-06' },
    { v24: { codename: 'Krypton' } },
    { '24': { start: '2025-05-06', end: '2028-04-30' } },
    { '3.15': { release_manager: 'Hugo van Kemenade' } },
    { metadata: [], releases: {} },
    { metadata: { nova: {} }, releases: { nova: [] } },
    { schedules: [{ release: '1.31' }] },
    { schedules: { release: '1.31', releaseDate: '2024-08-13' } },
  ])('%j is read by no adapter', (value) => {
    expect(findAdapter(value)).toBeNull();
  });
});

/** Every path of a value, for mutating it. */
function pathsOf(value: unknown, path: DocPath = []): DocPath[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return [path];
  const children = Array.isArray(value) ? value.map((child, index) => [index, child] as const) : Object.entries(value);
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

function mutate(value: unknown, path: DocPath, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** An adapter's own errors and the v1 validation's, all as paths into the original file. */
function locatedProblems(output: AdapterOutput): DocPath[] {
  return [...errorsOf(output).map((error) => error.path), ...v1Problems(output).map((problem) => problem.path)];
}

function governanceSample(): unknown {
  const teams = Object.entries(readFixture('governance/reference/projects.yaml').value as object);
  return Object.fromEntries(teams.filter(([name]) => ['adjutant', 'barbican', 'freezer', 'OpenStack Charms', 'mistral'].includes(name)));
}

const SAMPLES: [Adapter, () => unknown][] = [
  [adapterNamed('irc-meetings'), () => readFixture('irc-meetings/history/2016-04-12_6328326/third-party-meeting.yaml').value],
  [adapterNamed('irc-meetings'), () => readFixture('yaml2ical/meetings/example3.yaml').value],
  [adapterNamed('releases schedule'), () => readFixture('releases/ocata-schedule.yaml').value],
  [adapterNamed('governance projects'), governanceSample],
];

const junk = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('2561', '600', 20151340, '2027-02-30', 'fortnightly', 'R-x', '#', ''),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

describe('garbage in: never a crash, always located problems', () => {
  test.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s adapts anything at all without throwing', (_name, adapter) => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
        const output = adapter.adapt({ value, filePath: null, readSibling: () => null, project: null, zone: null });
        expect(output.document.version).toBe(1);
        for (const diagnostic of output.diagnostics) {
          expect(Array.isArray(diagnostic.path)).toBe(true);
          expect(diagnostic.message).not.toBe('');
        }
        expect(Array.isArray(output.origin(['meetings', 0, 'slots', 3, 'time']))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test.each(SAMPLES.map(([adapter, sample], index) => [`${adapter.name} #${index + 1}`, adapter, sample] as const))(
    'a real %s file with values replaced or removed never throws, and each problem is reported once',
    (_name, adapter, sample) => {
      const original = sample();
      const paths = pathsOf(original).filter((path) => path.length > 0);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk, fc.boolean()), { minLength: 1, maxLength: 3 }), (edits) => {
          let value = original;
          for (const [path, replacement, remove] of edits) {
            try {
              value = mutate(value, path, replacement, remove);
            } catch {
              // An earlier edit removed this path's parent: nothing to change.
            }
          }
          const output = adapter.adapt({ value, filePath: '/checkout/doc/source/ocata/schedule.yaml', readSibling: () => null, project: null, zone: null });
          const problems = locatedProblems(output).map((path) => JSON.stringify(path));
          // The adapter's own error and the v1 validation never both report the same place.
          const adapterErrors = new Set(errorsOf(output).map((error) => JSON.stringify(error.path)));
          const v1Places = new Set(v1Problems(output).map((problem) => JSON.stringify(problem.path)));
          expect([...adapterErrors].filter((path) => v1Places.has(path))).toEqual([]);
          expect(problems.every((path) => Array.isArray(JSON.parse(path)))).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
  );

  const cases: [string, Adapter, string, (file: Record<string, any>) => void, DocPath][] = [
    ['a meeting file without schedule', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => delete file.schedule, ['schedule']],
    ['a schedule that is a string', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => (file.schedule = 'Thursdays'), ['schedule']],
    ['a time given as a list', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => (file.schedule[0].time = [14, 0]), ['schedule', 0, 'time']],
    ['a schedule entry that is a number', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => (file.schedule[1] = 2100), ['schedule', 1]],
    ['a start_date of "soon"', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => (file.schedule[0].start_date = 'soon'), ['schedule', 0, 'start_date']],
    [
      'skip_dates that are not a list',
      adapterNamed('irc-meetings'),
      'irc-meetings/history/2016-04-12_6328326/third-party-meeting.yaml',
      (file) => (file.schedule[0].skip_dates = 'summits'),
      ['schedule', 0, 'skip_dates'],
    ],
    ['a project name that is a number', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => (file.project = 42), ['project']],
    ['a missing frequency', adapterNamed('irc-meetings'), 'irc-meetings/meetings/nova-team-meeting.yaml', (file) => delete file.schedule[0].frequency, ['schedule', 0, 'frequency']],
    ['a duration in words', adapterNamed('irc-meetings'), 'irc-meetings/meetings/doc-team-meeting.yaml', (file) => (file.schedule[0].duration = 'half an hour'), ['schedule', 0, 'duration']],
    ['a cycle that is a string', adapterNamed('releases schedule'), 'releases/indri-schedule.yaml', (file) => (file.cycle = 'R-24'), ['cycle']],
    ['a week start that is a number', adapterNamed('releases schedule'), 'releases/indri-schedule.yaml', (file) => (file.cycle[1].start = 42), ['cycle', 1, 'start']],
    ['a week without end', adapterNamed('releases schedule'), 'releases/indri-schedule.yaml', (file) => delete file.cycle[2].end, ['cycle', 2, 'end']],
    ['x-project labels that are a number', adapterNamed('releases schedule'), 'releases/indri-schedule.yaml', (file) => (file.cycle[2]['x-project'] = 5), ['cycle', 2, 'x-project']],
    ['a label that is a mapping', adapterNamed('releases schedule'), 'releases/indri-schedule.yaml', (file) => (file.cycle[2]['x-project'] = [{ i: 'vptg' }]), ['cycle', 2, 'x-project', 0]],
    [
      'no R-0 week and a release-week of "spring"',
      adapterNamed('releases schedule'),
      'releases/indri-schedule.yaml',
      (file) => {
        file['release-week'] = 'spring';
        delete file.cycle[25].name;
      },
      ['release-week'],
    ],
    ['a team that is a number', adapterNamed('governance projects'), 'governance/reference/projects.yaml', (file) => (file.nova = 42), ['nova']],
    ['release liaisons that are a number', adapterNamed('governance projects'), 'governance/reference/projects.yaml', (file) => (file.nova.liaisons.release = 7), ['nova', 'liaisons', 'release']],
    ['a team url that is a list', adapterNamed('governance projects'), 'governance/reference/projects.yaml', (file) => (file.nova.url = ['x']), ['nova', 'url']],
  ];

  test.each(cases)('%s is reported once, where it is in the file', (_name, adapter, file, edit, where) => {
    const fixture = readFixture(file);
    const value = structuredClone(fixture.value) as Record<string, any>;
    edit(value);
    const output = adapter.adapt({ value, filePath: fixture.filePath, readSibling: () => null, project: null, zone: null });
    const problems = locatedProblems(output).map((path) => JSON.stringify(path));
    expect(problems.filter((path) => path === JSON.stringify(where))).toHaveLength(1);
  });
});
