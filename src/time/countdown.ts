// The countdown shown next to milestones and meetings. Two units at most, largest first; the
// smaller unit is zero-padded where it ticks (minutes under an hour's count, seconds under a
// minute's) so a live countdown does not jitter in width.

/** Whole days, hours, minutes and seconds of a span, truncated toward zero, sign dropped. */
export function countdownParts(seconds: number): { days: number; hours: number; minutes: number; secs: number } {
  if (!Number.isFinite(seconds)) throw new RangeError(`${seconds} is not a number of seconds`);
  const total = Math.floor(Math.abs(seconds));
  return { days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3600), minutes: Math.floor((total % 3600) / 60), secs: total % 60 };
}

/** Two digits, for a unit that ticks under a larger one. */
export function two(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * '23d 4h', '1h 05m', '12m 03s', '45s'. Whole seconds, truncated toward zero (a countdown
 * never shows more time than is left). A negative span is formatted by its size; callers add
 * 'ago'. Throws RangeError on NaN or an infinite span.
 */
export function formatCountdown(seconds: number): string {
  const { days, hours, minutes, secs } = countdownParts(seconds);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${two(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${two(secs)}s`;
  return `${secs}s`;
}
