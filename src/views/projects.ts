// `radar list projects`: every project a source names, listed or implicit, with its liaisons
// and how many liaison roles it leaves empty.
import type { Schedule } from '../model/types';
import { projectMatches, type ViewFilter } from './filters';
import { liaisonGaps } from './gaps';
import { projectChoices } from './project-choices';

export interface ProjectRow {
  id: string;
  /** The listed name, or the id for a project that is only named. */
  name: string;
  url: string | null;
  /** Role id → persons, as written; empty for a project that is only named. */
  liaisons: Record<string, string[]>;
  /** Liaison gaps: roles that apply to the project with nobody named. */
  gaps: number;
}

export function projectsInView(schedule: Schedule, filter: ViewFilter): ProjectRow[] {
  const listed = new Map(schedule.projects.map((project) => [project.id, project]));
  const gapCounts = new Map<string, number>();
  for (const gap of liaisonGaps(schedule, { projects: [], text: '' })) gapCounts.set(gap.project, (gapCounts.get(gap.project) ?? 0) + 1);
  return projectChoices(schedule)
    .filter((choice) => projectMatches(choice.id, filter, false))
    .map((choice) => {
      const project = listed.get(choice.id);
      return {
        id: choice.id,
        name: choice.name === '' ? choice.id : choice.name,
        url: project?.url ?? null,
        liaisons: project?.liaisons ?? {},
        gaps: gapCounts.get(choice.id) ?? 0,
      };
    });
}
