// Format v1, defined once. The TypeScript types of raw documents, the validation messages,
// the list of known keys (for unknown-key warnings) and the published JSON Schema all come
// from these zod schemas.
import { z } from 'zod';
import { isCivilDate, weekdayNumber } from '../time/civil';
import { FREQUENCIES } from '../time/recurrence';
import { hasSupportedYear, SUPPORTED_RANGE_TEXT } from '../time/supported-range';
import { isValidZone } from '../time/zoned';
import { ID_PATTERN } from './slug';

/** Shows the value that was found, short enough for one error line. */
export function showValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** "<found> is not <expected>", or "missing" when the key is absent. */
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `is required (${what})` : `${showValue(issue.input)} is not ${what}`);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const text = (what = 'a string') => z.string({ error: expected(what) });

export const IdSchema = text('an identifier (lower case a-z, 0-9, ".", "_", "-")').regex(ID_PATTERN, {
  error: expected('an identifier (lower case a-z, 0-9, ".", "_", "-")'),
});
const IN_RANGE = `in ${SUPPORTED_RANGE_TEXT}`;
export const DateSchema = text('a date (YYYY-MM-DD)')
  .regex(DATE, { error: expected('a date (YYYY-MM-DD)') })
  .refine(isCivilDate, { error: expected('a calendar date (YYYY-MM-DD)'), abort: true })
  .refine(hasSupportedYear, { error: expected(`a date ${IN_RANGE}`) });
export const DateTimeSchema = text('a date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset)')
  .regex(DATE_TIME, { error: expected('a date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset)'), abort: true })
  .refine(hasSupportedYear, { error: expected(`a date-time ${IN_RANGE}`) });
export const TimeSchema = text('a time (HH:MM)').regex(TIME, { error: expected('a time (HH:MM)') });
export const ZoneSchema = text('an IANA time zone').refine(isValidZone, {
  error: expected('a known IANA time zone (e.g. Europe/London)'),
});
export const UrlSchema = text('a URL');
export const PersonSchema = text('a person (a string)');

/** A person or a list of persons, always read as a list. */
const persons = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(PersonSchema, { error: expected('a person or a list of persons') }));

const listOf = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: expected(`a list of ${what}`) });

const int = (what: string, min: number, max: number) =>
  z
    .number({ error: expected(what) })
    .int({ error: expected(what) })
    .min(min, { error: expected(what) })
    .max(max, { error: expected(what) });

export const RoleSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  z.object(
    {
      id: IdSchema,
      name: text().optional(),
      projects: listOf(IdSchema, 'project ids').optional(),
    },
    { error: expected('a role (an id, or a mapping with id)') },
  ),
);

export const ProjectSchema = z.object(
  {
    id: IdSchema,
    name: text().optional(),
    url: UrlSchema.optional(),
    liaisons: z.record(z.string(), persons.nullable(), { error: expected('a mapping of role id to persons') }).optional(),
  },
  { error: expected('a project (a mapping)') },
);

export const CycleSchema = z.object(
  {
    id: IdSchema,
    name: text().optional(),
    start: DateSchema.optional(),
    release: DateSchema,
  },
  { error: expected('a cycle (a mapping)') },
);

/** `eol`: end of life or of support (format.md, milestone). */
export const MILESTONE_KINDS = ['milestone', 'freeze', 'release', 'deadline', 'summit', 'event', 'eol'] as const;

export const MilestoneSchema = z
  .object(
    {
      id: IdSchema.optional(),
      title: text(),
      date: DateSchema.optional(),
      at: DateTimeSchema.optional(),
      end: DateSchema.optional(),
      kind: z.enum(MILESTONE_KINDS, { error: expected(`one of ${MILESTONE_KINDS.join(', ')}`) }).optional(),
      cycle: IdSchema.optional(),
      project: z.union([IdSchema, listOf(IdSchema, 'project ids')], { error: expected('a project id or a list of them') }).optional(),
      url: UrlSchema.optional(),
      notes: text().optional(),
    },
    { error: expected('a milestone (a mapping)') },
  )
  .superRefine((milestone, context) => {
    if (milestone.date === undefined && milestone.at === undefined) {
      context.addIssue({ code: 'custom', path: ['date'], message: 'is required: a milestone needs exactly one of date and at' });
    }
    if (milestone.date !== undefined && milestone.at !== undefined) {
      context.addIssue({ code: 'custom', path: ['at'], message: 'a milestone has either date or at, not both' });
    }
    const first = milestone.date ?? milestone.at?.slice(0, 10);
    if (milestone.end !== undefined && first !== undefined && milestone.end < first) {
      context.addIssue({ code: 'custom', path: ['end'], message: `${showValue(milestone.end)} is before the milestone's first day ${first}` });
    }
  });

const SkipSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { date: value } : value),
  z.object({ date: DateSchema, reason: text().optional() }, { error: expected('a date or a mapping {date, reason}') }),
);

const DaySchema = text('a day (monday … sunday)').refine((day) => weekdayNumber(day) !== null, {
  error: expected('a day (monday … sunday)'),
});

export const SlotSchema = z
  .object(
    {
      day: DaySchema.optional(),
      time: TimeSchema,
      frequency: z.enum(FREQUENCIES, { error: expected(`a frequency (${FREQUENCIES.join(', ')})`) }).optional(),
      interval: int('an interval (a whole number of weeks, 1–52)', 1, 52).optional(),
      week: z
        .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)], {
          error: expected('a week of the month (1–5, or -1 for the last)'),
        })
        .optional(),
      date: DateSchema.optional(),
      start: DateSchema.optional(),
      until: DateSchema.optional(),
      skip: listOf(SkipSchema, 'dates to skip').optional(),
      where: text().optional(),
    },
    { error: expected('a slot (a mapping with day and time)') },
  )
  .superRefine((slot, context) => {
    const frequency = slot.frequency ?? 'weekly';
    if (frequency === 'once') {
      if (slot.date === undefined) context.addIssue({ code: 'custom', path: ['date'], message: 'is required with frequency once' });
    } else if (slot.day === undefined && !frequency.startsWith('first-')) {
      context.addIssue({ code: 'custom', path: ['day'], message: `is required with frequency ${frequency}` });
    }
    if (frequency.startsWith('first-') && slot.day !== undefined) {
      const implied = frequency.slice('first-'.length);
      if (weekdayNumber(slot.day) !== weekdayNumber(implied)) {
        context.addIssue({ code: 'custom', path: ['day'], message: `${showValue(slot.day)} contradicts frequency ${frequency}` });
      }
    }
    if (frequency === 'monthly' && slot.week === undefined) {
      context.addIssue({ code: 'custom', path: ['week'], message: 'is required with frequency monthly (1–5, or -1 for the last)' });
    }
    const interval = frequency === 'biweekly' ? 2 : (slot.interval ?? 1);
    if (interval > 1 && slot.start === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['start'],
        message: `is required: ${frequency === 'biweekly' ? 'biweekly' : `interval ${interval}`} counts weeks from a start date`,
      });
    }
    if (slot.interval !== undefined && frequency !== 'weekly') {
      context.addIssue({ code: 'custom', path: ['interval'], message: `goes with frequency weekly, not ${frequency}` });
    }
    if (slot.start !== undefined && slot.until !== undefined && slot.until < slot.start) {
      context.addIssue({ code: 'custom', path: ['until'], message: `${showValue(slot.until)} is before start ${slot.start}` });
    }
  });

export const MeetingSchema = z.object(
  {
    id: IdSchema.optional(),
    title: text(),
    project: IdSchema.optional(),
    zone: ZoneSchema.optional(),
    duration: int('a duration in minutes (1–1440)', 1, 1440).optional(),
    where: text().optional(),
    chair: text().optional(),
    agenda: UrlSchema.optional(),
    slots: listOf(SlotSchema, 'slots').min(1, { error: 'needs at least one slot' }),
  },
  { error: expected('a meeting (a mapping)') },
);

export const PRIORITY_STATUSES = ['proposed', 'no-plan', 'planned', 'in-progress', 'blocked', 'done', 'dropped'] as const;

export const PrioritySchema = z.object(
  {
    id: IdSchema.optional(),
    title: text(),
    project: IdSchema.optional(),
    cycle: IdSchema.optional(),
    status: z.enum(PRIORITY_STATUSES, { error: expected(`a status (${PRIORITY_STATUSES.join(', ')})`) }).optional(),
    owner: persons.optional(),
    rank: z
      .number({ error: expected('a rank (a whole number)') })
      .int({ error: expected('a rank (a whole number)') })
      .optional(),
    url: UrlSchema.optional(),
    notes: text().optional(),
  },
  { error: expected('a priority (a mapping)') },
);

export const DocumentSchema = z.object(
  {
    version: z.literal(1, { error: expected('1 (the only format version this radar reads)') }).optional(),
    name: text().optional(),
    zone: ZoneSchema.optional(),
    roles: listOf(RoleSchema, 'roles').optional(),
    projects: listOf(ProjectSchema, 'projects').optional(),
    cycles: listOf(CycleSchema, 'cycles').optional(),
    milestones: listOf(MilestoneSchema, 'milestones').optional(),
    meetings: listOf(MeetingSchema, 'meetings').optional(),
    priorities: listOf(PrioritySchema, 'priorities').optional(),
  },
  { error: expected('a schedule document (a mapping with version: 1)') },
);

export type RawDocument = z.infer<typeof DocumentSchema>;
export type RawMeeting = z.infer<typeof MeetingSchema>;
export type RawSlot = z.infer<typeof SlotSchema>;

/**
 * The keys each kind of mapping may have, taken from the schemas above, for the unknown-key
 * warnings. Keyed by the path pattern where such mappings stand.
 */
export const KNOWN_KEYS: Record<string, readonly string[]> = {
  document: Object.keys(DocumentSchema.shape),
  roles: Object.keys(RoleSchema.out.shape),
  projects: Object.keys(ProjectSchema.shape),
  cycles: Object.keys(CycleSchema.shape),
  milestones: Object.keys(MilestoneSchema.shape),
  meetings: Object.keys(MeetingSchema.shape),
  slots: Object.keys(SlotSchema.shape),
  skip: Object.keys(SkipSchema.out.shape),
  priorities: Object.keys(PrioritySchema.shape),
};
