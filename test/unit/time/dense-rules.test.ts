// A rule by the second fills any view with more instances than an expansion follows
// (MAX_VISITED): where it is cut depends on the view's start only, never on its length or on
// what the event's other rules cost.
import { describe, expect, test } from 'vitest';
import { calendarInstances, MAX_VISITED } from '../../../src/time/calendar-recurrence';
import type { CalendarRecurrence } from '../../../src/time/calendar-expansion';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);

/** A tick every second since 2000, beside a weekly stand-up (the rule listed first). */
const ticking: CalendarRecurrence = {
  uid: 'tick@x',
  zone: { kind: 'utc' },
  start: '2000-01-03T00:00:00',
  durationMs: 0,
  rules: ['FREQ=WEEKLY', 'FREQ=SECONDLY'],
  dates: [],
  exdates: [],
  exdays: [],
  overrides: [],
  cancelled: false,
};

describe('an event with a rule by the second and a weekly one', () => {
  test('a 2-day view and a 60-day view show the same ticks: the cut does not move with the length of the view', () => {
    const short = calendarInstances(ticking, now, now + 2 * DAY).map((instance) => instance.start);
    const long = calendarInstances(ticking, now, now + 60 * DAY).map((instance) => instance.start);
    // The longer view adds the stand-ups of the weeks after, nothing within the first two days.
    expect(long.filter((start) => start < now + 2 * DAY)).toEqual(short);
    expect(long.slice(short.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((week) => now + week * 7 * DAY));
    // Cut within the two days: the view starts a day and a second before `now` (the reach
    // around a window), so 200,000 ticks end about 1.3 days after it.
    expect(short.at(-1)!).toBeLessThan(now + 2 * DAY);
    expect(short.length).toBeGreaterThan(MAX_VISITED - (2 * DAY) / 1000);
    expect(short.length).toBeLessThan(MAX_VISITED);
  });

  test('with the rules in the other order, the same ticks', () => {
    const swapped = { ...ticking, rules: ['FREQ=SECONDLY', 'FREQ=WEEKLY'] };
    const starts = (calendar: CalendarRecurrence) => calendarInstances(calendar, now, now + 60 * DAY).map((instance) => instance.start);
    expect(starts(swapped)).toEqual(starts(ticking));
  });
});
