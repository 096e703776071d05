// The projects the dashboard's picker offers: every project listed, plus those that exist only
// because a milestone, meeting or priority names them (format.md: "exist implicitly").
import type { Schedule } from '../model/types';
import { compareText } from './meetings';

export interface ProjectChoice {
  id: string;
  /** The listed name, or the id for a project that is only named. */
  name: string;
}

export function projectChoices(schedule: Schedule): ProjectChoice[] {
  const names = new Map<string, string>();
  for (const project of schedule.projects) names.set(project.id, project.name);
  const mention = (id: string | null) => {
    if (id !== null && !names.has(id)) names.set(id, id);
  };
  for (const milestone of schedule.milestones) {
    const ids = milestone.project === null ? [] : typeof milestone.project === 'string' ? [milestone.project] : milestone.project;
    ids.forEach(mention);
  }
  for (const meeting of schedule.meetings) mention(meeting.project);
  for (const priority of schedule.priorities) mention(priority.project);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => compareText(a.id, b.id));
}

/** Choices whose id or name contains `query`, case-insensitively (the picker's type-to-search). */
export function searchProjectChoices(choices: readonly ProjectChoice[], query: string): ProjectChoice[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...choices];
  return choices.filter((choice) => choice.id.toLowerCase().includes(needle) || choice.name.toLowerCase().includes(needle));
}
