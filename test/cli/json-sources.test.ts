// JSON sources through the built program: each problem is pointed at where it is written
// (the same place as in the same text read as YAML), with no cache to lean on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, radar, type Run } from '../helpers/run-radar';

const folder = mkdtempSync(join(tmpdir(), 'radar-json-'));
const homes: string[] = [];
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** `radar validate` with an empty cache: the file is parsed and located every time. */
function validate(path: string): Run {
  const env = isolatedEnv();
  homes.push(env['HOME']!);
  return radar(['validate', path], { env });
}

/** The problem lines of a run, the summary left out. */
const problems = (run: Run): string[] => `${run.stdout}${run.stderr}`.split('\n').filter((line) => /:\d+:\d+: /.test(line));

/** `line:column` of the nth occurrence of `needle`, counted by hand: lines end at \n, columns in UTF-16 units from 1. */
function placeOf(text: string, needle: string, nth = 0): string {
  let offset = -1;
  for (let seen = 0; seen <= nth; seen += 1) offset = text.indexOf(needle, offset + 1);
  if (offset === -1) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const SCHEDULE = `{
  "version": 1,
  "zone": "UTC",
  "milestones": [
    {"title": "Feature freeze", "date": "2015-09-03", "kind": "freeze"},
    {"title": "RC1 \u{1F680}", "date": "2015-09-31"},
    {"title": "Final release", "date": "2015-10-15", "colour": "red"}
  ],
  "meetings": [
    {"title": "Nova", "where": "#openstack-nova", "where": "#openstack-meeting-3",
     "slots": [{"day": "thursday", "time": "21:00"}, {"day": "tuesday", "time": "25:00"}]}
  ]
}
`;

describe('a JSON schedule with mistakes in it', () => {
  it('says where JSON stops being JSON', () => {
    const path = file('broken.json', '{\n  "version": 1,\n  "milestones": [\n    {"title": "a", "date": "2015-09-01"},\n  ]\n}\n');
    const run = validate(path);
    expect(run.code).toBe(1);
    // The list closes on line 5, column 3, right after a trailing comma.
    expect(problems(run)).toEqual([`${path}:5:3: a comma before ] (JSON allows no trailing comma)`]);
  });

  it('points at each mistake where it is written, past an emoji, in a duplicated key and in a nested list', () => {
    const path = file('schedule.json', SCHEDULE);
    const run = validate(path);
    expect(run.code).toBe(1);
    expect(problems(run)).toEqual([
      // In line order (issue 12 item 13), as an editor walks them.
      `${path}:${placeOf(SCHEDULE, '"2015-09-31"')}: milestones[1].date: "2015-09-31" is not a calendar date (YYYY-MM-DD)`,
      `${path}:${placeOf(SCHEDULE, '"colour"')}: milestones[2].colour: warning: unknown key (expected one of: id, title, date, at, end, kind, cycle, project, url, notes)`,
      `${path}:${placeOf(SCHEDULE, '"where"', 1)}: meetings[0].where: warning: duplicate key (also on line 10); the last one is used`,
      `${path}:${placeOf(SCHEDULE, '"25:00"')}: meetings[0].slots[1].time: "25:00" is not a time (HH:MM)`,
    ]);
  });

  it('is reported exactly as the same text read as YAML, with CRLF line ends and a duplicate key too', () => {
    const text = SCHEDULE.replace(/\n/g, '\r\n');
    const asJson = problems(validate(file('crlf.json', text)));
    const asYaml = problems(validate(file('crlf.yaml', text)));
    expect(asJson).toHaveLength(4);
    expect(asJson.map((line) => line.replace('crlf.json', 'crlf.yaml'))).toEqual(asYaml);
  });
});

describe("Python's python-releases.json with a date broken", () => {
  const fixture = readFileSync('test/fixtures/python/python-releases.json', 'utf8');

  it('points into the file at the broken date, hundreds of lines down', () => {
    const broken = fixture.replace('"end_of_life": "2001-06-22"', '"end_of_life": "2001-06-31"');
    expect(broken).not.toBe(fixture);
    const path = file('python-releases.json', broken);
    const run = validate(path);
    const place = placeOf(broken, '"2001-06-31"');
    expect(problems(run).filter((line) => line.startsWith(`${path}:${place}: metadata.2.0.end_of_life: `))).toHaveLength(1);
  });
});
