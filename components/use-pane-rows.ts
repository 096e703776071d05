// The rows of the four panes, from the selectors of src/views (the ones `radar list --json`
// prints, so the two cannot disagree). They run when the data, a filter, `a` or the minute
// changes, never on a key press that only moves a cursor.
import { useCallback, useMemo } from 'react';
import type { Priority, Schedule } from '../src/model/types';
import type { ViewFilter } from '../src/views/filters';
import { groupGaps, liaisonGaps, type GapRow } from '../src/views/gaps';
import { upcomingOccurrences, type Occurrence } from '../src/views/meetings';
import { milestonesInView, type MilestoneRow } from '../src/views/milestones';
import { prioritiesInView } from '../src/views/priorities';
import type { PaneId } from './keymap';

export interface PaneRows {
  milestones: readonly MilestoneRow[];
  meetings: readonly Occurrence[];
  priorities: readonly Priority[];
  gaps: readonly GapRow[];
  /** The next meetings under the project filter only, for the header (the pane's text filter aside). */
  headerMeetings: readonly Occurrence[];
}

export interface PaneQuery {
  schedule: Schedule;
  minute: number;
  days: { milestones: number; meetings: number };
  projects: readonly string[];
  texts: Readonly<Record<PaneId, string>>;
  /** `a`: past milestones and closed priorities too. */
  all: boolean;
}

export function usePaneRows({ schedule, minute, days, projects, texts, all }: PaneQuery): PaneRows {
  const filter = useCallback((text: string): ViewFilter => ({ projects, text }), [projects]);
  const milestones = useMemo(
    () => milestonesInView(schedule, { now: minute, days: days.milestones, all, filter: filter(texts.milestones) }),
    [schedule, minute, days.milestones, all, filter, texts.milestones],
  );
  const meetings = useMemo(() => upcomingOccurrences(schedule, minute, days.meetings, filter(texts.meetings)), [schedule, minute, days.meetings, filter, texts.meetings]);
  const headerMeetings = useMemo(
    () => (texts.meetings === '' ? meetings : upcomingOccurrences(schedule, minute, days.meetings, filter(''))),
    [texts.meetings, meetings, schedule, minute, days.meetings, filter],
  );
  const priorities = useMemo(() => prioritiesInView(schedule, all, filter(texts.priorities)), [schedule, all, filter, texts.priorities]);
  const gaps = useMemo(() => groupGaps(liaisonGaps(schedule, filter(texts.gaps))), [schedule, filter, texts.gaps]);
  return { milestones, meetings, priorities, gaps, headerMeetings };
}
