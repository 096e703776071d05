import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources, type LoadResult } from '../../../src/load/load-sources';
import { tempFolder } from '../../helpers/temp';

const folder = tempFolder('radar-load-');
function file(name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}
async function load(...sources: string[]): Promise<LoadResult> {
  return loadSources(sources, { offline: true, cacheDir: join(folder, 'cache'), now: () => 0, readStdin: async () => '' });
}
const errorsOf = (result: LoadResult) => result.reports.flatMap((report) => report.errors);
const warningsOf = (result: LoadResult) => result.reports.flatMap((report) => report.warnings);

describe('reading a schedule someone wrote by hand', () => {
  it('points at the line and column of a time that does not exist, with what was found and expected', async () => {
    const path = file(
      'bad-time.yaml',
      [
        'version: 1',
        'meetings:',
        '  - title: Nova team meeting',
        '    slots:',
        '      - {day: thursday, time: "14:00"}',
        '  - title: Swift',
        '    slots:',
        '      - day: wednesday',
        '        time: "25:00"',
        '',
      ].join('\n'),
    );
    const result = await load(path);
    expect(errorsOf(result)).toEqual([`${path}:9:15: meetings[1].slots[0].time: "25:00" is not a time (HH:MM)`]);
    expect(result.reports[0]!.status).toBe('failed');
  });

  it('locates errors in JSON feeds too', async () => {
    const path = file('feed.json', '{\n  "version": 1,\n  "priorities": [\n    {"title": "Live migration", "status": "someday"}\n  ]\n}\n');
    const result = await load(path);
    expect(errorsOf(result)).toHaveLength(1);
    expect(errorsOf(result)[0]).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}:4:43: priorities\\[0\\]\\.status: "someday" is not a status \\(proposed, no-plan`));
  });

  it('says where JSON stops being JSON', async () => {
    const path = file('broken.json', '{\n  "version": 1,\n  "meetings": [}\n');
    const result = await load(path);
    expect(errorsOf(result)).toEqual([`${path}:3:16: expected a value (text in double quotes, a number, true, false, null, [ or {), found "}"`]);
  });

  it('says where YAML stops being YAML', async () => {
    const path = file('broken.yaml', 'version: 1\nmeetings:\n  - title: "unterminated\n');
    const result = await load(path);
    expect(errorsOf(result)).toEqual([`${path}:4:1: a quoted value is not closed with "`]);
  });

  it('warns about unknown keys where they are, and still loads', async () => {
    const path = file('unknown.yaml', 'version: 1\ncolour: blue\nmilestones:\n  - title: liberty-3\n    date: 2015-09-01\n    owner: ttx\n');
    const result = await load(path);
    expect(result.reports[0]!.status).toBe('loaded');
    expect(warningsOf(result)).toEqual([
      `${path}:2:1: colour: unknown key (expected one of: version, name, zone, roles, projects, cycles, milestones, meetings, priorities)`,
      `${path}:6:5: milestones[0].owner: unknown key (expected one of: id, title, date, at, end, kind, cycle, project, url, notes)`,
    ]);
    expect(result.schedule.milestones.map((milestone) => milestone.id)).toEqual(['liberty-3']);
  });

  it('refuses another format version', async () => {
    const path = file('v2.yaml', 'version: 2\n');
    expect(errorsOf(await load(path))).toEqual([`${path}:1:10: version: 2 is not 1 (the only format version this radar reads)`]);
  });

  it('gives ids from titles as the spec slugs them', async () => {
    const path = file(
      'slugs.yaml',
      'version: 1\nmeetings:\n  - title: "Product WG meeting"\n    slots: [{day: monday, time: "19:00"}]\npriorities:\n  - title: "nova-network → Neutron (migration)!"\n',
    );
    const { schedule } = await load(path);
    expect(schedule.meetings[0]!.id).toBe('product-wg-meeting');
    expect(schedule.priorities[0]!.id).toBe('nova-network-neutron-migration');
  });

  it('requires exactly one of date and at for a milestone', async () => {
    const path = file('milestone.yaml', 'version: 1\nmilestones:\n  - title: RC1\n  - {title: Release, date: 2015-10-15, at: "2015-10-15T12:00Z"}\n');
    const errors = errorsOf(await load(path));
    expect(errors.some((error) => error.includes('milestones[0].date: is required'))).toBe(true);
    expect(errors.some((error) => error.includes('milestones[1].at: a milestone has either date or at'))).toBe(true);
  });

  it('warns about a skip date the slot would not meet on anyway', async () => {
    const path = file('skip.yaml', 'version: 1\nmeetings:\n  - title: Product WG\n    slots:\n      - day: monday\n        time: "19:00"\n        skip: [2015-08-18]\n');
    expect(warningsOf(await load(path))).toEqual([`${path}:7:16: meetings[0].slots[0].skip[0]: 2015-08-18 is not a day this slot meets, so there is nothing to skip`]);
  });

  it('warns about duplicate keys, as the real irc-meetings files have them, and uses the last', async () => {
    const path = file('dup.yaml', 'version: 1\nname: first\nname: second\n');
    const result = await load(path);
    expect(warningsOf(result)).toEqual([`${path}:3:1: name: duplicate key (also on line 2); the last one is used`]);
    expect(result.schedule.name).toBe('second');
  });

  it('fails fast on a billion-laughs document', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const path = file('laughs.yaml', `${lines.join('\n')}\n`);
    const started = process.hrtime.bigint();
    const errors = errorsOf(await load(path));
    expect(errors[0]).toMatch(/aliases here expand the document by more than 100,000 nodes/);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('keeps a broken source from taking the others down', async () => {
    const good = file('good.yaml', 'version: 1\nmilestones: [{title: liberty-3, date: 2015-09-01}]\n');
    const bad = file('bad.yaml', 'version: 1\nmilestones: [{title: oops, date: 2015-13-01}]\n');
    const result = await load(bad, good, join(folder, 'missing.yaml'));
    expect(result.reports.map((report) => report.status)).toEqual(['failed', 'loaded', 'failed']);
    expect(result.reports[2]!.errors[0]).toContain('missing.yaml: cannot read: no such file or folder');
    expect(result.schedule.milestones.map((milestone) => milestone.title)).toEqual(['liberty-3']);
  });
});

describe('merging several sources in order', () => {
  it('merges projects field by field and liaisons role by role, later sources winning', async () => {
    const first = file('merge/a.yaml', 'version: 1\nroles: [release, qa]\nprojects:\n  - id: nova\n    name: Nova\n    url: https://nova.example\n    liaisons: {release: John Garbutt, qa: TBD}\n');
    const second = file('merge/b.yaml', 'version: 1\nroles: [{id: qa, name: Quality assurance}]\nprojects:\n  - id: nova\n    liaisons: {qa: Matt Riedemann}\n');
    const { schedule } = await load(first, second);
    expect(schedule.projects).toHaveLength(1);
    expect(schedule.projects[0]).toMatchObject({ id: 'nova', name: 'Nova', url: 'https://nova.example', liaisons: { release: ['John Garbutt'], qa: ['Matt Riedemann'] } });
    expect(schedule.roles.map((role) => [role.id, role.name])).toEqual([
      ['release', 'release'],
      ['qa', 'Quality assurance'],
    ]);
  });

  it('replaces a meeting with the same id and names both places in a warning', async () => {
    const first = file('merge/c.yaml', 'version: 1\nmeetings:\n  - title: Nova team meeting\n    slots: [{day: thursday, time: "14:00"}]\n');
    const second = file('merge/d.yaml', 'version: 1\nmeetings:\n  - title: Nova team meeting\n    slots: [{day: thursday, time: "21:00"}]\n');
    const result = await load(first, second);
    expect(result.schedule.meetings).toHaveLength(1);
    expect(result.schedule.meetings[0]!.slots[0]!.time).toBe('21:00');
    expect(result.schedule.meetings[0]!.origin.source).toBe(second);
    expect(warningsOf(result)).toEqual([`${second}:3:5: meetings.nova-team-meeting: replaces the one from ${first}:3:5 (same id "nova-team-meeting")`]);
  });

  it('reads every schedule file of a folder, sorted by name', async () => {
    file('folder/b.yaml', 'version: 1\nname: B\nmilestones: [{title: second, date: 2015-09-02}]\n');
    file('folder/a.json', '{"version": 1, "name": "A", "milestones": [{"title": "first", "date": "2015-09-01"}]}');
    file('folder/notes.txt', 'not a schedule');
    const result = await load(join(folder, 'folder'));
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]!.status).toBe('loaded');
    expect(result.schedule.name).toBe('A');
    expect(result.schedule.milestones.map((milestone) => milestone.title)).toEqual(['first', 'second']);
  });
});

describe('starting again on unchanged files', () => {
  it('reuses the parsed file, and notices the moment the file changes', async () => {
    const path = file('cached/team.yaml', 'version: 1\nmilestones: [{title: liberty-3, date: 2015-09-01}]\n');
    const first = await load(path);
    const again = await load(path);
    expect(again.schedule).toEqual(first.schedule);
    expect(readdirSync(join(folder, 'cache', 'parsed')).length).toBeGreaterThan(0);

    writeFileSync(path, 'version: 1\nmilestones: [{title: liberty-3, date: 2015-09-02}, {title: rc1, date: 2015-09-21}]\n');
    const edited = await load(path);
    expect(edited.schedule.milestones.map((milestone) => milestone.title)).toEqual(['liberty-3', 'rc1']);

    writeFileSync(path, 'version: 1\nmilestones: [{title: liberty-3, date: 2015-09-32}]\n');
    const broken = await load(path);
    expect(broken.reports[0]!.status).toBe('failed');
  });
});
