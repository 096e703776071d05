// Whatever is in a file, the loader answers: it loads, or it says where the problem is. It
// never throws, and every message is located.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { feedText, scheduleToFeed } from '../../../src/export/feed';
import { scheduleToIcs } from '../../../src/export/ics';
import { fromText } from '../../../src/load/from-text';
import { loadSources } from '../../../src/load/load-sources';
import { parseText } from '../../../src/load/parse';
import { FIRST_SUPPORTED_INSTANT, LAST_SUPPORTED_INSTANT, MAX_DAYS } from '../../../src/time/supported-range';
import { liaisonGaps } from '../../../src/views/gaps';
import { upcomingOccurrences } from '../../../src/views/meetings';
import { milestonesInView } from '../../../src/views/milestones';
import { prioritiesInView } from '../../../src/views/priorities';

const LIBERTY = readFileSync('data/liberty-2015.yaml', 'utf8');
const INDRI = readFileSync('data/openstack-2027.1.yaml', 'utf8');
const IRC = readFileSync('test/fixtures/irc-meetings/meetings/nova-team-meeting.yaml', 'utf8');
const LOCATED = /^[^\n]+:\d+:\d+: /;
/** A problem of a file as a whole (unreadable) names the file only. */
const LOCATED_OR_WHOLE = /^[^\n]+(:\d+:\d+)?: /;

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

/** A copy of the document, and the container and key of one of its places, chosen by `choice`. */
function pickPlace(document: unknown, choice: number): { copy: unknown; parent: any; last: string | number } {
  const copy = structuredClone(document);
  const paths = pathsOf(copy).filter((path) => path.length > 0);
  const path = paths[choice % paths.length]!;
  let parent: any = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  return { copy, parent, last: path.at(-1)! };
}

function mutate(document: unknown, choice: number, replacement: unknown, remove: boolean): unknown {
  const { copy, parent, last } = pickPlace(document, choice);
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

// Issue 11: far dates, prototype names and control characters, through loading (files named
// with them, in a folder), merging and every selector, at moments anywhere in the range.
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const farDate = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 9990, max: 10_001 }), fc.integer({ min: 0, max: 99_999 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const controlText = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\u0000', ']', '0', ';', 'x', '\n'), fc.constantFrom('a', 'b')), minLength: 1, maxLength: 8 });
const oddKey = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), controlText);
const oddValue = fc.oneof(farDate, fc.constantFrom(...PROTOTYPE_NAMES), controlText, fc.constant({ release: ['x'] }), fc.constant(['constructor']));

/** Renames the key at a path, or sets a value there, or adds a key to the mapping there. */
function damage(document: unknown, choice: number, key: string, value: unknown, how: number): unknown {
  const { copy, parent, last } = pickPlace(document, choice);
  const define = (target: object, name: string, content: unknown) => Object.defineProperty(target, name, { value: content, enumerable: true, writable: true, configurable: true });
  if (how % 3 === 0 && !Array.isArray(parent)) {
    const content = parent[last];
    delete parent[last];
    define(parent, key, content);
  } else if (how % 3 === 1) parent[last] = value;
  else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) define(parent[last], key, value);
  else parent[last] = value;
  return copy;
}

describe('the whole program under hostile data (issue 11)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'radar-fuzz-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const liberty = parseText(LIBERTY, 'yaml');
  if (!liberty.ok) throw new Error('fixture does not parse');

  it('loads, merges and shows any of it without throwing; every message is located and clean', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        oddKey,
        oddValue,
        fc.nat(),
        fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), controlText),
        fc.integer({ min: FIRST_SUPPORTED_INSTANT, max: LAST_SUPPORTED_INSTANT }),
        fc.constantFrom(FIRST_SUPPORTED_INSTANT, LAST_SUPPORTED_INSTANT - 86_400_000, Date.UTC(2015, 7, 11)),
        fc.boolean(),
        async (choice, key, value, how, fileName, anyMoment, edgeMoment, atEdge) => {
          run += 1;
          const dir = join(folder, `run-${run}`);
          mkdirSync(dir);
          const damaged = damage(liberty.value, choice, key, value, how);
          // The file name carries the odd text too; the '/' of a path cannot be in a name.
          writeFileSync(join(dir, `${fileName.replace(/[/\u0000]/g, '_')}.yaml`), stringify(damaged));
          // Role ids are lower case: the prototype names that can be one.
          writeFileSync(join(dir, 'z-roles.yaml'), 'version: 1\nroles: [constructor, prototype]\n');
          const loaded = await loadSources([dir], { offline: true, cacheDir: join(dir, 'cache'), now: () => 0, readStdin: async () => '', parsedCache: false });
          for (const message of loaded.reports.flatMap((report) => [...report.errors, ...report.warnings])) {
            expect(message).toMatch(LOCATED_OR_WHOLE);
            expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          }
          const now = atEdge ? edgeMoment : anyMoment;
          const filter = { projects: [], text: '' };
          // 400 days: from the last days of the range, a window reaching past year 9999.
          upcomingOccurrences(loaded.schedule, now, 400, filter);
          milestonesInView(loaded.schedule, { now, days: MAX_DAYS, all: true, filter });
          liaisonGaps(loaded.schedule, filter);
          prioritiesInView(loaded.schedule, true, filter);
          scheduleToIcs(loaded.schedule, { now, meetingDays: 400, milestoneDays: MAX_DAYS, all: true, filter });
          feedText(scheduleToFeed(loaded.schedule));
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 120 },
    );
  });
});
