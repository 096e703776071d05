// The Node.js release schedule (nodejs/Release schedule.json: "v24" → {start, lts,
// maintenance, end, codename}) read as one cycle per release line, project `nodejs`.
import type { MilestoneKind } from '../../model/types';
import { idFromText, noCycleWarning, recordOrWarn, startReleaseData } from './release-data';
import { isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

const PROJECT = 'nodejs';

/** `v24`, and the lines before 4.0: `v0.12`. */
const LINE_KEY = /^v(0\.\d+|[1-9]\d*)$/;

/** The dates of a line, in the order they come, as milestones. */
const LINE_DATES: readonly { key: string; kind: MilestoneKind; title: string }[] = [
  { key: 'alpha', kind: 'milestone', title: 'alpha releases begin' },
  { key: 'start', kind: 'release', title: 'release' },
  { key: 'lts', kind: 'milestone', title: 'active LTS begins' },
  { key: 'maintenance', kind: 'milestone', title: 'maintenance begins' },
  { key: 'end', kind: 'eol', title: 'end of life' },
];

/** A top-level mapping whose keys are `v<major>` (or `v0.<minor>`) and whose values have `start` and `end`. */
export function isNodeSchedule(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([key, line]) => LINE_KEY.test(key) && isRecord(line) && 'start' in line && 'end' in line);
}

/** `Node.js 24 (Krypton)`, or `Node.js 23` when the codename is "" or absent. */
export function nodeLineName(version: string, codename: unknown): string {
  const name = typeof codename === 'string' ? codename.trim() : '';
  return name === '' ? `Node.js ${version}` : `Node.js ${version} (${name})`;
}

export function adaptNodeSchedule({ value }: AdapterInput): AdapterOutput {
  const data = startReleaseData();
  const { error, warning } = data;
  if (!isRecord(value)) {
    error([], `${value === null || value === undefined ? 'nothing' : 'this'} is not a Node.js release schedule (a mapping of "v24" to {start, lts, maintenance, end, codename})`);
    return data.output();
  }

  for (const [key, line] of Object.entries(value)) {
    const path: DocPath = [key];
    const match = LINE_KEY.exec(key.trim());
    if (match === null) {
      warning(path, `${JSON.stringify(key)} is not a release line (v<major>, or v0.<minor>); it is left out`);
      continue;
    }
    if (!recordOrWarn(line, path, 'a release line (a mapping with start and end)', warning)) continue;
    const version = match[1]!;
    const name = nodeLineName(version, line.codename);

    const release = data.dateAt(line, 'start', path, 'the line is shown without a cycle');
    if (line.start === undefined || line.start === null) noCycleWarning(warning, path, 'start', 'its release day');
    const cycle = release === null ? null : data.addCycle({ id: idFromText(key), name, release: release.first, origin: path, releaseOrigin: [...path, 'start'] });
    if (line.end === undefined || line.end === null) warning(path, 'has no end (its end of life): no end is shown');

    for (const { key: dateKey, kind, title } of LINE_DATES) {
      const date = data.dateAt(line, dateKey, path, `its ${title} is left out`);
      if (date === null) continue;
      data.addMilestone({
        id: `${PROJECT}-${idFromText(key)}-${dateKey}`,
        title: `Node.js ${version} ${title}`,
        kind,
        date,
        origin: [...path, dateKey],
        dateOrigin: [...path, dateKey],
        cycle,
        project: PROJECT,
      });
    }
  }
  return data.output();
}

export const nodeScheduleAdapter: Adapter = {
  name: 'Node.js release schedule',
  matches: isNodeSchedule,
  adapt: adaptNodeSchedule,
};
