import { describe, expect, it } from 'vitest';
import { parseInstant, parseWallOrInstant, toIsoUtc } from '../../../src/time/instant';

const utc = (iso: string) => Date.parse(iso); // only ever called with a trailing Z

describe('--now: an exact instant', () => {
  it('reads a UTC time and the same moment written with an offset', () => {
    expect(parseInstant('2015-08-11T21:44:57Z')).toBe(utc('2015-08-11T21:44:57Z'));
    expect(parseInstant('2015-08-11T22:44:57+01:00')).toBe(utc('2015-08-11T21:44:57Z'));
    expect(parseInstant('2015-08-11T17:44:57-04:00')).toBe(utc('2015-08-11T21:44:57Z'));
    expect(parseInstant('2015-08-12T03:29:57+0545')).toBe(utc('2015-08-11T21:44:57Z'));
  });

  it('keeps fractional seconds to the millisecond and allows leaving out the seconds', () => {
    expect(parseInstant('2015-08-11T21:44:57.250Z')).toBe(utc('2015-08-11T21:44:57.250Z'));
    expect(parseInstant('2015-08-11T21:44:57.2509Z')).toBe(utc('2015-08-11T21:44:57.250Z'));
    expect(parseInstant('2015-08-11T21:44Z')).toBe(utc('2015-08-11T21:44:00Z'));
  });

  it('refuses a time without Z or an offset, since it names no single moment', () => {
    expect(parseInstant('2015-08-11T21:44:57')).toBeNull();
    expect(parseInstant('2015-08-11')).toBeNull();
  });

  it('refuses impossible dates and things that are not ISO date-times', () => {
    expect(parseInstant('2015-02-29T10:00:00Z')).toBeNull();
    expect(parseInstant('2015-08-11T24:00:00Z')).toBeNull();
    expect(parseInstant('2015-08-11T21:60:00Z')).toBeNull();
    expect(parseInstant('2015-08-11 21:44:57Z')).toBeNull();
    expect(parseInstant('11/08/2015 21:44')).toBeNull();
    expect(parseInstant('yesterday')).toBeNull();
    expect(parseInstant('1439329497')).toBeNull();
    expect(parseInstant('')).toBeNull();
  });

  it('writes instants back as UTC ISO strings', () => {
    expect(toIsoUtc(utc('2015-08-11T21:44:57Z'))).toBe('2015-08-11T21:44:57.000Z');
    expect(toIsoUtc(parseInstant('2015-08-11T22:44:57.5+01:00') as number)).toBe('2015-08-11T21:44:57.500Z');
  });
});

describe('a milestone `at`', () => {
  it('with Z or an offset is that exact moment, whatever the document zone', () => {
    expect(parseWallOrInstant('2027-03-22T15:00Z', 'America/New_York')).toBe(utc('2027-03-22T15:00:00Z'));
    expect(parseWallOrInstant('2027-03-22T15:00+01:00', 'Asia/Tokyo')).toBe(utc('2027-03-22T14:00:00Z'));
  });

  it('without an offset is wall time in the document zone', () => {
    expect(parseWallOrInstant('2027-03-22T15:00', 'UTC')).toBe(utc('2027-03-22T15:00:00Z'));
    // New York is on EDT from 14 March 2027.
    expect(parseWallOrInstant('2027-03-22T15:00', 'America/New_York')).toBe(utc('2027-03-22T19:00:00Z'));
    expect(parseWallOrInstant('2027-03-22T15:00:30', 'America/New_York')).toBe(utc('2027-03-22T19:00:30Z'));
    expect(parseWallOrInstant('2027-03-22T15:00', 'Asia/Kathmandu')).toBe(utc('2027-03-22T09:15:00Z'));
  });

  it('written inside the spring-forward gap moves forward by the gap, and in the overlap means the earlier one', () => {
    expect(parseWallOrInstant('2026-03-29T01:30', 'Europe/London')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(parseWallOrInstant('2026-03-08T02:30:15', 'America/New_York')).toBe(utc('2026-03-08T07:30:15Z'));
    expect(parseWallOrInstant('2026-11-01T01:30', 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
  });

  it('that is malformed is null', () => {
    expect(parseWallOrInstant('2027-02-29T15:00', 'UTC')).toBeNull();
    expect(parseWallOrInstant('2027-03-22', 'UTC')).toBeNull();
    expect(parseWallOrInstant('next tuesday', 'UTC')).toBeNull();
  });
});
