// An OpenStack releases cycle schedule (doc/source/<series>/schedule.yaml) read as one format
// v1 cycle and its milestones. The YAML holds only week labels; their human titles live in the
// schedule.rst beside it.
import { addDays, compareDates, daysBetween, mondayOf } from '../../time/civil';
import { cycleWeekLabel, weeksFromRelease } from '../../time/cycle-weeks';
import { ID_PATTERN, slugify } from '../../model/slug';
import { ownValue } from '../../model/types';
import { startAdaptation, type Report } from './origin-map';
import { civilDateFromValue, describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

type MilestoneKind = 'milestone' | 'freeze' | 'release' | 'deadline' | 'summit' | 'event';

const WEEK_KEYS = ['start', 'end', 'name', 'x-project', 'project-specific'];
const WEEK_NAME = /^R([-+])(\d+)$/;

/** A top-level `cycle` list of weeks with `start` and `end`, and `release-week` (or `start-week`, or R-n week names). */
export function isReleasesSchedule(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.cycle)) return false;
  const weeks = value.cycle.filter((week): week is Record<string, unknown> => isRecord(week) && 'start' in week && 'end' in week);
  if (weeks.length === 0) return false;
  return 'release-week' in value || 'start-week' in value || weeks.some((week) => typeof week.name === 'string' && WEEK_NAME.test(week.name));
}

/**
 * The kind of a milestone, read from the words of its label (`i-ff` → freeze). The first rule
 * that matches wins; the order matters (`final` alone is the release, `final-lib` a deadline).
 */
const KIND_RULES: readonly [MilestoneKind, (words: string[]) => boolean][] = [
  ['release', (words) => words.length === 1 && (words[0] === 'final' || words[0] === 'release')],
  ['summit', (words) => words.some((word) => /^v?ptg\d*$/.test(word) || word === 'summit' || word === 'forum')],
  ['event', (words) => words.some((word) => ['election', 'elections', 'nomination', 'nominations', 'campaigning', 'voting', 'close', 'bugsquash', 'review', 'mid', 'research'].includes(word))],
  // ff feature, rf requirements, mf membership, sf string freeze; npff non-priority feature
  // freeze; extra-acs is the "Extra-AC freeze".
  ['freeze', (words) => words.some((word) => word.endsWith('freeze') || /^frz\d*$/.test(word) || ['ff', 'npff', 'rf', 'mf', 'sf', 'acs', 'atcs'].includes(word))],
  [
    'deadline',
    (words) =>
      words.some(
        (word) => word.includes('deadline') || word.startsWith('final') || ['trail', 'trailing', 'highlights', 'prop', 'checkpoint', 'declaration', 'maint', 'complete', 'ack'].includes(word),
      ),
  ],
];

/** `i-ff` → freeze, `i-final` → release, `i-vptg` → summit, `i-rc1` and `i-2` → milestone. */
export function milestoneKindOfLabel(label: string): MilestoneKind {
  const words = labelWords(label);
  return KIND_RULES.find(([, applies]) => applies(words))?.[0] ?? 'milestone';
}

/** The words of a label without its series letter (`o-nova-spec-freeze` → nova, spec, freeze). */
function labelWords(label: string): string[] {
  const words = label
    .toLowerCase()
    .split('-')
    .filter((word) => word !== '');
  return words.length > 1 && /^[a-z]$/.test(words[0]!) ? words.slice(1) : words;
}

/** Label words that name a process rather than a project (`p-ptl-election`). */
const NOT_PROJECTS = new Set(['ptl', 'tc', 'election', 'elections', 'goals', 'release']);
/** Short forms the releases team uses in labels for a project (m-key-bp-freeze is Keystone's). */
const PROJECT_ALIASES: Record<string, string> = { key: 'keystone', glance_store: 'glance' };

/** `o-nova-spec-freeze` → nova; null when the label names no project (`p-ptl-election`). */
export function projectOfLabel(label: string): string | null {
  const words = label.toLowerCase().split('-');
  if (words.length < 3 || !/^[a-z]$/.test(words[0]!)) return null;
  const candidate = words[1]!;
  if (NOT_PROJECTS.has(candidate) || !/^[a-z][a-z0-9_]*$/.test(candidate)) return null;
  return ownValue(PROJECT_ALIASES, candidate) ?? candidate;
}

/**
 * The section title under each `.. _label:` anchor of a schedule.rst: the heading that
 * follows the anchor (blank lines, further anchors and an overline may come between).
 */
export function sectionTitlesByLabel(rst: string): Map<string, string> {
  const titles = new Map<string, string>();
  const lines = rst.split(/\r?\n/);
  const anchor = /^\.\.\s+_([^:]+):\s*$/;
  const adornment = /^([=\-`:'"~^_*+#<>.!$%&(),/;?@[\\\]{|}])\1*\s*$/;
  let pending: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const anchorMatch = anchor.exec(line);
    if (anchorMatch) {
      pending.push(anchorMatch[1]!.trim());
      continue;
    }
    if (line.trim() === '' || pending.length === 0) continue;
    let titleIndex = index;
    if (adornment.test(line) && lines[index + 2] !== undefined && adornment.test(lines[index + 2]!)) titleIndex = index + 1;
    const title = lines[titleIndex]!.trim();
    const underline = lines[titleIndex + 1];
    if (title !== '' && !adornment.test(title) && underline !== undefined && adornment.test(underline)) {
      for (const label of pending) if (!titles.has(label)) titles.set(label, title);
      index = titleIndex + 1;
    }
    pending = [];
  }
  return titles;
}

/** The series a schedule belongs to, from where it lies: `<series>/schedule.yaml` or `<series>-schedule.yaml`. */
export function seriesOfSchedulePath(filePath: string | null): string | null {
  if (filePath === null) return null;
  const parts = filePath.split(/[\\/]/).filter((part) => part !== '');
  const base = parts.at(-1) ?? '';
  if (/^schedule\.ya?ml$/i.test(base)) return parts.at(-2) ?? null;
  return /^(.+)-schedule\.ya?ml$/i.exec(base)?.[1] ?? null;
}

function siblingRstName(filePath: string | null): string {
  const base = filePath === null ? '' : (filePath.split(/[\\/]/).pop() ?? '');
  return /\.ya?ml$/i.test(base) ? base.replace(/\.ya?ml$/i, '.rst') : 'schedule.rst';
}

function asId(text: string): string {
  return ID_PATTERN.test(text) ? text : slugify(text);
}

interface Week {
  index: number;
  start: string;
  end: string;
  /** -n for R-n, +n for R+n, null for an unnamed week. */
  offset: number | null;
}

interface LabelUse {
  label: string;
  week: Week;
  path: DocPath;
  project: string | null;
}

export function adaptReleasesSchedule({ value, filePath, readSibling }: AdapterInput): AdapterOutput {
  const { error, warning, origins, document, output } = startAdaptation();

  if (!isRecord(value)) {
    error([], `${describeValue(value)} is not a releases schedule (a mapping with cycle, start-week and release-week)`);
    return output();
  }
  if (!Array.isArray(value.cycle)) {
    error(['cycle'], `${describeValue(value.cycle)} is not a list of weeks (start, end, name, x-project)`);
    return output();
  }

  const weeks: Week[] = [];
  const uses: LabelUse[] = [];
  value.cycle.forEach((entry, index) => {
    const week = readWeek(entry, ['cycle', index], error, warning);
    if (week === null) return;
    weeks.push(week);
    if (!isRecord(entry)) return;
    uses.push(...labelUses(entry, week, ['cycle', index], error, warning));
  });

  const series = seriesOfSchedulePath(filePath);
  const cycleId = series === null ? 'cycle' : asId(series) || 'cycle';
  const cycle = readCycle(value, weeks, cycleId, error, warning);
  if (cycle !== null) {
    document.cycles = [cycle.cycle];
    origins.link(['cycles', 0], ['cycle']);
    origins.link(['cycles', 0, 'id'], ['cycle']);
    origins.link(['cycles', 0, 'release'], cycle.releaseOrigin);
    if (cycle.startOrigin !== null) origins.link(['cycles', 0, 'start'], cycle.startOrigin);
  }

  const titles = readTitles(readSibling, siblingRstName(filePath));
  const milestones = milestonesFromUses(uses, titles, cycle === null ? null : cycleId);
  if (milestones.length > 0) {
    document.milestones = milestones.map(({ milestone }) => milestone);
    milestones.forEach(({ origin }, index) => {
      const path: DocPath = ['milestones', index];
      origins.link(path, origin.label);
      origins.link([...path, 'date'], origin.start);
      origins.link([...path, 'end'], origin.end);
    });
  }
  return output();
}

function readTitles(readSibling: (name: string) => string | null, name: string): Map<string, string> {
  let rst: string | null;
  try {
    rst = readSibling(name);
  } catch {
    rst = null;
  }
  return typeof rst === 'string' ? sectionTitlesByLabel(rst) : new Map();
}

function readWeek(entry: unknown, path: DocPath, error: Report, warning: Report): Week | null {
  if (!isRecord(entry)) {
    error(path, `${describeValue(entry)} is not a week (a mapping with start and end)`);
    return null;
  }
  for (const key of Object.keys(entry)) {
    if (!WEEK_KEYS.includes(key)) warning([...path, key], `unknown key (weeks have ${WEEK_KEYS.join(', ')})`);
  }
  const start = civilDateFromValue(entry.start);
  const end = civilDateFromValue(entry.end);
  if (start === null) {
    error([...path, 'start'], entry.start === undefined ? 'is required (a date, YYYY-MM-DD)' : `${describeValue(entry.start)} is not a date (YYYY-MM-DD)`);
  }
  if (end === null) {
    error([...path, 'end'], entry.end === undefined ? 'is required (a date, YYYY-MM-DD)' : `${describeValue(entry.end)} is not a date (YYYY-MM-DD)`);
  }
  if (start === null || end === null) return null;
  if (compareDates(end, start) < 0) {
    error([...path, 'end'], `${end} is before the week's start ${start}`);
    return null;
  }
  let offset: number | null = null;
  if (entry.name !== undefined && entry.name !== null) {
    const match = typeof entry.name === 'string' ? WEEK_NAME.exec(entry.name.trim()) : null;
    if (match) offset = (match[1] === '-' ? -1 : 1) * Number(match[2]);
    else warning([...path, 'name'], `${describeValue(entry.name)} is not a week name like R-3 or R+1; it is ignored`);
  }
  return { index: Number(path[1]), start, end, offset };
}

function labelList(written: unknown, path: DocPath, error: Report): { label: string; path: DocPath }[] {
  const items = typeof written === 'string' ? [written] : written;
  if (!Array.isArray(items)) {
    error(path, `${describeValue(written)} is not a list of labels`);
    return [];
  }
  return items.flatMap((label, index) => {
    const labelPath: DocPath = typeof written === 'string' ? path : [...path, index];
    if (typeof label !== 'string' || label.trim() === '' || asId(label.trim()) === '') {
      error(labelPath, `${describeValue(label)} is not a label (like i-ff)`);
      return [];
    }
    return [{ label: label.trim(), path: labelPath }];
  });
}

function labelUses(entry: Record<string, unknown>, week: Week, path: DocPath, error: Report, warning: Report): LabelUse[] {
  const uses: LabelUse[] = [];
  const crossProject = entry['x-project'];
  if (crossProject !== undefined && crossProject !== null) {
    for (const { label, path: labelPath } of labelList(crossProject, [...path, 'x-project'], error)) {
      uses.push({ label, week, path: labelPath, project: null });
    }
  }
  const specific = entry['project-specific'];
  if (specific === undefined || specific === null) return uses;
  const specificPath: DocPath = [...path, 'project-specific'];
  if (isRecord(specific)) {
    // project → labels, for files that say whose milestone it is instead of encoding it in the label.
    for (const [project, labels] of Object.entries(specific)) {
      const projectId = asId(project);
      for (const { label, path: labelPath } of labelList(labels, [...specificPath, project], error)) {
        uses.push({ label, week, path: labelPath, project: projectId === '' ? null : projectId });
      }
    }
    return uses;
  }
  for (const { label, path: labelPath } of labelList(specific, specificPath, error)) {
    const project = projectOfLabel(label);
    if (project === null) {
      warning(labelPath, `${JSON.stringify(label)} names no project (like o-nova-spec-freeze); it is shown as a cross-project milestone`);
    }
    uses.push({ label, week, path: labelPath, project });
  }
  return uses;
}

function readCycle(
  file: Record<string, unknown>,
  weeks: Week[],
  id: string,
  error: Report,
  warning: Report,
): { cycle: Record<string, unknown>; releaseOrigin: DocPath; startOrigin: DocPath | null } | null {
  const releaseWeekField = readWeekField(file, 'release-week');
  const startWeekField = readWeekField(file, 'start-week');
  const releaseWeeks = weeks.filter((week) => week.offset === 0);
  const releaseWeek = releaseWeeks[0] ?? null;
  for (const extra of releaseWeeks.slice(1)) {
    warning(['cycle', extra.index, 'name'], `a second release week (the first is cycle[${releaseWeek!.index}], ${releaseWeek!.start}); the first is used`);
  }

  let release: string;
  let releaseOrigin: DocPath;
  if (releaseWeek !== null) {
    // The week the file names R-0 is the one the releases team lays out; release-week has
    // been left stale before (wallaby: 2021-05-03 against an R-0 of 2021-04-12).
    release = addDays(mondayOf(releaseWeek.start), 2);
    releaseOrigin = ['cycle', releaseWeek.index, 'start'];
    if (releaseWeekField.problem !== null) {
      warning(['release-week'], `${releaseWeekField.problem}; the release is taken from the week named R-0`);
    } else if (releaseWeekField.date !== null && mondayOf(releaseWeekField.date) !== mondayOf(releaseWeek.start)) {
      warning(['release-week'], `${releaseWeekField.date} disagrees with the week named R-0 (cycle[${releaseWeek.index}], ${releaseWeek.start}); the release is taken from the R-0 week: ${release}`);
    }
  } else if (releaseWeekField.date !== null) {
    release = addDays(mondayOf(releaseWeekField.date), 2);
    releaseOrigin = ['release-week'];
    if (weeks.length > 0) warning(['cycle'], `no week is named R-0 (or R+0); the release is taken from release-week: ${release}`);
  } else {
    const problem = releaseWeekField.problem ?? 'no week is named R-0 (or R+0) and there is no release-week';
    error(releaseWeekField.problem === null ? ['cycle'] : ['release-week'], `${problem}: the release day of the cycle is unknown`);
    return null;
  }

  // Named weeks must count down to the release, or the dashboard's R-n labels would disagree
  // with the file's.
  for (const week of weeks) {
    if (week.offset === null || week === releaseWeek) continue;
    if (weeksFromRelease(release, week.start) !== week.offset) {
      warning(['cycle', week.index, 'name'], `this week (${week.start}) is ${cycleWeekLabel(release, week.start)} counted from the release on ${release}, not ${weekLabel(week.offset)}`);
    }
  }

  const cycle: Record<string, unknown> = { id, release };
  const firstNamed = weeks.filter((week) => week.offset !== null && week.offset < 0).sort((a, b) => compareDates(a.start, b.start))[0];
  let startOrigin: DocPath | null = null;
  if (firstNamed !== undefined) {
    cycle.start = firstNamed.start;
    startOrigin = ['cycle', firstNamed.index, 'start'];
    if (startWeekField.date !== null && mondayOf(startWeekField.date) !== mondayOf(firstNamed.start)) {
      warning(['start-week'], `${startWeekField.date} disagrees with the first named week (cycle[${firstNamed.index}], ${firstNamed.start}); the cycle starts then`);
    }
  } else if (startWeekField.date !== null) {
    cycle.start = startWeekField.date;
    startOrigin = ['start-week'];
  }
  if (startWeekField.problem !== null) warning(['start-week'], `${startWeekField.problem}; it is ignored`);
  return { cycle, releaseOrigin, startOrigin };
}

function weekLabel(offset: number): string {
  return offset < 0 ? `R${offset}` : `R+${offset}`;
}

function readWeekField(file: Record<string, unknown>, key: string): { date: string | null; problem: string | null } {
  const written = file[key];
  if (written === undefined || written === null) return { date: null, problem: null };
  const date = civilDateFromValue(written);
  return date === null ? { date: null, problem: `${describeValue(written)} is not a date (YYYY-MM-DD)` } : { date, problem: null };
}

interface MilestoneOut {
  milestone: Record<string, unknown>;
  origin: { label: DocPath; start: DocPath; end: DocPath };
}

/**
 * One milestone per label, a window over its week. A label listed in consecutive weeks
 * (an election's voting weeks) is one window over them all; a label that comes back later is
 * a new milestone whose id gets -2, -3 …, since ids are unique within a document.
 */
function milestonesFromUses(uses: LabelUse[], titles: Map<string, string>, cycle: string | null): MilestoneOut[] {
  const byLabel = new Map<string, LabelUse[]>();
  for (const use of uses) byLabel.set(use.label, [...(byLabel.get(use.label) ?? []), use]);

  const windows: { label: string; runIndex: number; first: LabelUse; last: LabelUse; start: string; end: string }[] = [];
  for (const [label, labelUses] of byLabel) {
    const sorted = [...labelUses].sort((a, b) => compareDates(a.week.start, b.week.start));
    let runIndex = 0;
    let current: (typeof windows)[number] | null = null;
    for (const use of sorted) {
      // Friday to the next Monday is three days: anything closer belongs to the same window.
      if (current !== null && daysBetween(current.end, use.week.start) <= 3) {
        if (compareDates(use.week.end, current.end) > 0) {
          current.end = use.week.end;
          current.last = use;
        }
        continue;
      }
      current = { label, runIndex, first: use, last: use, start: use.week.start, end: use.week.end };
      runIndex += 1;
      windows.push(current);
    }
  }
  windows.sort((a, b) => compareDates(a.start, b.start) || a.first.week.index - b.first.week.index);

  return windows.map((window) => {
    const base = asId(window.label);
    const milestone: Record<string, unknown> = {
      id: window.runIndex === 0 ? base : `${base}-${window.runIndex + 1}`,
      title: titles.get(window.label) ?? window.label,
      date: window.start,
      end: window.end,
      kind: milestoneKindOfLabel(window.label),
    };
    if (cycle !== null) milestone.cycle = cycle;
    if (window.first.project !== null) milestone.project = window.first.project;
    return {
      milestone,
      origin: {
        label: window.first.path,
        start: ['cycle', window.first.week.index, 'start'],
        end: ['cycle', window.last.week.index, 'end'],
      },
    };
  });
}

export const releasesScheduleAdapter: Adapter = {
  name: 'releases schedule',
  matches: isReleasesSchedule,
  adapt: adaptReleasesSchedule,
};
