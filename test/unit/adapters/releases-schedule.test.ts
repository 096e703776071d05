import { describe, expect, test } from 'vitest';
import { milestoneKindOfLabel, projectOfLabel, releasesScheduleAdapter, sectionTitlesByLabel, seriesOfSchedulePath } from '../../../src/load/adapters/releases-schedule';
import { cycleWeekLabel } from '../../../src/time/cycle-weeks';
import { adaptFixture, errorsOf, readFixture, siblingsOf, v1Problems, warningsOf } from './read-fixture';

const adapt = (subPath: string) => adaptFixture(subPath, releasesScheduleAdapter);
type Item = Record<string, any>;
const cycleOf = (output: { document: Record<string, unknown> }) => (output.document.cycles as Item[])[0]!;
const milestonesOf = (output: { document: Record<string, unknown> }) => output.document.milestones as Item[];
const milestone = (output: { document: Record<string, unknown> }, id: string) => milestonesOf(output).find((item) => item.id === id);

/** A real schedule with some of its values changed, as a user's edit might. */
function edited(subPath: string, edit: (file: Record<string, any>) => void) {
  const fixture = readFixture(subPath);
  const file = structuredClone(fixture.value) as Record<string, any>;
  edit(file);
  return releasesScheduleAdapter.adapt({ value: file, filePath: fixture.filePath, readSibling: () => null, project: null, zone: null });
}

const SCHEDULES = [
  'releases/indri-schedule.yaml',
  'releases/hibiscus-schedule.yaml',
  'releases/epoxy-schedule.yaml',
  'releases/ocata-schedule.yaml',
  'releases/quirks/wallaby-schedule.yaml',
  'derived/mitaka-schedule.yaml',
];

describe('releases cycle schedules', () => {
  test('the indri schedule is one cycle named after it, released on the Wednesday of its R+0 week, 24 March 2027', () => {
    const output = adapt('releases/indri-schedule.yaml');
    expect(output.document.cycles).toEqual([{ id: 'indri', start: '2026-10-05', release: '2027-03-24' }]);
    expect(output.diagnostics).toEqual([]);
  });

  test('the week of 25 November 2026 is R-17 of indri, as the file names it', () => {
    const indri = cycleOf(adapt('releases/indri-schedule.yaml'));
    expect(cycleWeekLabel(indri.release, '2026-11-25')).toBe('R-17');
  });

  test('each x-project label is a milestone over its week, titled from the schedule.rst beside the file', () => {
    const output = adapt('releases/indri-schedule.yaml');
    expect(milestone(output, 'i-ff')).toEqual({
      id: 'i-ff',
      title: 'Feature freeze',
      date: '2027-02-15',
      end: '2027-02-19',
      kind: 'freeze',
      cycle: 'indri',
    });
    expect(milestone(output, 'i-vptg')).toMatchObject({ title: 'PTG (virtual)', kind: 'summit', date: '2026-10-12' });
    expect(milestone(output, 'i-final')).toMatchObject({ title: '2027.1 Indri release', kind: 'release', date: '2027-03-22' });
    expect(milestone(output, 'i-cycle-trail')?.title).toBe('2026.2 Hibiscus Cycle-Trailing Release Deadline');
    // Labels without a section there (h-final is defined in hibiscus' schedule.rst) keep the label.
    expect(milestone(output, 'h-final')).toMatchObject({ title: 'h-final', kind: 'release', date: '2026-09-28' });
    const labels = (readFixture('releases/indri-schedule.yaml').value as Item).cycle.flatMap((week: Item) => week['x-project'] ?? []);
    expect(
      milestonesOf(output)
        .map((item) => item.id)
        .sort(),
    ).toEqual([...labels].sort());
  });

  test('without a schedule.rst beside it, a milestone is titled with its label', () => {
    const fixture = readFixture('releases/indri-schedule.yaml');
    const output = releasesScheduleAdapter.adapt({ value: fixture.value, filePath: null, readSibling: () => null, project: null, zone: null });
    expect(cycleOf(output).id).toBe('cycle');
    expect(milestone(output, 'i-ff')?.title).toBe('i-ff');
  });

  test('wallaby: release-week says 3 May 2021 but R-0 is the week of 12 April: the release follows R-0 and release-week gets a located warning', () => {
    const output = adapt('releases/quirks/wallaby-schedule.yaml');
    expect(cycleOf(output)).toEqual({ id: 'wallaby', start: '2020-10-19', release: '2021-04-14' });
    expect(output.diagnostics).toEqual([
      {
        path: ['release-week'],
        severity: 'warning',
        message: '2021-05-03 disagrees with the week named R-0 (cycle[26], 2021-04-12); the release is taken from the R-0 week: 2021-04-14',
      },
    ]);
    expect(output.locate(['release-week'], 'key')).toEqual({ line: 3, column: 1 });
  });

  test("ocata's unnamed pre-cycle weeks, listed out of order and one of them twice, do not break the cycle", () => {
    const output = adapt('releases/ocata-schedule.yaml');
    expect(cycleOf(output)).toEqual({ id: 'ocata', start: '2016-11-07', release: '2017-02-22' });
    expect(errorsOf(output)).toEqual([]);
    expect(milestonesOf(output).filter((item) => item.id.startsWith('n-release'))).toEqual([
      { id: 'n-release', title: 'n-release', date: '2016-10-31', end: '2016-11-04', kind: 'release', cycle: 'ocata' },
    ]);
    expect(
      milestonesOf(output)
        .slice(0, 3)
        .map((item) => item.id),
    ).toEqual(['o-design-summit', 'n-release', 'o-goals-research']);
    expect(milestone(output, 'o-trailing')).toMatchObject({ date: '2017-03-06', kind: 'deadline' });
    expect(cycleWeekLabel(cycleOf(output).release, '2017-03-06')).toBe('R+2');
  });

  test('project-specific labels become milestones of the project their label names', () => {
    const ocata = adapt('releases/ocata-schedule.yaml');
    expect(milestone(ocata, 'o-nova-spec-freeze')).toMatchObject({ project: 'nova', kind: 'freeze', date: '2016-11-14', cycle: 'ocata' });
    expect(milestone(ocata, 'o-key-spec-freeze')?.project).toBe('keystone');
    expect(milestone(ocata, 'o-horizon-ff')).toMatchObject({ project: 'horizon', kind: 'freeze' });
    const wallaby = adapt('releases/quirks/wallaby-schedule.yaml');
    expect(milestone(wallaby, 'w-cinder-spec-freeze')).toMatchObject({ project: 'cinder', date: '2020-12-14' });
  });

  test('a project-specific label that names no project (an election) stays cross-project, with a located warning', () => {
    const ocata = adapt('releases/ocata-schedule.yaml');
    expect(milestone(ocata, 'p-ptl-election')).not.toHaveProperty('project');
    expect(warningsOf(ocata)).toContainEqual(expect.objectContaining({ path: ['cycle', 17, 'project-specific', 0], message: expect.stringContaining('"p-ptl-election" names no project') }));
  });

  test('project-specific labels may also be grouped by project', () => {
    const output = edited('releases/indri-schedule.yaml', (file) => {
      file.cycle[9]['project-specific'] = { Nova: ['i-spec-freeze'], manila: 'i-bugsquash' };
    });
    expect(milestone(output, 'i-spec-freeze')).toMatchObject({ project: 'nova', date: '2026-11-30', kind: 'freeze' });
    expect(milestone(output, 'i-bugsquash')).toMatchObject({ project: 'manila', kind: 'event' });
  });

  test("epoxy's election voting, listed three weeks running, is one window; a review day that comes back later is a second milestone", () => {
    const output = adapt('releases/epoxy-schedule.yaml');
    expect(milestonesOf(output).filter((item) => item.id.startsWith('f-election-voting'))).toEqual([
      { id: 'f-election-voting', title: 'f-election-voting', date: '2025-03-03', end: '2025-03-21', kind: 'event', cycle: 'epoxy' },
    ]);
    expect(
      milestonesOf(output)
        .filter((item) => item.id.startsWith('e-nova-spec-review-day'))
        .map((item) => [item.id, item.date]),
    ).toEqual([
      ['e-nova-spec-review-day', '2024-11-11'],
      ['e-nova-spec-review-day-2', '2024-12-09'],
    ]);
  });

  test.each(SCHEDULES)('%s adapts into a valid format v1 document without errors', (file) => {
    const output = adapt(file);
    expect(errorsOf(output)).toEqual([]);
    expect(v1Problems(output)).toEqual([]);
  });

  test('a week whose start is not a date is one located error, and its labels are left out', () => {
    const output = edited('releases/indri-schedule.yaml', (file) => {
      file.cycle[20].start = '2027-02-30';
    });
    expect(errorsOf(output)).toEqual([{ path: ['cycle', 20, 'start'], severity: 'error', message: '"2027-02-30" is not a date (YYYY-MM-DD)' }]);
    expect(milestone(output, 'i-ff')).toBeUndefined();
    expect(v1Problems(output)).toEqual([]);
  });

  test('a schedule with no R-0 week and no release-week cannot place its release: one located error, no cycle', () => {
    const output = edited('releases/indri-schedule.yaml', (file) => {
      delete file['release-week'];
      file.cycle[25].name = 'release';
    });
    expect(errorsOf(output)).toEqual([{ path: ['cycle'], severity: 'error', message: 'no week is named R-0 (or R+0) and there is no release-week: the release day of the cycle is unknown' }]);
    expect(output.document.cycles).toBeUndefined();
    expect(milestone(output, 'i-ff')).not.toHaveProperty('cycle');
    expect(v1Problems(output)).toEqual([]);
  });

  test('a week named out of step with the R-0 week is pointed out', () => {
    const output = edited('releases/indri-schedule.yaml', (file) => {
      file.cycle[8].name = 'R-18';
    });
    expect(warningsOf(output)).toEqual([expect.objectContaining({ path: ['cycle', 8, 'name'], message: 'this week (2026-11-23) is R-17 counted from the release on 2027-03-24, not R-18' })]);
  });

  test('dates the YAML parser gives as Date objects read the same as quoted ones', () => {
    const output = edited('releases/quirks/wallaby-schedule.yaml', (file) => {
      for (const week of file.cycle) week.start = new Date(`${week.start}T00:00:00Z`);
    });
    expect(cycleOf(output).release).toBe('2021-04-14');
    expect(errorsOf(output)).toEqual([]);
  });
});

describe('what a schedule label says', () => {
  test.each([
    ['i-final', 'release'],
    ['n-release', 'release'],
    ['i-ff', 'freeze'],
    ['i-soft-sf', 'freeze'],
    ['o-manila-spec-frz1', 'freeze'],
    ['m-nova-npff', 'freeze'],
    ['i-extra-acs', 'freeze'],
    ['i-vptg', 'summit'],
    ['p-ptg0', 'summit'],
    ['m-design-summit', 'summit'],
    ['f-election-voting', 'event'],
    ['e-manila-bugsquash', 'event'],
    ['i-final-lib', 'deadline'],
    ['i-finalrc', 'deadline'],
    ['o-cinder-nddeadline', 'deadline'],
    ['i-cycle-highlights', 'deadline'],
    ['i-1', 'milestone'],
    ['i-rc1', 'milestone'],
  ])('%s is a %s', (label, kind) => {
    expect(milestoneKindOfLabel(label)).toBe(kind);
  });

  test.each([
    ['o-nova-spec-freeze', 'nova'],
    ['m-key-bp-freeze', 'keystone'],
    ['m-glance_store-maint', 'glance'],
    ['e-openstackclient-freeze', 'openstackclient'],
    ['p-ptl-election', null],
    ['n-tc-nomination', null],
    ['i-ff', null],
  ])('%s belongs to %s', (label, project) => {
    expect(projectOfLabel(label)).toBe(project);
  });

  test('the series comes from the folder of schedule.yaml, or from a <series>-schedule.yaml name', () => {
    expect(seriesOfSchedulePath('/src/releases/doc/source/indri/schedule.yaml')).toBe('indri');
    expect(seriesOfSchedulePath('test/fixtures/releases/ocata-schedule.yaml')).toBe('ocata');
    expect(seriesOfSchedulePath('calendar.yaml')).toBeNull();
    expect(seriesOfSchedulePath(null)).toBeNull();
  });

  test('schedule.rst section titles are read under their anchors, overlined or stacked ones too', () => {
    const rst = ['.. _a:', '.. _b:', '', '=====', 'Both', '=====', '', '.. _c:', '', 'Not a heading, a paragraph.', '', '.. _d:', '', 'Dee', '~~~'].join('\n');
    expect(Object.fromEntries(sectionTitlesByLabel(rst))).toEqual({ a: 'Both', b: 'Both', d: 'Dee' });
    const fixture = readFixture('releases/indri-schedule.yaml');
    expect(sectionTitlesByLabel(siblingsOf(fixture.filePath)('indri-schedule.rst')!).get('i-mf')).toBe('Membership Freeze');
  });
});
