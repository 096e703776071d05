// The offset changes radar writes into a VTIMEZONE, and the wall times it refuses to leave to
// a calendar program's reading, checked against the dates each country publishes.
import { describe, expect, it } from 'vitest';
import { isAmbiguousWallTime } from '../../../src/export/ics';
import { formatUtcOffset, offsetChanges } from '../../../src/export/vtimezone';

const changes = (zone: string, year: number) => offsetChanges(zone, year, year).map((change) => [new Date(change.at).toISOString(), formatUtcOffset(change.from), formatUtcOffset(change.to)]);

describe('offset changes in 2026', () => {
  it('Berlin: summer time from 29 March, 02:00 CET, to 25 October, 03:00 CEST', () => {
    expect(changes('Europe/Berlin', 2026)).toEqual([
      ['2026-03-29T01:00:00.000Z', '+0100', '+0200'],
      ['2026-10-25T01:00:00.000Z', '+0200', '+0100'],
    ]);
  });

  it('New York: 8 March, 02:00 EST, to 1 November, 02:00 EDT', () => {
    expect(changes('America/New_York', 2026)).toEqual([
      ['2026-03-08T07:00:00.000Z', '-0500', '-0400'],
      ['2026-11-01T06:00:00.000Z', '-0400', '-0500'],
    ]);
  });

  it('Lord Howe: half an hour back on 5 April at 02:00, forward on 4 October at 02:00', () => {
    expect(changes('Australia/Lord_Howe', 2026)).toEqual([
      ['2026-04-04T15:00:00.000Z', '+1100', '+1030'],
      ['2026-10-03T15:30:00.000Z', '+1030', '+1100'],
    ]);
  });

  it('Tokyo and UTC: none', () => {
    expect(changes('Asia/Tokyo', 2026)).toEqual([]);
    expect(changes('UTC', 2026)).toEqual([]);
  });
});

describe('wall times a DST change makes ambiguous', () => {
  it('02:30 in Berlin on 29 March 2026 does not exist, and on 25 October 2026 exists twice', () => {
    expect(isAmbiguousWallTime('2026-03-29', '02:30', 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousWallTime('2026-10-25', '02:30', 'Europe/Berlin')).toBe(true);
  });

  it('but 03:30 and 01:30 on those days, and 02:30 on other days, are plain', () => {
    expect(isAmbiguousWallTime('2026-03-29', '03:30', 'Europe/Berlin')).toBe(false);
    expect(isAmbiguousWallTime('2026-10-25', '01:30', 'Europe/Berlin')).toBe(false);
    expect(isAmbiguousWallTime('2026-03-22', '02:30', 'Europe/Berlin')).toBe(false);
  });

  it('Lord Howe repeats 01:30 to 02:00 on 5 April 2026, and skips 02:00 to 02:30 on 4 October', () => {
    expect(isAmbiguousWallTime('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe(true);
    expect(isAmbiguousWallTime('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe(true);
    expect(isAmbiguousWallTime('2026-10-04', '02:45', 'Australia/Lord_Howe')).toBe(false);
  });
});
