import { useContext, useEffect, useRef, useState } from 'react';
import type { Occurrence } from '../src/views/meetings';
import { ClockContext, useClock } from './use-clock';

/** A meeting "starts" for the bell during its first minute. */
const START_WINDOW_MS = 60_000;

/**
 * The occurrence starting at `now` (in its first minute, not skipped, and not already started
 * when the dashboard opened), as 'meeting@start', or ''. `upcoming` is sorted by start.
 */
export function startingOccurrence(upcoming: readonly Occurrence[], now: number, openedAt: number): string {
  for (const occurrence of upcoming) {
    if (occurrence.start > now) break;
    if (occurrence.skipped || occurrence.start < openedAt || now >= occurrence.start + START_WINDOW_MS) continue;
    return `${occurrence.meeting.id}@${occurrence.start}`;
  }
  return '';
}

/** Rings `ring` once when a meeting of `upcoming` starts (config `bell: false` turns it off). */
export function useMeetingBell(upcoming: readonly Occurrence[], enabled: boolean, ring: () => void): void {
  const clock = useContext(ClockContext);
  const [openedAt] = useState(() => clock.now());
  const starting = useClock((now) => (enabled ? startingOccurrence(upcoming, now, openedAt) : ''));
  const rung = useRef(new Set<string>());
  useEffect(() => {
    if (starting === '' || rung.current.has(starting)) return;
    rung.current.add(starting);
    ring();
  }, [starting, ring]);
}
