// The seam between the meeting selector and iCalendar recurrence. The expander (ical.js, about
// 20 ms to load) registers itself when its module loads, which happens only when a calendar is
// read or a cached one is loaded, so `radar next` on YAML schedules never pays for it.
import type { CalendarRecurrence } from '../model/types';

/** One occurrence of an imported event. */
export interface CalendarInstance {
  start: number;
  end: number;
  title: string | null;
  where: string | null;
  cancelled: boolean;
}

/** How much work an expansion did: tests assert that a distant DTSTART costs nothing extra. */
export interface ExpansionCost {
  visited: number;
}

export type CalendarExpander = (calendar: CalendarRecurrence, from: number, to: number, cost?: ExpansionCost) => CalendarInstance[];

let expander: CalendarExpander | null = null;

export function provideCalendarExpander(implementation: CalendarExpander): void {
  expander = implementation;
}

/** The occurrences of an imported event overlapping [from, to). */
export function expandCalendar(calendar: CalendarRecurrence, from: number, to: number): CalendarInstance[] {
  if (expander === null) throw new Error('calendar recurrence expanded before src/time/calendar-recurrence was loaded');
  return expander(calendar, from, to);
}
