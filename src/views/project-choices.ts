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

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known ids nearest to `id` (fewest edits, then alphabetical), at most `count`: those
 * within a typo or two (half the id's length) when there are any, else simply the nearest.
 */
export function closestProjectIds(id: string, known: readonly string[], count = 3): string[] {
  const needle = id.toLowerCase();
  const ranked = known.map((candidate) => ({ candidate, distance: editDistance(needle, candidate.toLowerCase()) })).sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate));
  const near = ranked.filter(({ distance }) => distance <= Math.max(2, Math.floor(needle.length / 2)));
  return (near.length > 0 ? near : ranked).slice(0, count).map(({ candidate }) => candidate);
}
