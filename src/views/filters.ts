// What the user narrowed the view to: projects (`-p`, the picker) and a text (`/`).

export interface ViewFilter {
  /** Project ids; empty means every project. */
  projects: readonly string[];
  /** Case-insensitive text the row must contain; empty means no text filter. */
  text: string;
}

export const NO_FILTER: ViewFilter = { projects: [], text: '' };

/**
 * `--project` shows only these projects, plus cross-project milestones (cli.md): items without
 * a project pass only where `crossProjectPasses` says so.
 */
export function projectMatches(project: string | readonly string[] | null, filter: ViewFilter, crossProjectPasses: boolean): boolean {
  if (filter.projects.length === 0) return true;
  if (project === null) return crossProjectPasses;
  const ids = typeof project === 'string' ? [project] : project;
  if (ids.length === 0) return crossProjectPasses;
  return ids.some((id) => filter.projects.includes(id));
}

export function textMatches(filter: ViewFilter, ...fields: (string | null | undefined)[]): boolean {
  if (filter.text === '') return true;
  const needle = filter.text.toLowerCase();
  return fields.some((field) => field != null && field.toLowerCase().includes(needle));
}
