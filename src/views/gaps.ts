// Liaison gaps (format.md): a listed project, a role that applies to it, and nobody real in it.
import { ownValue, type Schedule } from '../model/types';
import { projectMatches, textMatches, type ViewFilter } from './filters';
import { compareText } from './meetings';

export interface LiaisonGap {
  project: string;
  projectName: string;
  role: string;
  roleName: string;
}

/** An empty name or "TBD" fills no role. */
function isRealPerson(person: string): boolean {
  const name = person.trim();
  return name !== '' && name.toUpperCase() !== 'TBD';
}

export function liaisonGaps(schedule: Schedule, filter: ViewFilter): LiaisonGap[] {
  const gaps: LiaisonGap[] = [];
  for (const project of schedule.projects) {
    if (!projectMatches(project.id, filter, false)) continue;
    for (const role of schedule.roles) {
      if (role.projects !== null && !role.projects.includes(project.id)) continue;
      const persons = ownValue(project.liaisons, role.id) ?? [];
      if (persons.some(isRealPerson)) continue;
      if (!textMatches(filter, project.id, project.name, role.id, role.name)) continue;
      gaps.push({ project: project.id, projectName: project.name, role: role.id, roleName: role.name });
    }
  }
  return gaps.sort((a, b) => compareText(a.project, b.project) || compareText(a.role, b.role));
}

/** A row of the Liaison gaps pane and of `--once`: the gaps are grouped by project, which is named once. */
export interface GapRow {
  gap: LiaisonGap;
  /** The first gap of its project: the row that names the project and counts its gaps. */
  first: boolean;
  /** How many gaps its project has. */
  count: number;
}

export function groupGaps(gaps: readonly LiaisonGap[]): GapRow[] {
  const counts = new Map<string, number>();
  for (const gap of gaps) counts.set(gap.project, (counts.get(gap.project) ?? 0) + 1);
  return gaps.map((gap, index) => ({ gap, first: index === 0 || gaps[index - 1]!.project !== gap.project, count: counts.get(gap.project) ?? 0 }));
}
