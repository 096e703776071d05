// Milestones in view: the Milestones pane and `radar list milestones`.
import { cycleWeekLabel } from '../time/cycle-weeks';
import { instantToZoned } from '../time/zoned';
import type { Milestone, Schedule } from '../model/types';
import { projectMatches, textMatches, type ViewFilter } from './filters';
import { compareText, DAY } from './meetings';

export interface MilestoneRow {
  milestone: Milestone;
  /** `R-n` of the milestone's first day in its cycle, or null without a cycle. */
  week: string | null;
  /** Started (or due) already; `current` while its window lasts. */
  past: boolean;
  current: boolean;
}

export interface MilestoneQuery {
  now: number;
  days: number;
  /** Include milestones that are over (`--all`). */
  all: boolean;
  filter: ViewFilter;
}

/**
 * Milestones that are not over yet and start within `days` (all past ones too with `all`),
 * sorted by start, then title. A window counts until the end of its last day.
 */
export function milestonesInView(schedule: Schedule, query: MilestoneQuery): MilestoneRow[] {
  const horizon = query.now + query.days * DAY;
  const cycles = new Map(schedule.cycles.map((cycle) => [cycle.id, cycle]));
  const rows: MilestoneRow[] = [];
  for (const milestone of schedule.milestones) {
    const over = milestone.end <= query.now && !(milestone.end === milestone.start && milestone.start > query.now);
    if (over && !query.all) continue;
    if (milestone.start >= horizon) continue;
    if (!projectMatches(milestone.project, query.filter, true)) continue;
    const projects = milestone.project === null ? [] : typeof milestone.project === 'string' ? [milestone.project] : milestone.project;
    if (!textMatches(query.filter, milestone.title, milestone.kind, milestone.cycle, milestone.notes, ...projects)) continue;
    const cycle = milestone.cycle === null ? undefined : cycles.get(milestone.cycle);
    const firstDay = milestone.date ?? instantToZoned(milestone.start, milestone.zone).date;
    rows.push({
      milestone,
      week: cycle === undefined ? null : cycleWeekLabel(cycle.release, firstDay),
      past: milestone.start <= query.now,
      current: milestone.start <= query.now && query.now < milestone.end,
    });
  }
  return rows.sort((a, b) => a.milestone.start - b.milestone.start || compareText(a.milestone.title, b.milestone.title) || compareText(a.milestone.id, b.milestone.id));
}
