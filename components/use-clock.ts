// The dashboard's clock. It ticks once a second, on the second, from the real clock
// (context.io.clock); with --now (context.fixedNow) it stays at that instant for ever, so every
// frame is exact and a test or a screenshot shows the same thing each time.
//
// Components read it through `useClock(select)`, and re-render only when what they selected
// changes: a countdown cell selects its own text, so "in 23d 4h" redraws once an hour while
// "in 9m 59s" redraws every second, and nothing else on the screen moves.
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface ClockStore {
  /** The instant of the last tick (epoch ms); stable between ticks. */
  now(): number;
  /** Called after every tick; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  /** False when the clock is pinned by --now. */
  readonly running: boolean;
}

/** A clock that never moves (--now). */
export function fixedClock(instant: number): ClockStore {
  return { now: () => instant, subscribe: () => () => undefined, running: false };
}

/**
 * A clock read from `read` that ticks at each whole second while anyone listens. The timer
 * runs only while there are subscribers, so an unmounted dashboard leaves nothing behind.
 */
export function runningClock(read: () => number): ClockStore {
  const listeners = new Set<() => void>();
  let current = read();
  let timer: NodeJS.Timeout | null = null;

  const schedule = () => {
    // Aim just past the next whole second so the displayed second has really begun.
    timer = setTimeout(tick, 1000 - (read() % 1000) + 2);
  };
  const tick = () => {
    current = read();
    for (const listener of [...listeners]) listener();
    if (listeners.size > 0) schedule();
    else timer = null;
  };

  return {
    now: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        current = read();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    running: true,
  };
}

export const ClockContext = createContext<ClockStore>(fixedClock(0));

/**
 * What `select` makes of the current instant, re-rendering the caller only when that changes.
 * `select` must return a primitive (string, number, boolean) so equal values compare equal.
 */
export function useClock<T extends string | number | boolean>(select: (now: number) => T): T {
  const clock = useContext(ClockContext);
  const snapshot = () => select(clock.now());
  return useSyncExternalStore(clock.subscribe, snapshot, snapshot);
}

/** The current minute (epoch ms, floored), or the pinned instant under --now: what selectors use. */
export function useMinute(): number {
  const clock = useContext(ClockContext);
  return useClock((now) => (clock.running ? now - (now % 60_000) : now));
}

/**
 * The real clock, even under --now: how old a fetched feed is, when a reload finished. `--now`
 * moves what the schedule is looked at as of, not when the program runs.
 */
export const WallClockContext = createContext<ClockStore>(fixedClock(0));

/** Like useClock, on the real clock: what `select` makes of the real current instant. */
export function useWallClock<T extends string | number | boolean>(select: (now: number) => T): T {
  const clock = useContext(WallClockContext);
  const snapshot = () => select(clock.now());
  return useSyncExternalStore(clock.subscribe, snapshot, snapshot);
}
