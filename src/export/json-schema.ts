// The published JSON Schema of format v1 (data/radar-v1.schema.json), generated from the zod
// schema the loader validates with, so editors check files against the same rules. zod writes
// the structure; this file adds what zod cannot say in JSON Schema on its own: the shorthand
// forms its preprocessing accepts, the cross-field rules of its refinements, and the meaning
// of each key (format.md) for editors to show on hover.
import { z } from 'zod';
import { DocumentSchema, PrioritySchema, RoleSchema, SlotSchema } from '../model/schema';
import { FREQUENCIES } from '../time/recurrence';

/** Where the schema says it lives; the demo files point at the copy beside them. */
export const SCHEMA_ID = 'urn:release-radar:format:v1';

type JsonSchema = Record<string, unknown>;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

// Schemas that read a string as their longer form (see schema.ts), with where in their JSON
// Schema the string form is described: a role id, a skip date, one person.
const skipSchema = SlotSchema.shape.skip.unwrap().element;
const personsSchema = PrioritySchema.shape.owner.unwrap();
const SHORTHANDS = new Map<unknown, { shorthand: (longer: JsonSchema) => unknown; says: string }>([
  [RoleSchema, { shorthand: (longer) => property(longer, 'id'), says: 'A role id alone is short for {id: <role>}.' }],
  [skipSchema, { shorthand: (longer) => property(longer, 'date'), says: 'A date alone is short for {date: <date>}.' }],
  [personsSchema, { shorthand: (longer) => longer['items'], says: 'One person, or a list of persons.' }],
]);

function property(schema: JsonSchema, key: string): JsonSchema {
  const found = (schema['properties'] as Record<string, JsonSchema> | undefined)?.[key];
  if (found === undefined) throw new Error(`the JSON Schema has no property ${key} where one was expected`);
  return found;
}

/** A zod pipe that transforms its input first: the loader's preprocessing of shorthand forms. */
function isPreprocess(schema: z.core.$ZodType): boolean {
  const definition = schema._zod.def as { type: string; in?: z.core.$ZodType };
  return definition.type === 'pipe' && definition.in?._zod.traits.has('$ZodTransform') === true;
}

function shorthandOverride(context: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  if (!isPreprocess(context.zodSchema)) return;
  const known = SHORTHANDS.get(context.zodSchema);
  // A new shorthand in schema.ts must be described here too, or editors would reject it.
  if (known === undefined) throw new Error('schema.ts preprocesses a value that json-schema.ts does not describe: add it to SHORTHANDS');
  const longer: JsonSchema = { ...context.jsonSchema };
  for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
  Object.assign(context.jsonSchema, { description: known.says, anyOf: [known.shorthand(longer), longer] });
}

/** '^[Mm][Oo][Nn][Dd][Aa][Yy]$': JSON Schema patterns have no case-insensitive flag. */
function anyCase(word: string): string {
  return `^${[...word].map((letter) => `[${letter.toUpperCase()}${letter}]`).join('')}$`;
}

const frequencyIs = (...frequencies: string[]): JsonSchema => ({
  required: ['frequency'],
  properties: { frequency: frequencies.length === 1 ? { const: frequencies[0] } : { enum: frequencies } },
});

const FIRST_WEEKDAY = FREQUENCIES.filter((frequency) => frequency.startsWith('first-'));

/** The slot rules of SlotSchema's superRefine, as if/then. */
function slotRules(): JsonSchema[] {
  return [
    { if: frequencyIs('once'), then: { required: ['date'] } },
    { if: frequencyIs('once', ...FIRST_WEEKDAY), else: { required: ['day'] } },
    ...FIRST_WEEKDAY.map((frequency) => ({
      if: frequencyIs(frequency),
      then: { properties: { day: { type: 'string', pattern: anyCase(frequency.slice('first-'.length)) } } },
    })),
    { if: frequencyIs('monthly'), then: { required: ['week'] } },
    { if: frequencyIs('biweekly'), then: { required: ['start'] } },
    { if: { required: ['interval'], properties: { interval: { type: 'integer', minimum: 2 } } }, then: { required: ['start'] } },
    // Without `frequency` the slot is weekly, which `const` accepts (an absent key passes).
    { if: { required: ['interval'] }, then: { properties: { frequency: { const: 'weekly' } } } },
  ];
}

// What each key means (format.md), by where it stands.
const DESCRIPTIONS: Record<string, Record<string, string>> = {
  document: {
    version: 'Format version; any other value than 1 is an error. Default 1.',
    name: 'Title shown in the dashboard header. Default: the file name.',
    zone: "IANA time zone (e.g. Europe/London) in which this document's dates and times are written. Default UTC.",
    roles: 'Liaison roles every project is expected to fill.',
    projects: 'Projects and their liaisons.',
    cycles: 'Release cycles.',
    milestones: 'Milestones, freezes, releases, deadlines, summits, events and ends of life.',
    meetings: 'Recurring meetings.',
    priorities: 'Priorities of the cycle.',
  },
  roles: {
    id: 'Role id, e.g. release, qa, docs, stable, vmt, product-wg.',
    name: 'e.g. Release management. Default: the id.',
    projects: 'Limit the role to these project ids. Default: all projects.',
  },
  projects: {
    id: 'Project id.',
    name: 'Default: the id.',
    url: 'Project page.',
    liaisons: 'Role id → who serves the role (a person or a list). A role with nobody (or only TBD) is a liaison gap.',
  },
  cycles: {
    id: 'Cycle id, e.g. liberty, 2027.1.',
    name: 'e.g. Liberty, 2027.1 Indri. Default: the id.',
    start: 'First day of development (YYYY-MM-DD).',
    release: 'Release day (YYYY-MM-DD); the Monday–Sunday week holding it is R-0.',
  },
  milestones: {
    id: 'Unique within the document. Default: the slug of the title.',
    title: 'e.g. liberty-3, Feature freeze.',
    date: 'All-day milestone: the day (YYYY-MM-DD) in the document zone. Exactly one of date and at.',
    at: 'Exact moment (YYYY-MM-DDTHH:MM): wall time in the document zone unless it carries Z or an offset. Exactly one of date and at.',
    end: 'Last day of a window (YYYY-MM-DD).',
    kind: 'Default milestone. eol: end of life or of support.',
    cycle: 'Cycle id.',
    project: 'Whose milestone it is: a project id or a list. Default: cross-project.',
    url: 'Page about the milestone.',
    notes: 'Free text.',
  },
  meetings: {
    id: 'Default: the slug of the title.',
    title: 'e.g. Nova team meeting.',
    project: 'Project id.',
    zone: 'IANA time zone the slot times are fixed in. Default: the document zone.',
    duration: 'Minutes, 1–1440. Default 60.',
    where: 'Channel (#openstack-meeting) or URL.',
    chair: 'Who chairs it.',
    agenda: 'URL of the agenda.',
    slots: 'When it meets: alternating times are several slots.',
  },
  slots: {
    day: 'monday … sunday (any case). Required unless the frequency is once or first-<day>.',
    time: "HH:MM, 24-hour, wall-clock time in the meeting's zone.",
    frequency:
      'Default weekly. biweekly = weekly with interval 2 (needs start); biweekly-odd/-even: the ISO week number is odd/even; ' +
      'quadweekly(-week-n): ISO week number mod 4; monthly: the week-th day of the month; first-<day>: monthly in week 1; once: only on date; adhoc: never.',
    interval: 'With weekly: every n weeks (1–52), counted from the first day on or after start. Default 1.',
    week: 'With monthly: which day of the month, 1–5, or -1 for the last.',
    date: 'With once: the single date (YYYY-MM-DD).',
    start: 'No occurrence before this day (YYYY-MM-DD).',
    until: 'No occurrence after this day (YYYY-MM-DD).',
    skip: 'Occurrences that do not happen: dates, or {date, reason}.',
    where: "Where this slot meets, when not at the meeting's where.",
  },
  skip: {
    date: 'The day of the occurrence that does not happen (YYYY-MM-DD).',
    reason: 'Why, e.g. ops summit travel.',
  },
  priorities: {
    id: 'Default: the slug of the title.',
    title: 'e.g. Live migration.',
    project: 'Project id.',
    cycle: 'Cycle id.',
    status: 'Default proposed. no-plan is "priority without a clear plan"; done and dropped close it.',
    owner: 'A person or a list. None means "needs an owner".',
    rank: 'Lower comes first.',
    url: 'Spec or tracking page.',
    notes: 'Free text.',
  },
};

function describe(schema: JsonSchema, kind: string): void {
  const properties = schema['properties'] as Record<string, JsonSchema>;
  for (const [key, value] of Object.entries(properties)) {
    const text = DESCRIPTIONS[kind]?.[key];
    if (text === undefined) throw new Error(`json-schema.ts has no description for ${kind}.${key}: add one to DESCRIPTIONS`);
    // A shorthand's own description says which forms it takes; the meaning comes first, and
    // the description leads the keys for people reading the file.
    const described = { description: typeof value['description'] === 'string' ? `${text} ${value['description']}` : text };
    const rest = { ...value };
    delete rest['description'];
    for (const old of Object.keys(value)) delete value[old];
    Object.assign(value, described, rest);
  }
}

/** The object schema inside a list, or inside the longer form of a shorthand. */
function objectIn(schema: JsonSchema): JsonSchema {
  if (schema['properties'] !== undefined) return schema;
  const longer = (schema['anyOf'] as JsonSchema[] | undefined)?.find((branch) => branch['properties'] !== undefined);
  if (longer === undefined) throw new Error('expected an object schema');
  return longer;
}

const itemsOf = (schema: JsonSchema, key: string): JsonSchema => objectIn(property(schema, key)['items'] as JsonSchema);

export function formatJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(DocumentSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    override: (context) => shorthandOverride(context as unknown as { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }),
  }) as JsonSchema;

  const document = generated;
  describe(document, 'document');
  for (const list of ['roles', 'projects', 'cycles', 'milestones', 'meetings', 'priorities']) describe(itemsOf(document, list), list);
  const meeting = itemsOf(document, 'meetings');
  const slot = itemsOf(meeting, 'slots');
  describe(slot, 'slots');
  describe(itemsOf(slot, 'skip'), 'skip');

  // zod checks zones and days with functions; editors get the words to complete instead.
  const zoneExamples = { examples: ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata'] };
  Object.assign(property(document, 'zone'), zoneExamples);
  Object.assign(property(meeting, 'zone'), zoneExamples);
  Object.assign(property(slot, 'day'), { anyOf: [{ enum: [...WEEKDAYS] }, ...WEEKDAYS.map((day) => ({ pattern: anyCase(day) }))] });
  slot['allOf'] = slotRules();
  itemsOf(document, 'milestones')['oneOf'] = [{ required: ['date'] }, { required: ['at'] }];

  const { $schema, ...rest } = document;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'release-radar schedule, format v1',
    description:
      'One release calendar: projects and their liaisons, release cycles, milestones, recurring meetings and priorities ' +
      '(release-radar format v1). Unknown keys are allowed here; radar warns about them.',
    ...rest,
  };
}

/** The text of data/radar-v1.schema.json. */
export function formatJsonSchemaText(): string {
  return `${JSON.stringify(formatJsonSchema(), null, 2)}\n`;
}
