// OpenStack releases data/series_status.yaml (a list of {name, release-id, status,
// initial-release, next-phase, eol-date}) read as one cycle per series and its release,
// next phase and end of life. OpenStack's series are cross-project: no project is named.
import { idFromText, noCycleWarning, recordOrWarn, startReleaseData, textOf } from './release-data';
import { describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

/** A top-level list of entries with `name`, `status` and `initial-release`. */
export function isSeriesStatus(value: unknown): boolean {
  return Array.isArray(value) && value.some((entry) => isRecord(entry) && 'name' in entry && 'status' in entry && 'initial-release' in entry);
}

/** `2026.2 Hibiscus`, or `Liberty` for the series before release ids. */
export function seriesName(name: string, releaseId: unknown): string {
  const capitalized = name.replace(/(^|[\s_-])([a-z])/g, (_whole, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
  const id = textOf(releaseId);
  return id === null ? capitalized : `${id} ${capitalized}`;
}

export function adaptSeriesStatus({ value }: AdapterInput): AdapterOutput {
  const data = startReleaseData();
  const { error, warning } = data;
  if (!Array.isArray(value)) {
    error([], 'this is not an OpenStack series_status.yaml (a list of series with name, status and initial-release)');
    return data.output();
  }

  value.forEach((entry, index) => {
    const path: DocPath = [index];
    if (!recordOrWarn(entry, path, 'a series (a mapping with name, status and initial-release)', warning)) return;
    const written = textOf(entry.name);
    const id = written === null ? '' : idFromText(written);
    if (written === null || id === '') {
      warning(entry.name === undefined ? path : [...path, 'name'], `${entry.name === undefined ? 'has no name' : `${describeValue(entry.name)} is not a series name`}; the series is left out`);
      return;
    }
    const name = seriesName(written, entry['release-id']);
    // The cycle is known by its release id (2026.2), as OpenStack names it since 2023 and as the
    // series' own schedule.yaml does not: that one's cycle is the folder name (hibiscus), and
    // @openstack reads both, which must not replace each other. Older series have only a name.
    const releaseId = textOf(entry['release-id']);
    const cycleId = releaseId !== null && idFromText(releaseId) !== '' ? idFromText(releaseId) : id;
    const status = textOf(entry.status);

    const release = data.dateAt(entry, 'initial-release', path, 'the series is shown without a cycle');
    if (entry['initial-release'] === undefined || entry['initial-release'] === null) noCycleWarning(warning, path, 'initial-release', 'its release day');
    const cycle = release === null ? null : data.addCycle({ id: cycleId, name, release: release.first, origin: path, releaseOrigin: [...path, 'initial-release'] });
    if (release !== null) {
      data.addMilestone({ id: `${id}-release`, title: `${name} release`, kind: 'release', date: release, origin: path, dateOrigin: [...path, 'initial-release'], cycle });
    }

    const next = entry['next-phase'];
    if (isRecord(next)) {
      const nextPath: DocPath = [...path, 'next-phase'];
      const phase = textOf(next.status);
      // An undecided next phase (`next-phase: {status: end of life}` without a date) is how the
      // file says "not yet known": nothing to show, nothing to warn about.
      const date = data.dateAt(next, 'date', nextPath, 'the next phase is left out');
      if (date !== null) {
        data.addMilestone({
          id: `${id}-${phase === null ? 'next-phase' : idFromText(phase)}`,
          title: phase === null ? `${name} moves to its next phase` : `${name} moves to ${phase}`,
          kind: 'milestone',
          date,
          origin: nextPath,
          dateOrigin: [...nextPath, 'date'],
          cycle,
          notes: [status === null || phase === null ? null : `From ${status} to ${phase}.`],
        });
      }
    } else if (next !== undefined && next !== null) {
      warning([...path, 'next-phase'], `${describeValue(next)} is not a next phase ({status, date}); it is left out`);
    }

    const eol = data.dateAt(entry, 'eol-date', path, 'the end of life is left out');
    if (eol !== null) {
      data.addMilestone({ id: `${id}-eol`, title: `${name} end of life`, kind: 'eol', date: eol, origin: [...path, 'eol-date'], dateOrigin: [...path, 'eol-date'], cycle });
    }
  });
  return data.output();
}

export const seriesStatusAdapter: Adapter = {
  name: 'OpenStack series status',
  matches: isSeriesStatus,
  adapt: adaptSeriesStatus,
};
