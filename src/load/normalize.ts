// A parsed document → validated, normalized items (format v1 defaults made explicit), each
// located in the file it came from, plus located errors and warnings.
import type { z } from 'zod';
import { addDays, weekdayNumber } from '../time/civil';
import { occurrenceDates, ruleProblem, type Frequency } from '../time/recurrence';
import { parseWallOrInstant } from '../time/instant';
import { startOfDayInstant } from '../time/zoned';
import { DocumentSchema, KNOWN_KEYS, type RawDocument, type RawMeeting, type RawSlot } from '../model/schema';
import { slugify } from '../model/slug';
import { closestWord } from '../text/closest';
import { dataRecord, type Cycle, type Diagnostic, type Meeting, type Milestone, type Origin, type Priority, type Project, type Role, type Severity, type Slot } from '../model/types';
import { findAdapter } from './adapters';
import type { DocPath } from './adapters/types';
import { formatPath, type Position } from './parse';

/** One document's contribution before merging. Project and role names stay null when not written. */
export interface DocumentItems {
  name: string | null;
  roles: Role[];
  projects: Project[];
  cycles: Cycle[];
  milestones: Milestone[];
  meetings: Meeting[];
  priorities: Priority[];
  /** Which fields of each project/role were written, so merging overrides only those. */
  written: { projects: Record<string, string[]>; roles: Record<string, string[]> };
}

export interface NormalizeInput {
  value: unknown;
  source: string;
  locate: (path: DocPath, at?: 'key' | 'value') => Position;
  filePath: string | null;
  readSibling: (name: string) => string | null;
  /** The source's options (configuration): the project of items that name none, the zone of floating times. */
  project?: string | null;
  zone?: string | null;
}

export interface NormalizeResult {
  items: DocumentItems | null;
  diagnostics: Diagnostic[];
}

export function normalizeDocument(input: NormalizeInput): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const report = (path: DocPath, message: string, severity: Severity, at: 'key' | 'value' = 'value') => {
    const position = input.locate(path, at);
    diagnostics.push({ source: input.source, ...position, path: formatPath(path), message, severity });
  };

  let value = input.value;
  // Where a v1 path points in the file the user wrote (adapters translate).
  let origin = (path: DocPath): DocPath => path;
  const adapter = findAdapter(value);
  if (adapter) {
    let output;
    try {
      output = adapter.adapt({
        value,
        filePath: input.filePath,
        readSibling: input.readSibling,
        project: input.project ?? null,
        zone: input.zone ?? null,
      });
    } catch (error) {
      report([], `could not be read as ${adapter.name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return { items: null, diagnostics };
    }
    for (const problem of output.diagnostics) report(problem.path, problem.message, problem.severity);
    value = output.document;
    origin = output.origin;
  } else {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      report([], `${value === null || value === undefined ? 'an empty document' : 'not a mapping'}: expected a schedule (a mapping with version: 1)`, 'error');
      return { items: null, diagnostics };
    }
    for (const [path, key, known] of unknownKeys(value)) {
      const guess = closestWord(key, known);
      const hint = guess === null ? ` (expected one of: ${known.join(', ')})` : `: did you mean ${JSON.stringify(guess)}?`;
      report([...path, key], `unknown key${hint}`, 'warning', 'key');
    }
  }

  const located = (path: DocPath, message: string, severity: Severity) => report(origin(path), message, severity);
  const parsed = DocumentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) located(issue.path as DocPath, issueMessage(issue), 'error');
    return { items: null, diagnostics };
  }
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { items: null, diagnostics };

  const items = buildItems(parsed.data, input.source, (path) => ({ source: input.source, ...input.locate(origin(path)) }), located);
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { items: null, diagnostics };
  return { items, diagnostics };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown keys ${issue.keys.join(', ')}`;
  return issue.message;
}

/** Walks the document with the known key lists, yielding (path, key, known keys) for each stranger. */
function* unknownKeys(document: object): Generator<[DocPath, string, readonly string[]]> {
  const check = function* (value: unknown, path: DocPath, kind: keyof typeof KNOWN_KEYS) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const known = KNOWN_KEYS[kind]!;
    for (const key of Object.keys(value)) if (!known.includes(key)) yield [path, key, known] as [DocPath, string, readonly string[]];
  };
  yield* check(document, [], 'document');
  const lists = ['roles', 'projects', 'cycles', 'milestones', 'meetings', 'priorities'] as const;
  for (const list of lists) {
    const entries = (document as Record<string, unknown>)[list];
    if (!Array.isArray(entries)) continue;
    for (const [index, entry] of entries.entries()) {
      yield* check(entry, [list, index], list);
      if (list !== 'meetings' || entry === null || typeof entry !== 'object') continue;
      const slots = (entry as Record<string, unknown>).slots;
      if (!Array.isArray(slots)) continue;
      for (const [slotIndex, slot] of slots.entries()) {
        yield* check(slot, [list, index, 'slots', slotIndex], 'slots');
        const skips = slot !== null && typeof slot === 'object' ? (slot as Record<string, unknown>).skip : undefined;
        if (!Array.isArray(skips)) continue;
        for (const [skipIndex, skip] of skips.entries()) {
          yield* check(skip, [list, index, 'slots', slotIndex, 'skip', skipIndex], 'skip');
        }
      }
    }
  }
}

type Report = (path: DocPath, message: string, severity: Severity) => void;

function buildItems(document: RawDocument, source: string, originOf: (path: DocPath) => Origin, report: Report): DocumentItems {
  const zone = document.zone ?? 'UTC';
  // Plain records, not Maps: parsed sources are cached as JSON.
  const written: DocumentItems['written'] = { projects: dataRecord(), roles: dataRecord() };
  const fieldsOf = (entry: object) => Object.keys(entry).filter((key) => (entry as Record<string, unknown>)[key] !== undefined);

  const roles = (document.roles ?? []).map((role, index): Role => {
    written.roles[role.id] = fieldsOf(role);
    return { id: role.id, name: role.name ?? '', projects: role.projects ?? null, origin: originOf(['roles', index]) };
  });

  const projects = (document.projects ?? []).map((project, index): Project => {
    written.projects[project.id] = fieldsOf(project);
    const liaisons = dataRecord<string[]>();
    for (const [role, persons] of Object.entries(project.liaisons ?? {})) liaisons[role] = persons ?? [];
    return { id: project.id, name: project.name ?? '', url: project.url ?? null, liaisons, origin: originOf(['projects', index]) };
  });

  const cycles = (document.cycles ?? []).map((cycle, index): Cycle => ({
    id: cycle.id,
    name: cycle.name ?? cycle.id,
    start: cycle.start ?? null,
    release: cycle.release,
    zone,
    origin: originOf(['cycles', index]),
  }));

  const withIds = <T extends { id?: string | undefined; title: string }>(list: string, entries: T[], unique: boolean) => {
    const seen = new Map<string, number>();
    const result: { entry: T; id: string; index: number }[] = [];
    entries.forEach((entry, index) => {
      const id = entry.id ?? slugify(entry.title);
      if (id === '') {
        report([list, index, 'title'], `${JSON.stringify(entry.title)} gives an empty id: add an id`, 'error');
        return;
      }
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        const message = `id ${JSON.stringify(id)} is used again (first at ${list}[${earlier}], line ${originOf([list, earlier]).line})`;
        report([list, index, entry.id === undefined ? 'title' : 'id'], unique ? message : `${message}; this one replaces it`, unique ? 'error' : 'warning');
      }
      seen.set(id, index);
      result.push({ entry, id, index });
    });
    return result;
  };

  const milestones = withIds('milestones', document.milestones ?? [], true).map(({ entry, id, index }): Milestone => {
    const start = entry.date !== undefined ? startOfDayInstant(entry.date, zone) : (parseWallOrInstant(entry.at!, zone) ?? Number.NaN);
    if (Number.isNaN(start)) report(['milestones', index, 'at'], `${JSON.stringify(entry.at)} is not a date-time`, 'error');
    const lastDay = entry.end ?? entry.date;
    return {
      id,
      title: entry.title,
      kind: entry.kind ?? 'milestone',
      cycle: entry.cycle ?? null,
      project: entry.project ?? null,
      url: entry.url ?? null,
      notes: entry.notes ?? null,
      zone,
      date: entry.date ?? null,
      endDate: entry.end ?? null,
      at: entry.at ?? null,
      start,
      end: lastDay !== undefined ? startOfDayInstant(addDays(lastDay, 1), zone) : start,
      origin: originOf(['milestones', index]),
    };
  });

  const meetings = withIds('meetings', document.meetings ?? [], false).map(({ entry, id, index }): Meeting => buildMeeting(entry, id, zone, ['meetings', index], originOf, report));

  const priorities = withIds('priorities', document.priorities ?? [], false).map(({ entry, id, index }): Priority => ({
    id,
    title: entry.title,
    project: entry.project ?? null,
    cycle: entry.cycle ?? null,
    status: entry.status ?? 'proposed',
    owner: (entry.owner ?? []).filter((person) => person.trim() !== ''),
    rank: entry.rank ?? null,
    url: entry.url ?? null,
    notes: entry.notes ?? null,
    origin: originOf(['priorities', index]),
  }));

  return { name: document.name ?? null, roles, projects, cycles, milestones, meetings, priorities, written };
}

function buildMeeting(meeting: RawMeeting, id: string, documentZone: string, path: DocPath, originOf: (path: DocPath) => Origin, report: Report): Meeting {
  const slots = meeting.slots.map((slot, index) => buildSlot(slot, [...path, 'slots', index], originOf, report));
  return {
    id,
    title: meeting.title,
    project: meeting.project ?? null,
    zone: meeting.zone ?? documentZone,
    duration: meeting.duration ?? 60,
    where: meeting.where ?? null,
    chair: meeting.chair ?? null,
    agenda: meeting.agenda ?? null,
    slots,
    origin: originOf(path),
  };
}

function buildSlot(raw: RawSlot, path: DocPath, originOf: (path: DocPath) => Origin, report: Report): Slot {
  const frequency: Frequency = raw.frequency ?? 'weekly';
  const impliedDay = frequency.startsWith('first-') ? frequency.slice('first-'.length) : undefined;
  const slot: Slot = {
    day: weekdayNumber(raw.day ?? impliedDay ?? ''),
    time: raw.time,
    frequency,
    interval: frequency === 'biweekly' ? 2 : (raw.interval ?? 1),
    week: frequency.startsWith('first-') ? 1 : (raw.week ?? null),
    date: raw.date ?? null,
    start: raw.start ?? null,
    until: raw.until ?? null,
    skip: (raw.skip ?? []).map((entry) => ({ date: entry.date, reason: entry.reason ?? null })),
    where: raw.where ?? null,
    origin: originOf(path),
  };
  // The schema checks each field; the rule as a whole (e.g. `once` on a day that contradicts
  // `day`) is checked where occurrences are computed, so both can never disagree.
  const problem = ruleProblem(slot);
  if (problem !== null) {
    report(path, problem, 'error');
    return slot;
  }
  slot.skip.forEach((skip, index) => {
    if (occurrenceDates(slot, skip.date, skip.date).length === 0) {
      report([...path, 'skip', index], `${skip.date} is not a day this slot meets, so there is nothing to skip`, 'warning');
    }
  });
  return slot;
}
