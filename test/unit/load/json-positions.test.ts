// A JSON source's problems are reported where the user sees them: every value and key is
// placed exactly where the yaml package's located parse of the same text places it (which is
// how radar located JSON before), on real feeds and on hand-written awkward ones.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocPath } from '../../../src/load/adapters/types';
import { indexJsonPositions } from '../../../src/load/json-positions';
import { parseText, type Position } from '../../../src/load/parse';

/** Every value and key the yaml package finds, by path; of duplicate keys, the last (as in the value). */
function yamlPlaces(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, schema: 'core' });
  expect(document.errors).toEqual([]);
  const at = (node: unknown): Position => {
    const { line, col } = lineCounter.linePos((node as Node).range![0]);
    return { line, column: col };
  };
  const values: [DocPath, Position, 'map' | 'seq' | 'scalar'][] = [];
  const keys: [DocPath, Position][] = [];
  const walk = (node: unknown, path: DocPath) => {
    values.push([path, at(node), isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar']);
    if (isMap(node)) {
      const names = node.items.map((pair) => String((pair.key as { value: unknown }).value));
      node.items.forEach((pair, index) => {
        if (names.lastIndexOf(names[index]!) !== index) return;
        keys.push([[...path, names[index]!], at(pair.key)]);
        walk(pair.value, [...path, names[index]!]);
      });
    } else if (isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
  };
  walk(document.contents, []);
  return { values, keys };
}

/** Each path whose place differs from the yaml package's, with both places: [] when all agree. */
function disagreements(text: string): string[] {
  const positions = indexJsonPositions(text);
  const { values, keys } = yamlPlaces(text);
  const found: string[] = [];
  const check = (path: DocPath, at: 'key' | 'value', expected: Position) => {
    const actual = positions.locate(path, at);
    if (actual.line !== expected.line || actual.column !== expected.column) {
      found.push(`${at} ${JSON.stringify(path)}: ${actual.line}:${actual.column}, yaml says ${expected.line}:${expected.column}`);
    }
  };
  for (const [path, place, kind] of values) {
    check(path, 'value', place);
    // Paths that lead nowhere end at the deepest value on them.
    check([...path, 'no such key'], 'value', place);
    if (kind !== 'map') check([...path, 1_000_000], 'value', place);
    if (kind === 'seq') check([...path, '0'], 'value', place);
    // A list item has no key: asking for one gives the item.
    if (path.length > 0 && typeof path.at(-1) === 'number') check(path, 'key', place);
  }
  for (const [path, place] of keys) check(path, 'key', place);
  return found;
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return /\.json$/.test(name) ? [path] : [];
  });
}

const SCHEDULE = {
  version: 1,
  name: 'Caf\u00e9 \u{1F986} release',
  zone: 'Europe/London',
  milestones: [
    { title: 'Feature freeze', date: '2015-09-03', kind: 'freeze' },
    { title: 'RC1 \u{1F680}', date: '2015-09-17', notes: 'tab\there, quote " and backslash \\' },
  ],
  meetings: [
    {
      title: 'Nova',
      slots: [
        { day: 'thursday', time: '21:00' },
        { day: 'tuesday', time: '14:00', skip: [] },
      ],
      where: '#openstack-nova',
    },
  ],
  projects: Array.from({ length: 12 }, (_, index) => ({ id: `p${index}`, liaisons: {} })),
};

/** Hand-written JSON of every awkward kind JSON.parse accepts. */
const AWKWARD: Record<string, string> = {
  'a byte-order mark': `\uFEFF${JSON.stringify(SCHEDULE, null, 2)}`,
  'CRLF line ends': JSON.stringify(SCHEDULE, null, 2).replace(/\n/g, '\r\n'),
  'tab indentation and blank lines': `\n\n${JSON.stringify(SCHEDULE, null, '\t').replace(/,\n/g, ',\n\n')}\n\n`,
  'one long line': JSON.stringify(SCHEDULE),
  'astral characters before values on the same line': '{"\u{1F986}\u{1F986}": "\u{1F986}", "b": ["\u{1F600}", {"\u043a\u043b\u044e\u0447": "\u5024", "c": 1}], "d": "\u{1F680}"}',
  'escapes in keys and values': String.raw`{"\u0061": "\ud83d\ude00", "b\"c": 1, "\\": [2], "caf\u00e9": {"\/": 3}, "": 4, "tab\t": "\n", "z": "\u2028"}`,
  'duplicate keys, nested and in lists': '{"a": {"x": 1, "y": {"deep": 1}}, "list": [{"k": 1, "k": 2}], "a": {"x": 2}}',
  'duplicate keys written differently': String.raw`{"a": 1, "\u0061": 2, "b": 3}`,
  'a key three times': '{\n"k": 1,\n"k": 2,\n"k": 3\n}',
  'duplicate keys in a mapping of many keys': `{${Array.from({ length: 20 }, (_, index) => `"k${index % 13}": ${index}`).join(',\n')}}`,
  'keys named like numbers and like Object internals': '{"0": "zero", "1": ["one"], "__proto__": {"x": 1}, "constructor": 2, "toString": {"a": []}}',
  'a key and its colon on different lines': '{"a"\n  :\n  1, "b"\n:{"c"  :  [ 1 , 2 ]}}',
  'empty mappings and lists': '{"a": {}, "b": [], "c": [{}, [], [[]], {"d": {}}], "e": [ ], "f": { }}',
  'numbers, booleans and null': '[-0.5e-10, 1E+2, 0, -0, true, false, null, 123456789012345678901234567890]',
  'a long list': JSON.stringify(Array.from({ length: 40 }, (_, index) => (index % 3 === 0 ? { index } : [index]))),
  'a string alone': '  "just text"  ',
  'a number alone': '\n42\n',
  'nested 64 deep': `${'{"a": ['.repeat(32)}1${']}'.repeat(32)}`,
};

describe('where JSON values and keys are', () => {
  it.each(jsonFiles('test/fixtures').concat(jsonFiles('data')))('places every value and key of %s as the yaml package does', (path) => {
    expect(disagreements(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it.each(Object.entries(AWKWARD))('places every value and key of JSON with %s as the yaml package does', (_, text) => {
    expect(() => JSON.parse(text.replace(/^\uFEFF/, ''))).not.toThrow();
    expect(disagreements(text)).toEqual([]);
  });

  it('places every value and key of any JSON document, however it is spaced', () => {
    const spacing = fc.constantFrom<[string | number | undefined, boolean]>([undefined, false], [1, false], [2, true], ['\t', false], [4, true]);
    fc.assert(
      fc.property(fc.jsonValue(), spacing, (value, [indent, crlf]) => {
        const written = JSON.stringify(value, null, indent);
        const text = crlf ? written.replace(/\n/g, '\r\n') : written;
        // The yaml package is the reference only where it reads the same values.
        const document = parseDocument(text, { uniqueKeys: false, schema: 'core' });
        if (document.errors.length > 0 || !Object.is(JSON.stringify(document.toJS()), JSON.stringify(JSON.parse(text)))) return;
        expect(disagreements(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a carriage return alone as white space, not a line end (the yaml package reads "\\r1" as text there)', () => {
    const positions = indexJsonPositions('{"a":\r1,\r"b": 2}');
    expect(positions.locate(['a'])).toEqual({ line: 1, column: 7 });
    expect(positions.locate(['b'], 'key')).toEqual({ line: 1, column: 10 });
  });

  it('walks any depth without recursion: a list nested 100,000 deep, and mappings too', () => {
    const depth = 100_000;
    const lists = indexJsonPositions(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(lists.locate(Array.from({ length: depth - 1 }, () => 0))).toEqual({ line: 1, column: depth });
    // {"a":{"a":…1…}}: each level is 5 characters, so the innermost value is at 5 × depth + 1.
    const mappings = indexJsonPositions(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    const path = Array.from({ length: depth }, () => 'a');
    expect(mappings.locate(path)).toEqual({ line: 1, column: 5 * depth + 1 });
    expect(mappings.locate(path, 'key')).toEqual({ line: 1, column: 5 * (depth - 1) + 2 });
  });

  it('never throws or loops on text that is not (or no longer) JSON, and places what it could read', () => {
    const cut = indexJsonPositions('{"a": [1, 2');
    expect(cut.locate(['a', 1])).toEqual({ line: 1, column: 11 });
    expect(cut.locate(['a', 5])).toEqual({ line: 1, column: 7 });
    expect(indexJsonPositions(String.raw`{"\ ": 1`).locate(['\\ '], 'key')).toEqual({ line: 1, column: 2 });
    const unterminated = indexJsonPositions('{"a": ["x');
    expect(unterminated.locate(['a', 0])).toEqual({ line: 1, column: 8 });
    expect(unterminated.locate(['a', 1])).toEqual({ line: 1, column: 7 });
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'u', '1') }), (value, at, noise) => {
        const text = JSON.stringify(value, null, 1) ?? '';
        const cut = at % (text.length + 1);
        const damaged = `${text.slice(0, cut)}${noise}${text.slice(cut)}`;
        const positions = indexJsonPositions(damaged);
        for (const path of [...pathsOf(value), ['a'], [0, 'a', 1]]) {
          for (const at of ['key', 'value'] as const) {
            const { line, column } = positions.locate(path, at);
            expect(line).toBeGreaterThanOrEqual(1);
            expect(column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('still refuses JSON nested deeper than a schedule needs, with a located error', () => {
    const parsed = parseText(`${'['.repeat(200)}${']'.repeat(200)}`, 'json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ line: 1, column: 1, path: null, message: 'nested more than 64 levels deep' }]);
  });
});

describe('duplicate keys in JSON', () => {
  const duplicated = Object.entries(AWKWARD).filter(([name]) => /duplicate|three times/.test(name));

  it.each(duplicated)('are each a warning worded and placed as in YAML: %s', (_, text) => {
    const json = parseText(text, 'json');
    const yaml = parseText(text, 'yaml');
    if (!json.ok || !yaml.ok) throw new Error('does not parse');
    expect(yaml.warnings.length).toBeGreaterThan(0);
    expect(json.warnings).toEqual(yaml.warnings);
  });

  it('are found at any depth and in mappings of any size, as in YAML', () => {
    // Few names (one of them written with an escape), so that keys repeat often.
    const names = fc.constantFrom('a', 'b', String.raw`\u0061`, 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9');
    const { text } = fc.letrec<{ text: string; mapping: string; list: string }>((tie) => ({
      text: fc.oneof(
        { maxDepth: 4 },
        fc.jsonValue({ maxDepth: 0 }).map((value) => JSON.stringify(value)),
        tie('mapping'),
        tie('list'),
      ),
      mapping: fc.array(fc.tuple(names, tie('text')), { maxLength: 14 }).map((entries) => `{${entries.map(([name, value]) => `"${name}": ${value}`).join(',\n')}}`),
      list: fc.array(tie('text'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    }));
    fc.assert(
      fc.property(text, (written) => {
        const json = parseText(written, 'json');
        const yaml = parseText(written, 'yaml');
        if (!json.ok || !yaml.ok) throw new Error(`does not parse: ${written}`);
        expect(json.warnings).toEqual(yaml.warnings);
        expect(disagreements(written)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('name the line of the previous occurrence, and the value used is the last', () => {
    const parsed = parseText(AWKWARD['a key three times']!, 'json');
    if (!parsed.ok) throw new Error('does not parse');
    expect(parsed.value).toEqual({ k: 3 });
    expect(parsed.warnings).toEqual([
      { line: 3, column: 1, path: ['k'], message: 'duplicate key (also on line 2); the last one is used' },
      { line: 4, column: 1, path: ['k'], message: 'duplicate key (also on line 3); the last one is used' },
    ]);
    expect(parsed.locate(['k'])).toEqual({ line: 4, column: 6 });
  });

  it('are not reported where there are none', () => {
    for (const path of jsonFiles('test/fixtures')) {
      const parsed = parseText(readFileSync(path, 'utf8'), 'json');
      expect(parsed.ok && parsed.warnings).toEqual([]);
    }
  });
});
