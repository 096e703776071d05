// Merging sources in order, as format.md says: projects and roles field by field (liaisons
// role by role), everything else by id with the later item replacing the earlier one.
import { dataRecord, ownValue, type Diagnostic, type Origin, type Project, type Role, type Schedule } from '../model/types';
import type { DocumentItems } from './normalize';

export interface MergeResult {
  schedule: Schedule;
  warnings: Diagnostic[];
}

const where = (origin: Origin) => `${origin.source}:${origin.line}:${origin.column}`;

export function mergeDocuments(documents: readonly DocumentItems[], fallbackName: string | null = null): MergeResult {
  const warnings: Diagnostic[] = [];
  const roles = new Map<string, Role>();
  const projects = new Map<string, Project>();
  const byId = {
    cycles: new Map<string, Schedule['cycles'][number]>(),
    milestones: new Map<string, Schedule['milestones'][number]>(),
    meetings: new Map<string, Schedule['meetings'][number]>(),
    priorities: new Map<string, Schedule['priorities'][number]>(),
  };
  let name: string | null = null;

  for (const document of documents) {
    name ??= document.name;
    for (const role of document.roles) {
      const earlier = roles.get(role.id);
      const fields = new Set(ownValue(document.written.roles, role.id) ?? []);
      roles.set(
        role.id,
        earlier === undefined
          ? role
          : {
              ...earlier,
              name: fields.has('name') ? role.name : earlier.name,
              projects: fields.has('projects') ? role.projects : earlier.projects,
            },
      );
    }
    for (const project of document.projects) {
      const earlier = projects.get(project.id);
      const fields = new Set(ownValue(document.written.projects, project.id) ?? []);
      projects.set(
        project.id,
        earlier === undefined
          ? project
          : {
              ...earlier,
              name: fields.has('name') ? project.name : earlier.name,
              url: fields.has('url') ? project.url : earlier.url,
              liaisons: Object.assign(dataRecord<string[]>(), earlier.liaisons, project.liaisons),
            },
      );
    }
    for (const list of ['cycles', 'milestones', 'meetings', 'priorities'] as const) {
      const seen = byId[list] as Map<string, { id: string; origin: Origin }>;
      for (const item of document[list] as { id: string; origin: Origin }[]) {
        const earlier = seen.get(item.id);
        if (earlier !== undefined && earlier.origin.source !== item.origin.source) {
          warnings.push({
            ...item.origin,
            path: `${list}.${item.id}`,
            message: `replaces the one from ${where(earlier.origin)} (same id ${JSON.stringify(item.id)})`,
            severity: 'warning',
          });
        }
        // Re-inserting keeps the map's order meaning "last written".
        seen.delete(item.id);
        seen.set(item.id, item);
      }
    }
  }

  // An imported calendar event without a configured project belongs to the first of its
  // CATEGORIES that names a project known once every source is in.
  const known = new Map([...projects.keys()].map((id) => [id.toLowerCase(), id]));
  const categoryProject = <T extends { project: unknown; categories?: string[] }>(item: T): T => {
    if (item.project !== null || item.categories === undefined) return item;
    const id = item.categories.map((category) => known.get(category.toLowerCase())).find((found) => found !== undefined);
    return id === undefined ? item : { ...item, project: id };
  };

  return {
    schedule: {
      name: name ?? fallbackName,
      roles: [...roles.values()].map((role) => ({ ...role, name: role.name || role.id })),
      projects: [...projects.values()].map((project) => ({ ...project, name: project.name || project.id })),
      cycles: [...byId.cycles.values()],
      milestones: [...byId.milestones.values()].map(categoryProject),
      meetings: [...byId.meetings.values()].map(categoryProject),
      priorities: [...byId.priorities.values()],
    },
    warnings,
  };
}
