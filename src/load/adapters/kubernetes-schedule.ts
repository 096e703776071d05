// The Kubernetes release schedule (kubernetes/website data/releases/schedule.yaml, written by
// schedule-builder): one cycle per minor release with its patch releases and their
// cherry-pick deadlines, and the monthly patch releases to come. Project `kubernetes`.
import { idFromText, noCycleWarning, readPublishedDate, recordOrWarn, startReleaseData, textOf, type ReleaseData } from './release-data';
import { describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

const PROJECT = 'kubernetes';

/** A top-level `schedules` list whose entries have `release` and `releaseDate` or `endOfLifeDate`. */
export function isKubernetesSchedule(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.schedules)) return false;
  return value.schedules.some((entry) => isRecord(entry) && 'release' in entry && ('releaseDate' in entry || 'endOfLifeDate' in entry));
}

/** The minor release's dates that become milestones. */
const MINOR_DATES = [
  { key: 'releaseDate', kind: 'release', title: 'release', id: 'release' },
  { key: 'maintenanceModeStartDate', kind: 'milestone', title: 'maintenance mode begins', id: 'maintenance-mode' },
  { key: 'endOfLifeDate', kind: 'eol', title: 'end of life', id: 'end-of-life' },
] as const;

/**
 * The minor release's name. Unquoted in YAML, `release: 1.30` is the number 1.3: its patches
 * (`1.30.6`) say which minor it is; without them the number is read as written.
 */
function minorName(written: unknown, patches: readonly unknown[]): string | null {
  if (typeof written !== 'number') return textOf(written);
  for (const patch of patches) {
    const name = isRecord(patch) ? textOf(patch.release) : null;
    const minor = name === null ? null : /^v?(\d+\.\d+)\.\d+/.exec(name)?.[1];
    if (minor !== undefined && minor !== null && Number(minor) === written) return minor;
  }
  return textOf(written);
}

/** The patches of a minor release, each with its path under the entry and that path as people read it. */
function patchesOf(entry: Record<string, unknown>): { patch: unknown; path: DocPath; where: string }[] {
  const listed = (key: string): { patch: unknown; path: DocPath; where: string }[] => {
    const value = entry[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.map((patch, index) => ({ patch, path: [key, index], where: `${key}[${index}]` }));
    return [{ patch: value, path: [key], where: key }];
  };
  return [...listed('next'), ...listed('previousPatches')];
}

export function adaptKubernetesSchedule({ value }: AdapterInput): AdapterOutput {
  const data = startReleaseData();
  const { error, warning } = data;
  if (!isRecord(value) || !Array.isArray(value.schedules)) {
    error(isRecord(value) ? ['schedules'] : [], 'is not a Kubernetes release schedule (schedules: a list of {release, releaseDate, endOfLifeDate, next, previousPatches})');
    return data.output();
  }

  const patchesSeen = new Map<string, string>();
  value.schedules.forEach((entry, index) => {
    const path: DocPath = ['schedules', index];
    if (!recordOrWarn(entry, path, 'a minor release (a mapping with release and releaseDate)', warning)) return;
    const patches = patchesOf(entry);
    const minor = minorName(
      entry.release,
      patches.map(({ patch }) => patch),
    );
    if (minor === null || idFromText(minor) === '') {
      warning(
        entry.release === undefined ? path : [...path, 'release'],
        `${entry.release === undefined ? 'has no release' : `${describeValue(entry.release)} is not a release name`} (like "1.31"); the entry is left out`,
      );
      return;
    }
    const name = `Kubernetes ${minor}`;
    const release = data.dateAt(entry, 'releaseDate', path, 'the release is shown without a cycle');
    if (entry.releaseDate === undefined || entry.releaseDate === null) noCycleWarning(warning, path, 'releaseDate', 'its release day');
    const cycle = release === null ? null : data.addCycle({ id: idFromText(minor), name, release: release.first, origin: path, releaseOrigin: [...path, 'releaseDate'] });

    for (const { key, kind, title, id } of MINOR_DATES) {
      const date = data.dateAt(entry, key, path, `its ${title} is left out`);
      if (date === null) continue;
      data.addMilestone({ id: `${PROJECT}-${idFromText(minor)}-${id}`, title: `${name} ${title}`, kind, date, origin: [...path, key], dateOrigin: [...path, key], cycle, project: PROJECT });
    }

    for (const { patch, path: under, where } of patches) {
      const patchPath: DocPath = [...path, ...under];
      if (!recordOrWarn(patch, patchPath, 'a patch release ({release, targetDate, cherryPickDeadline})', warning)) continue;
      const written = textOf(patch.release);
      const patchName = written !== null && idFromText(written) !== '' ? written : null;
      const label = patchName === null ? `${name} patch release` : `Kubernetes ${patchName}`;
      if (patchName === null) warning(patchPath, `has no release name: it is shown as "${label}"`);
      else {
        const earlier = patchesSeen.get(patchName);
        if (earlier !== undefined) {
          warning([...patchPath, 'release'], `${patchName} is listed again (first at ${earlier}); this one is left out`);
          continue;
        }
        patchesSeen.set(patchName, `schedules[${index}].${where}`);
      }
      addPatch(data, { label, idBase: `${PROJECT}-${idFromText(patchName ?? `${minor}-patch-release`)}`, path: patchPath, patch, cycle });
    }
  });

  const upcoming = value.upcoming_releases;
  if (Array.isArray(upcoming)) {
    upcoming.forEach((entry, index) => {
      const path: DocPath = ['upcoming_releases', index];
      if (!recordOrWarn(entry, path, 'an upcoming patch release ({targetDate, cherryPickDeadline})', warning)) return;
      const named = textOf(entry.release);
      // The upcoming releases have no name of their own: their day tells them apart.
      const day = [entry.targetDate, entry.cherryPickDeadline].map(readPublishedDate).find((reading) => reading.state === 'date');
      const idBase = `${PROJECT}-monthly-patch-release-${day?.state === 'date' ? day.date.first : index + 1}`;
      addPatch(data, { label: `Kubernetes monthly patch release${named === null ? '' : ` ${named}`}`, idBase, path, patch: entry, cycle: null });
    });
  } else if (upcoming !== undefined && upcoming !== null) {
    warning(['upcoming_releases'], `${describeValue(upcoming)} is not a list of patch releases ({targetDate, cherryPickDeadline}); it is left out`);
  }
  return data.output();
}

/** A patch release on its targetDate, and its cherry-pick deadline (an empty or `N/A` one is none). */
function addPatch(data: ReleaseData, { label, idBase, path, patch, cycle }: { label: string; idBase: string; path: DocPath; patch: Record<string, unknown>; cycle: string | null }): void {
  const target = data.dateAt(patch, 'targetDate', path, `${label} is left out`);
  if (patch.targetDate === undefined || patch.targetDate === null) data.warning(path, `has no targetDate: ${label} is left out`);
  if (target !== null) {
    const notes = [typeof patch.note === 'string' ? patch.note.trim() : null];
    data.addMilestone({ id: idBase, title: label, kind: 'release', date: target, origin: path, dateOrigin: [...path, 'targetDate'], cycle, project: PROJECT, notes });
  }
  const deadline = data.dateAt(patch, 'cherryPickDeadline', path, `the cherry-pick deadline of ${label} is left out`);
  if (deadline !== null) {
    data.addMilestone({
      id: `${idBase}-cherry-pick-deadline`,
      title: `${label} cherry-pick deadline`,
      kind: 'deadline',
      date: deadline,
      origin: path,
      dateOrigin: [...path, 'cherryPickDeadline'],
      cycle,
      project: PROJECT,
    });
  }
}

export const kubernetesScheduleAdapter: Adapter = {
  name: 'Kubernetes release schedule',
  matches: isKubernetesSchedule,
  adapt: adaptKubernetesSchedule,
};
