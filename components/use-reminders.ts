// Reminders in the dashboard: the engine of src/remind asked when the next one is due, the
// fired set kept in the cache folder (shared with `radar watch`, so one tells and not both),
// the bell rung once per reminder, and the reminders kept on screen until dismissed with `x`.
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Schedule } from '../src/model/types';
import type { FiredStore } from '../src/remind/fired-state';
import { dueReminders, nextReminderAt, soonestReminder, type LeadTimes, type Reminder } from '../src/remind/reminders';
import type { ViewFilter } from '../src/views/filters';
import { ClockContext, useClock } from './use-clock';

/** How far ahead to look for the next reminder; past it, look again a while later. */
const LOOKAHEAD_MS = 3_600_000;

export interface Reminders {
  /** Fired and not dismissed, in the order they fired. */
  shown: readonly Reminder[];
  /** `x`: the one shown (the soonest) goes. */
  dismiss: () => void;
}

/** `store` null: no reminders at all (component tests of other things). */
export function useReminders(schedule: Schedule, filter: ViewFilter, leads: LeadTimes, store: FiredStore | null, bell: boolean, ring: () => void): Reminders {
  const clock = useContext(ClockContext);
  const [fired, setFired] = useState(() => store?.read() ?? new Map<string, number>());
  const [shown, setShown] = useState<readonly Reminder[]>([]);
  const firedRef = useRef(fired);
  firedRef.current = fired;

  // The next moment worth waking for, counted from the last look: recomputed when the data,
  // the fired set or the last look change.
  const [lookedAt, setLookedAt] = useState(() => clock.now());
  const nextAt = useMemo(
    () => nextReminderAt(schedule, { now: lookedAt, leads, fired: new Set(fired.keys()), filter }, LOOKAHEAD_MS) ?? lookedAt + LOOKAHEAD_MS,
    [schedule, leads, fired, filter, lookedAt],
  );
  // True from that moment on. With --now the clock stands still: what is due fires at once.
  const due = useClock((now) => now >= nextAt);

  useEffect(() => {
    if (store === null) return undefined;
    const check = () => {
      const now = clock.now();
      const result = dueReminders(schedule, { now, leads, fired: new Set(firedRef.current.keys()), filter });
      if (due) setLookedAt(now);
      if (result.fired.size === 0) return;
      const next = new Map([...firedRef.current, ...result.fired]);
      store.remember(next, now);
      firedRef.current = next;
      setFired(next);
      if (result.due.length > 0) {
        setShown((previous) => [...previous, ...result.due]);
        if (bell) ring();
      }
    };
    // After this commit's other effects: the keyboard is listened to before any file is written.
    const timer = setTimeout(check, 0);
    return () => clearTimeout(timer);
  }, [due, schedule, leads, filter, store, bell, ring, clock]);

  const dismiss = useCallback(() => setShown((previous) => previous.filter((reminder) => reminder !== soonestReminder(previous))), []);
  return { shown, dismiss };
}
