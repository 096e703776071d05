// How soon something is, as meaning; the dashboard's theme and the text painter give it colour.
export type Urgency = 'past' | 'within-hour' | 'within-day';

/** Past once started, then under an hour, then under a day; null when further off. */
export function urgency(milliseconds: number): Urgency | null {
  if (milliseconds < 0) return 'past';
  if (milliseconds < 3_600_000) return 'within-hour';
  if (milliseconds < 86_400_000) return 'within-day';
  return null;
}
