// What the dashboard's detail view shows beyond a pane row: a meeting's next occurrences and
// a countdown to the second.
import { countdownParts, two } from '../time/countdown';
import type { Meeting } from '../model/types';
import { compareOccurrences, DAY, meetingOccurrences, type Occurrence } from './meetings';

/**
 * The next `count` occurrences of one meeting from `now` (one in progress counts, skipped ones
 * are included with their reason), looking at most `days` ahead.
 */
export function nextOccurrencesOf(meeting: Meeting, now: number, count: number, days = 120): Occurrence[] {
  const to = now + days * DAY;
  return meetingOccurrences(meeting, now, to).sort(compareOccurrences).slice(0, Math.max(0, count));
}

/** '5d 02h 15m 03s', '2h 05m 00s', '12m 03s', '0s': every unit down to the second. */
export function exactCountdown(seconds: number): string {
  const { days, hours, minutes, secs } = countdownParts(seconds);
  if (days > 0) return `${days}d ${two(hours)}h ${two(minutes)}m ${two(secs)}s`;
  if (hours > 0) return `${hours}h ${two(minutes)}m ${two(secs)}s`;
  if (minutes > 0) return `${minutes}m ${two(secs)}s`;
  return `${secs}s`;
}
