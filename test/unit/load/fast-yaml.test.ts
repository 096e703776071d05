// The fast YAML path must read every file exactly as the careful one does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseText } from '../../../src/load/parse';

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('reading YAML quickly', () => {
  const files = [...yamlFiles('test/fixtures'), ...yamlFiles('data')];

  it.each(files)('reads %s to the same values as the yaml package', (path) => {
    const text = readFileSync(path, 'utf8');
    const parsed = parseText(text, 'yaml');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toEqual(parse(text, { schema: 'core', uniqueKeys: false }));
  });

  it('agrees on the scalars people write: dates and times stay strings, booleans and numbers do not', () => {
    const text = 'date: 2015-09-01\ntime: 14:00\nlate: 21:00\nyes: true\nno: off\nn: 0x1f\nf: 1.5\nnothing: ~\n';
    const parsed = parseText(text, 'yaml');
    expect(parsed.ok && parsed.value).toEqual(parse(text, { schema: 'core' }));
    expect(parsed.ok && parsed.value).toEqual(loadYaml(text, { schema: CORE_SCHEMA }));
  });

  it.each(files)('places every item of %s where the careful parser does', (path) => {
    const text = readFileSync(path, 'utf8');
    const fast = parseText(text, 'yaml');
    const careful = parseText(`${text}\n# &anchor-free marker *`, 'yaml');
    if (!fast.ok || !careful.ok) throw new Error('does not parse');
    const value = fast.value as Record<string, unknown>;
    for (const list of ['meetings', 'milestones', 'priorities', 'projects', 'cycles', 'schedule', 'cycle']) {
      const items = value?.[list];
      if (!Array.isArray(items)) continue;
      items.forEach((_, index) => expect(fast.locate([list, index])).toEqual(careful.locate([list, index])));
    }
  });

  it('places items of flow-style lists too', () => {
    const text = 'version: 1\nmilestones: [{title: a, date: 2015-09-01}, {title: b, date: 2015-09-02}]\n';
    const fast = parseText(text, 'yaml');
    expect(fast.ok && fast.locate(['milestones', 1])).toEqual({ line: 2, column: 44 });
  });

  it('still locates problems found later in a file read the fast way', () => {
    const parsed = parseText('version: 1\nmeetings:\n  - title: a\n    slots:\n      - {day: monday, time: "25:00"}\n', 'yaml');
    expect(parsed.ok && parsed.locate(['meetings', 0, 'slots', 0, 'time'])).toEqual({ line: 5, column: 29 });
  });
});
