// Whatever is in a file, the loader answers: it loads, or it says where the problem is. It
// never throws, and every message is located.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fromText } from '../../../src/load/from-text';
import { parseText } from '../../../src/load/parse';

const LIBERTY = readFileSync('data/liberty-2015.yaml', 'utf8');
const INDRI = readFileSync('data/openstack-2027.1.yaml', 'utf8');
const IRC = readFileSync('test/fixtures/irc-meetings/meetings/nova-team-meeting.yaml', 'utf8');
const LOCATED = /^[^\n]+:\d+:\d+: /;

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

const strange = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant('25:00'),
  fc.constant('2015-02-30'),
  fc.constant('\u001b]0;pwned\u0007'),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

function mutate(document: unknown, choice: number, replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(document);
  const paths = pathsOf(copy).filter((path) => path.length > 0);
  const path = paths[choice % paths.length]!;
  let parent: any = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  const last = path.at(-1)!;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

describe('the loader under random damage', () => {
  for (const [name, text] of [
    ['the Liberty demo', LIBERTY],
    ['the Indri demo', INDRI],
    ['an irc-meetings file', IRC],
  ] as const) {
    it(`never throws on mutations of ${name}, and loads or gives located errors`, () => {
      const parsed = parseText(text, 'yaml');
      if (!parsed.ok) throw new Error('fixture does not parse');
      fc.assert(
        fc.property(fc.nat(), strange, fc.boolean(), fc.boolean(), (choice, replacement, remove, asJson) => {
          const damaged = mutate(parsed.value, choice, replacement, remove);
          const body = asJson ? JSON.stringify(damaged) : stringify(damaged);
          const outcome = fromText('fuzz', 'fuzz', body, asJson ? 'json' : 'yaml', null);
          const { report } = outcome;
          if (report.status === 'failed') expect(report.errors.length).toBeGreaterThan(0);
          else expect(outcome.documents).toHaveLength(1);
          for (const message of [...report.errors, ...report.warnings]) {
            expect(message).toMatch(LOCATED);
            expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('never throws on random bytes, as YAML or as JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (text, asJson) => {
        const outcome = fromText('noise', 'noise', text, asJson ? 'json' : 'yaml', null);
        for (const message of outcome.report.errors) expect(message).toMatch(LOCATED);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on truncated documents', () => {
    fc.assert(
      fc.property(fc.nat({ max: LIBERTY.length }), (cut) => {
        const outcome = fromText('cut', 'cut', LIBERTY.slice(0, cut), 'yaml', null);
        for (const message of outcome.report.errors) expect(message).toMatch(LOCATED);
      }),
      { numRuns: 150 },
    );
  });
});
