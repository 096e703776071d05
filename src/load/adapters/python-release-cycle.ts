// Python's release cycle (peps.python.org/api/release-cycle.json: "3.15" → {branch, pep,
// status, first_release, end_of_life}) read as one cycle per branch, project `python`. The
// branch reading is shared with python-releases.json, whose `metadata` has the same entries
// and a few more dates.
import type { MilestoneKind } from '../../model/types';
import { idFromText, noCycleWarning, recordOrWarn, startReleaseData, type ReleaseData } from './release-data';
import { isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

export const PYTHON_PROJECT = 'python';

/** `3.15`, `2.7`: how both Python files name a branch. */
export const BRANCH_KEY = /^\d+\.\d+$/;

/** The dates of a branch that become milestones; `extended` ones only python-releases.json has. */
const BRANCH_DATES: readonly { key: string; kind: MilestoneKind; title: string; extended: boolean }[] = [
  { key: 'feature_freeze', kind: 'freeze', title: 'feature freeze', extended: true },
  { key: 'first_release', kind: 'release', title: 'first release', extended: false },
  { key: 'end_of_bugfix', kind: 'milestone', title: 'end of bugfix releases', extended: true },
  { key: 'end_of_life', kind: 'eol', title: 'end of life', extended: false },
];

function looksLikeBranch(entry: unknown): boolean {
  return isRecord(entry) && ('first_release' in entry || 'end_of_life' in entry) && ('branch' in entry || 'status' in entry || 'pep' in entry);
}

/** A top-level mapping of `"X.Y"` → {branch, pep, status, first_release, end_of_life}. */
export function isPythonReleaseCycle(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([key, entry]) => BRANCH_KEY.test(key) && looksLikeBranch(entry));
}

/** The PEP that schedules a branch, as a link: pep 790 → https://peps.python.org/pep-0790/. */
export function pepUrl(pep: unknown): string | null {
  const number = typeof pep === 'number' ? pep : typeof pep === 'string' && /^\d+$/.test(pep.trim()) ? Number(pep) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? `https://peps.python.org/pep-${String(number).padStart(4, '0')}/` : null;
}

export interface BranchRead {
  /** The cycle id, or null when the branch has no first release to be its release day. */
  cycle: string | null;
  url: string | null;
}

/**
 * One branch: its cycle (released on `first_release`; from `start_of_development` when
 * `extended`) and its dated milestones. Returns what the branch's releases link to.
 */
export function readBranch(data: ReleaseData, key: string, entry: unknown, path: DocPath, extended: boolean): BranchRead | null {
  const { warning } = data;
  if (!BRANCH_KEY.test(key.trim())) {
    warning(path, `${JSON.stringify(key)} is not a branch (like "3.15"); it is left out`);
    return null;
  }
  if (!recordOrWarn(entry, path, 'a branch (a mapping with first_release and end_of_life)', warning)) return null;
  const branch = key.trim();
  const url = pepUrl(entry.pep);

  const release = data.dateAt(entry, 'first_release', path, 'the branch is shown without a cycle');
  if (entry.first_release === undefined || entry.first_release === null) noCycleWarning(warning, path, 'first_release', 'its release day');
  if (entry.end_of_life === undefined || entry.end_of_life === null) warning(path, 'has no end_of_life: no end of life is shown');
  let cycle: string | null = null;
  if (release !== null) {
    const start = extended ? data.dateAt(entry, 'start_of_development', path, 'the cycle is shown without a start') : null;
    cycle = data.addCycle({
      id: idFromText(branch),
      name: `Python ${branch}`,
      release: release.first,
      start: start?.first ?? null,
      origin: path,
      releaseOrigin: [...path, 'first_release'],
      startOrigin: [...path, 'start_of_development'],
    });
  }

  for (const { key: dateKey, kind, title } of BRANCH_DATES.filter((date) => extended || !date.extended)) {
    const date = data.dateAt(entry, dateKey, path, `the ${title} is left out`);
    if (date === null) continue;
    data.addMilestone({
      id: `${PYTHON_PROJECT}-${idFromText(branch)}-${idFromText(title)}`,
      title: `Python ${branch} ${title}`,
      kind,
      date,
      origin: [...path, dateKey],
      dateOrigin: [...path, dateKey],
      cycle,
      project: PYTHON_PROJECT,
      url,
    });
  }
  return { cycle, url };
}

export function adaptPythonReleaseCycle({ value }: AdapterInput): AdapterOutput {
  const data = startReleaseData();
  if (!isRecord(value)) {
    data.error([], `${value === null || value === undefined ? 'nothing' : 'this'} is not a Python release cycle (a mapping of "3.15" to {branch, pep, status, first_release, end_of_life})`);
    return data.output();
  }
  for (const [key, entry] of Object.entries(value)) readBranch(data, key, entry, [key], false);
  return data.output();
}

export const pythonReleaseCycleAdapter: Adapter = {
  name: 'Python release cycle',
  matches: isPythonReleaseCycle,
  adapt: adaptPythonReleaseCycle,
};
