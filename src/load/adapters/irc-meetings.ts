// OpenStack irc-meetings meeting files (meetings/*.yaml, the input of yaml2ical) read as one
// format v1 meeting each. Their vocabulary is yaml2ical's (meeting.py, recurrence.py).
import { ID_PATTERN, slugify } from '../../model/slug';
import { FREQUENCIES, type Frequency } from '../../time/recurrence';
import { startAdaptation, type Report } from './origin-map';
import { civilDateFromCompact, clockTimeFromHhmm, describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

/**
 * The frequencies yaml2ical knows (its `supported_recurrences`), plus first-saturday and
 * first-sunday, which the spec lists with them. Format v1 accepts each of them as written.
 */
export const IRC_MEETING_FREQUENCIES: readonly Frequency[] = FREQUENCIES.filter((frequency) => frequency !== 'biweekly' && frequency !== 'monthly' && frequency !== 'once');

/** What yaml2ical reads from a schedule entry; anything else there is probably a typo. */
const SCHEDULE_ENTRY_KEYS = ['time', 'day', 'irc', 'frequency', 'start_date', 'end_date', 'duration', 'skip_dates'];
const SKIP_DATE_KEYS = ['skip_date', 'reason'];

/** yaml2ical's duration when an entry gives none. */
const DEFAULT_DURATION = 60;

const TIME_FORMAT = "HHMM in UTC, e.g. '1400'";
const DATE_FORMAT = 'YYYYMMDD, e.g. 20160107';

function isScheduleEntry(entry: unknown): entry is Record<string, unknown> {
  return isRecord(entry) && 'irc' in entry && 'frequency' in entry;
}

/**
 * A top-level `schedule` list whose entries have `irc` and `frequency`, with `project` and
 * `chair`; files without a chair are still recognised by entries that also have time and day.
 */
export function isIrcMeetingFile(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.schedule)) return false;
  const entries = value.schedule.filter(isScheduleEntry);
  if (entries.length === 0) return false;
  if ('project' in value && 'chair' in value) return true;
  return entries.some((entry) => 'time' in entry && 'day' in entry);
}

interface SlotDraft {
  sourceIndex: number;
  slot: Record<string, unknown>;
  /** (path under the slot, original path) pairs. */
  links: [DocPath, DocPath][];
  where: string | null;
  duration: unknown;
}

export function adaptIrcMeetingFile({ value, filePath }: AdapterInput): AdapterOutput {
  const { error, warning, origins, document, output } = startAdaptation();

  if (!isRecord(value)) {
    error([], `${describeValue(value)} is not an irc-meetings meeting file (a mapping with project, chair and schedule)`);
    return output();
  }
  const schedule = value.schedule;
  if (!Array.isArray(schedule)) {
    error(['schedule'], `${describeValue(schedule)} is not a list of schedule entries (time, day, irc, frequency)`);
    return output();
  }
  if (schedule.length === 0) {
    error(['schedule'], 'is empty: a meeting needs at least one entry (time, day, irc, frequency)');
    return output();
  }

  const drafts = schedule.flatMap((entry, index) => {
    const draft = slotFromScheduleEntry(entry, ['schedule', index], error, warning);
    return draft === null ? [] : [{ ...draft, sourceIndex: index }];
  });
  // Every entry that could not be read already has its error; a meeting without slots would
  // only repeat them.
  if (drafts.length === 0) return output();

  const meeting: Record<string, unknown> = {};
  const meetingPath: DocPath = ['meetings', 0];
  origins.link([], []);
  origins.link(meetingPath, []);

  const id = meetingId(value, filePath, warning);
  if (id !== null) {
    meeting.id = id.id;
    origins.link([...meetingPath, 'id'], id.origin);
  }
  meeting.title = value.project;
  origins.link([...meetingPath, 'title'], ['project']);
  if (value.chair !== undefined && value.chair !== null) {
    meeting.chair = value.chair;
    origins.link([...meetingPath, 'chair'], ['chair']);
  }
  if (value.agenda_url !== undefined && value.agenda_url !== null) {
    meeting.agenda = value.agenda_url;
    origins.link([...meetingPath, 'agenda'], ['agenda_url']);
  }

  const duration = meetingDuration(drafts, warning);
  if (duration !== null) {
    meeting.duration = duration.value;
    origins.link([...meetingPath, 'duration'], duration.origin);
  }

  // One channel for every slot is the meeting's place; otherwise each slot keeps its own.
  const places = new Set(drafts.map((draft) => draft.where));
  const first = drafts[0]!;
  const sharedPlace = places.size === 1 && first.where !== null ? first.where : null;
  if (sharedPlace !== null) {
    meeting.where = sharedPlace;
    origins.link([...meetingPath, 'where'], ['schedule', first.sourceIndex, 'irc']);
  }

  meeting.slots = drafts.map((draft, slotIndex) => {
    const slotPath: DocPath = [...meetingPath, 'slots', slotIndex];
    origins.link(slotPath, ['schedule', draft.sourceIndex]);
    for (const [under, original] of draft.links) origins.link([...slotPath, ...under], original);
    if (sharedPlace === null && draft.where !== null) return { ...draft.slot, where: draft.where };
    return draft.slot;
  });
  origins.link([...meetingPath, 'slots'], ['schedule']);

  document.meetings = [meeting];
  return output();
}

/**
 * The file name without its extension, as yaml2ical names meetings (a URL's last path
 * segment): two files may share a meeting_id, which is only the meetbot's name (the TC's
 * meeting and office hours are both `tc`). Without a file name (standard input), meeting_id
 * as written when it is a valid id, else its slug; then the project's slug.
 */
function meetingId(file: Record<string, unknown>, filePath: string | null, warning: Report): { id: string; origin: DocPath } | null {
  const stem = filePath === null ? null : fileStem(filePath);
  if (stem !== null) {
    const id = ID_PATTERN.test(stem) ? stem : slugify(stem);
    if (id !== '') return { id, origin: [] };
  }
  const written = file.meeting_id;
  if (typeof written === 'string' || typeof written === 'number') {
    const text = String(written).trim();
    const id = ID_PATTERN.test(text) ? text : slugify(text);
    if (id !== '') return { id, origin: ['meeting_id'] };
  }
  if (written !== undefined && written !== null) {
    warning(['meeting_id'], `${describeValue(written)} is not a meeting id; the meeting is named after its project instead`);
  }
  // Left out: format v1 then takes the slug of the title itself.
  return null;
}

function fileStem(filePath: string): string | null {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  return stem === '' ? null : stem;
}

/**
 * Format v1 has one duration per meeting where yaml2ical has one per entry: the first entry's
 * is used, and entries that differ are pointed out.
 */
function meetingDuration(drafts: SlotDraft[], warning: Report): { value: unknown; origin: DocPath } | null {
  if (drafts.every((draft) => draft.duration === undefined)) return null;
  const [first, ...others] = drafts;
  const value = first!.duration ?? DEFAULT_DURATION;
  for (const other of others) {
    const otherValue = other.duration ?? DEFAULT_DURATION;
    if (otherValue !== value) {
      const path: DocPath = other.duration === undefined ? ['schedule', other.sourceIndex] : ['schedule', other.sourceIndex, 'duration'];
      const found = other.duration === undefined ? `no duration (${DEFAULT_DURATION} minutes)` : `${describeValue(otherValue)} minutes`;
      warning(path, `${found} differs from the first entry's ${describeValue(value)}: the dashboard uses one duration per meeting, ${describeValue(value)} minutes`);
    }
  }
  return {
    value,
    origin: first!.duration === undefined ? ['schedule', first!.sourceIndex] : ['schedule', first!.sourceIndex, 'duration'],
  };
}

/**
 * One schedule entry → one slot, or null (with its error reported) when a value that has to
 * be translated cannot be: leaving the slot out keeps the v1 validation from reporting the
 * same problem a second time.
 */
function slotFromScheduleEntry(entry: unknown, path: DocPath, error: Report, warning: Report): Omit<SlotDraft, 'sourceIndex'> | null {
  if (!isRecord(entry)) {
    error(path, `${describeValue(entry)} is not a schedule entry (a mapping with time, day, irc, frequency)`);
    return null;
  }
  for (const key of Object.keys(entry)) {
    if (!SCHEDULE_ENTRY_KEYS.includes(key)) warning([...path, key], `unknown key (irc-meetings entries have ${SCHEDULE_ENTRY_KEYS.join(', ')})`);
  }
  const slot: Record<string, unknown> = {};
  const links: [DocPath, DocPath][] = [];
  let usable = true;

  if (entry.day !== undefined) {
    // Format v1 accepts any case, as yaml2ical does; its own validation reports a bad day.
    slot.day = entry.day;
    links.push([['day'], [...path, 'day']]);
  }

  const time = clockTimeFromHhmm(entry.time);
  if (time === null) {
    error([...path, 'time'], entry.time === undefined || entry.time === null ? `is required (${TIME_FORMAT})` : `${describeValue(entry.time)} is not a time (${TIME_FORMAT})`);
    usable = false;
  } else {
    slot.time = time;
    links.push([['time'], [...path, 'time']]);
  }

  const frequency = typeof entry.frequency === 'string' ? entry.frequency.trim().toLowerCase() : null;
  if (frequency === null || !(IRC_MEETING_FREQUENCIES as readonly string[]).includes(frequency)) {
    const found = entry.frequency === undefined || entry.frequency === null ? 'is required' : `${describeValue(entry.frequency)} is not a frequency irc-meetings knows`;
    error([...path, 'frequency'], `${found} (one of ${IRC_MEETING_FREQUENCIES.join(', ')})`);
    usable = false;
  } else {
    slot.frequency = frequency;
    links.push([['frequency'], [...path, 'frequency']]);
  }

  for (const [key, v1Key] of [
    ['start_date', 'start'],
    // yaml2ical ignores end_date, but the people who wrote it meant "no meeting after this day".
    ['end_date', 'until'],
  ] as const) {
    const written = entry[key];
    if (written === undefined || written === null) continue;
    const date = civilDateFromCompact(written);
    if (date === null) {
      error([...path, key], `${describeValue(written)} is not a date (${DATE_FORMAT})`);
      usable = false;
    } else {
      slot[v1Key] = date;
      links.push([[v1Key], [...path, key]]);
    }
  }

  const skips = skipsFromSkipDates(entry.skip_dates, [...path, 'skip_dates'], error, warning);
  if (skips.skip.length > 0) {
    slot.skip = skips.skip;
    links.push([['skip'], [...path, 'skip_dates']], ...skips.links);
  }

  let where: string | null = null;
  if (typeof entry.irc === 'string' && entry.irc.trim() !== '') {
    where = `#${entry.irc.trim().replace(/^#+/, '')}`;
    links.push([['where'], [...path, 'irc']]);
  } else if (entry.irc === undefined || entry.irc === null) {
    warning(path, 'has no irc channel: the slot is shown without a place');
  } else {
    warning([...path, 'irc'], `${describeValue(entry.irc)} is not an IRC channel name: the slot is shown without a place`);
  }

  if (!usable) return null;
  return { slot, links, where, duration: entry.duration ?? undefined };
}

function skipsFromSkipDates(written: unknown, path: DocPath, error: Report, warning: Report): { skip: Record<string, unknown>[]; links: [DocPath, DocPath][] } {
  const skip: Record<string, unknown>[] = [];
  const links: [DocPath, DocPath][] = [];
  if (written === undefined || written === null) return { skip, links };
  if (!Array.isArray(written)) {
    error(path, `${describeValue(written)} is not a list of {skip_date, reason}`);
    return { skip, links };
  }
  written.forEach((item, index) => {
    const itemPath: DocPath = [...path, index];
    const datePath: DocPath = isRecord(item) ? [...itemPath, 'skip_date'] : itemPath;
    const dateValue = isRecord(item) ? item.skip_date : item;
    if (isRecord(item)) {
      for (const key of Object.keys(item)) {
        if (!SKIP_DATE_KEYS.includes(key)) warning([...itemPath, key], `unknown key (skip_dates entries have ${SKIP_DATE_KEYS.join(', ')})`);
      }
    }
    const date = civilDateFromCompact(dateValue);
    if (date === null) {
      error(datePath, dateValue === undefined || dateValue === null ? `is required (${DATE_FORMAT})` : `${describeValue(dateValue)} is not a date (${DATE_FORMAT})`);
      return;
    }
    const entry: Record<string, unknown> = { date };
    const v1Index = skip.length;
    links.push([['skip', v1Index], itemPath], [['skip', v1Index, 'date'], datePath]);
    const reason = isRecord(item) ? item.reason : undefined;
    if (typeof reason === 'string' || typeof reason === 'number' || typeof reason === 'boolean') {
      entry.reason = String(reason);
      links.push([
        ['skip', v1Index, 'reason'],
        [...itemPath, 'reason'],
      ]);
    } else if (reason !== undefined && reason !== null) {
      warning([...itemPath, 'reason'], `${describeValue(reason)} is not a reason (a line of text); it is left out`);
    }
    skip.push(entry);
  });
  return { skip, links };
}

export const ircMeetingsAdapter: Adapter = {
  name: 'irc-meetings',
  matches: isIrcMeetingFile,
  adapt: adaptIrcMeetingFile,
};
