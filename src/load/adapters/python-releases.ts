// Every Python release (peps.python.org/api/python-releases.json): `metadata` has the
// branches as release-cycle.json does, with more dates, and `releases` lists each branch's
// releases ({stage: "3.15.0 candidate 2", state: actual | expected, date, note}).
import { BRANCH_KEY, PYTHON_PROJECT, readBranch, type BranchRead } from './python-release-cycle';
import { idFromText, recordOrWarn, startReleaseData } from './release-data';
import { describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

/** Top-level `metadata` and `releases` mappings keyed by `"X.Y"`. */
export function isPythonReleases(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.metadata) || !isRecord(value.releases)) return false;
  return [...Object.keys(value.metadata), ...Object.keys(value.releases)].some((key) => BRANCH_KEY.test(key));
}

/** The words a stage may be written with (`3.15.0rc2`, `3.15.0 candidate 2`), as people read them. */
const STAGE_WORDS: Record<string, string> = {
  a: 'alpha',
  alpha: 'alpha',
  b: 'beta',
  beta: 'beta',
  c: 'candidate',
  rc: 'candidate',
  candidate: 'candidate',
  'release candidate': 'candidate',
  final: 'final',
};

const STAGE = /^(\d+(?:\.\d+)*)\s*(?:(release candidate|candidate|alpha|beta|final|rc|a|b|c)\s*(\d+)?)?$/i;

export interface Stage {
  /** `Python 3.15.0 candidate 2`, `Python 3.14.5`, `Python 3.15.0 final`. */
  title: string;
  /** A final release (written `final`, or a bare version such as `3.14.5`). */
  final: boolean;
}

/**
 * The readable name of a release from its `stage`: compact forms are spelled out (`3.15.0rc2`
 * → `3.15.0 candidate 2`, `a1` → `alpha 1`); a stage without a version is the branch's.
 */
export function readStage(stage: string, branch: string): Stage {
  const text = stage.trim().replace(/\s+/g, ' ');
  const match = STAGE.exec(text);
  if (match !== null) {
    const version = match[1]!;
    const word = match[2] === undefined ? null : STAGE_WORDS[match[2].toLowerCase()]!;
    if (word === null) return { title: `Python ${version}`, final: true };
    if (word === 'final') return { title: `Python ${version} final`, final: true };
    return { title: `Python ${version} ${word}${match[3] === undefined ? '' : ` ${match[3]}`}`, final: false };
  }
  const versioned = /^\d/.test(text) ? text : `${branch} ${text}`;
  return { title: `Python ${versioned}`, final: /\bfinal\b/i.test(text) };
}

export function adaptPythonReleases({ value }: AdapterInput): AdapterOutput {
  const data = startReleaseData();
  const { error, warning } = data;
  if (!isRecord(value) || (!isRecord(value.metadata) && !isRecord(value.releases))) {
    error([], 'this is not a Python releases file (metadata and releases, each a mapping keyed by "3.15")');
    return data.output();
  }

  const branches = new Map<string, BranchRead>();
  if (isRecord(value.metadata)) {
    for (const [key, entry] of Object.entries(value.metadata)) {
      const read = readBranch(data, key, entry, ['metadata', key], true);
      if (read !== null) branches.set(key.trim(), read);
    }
  } else {
    warning(['metadata'], `${describeValue(value.metadata)} is not a mapping of branches ("3.15": {…}); the releases are shown without their cycles`);
  }

  if (!isRecord(value.releases)) {
    warning(['releases'], `${describeValue(value.releases)} is not a mapping of branches to their releases; no release is shown`);
    return data.output();
  }
  for (const [key, list] of Object.entries(value.releases)) {
    const branch = key.trim();
    const listPath: DocPath = ['releases', key];
    if (!Array.isArray(list)) {
      warning(listPath, `${describeValue(list)} is not a list of releases ({stage, state, date, note}); it is left out`);
      continue;
    }
    const read = branches.get(branch);
    list.forEach((entry, index) => {
      const path: DocPath = [...listPath, index];
      if (!recordOrWarn(entry, path, 'a release ({stage, state, date, note})', warning)) return;
      const stageText = typeof entry.stage === 'string' && entry.stage.trim() !== '' ? entry.stage : typeof entry.stage === 'number' ? String(entry.stage) : null;
      if (stageText === null) {
        warning(
          entry.stage === undefined ? path : [...path, 'stage'],
          `${entry.stage === undefined ? 'has no stage' : `${describeValue(entry.stage)} is not a stage (like "3.15.0 candidate 2")`}; the release is left out`,
        );
        return;
      }
      const stage = readStage(stageText, branch);
      const date = data.dateAt(entry, 'date', path, `${stage.title} is left out`);
      if (date === null) {
        if (entry.date === undefined || entry.date === null) warning(path, `has no date; ${stage.title} is left out`);
        return;
      }
      const expected = typeof entry.state === 'string' && entry.state.trim().toLowerCase() === 'expected';
      data.addMilestone({
        id: idFromText(stage.title),
        title: stage.title,
        kind: stage.final ? 'release' : 'milestone',
        date,
        origin: path,
        dateOrigin: [...path, 'date'],
        cycle: read?.cycle ?? null,
        project: PYTHON_PROJECT,
        url: read?.url ?? null,
        notes: [expected ? 'Expected: not released yet, the date may move.' : null, typeof entry.note === 'string' ? entry.note.trim() : null],
      });
    });
  }
  return data.output();
}

export const pythonReleasesAdapter: Adapter = {
  name: 'Python releases',
  matches: isPythonReleases,
  adapt: adaptPythonReleases,
};
