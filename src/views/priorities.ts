// Priorities: open ones by default (closed too with `--all`), by rank then title.
import type { Priority, Schedule } from '../model/types';
import { projectMatches, textMatches, type ViewFilter } from './filters';
import { compareText } from './meetings';

export function isOpen(priority: Priority): boolean {
  return priority.status !== 'done' && priority.status !== 'dropped';
}

/** "needs an owner": no owner named. */
export function needsOwner(priority: Priority): boolean {
  return priority.owner.length === 0;
}

export function prioritiesInView(schedule: Schedule, all: boolean, filter: ViewFilter): Priority[] {
  return schedule.priorities
    .filter(
      (priority) =>
        (all || isOpen(priority)) && projectMatches(priority.project, filter, false) && textMatches(filter, priority.title, priority.project, priority.status, priority.cycle, ...priority.owner),
    )
    .sort(comparePriorities);
}

export function comparePriorities(a: Priority, b: Priority): number {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}
