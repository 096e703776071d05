import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../../../src/time/countdown';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('countdowns on the dashboard', () => {
  it('feature freeze in 23 days and a bit shows days and hours', () => {
    expect(formatCountdown(23 * DAY + 4 * HOUR + 59 * MINUTE + 59)).toBe('23d 4h');
    expect(formatCountdown(DAY)).toBe('1d 0h');
  });

  it('a meeting later today shows hours and zero-padded minutes', () => {
    expect(formatCountdown(HOUR + 15 * MINUTE + 40)).toBe('1h 15m');
    expect(formatCountdown(HOUR + 5 * MINUTE)).toBe('1h 05m');
    expect(formatCountdown(23 * HOUR + 59 * MINUTE + 59)).toBe('23h 59m');
  });

  it('a meeting about to start shows minutes and zero-padded seconds', () => {
    expect(formatCountdown(12 * MINUTE + 3)).toBe('12m 03s');
    expect(formatCountdown(MINUTE)).toBe('1m 00s');
  });

  it('under a minute shows whole seconds left, never rounding up', () => {
    expect(formatCountdown(45)).toBe('45s');
    expect(formatCountdown(59.999)).toBe('59s');
    expect(formatCountdown(0.4)).toBe('0s');
    expect(formatCountdown(0)).toBe('0s');
  });

  it('a meeting that started 75 minutes ago reads the same (the caller adds "ago")', () => {
    expect(formatCountdown(-(HOUR + 15 * MINUTE))).toBe('1h 15m');
    expect(formatCountdown(-45.7)).toBe('45s');
  });
});
