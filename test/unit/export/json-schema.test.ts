// The published JSON Schema: never drifting from the zod schema, accepting what radar accepts.
// Validation uses ajv, an independent JSON Schema validator (present in node_modules as a
// dependency of conf; used by the tests only).
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { feedText, scheduleToFeed } from '../../../src/export/feed';
import { formatJsonSchema, formatJsonSchemaText } from '../../../src/export/json-schema';
import { DocumentSchema } from '../../../src/model/schema';
import { INDRI, IRC_MEETINGS, LIBERTY, loadSchedule, ROOT } from './schedules';

const SCHEMA_PATH = join(ROOT, 'data/radar-v1.schema.json');
const strictWarnings: string[] = [];
const ajv = new Ajv({ allErrors: true, logger: { log: () => {}, warn: (message: string) => strictWarnings.push(message), error: () => {} } });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));

function verdict(document: unknown): { schema: boolean; zod: boolean } {
  return { schema: validate(document) as boolean, zod: DocumentSchema.safeParse(document).success };
}

describe('data/radar-v1.schema.json', () => {
  it('is exactly what the zod schema generates today (run node scripts/generate-schema.mjs after changing it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(formatJsonSchemaText());
  });

  it('is a draft-07 schema with an id, a title and a description, that ajv compiles without a strict-mode complaint', () => {
    const schema = formatJsonSchema();
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toEqual(expect.any(String));
    expect(schema['title']).toMatch(/format v1/);
    expect(strictWarnings).toEqual([]);
  });

  it('validates both demo files, which point their editors at it', () => {
    for (const path of [LIBERTY, INDRI]) {
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./radar-v1.schema.json');
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('validates the feed of the demos and of the irc-meetings folder', async () => {
    const feed = scheduleToFeed(await loadSchedule(LIBERTY, INDRI, IRC_MEETINGS));
    expect(validate(JSON.parse(feedText(feed))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes every key, for editors to show on hover', () => {
    const undescribed: string[] = [];
    const walk = (schema: unknown, path: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      for (const [key, value] of Object.entries((node['properties'] as Record<string, Record<string, unknown>>) ?? {})) {
        if (path.includes('/if') || path.includes('/then')) continue;
        if (typeof value['description'] !== 'string') undescribed.push(`${path}/${key}`);
      }
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}/${key}/${index}`));
        else walk(value, `${path}/${key}`);
      }
    };
    walk(formatJsonSchema(), '');
    expect(undescribed).toEqual([]);
  });
});

describe('the JSON Schema accepts and refuses what radar does', () => {
  const meeting = (slot: Record<string, unknown>) => ({ version: 1, meetings: [{ title: 'Team', slots: [slot] }] });
  const cases: [string, unknown, boolean][] = [
    ['roles as plain ids', { roles: ['release', { id: 'docs', name: 'Documentation' }] }, true],
    ['a liaison as one person, a list, or nobody', { projects: [{ id: 'nova', liaisons: { release: 'Jane', qa: ['A', 'B'], docs: null } }] }, true],
    ['an owner as one person', { priorities: [{ title: 'Cells', owner: 'Andrew' }] }, true],
    ['skips as dates or with reasons', meeting({ day: 'monday', time: '19:00', skip: ['2015-08-17', { date: '2015-08-24', reason: 'travel' }] }), true],
    ['a day in capitals', meeting({ day: 'THURSDAY', time: '14:00' }), true],
    ['a day that is no day', meeting({ day: 'someday', time: '14:00' }), false],
    ['a time of 25:00', meeting({ day: 'monday', time: '25:00' }), false],
    ['a weekly slot without a day', meeting({ time: '14:00' }), false],
    ['first-monday without a day', meeting({ time: '14:00', frequency: 'first-monday' }), true],
    ['first-monday on a Tuesday', meeting({ day: 'tuesday', time: '14:00', frequency: 'first-monday' }), false],
    ['first-monday on a MONDAY', meeting({ day: 'MONDAY', time: '14:00', frequency: 'first-monday' }), true],
    ['once without a date', meeting({ time: '14:00', frequency: 'once' }), false],
    ['once with a date and no day', meeting({ time: '14:00', frequency: 'once', date: '2015-09-09' }), true],
    ['monthly without a week', meeting({ day: 'friday', time: '14:00', frequency: 'monthly' }), false],
    ['monthly in the last week', meeting({ day: 'friday', time: '14:00', frequency: 'monthly', week: -1 }), true],
    ['monthly in week 6', meeting({ day: 'friday', time: '14:00', frequency: 'monthly', week: 6 }), false],
    ['biweekly without a start', meeting({ day: 'friday', time: '14:00', frequency: 'biweekly' }), false],
    ['every 3 weeks without a start', meeting({ day: 'friday', time: '14:00', interval: 3 }), false],
    ['every 3 weeks from a start', meeting({ day: 'friday', time: '14:00', interval: 3, start: '2015-06-05' }), true],
    ['an interval with biweekly-odd', meeting({ day: 'friday', time: '14:00', frequency: 'biweekly-odd', interval: 1 }), false],
    ['a frequency radar does not know', meeting({ day: 'friday', time: '14:00', frequency: 'fortnightly' }), false],
    ['a meeting without slots', { meetings: [{ title: 'Team', slots: [] }] }, false],
    ['a duration of a day and a minute', { meetings: [{ title: 'Team', duration: 1441, slots: [{ day: 'monday', time: '10:00' }] }] }, false],
    ['a milestone with a date', { milestones: [{ title: 'liberty-3', date: '2015-09-01', end: '2015-09-03' }] }, true],
    ['a milestone with an exact moment', { milestones: [{ title: 'RC', at: '2015-09-01T12:00+02:00' }] }, true],
    ['a milestone with both date and at', { milestones: [{ title: 'RC', date: '2015-09-01', at: '2015-09-01T12:00' }] }, false],
    ['a milestone with neither date nor at', { milestones: [{ title: 'RC' }] }, false],
    ['a milestone kind radar does not know', { milestones: [{ title: 'RC', date: '2015-09-01', kind: 'party' }] }, false],
    ['an id in capitals', { projects: [{ id: 'Nova' }] }, false],
    ['version 2', { version: 2 }, false],
    ['an unknown key (a warning for radar, not an error)', { version: 1, colour: 'blue' }, true],
  ];
  for (const [name, document, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${name}, as radar does`, () => {
      expect(verdict(document)).toEqual({ schema: valid, zod: valid });
    });
  }
});
