// These tests also run under TZ=America/New_York, Asia/Kolkata and Australia/Lord_Howe (npm run
// test:tz): every expected value is fixed, so a conversion that leaks the host zone fails there.
import { describe, expect, it } from 'vitest';
import { formatIsoWithOffset, instantToZoned, isValidZone, startOfDayInstant, systemZone, zonedWallTimeToInstant, zoneAbbreviation } from '../../../src/time/zoned';

const utc = (iso: string) => Date.parse(iso); // only ever called with a trailing Z

describe('meeting times across daylight-saving changes (RFC 5545)', () => {
  describe('America/New_York', () => {
    it('a 02:30 meeting on 8 March 2026, a time that does not exist, happens at 03:30 EDT', () => {
      expect(zonedWallTimeToInstant('2026-03-08', '02:30', 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
      expect(formatIsoWithOffset(utc('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    });

    it('times either side of the gap keep their own offset', () => {
      expect(zonedWallTimeToInstant('2026-03-08', '01:59', 'America/New_York')).toBe(utc('2026-03-08T06:59:00Z'));
      expect(zonedWallTimeToInstant('2026-03-08', '02:00', 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
      expect(zonedWallTimeToInstant('2026-03-08', '03:00', 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
    });

    it('01:30 on 1 November 2026 happens twice; the meeting is at the first, 01:30 EDT', () => {
      expect(zonedWallTimeToInstant('2026-11-01', '01:30', 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
      expect(zonedWallTimeToInstant('2026-11-01', '00:59', 'America/New_York')).toBe(utc('2026-11-01T04:59:00Z'));
      expect(zonedWallTimeToInstant('2026-11-01', '02:00', 'America/New_York')).toBe(utc('2026-11-01T07:00:00Z'));
    });

    it('shows both 01:30s of the fall-back night with their own offset', () => {
      expect(instantToZoned(utc('2026-11-01T05:30:00Z'), 'America/New_York')).toMatchObject({ date: '2026-11-01', time: '01:30', offsetMinutes: -240 });
      expect(instantToZoned(utc('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({ date: '2026-11-01', time: '01:30', offsetMinutes: -300 });
      expect(zoneAbbreviation(utc('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('EDT');
      expect(zoneAbbreviation(utc('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('EST');
    });

    it('the Nova meeting at 14:00 UTC moves from 09:00 to 10:00 for a New Yorker after 8 March 2026', () => {
      expect(instantToZoned(utc('2026-03-05T14:00:00Z'), 'America/New_York').time).toBe('09:00');
      expect(instantToZoned(utc('2026-03-12T14:00:00Z'), 'America/New_York').time).toBe('10:00');
    });
  });

  describe('Europe/London', () => {
    it('01:30 on 29 March 2026 does not exist and becomes 02:30 BST', () => {
      expect(zonedWallTimeToInstant('2026-03-29', '01:30', 'Europe/London')).toBe(utc('2026-03-29T01:30:00Z'));
      expect(formatIsoWithOffset(utc('2026-03-29T01:30:00Z'), 'Europe/London')).toBe('2026-03-29T02:30:00+01:00');
    });

    it('01:30 on 25 October 2026 happens twice and means the BST one', () => {
      expect(zonedWallTimeToInstant('2026-10-25', '01:30', 'Europe/London')).toBe(utc('2026-10-25T00:30:00Z'));
      expect(zonedWallTimeToInstant('2026-10-25', '02:00', 'Europe/London')).toBe(utc('2026-10-25T02:00:00Z'));
    });

    it('a Thursday 15:00 London meeting is at 15:00 UTC before the clocks change and 14:00 UTC after', () => {
      expect(zonedWallTimeToInstant('2026-03-26', '15:00', 'Europe/London')).toBe(utc('2026-03-26T15:00:00Z'));
      expect(zonedWallTimeToInstant('2026-04-02', '15:00', 'Europe/London')).toBe(utc('2026-04-02T14:00:00Z'));
    });

    it('a Nova meeting at 21:00 UTC on 13 August 2015 is 22:00 BST in London', () => {
      const instant = zonedWallTimeToInstant('2015-08-13', '21:00', 'UTC');
      expect(instant).toBe(utc('2015-08-13T21:00:00Z'));
      expect(formatIsoWithOffset(instant, 'Europe/London')).toBe('2015-08-13T22:00:00+01:00');
      expect(zoneAbbreviation(instant, 'Europe/London')).toBe('BST');
      expect(instantToZoned(instant, 'Europe/London')).toEqual({ date: '2015-08-13', time: '22:00', second: 0, weekday: 4, offsetMinutes: 60 });
    });
  });

  describe('Australia/Lord_Howe, whose clocks move by 30 minutes', () => {
    it('02:15 on 4 October 2026, inside the half-hour gap, becomes 02:45 (+11:00)', () => {
      expect(zonedWallTimeToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe(utc('2026-10-03T15:45:00Z'));
      expect(formatIsoWithOffset(utc('2026-10-03T15:45:00Z'), 'Australia/Lord_Howe')).toBe('2026-10-04T02:45:00+11:00');
      expect(zonedWallTimeToInstant('2026-10-04', '02:30', 'Australia/Lord_Howe')).toBe(utc('2026-10-03T15:30:00Z'));
      expect(zonedWallTimeToInstant('2026-10-04', '01:59', 'Australia/Lord_Howe')).toBe(utc('2026-10-03T15:29:00Z'));
    });

    it('01:45 on 5 April 2026 happens twice, half an hour apart; the earlier (+11:00) wins', () => {
      expect(zonedWallTimeToInstant('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe(utc('2026-04-04T14:45:00Z'));
      expect(instantToZoned(utc('2026-04-04T15:15:00Z'), 'Australia/Lord_Howe')).toMatchObject({ date: '2026-04-05', time: '01:45', offsetMinutes: 630 });
      expect(zonedWallTimeToInstant('2026-04-05', '02:00', 'Australia/Lord_Howe')).toBe(utc('2026-04-04T15:30:00Z'));
    });
  });

  describe('Asia/Kathmandu (+05:45)', () => {
    it('a 14:00 meeting is at 08:15 UTC', () => {
      expect(zonedWallTimeToInstant('2026-08-13', '14:00', 'Asia/Kathmandu')).toBe(utc('2026-08-13T08:15:00Z'));
      expect(formatIsoWithOffset(utc('2026-08-13T08:15:00Z'), 'Asia/Kathmandu')).toBe('2026-08-13T14:00:00+05:45');
      expect(zoneAbbreviation(utc('2026-08-13T08:15:00Z'), 'Asia/Kathmandu')).toBe('GMT+5:45');
    });

    it('uses the historical +05:30 before 1986, and skips the 15 minutes the clocks jumped on 1 January 1986', () => {
      expect(zonedWallTimeToInstant('1985-06-01', '12:00', 'Asia/Kathmandu')).toBe(utc('1985-06-01T06:30:00Z'));
      expect(zonedWallTimeToInstant('1986-01-01', '00:05', 'Asia/Kathmandu')).toBe(utc('1985-12-31T18:35:00Z'));
      expect(startOfDayInstant('1986-01-01', 'Asia/Kathmandu')).toBe(utc('1985-12-31T18:30:00Z'));
      expect(instantToZoned(utc('1985-12-31T18:30:00Z'), 'Asia/Kathmandu')).toMatchObject({ date: '1986-01-01', time: '00:15', offsetMinutes: 345 });
    });
  });

  it('a day begins at 00:00 local time', () => {
    expect(startOfDayInstant('2015-09-01', 'UTC')).toBe(utc('2015-09-01T00:00:00Z'));
    expect(startOfDayInstant('2027-03-24', 'America/New_York')).toBe(utc('2027-03-24T04:00:00Z'));
    expect(startOfDayInstant('2026-10-04', 'Australia/Lord_Howe')).toBe(utc('2026-10-03T13:30:00Z'));
  });

  it('a day whose midnight is skipped (Santiago, 6 September 2026) begins at 01:00', () => {
    // Chile springs forward at 24:00 on the first Saturday of September: 00:00 → 01:00.
    expect(startOfDayInstant('2026-09-06', 'America/Santiago')).toBe(utc('2026-09-06T04:00:00Z'));
    expect(instantToZoned(utc('2026-09-06T04:00:00Z'), 'America/Santiago')).toMatchObject({ date: '2026-09-06', time: '01:00', offsetMinutes: -180 });
  });

  it('rejects malformed times and unknown zones with a readable message', () => {
    expect(() => zonedWallTimeToInstant('2026-03-08', '25:00', 'UTC')).toThrow('"25:00" is not a time (HH:MM)');
    expect(() => zonedWallTimeToInstant('2015-02-29', '10:00', 'UTC')).toThrow('is not a calendar date');
    expect(() => zonedWallTimeToInstant('2026-03-08', '10:00', 'Mars/Phobos')).toThrow('"Mars/Phobos" is not an IANA time zone');
  });
});

describe('showing an instant in a zone', () => {
  it('gives the date, time, seconds, weekday and offset', () => {
    expect(instantToZoned(utc('2015-08-11T21:44:57Z'), 'Asia/Kolkata')).toEqual({
      date: '2015-08-12',
      time: '03:14',
      second: 57,
      weekday: 3,
      offsetMinutes: 330,
    });
    expect(instantToZoned(utc('2015-08-11T21:44:57.999Z'), 'UTC').second).toBe(57);
  });

  it('writes UTC as +00:00 and western offsets with a minus sign', () => {
    expect(formatIsoWithOffset(utc('2015-08-13T21:00:00Z'), 'UTC')).toBe('2015-08-13T21:00:00+00:00');
    expect(formatIsoWithOffset(utc('2015-08-13T21:00:00Z'), 'America/New_York')).toBe('2015-08-13T17:00:00-04:00');
    expect(formatIsoWithOffset(utc('2015-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2016-01-01T08:30:00+09:00');
  });

  it('names zones the way people do where a name exists, and by offset where it does not', () => {
    const summer = utc('2026-07-15T12:00:00Z');
    const winter = utc('2026-01-15T12:00:00Z');
    expect(zoneAbbreviation(summer, 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(winter, 'Europe/London')).toBe('GMT');
    expect(zoneAbbreviation(summer, 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(summer, 'Europe/Paris')).toBe('CEST');
    expect(zoneAbbreviation(summer, 'Asia/Kolkata')).toBe('IST');
    expect(zoneAbbreviation(winter, 'Australia/Lord_Howe')).toBe('LHDT');
    expect(zoneAbbreviation(summer, 'Australia/Lord_Howe')).toBe('LHST');
    expect(zoneAbbreviation(summer, 'UTC')).toBe('UTC');
    expect(zoneAbbreviation(summer, 'Asia/Tokyo')).toBe('JST');
    expect(zoneAbbreviation(summer, 'America/Sao_Paulo')).toBe('BRT');
    expect(zoneAbbreviation(summer, 'Asia/Shanghai')).toBe('GMT+8');
  });
});

describe('time zone names', () => {
  it('accepts IANA names and UTC, and refuses made-up zones and bare offsets', () => {
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Europe/London')).toBe(true);
    expect(isValidZone('Asia/Kathmandu')).toBe(true);
    expect(isValidZone('Mars/Phobos')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(isValidZone('+05:00')).toBe(false);
  });

  it('finds the zone this machine runs in (TZ when it is set)', () => {
    const zone = systemZone();
    expect(isValidZone(zone)).toBe(true);
    const host = process.env.TZ;
    if (host !== undefined && host !== '' && isValidZone(host)) {
      // Intl may answer with an older alias (Asia/Calcutta for Asia/Kolkata): compare offsets.
      for (const instant of [utc('2026-01-15T12:00:00Z'), utc('2026-07-15T12:00:00Z')]) {
        expect(instantToZoned(instant, zone).offsetMinutes).toBe(instantToZoned(instant, host).offsetMinutes);
      }
    }
  });
});
