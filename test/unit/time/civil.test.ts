import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, isCivilDate, isoWeek, isoWeekday, mondayOf, weekdayNumber } from '../../../src/time/civil';

describe('civil dates in schedule files', () => {
  it('accepts real calendar dates and rejects impossible ones such as 29 February 2015', () => {
    expect(isCivilDate('2016-02-29')).toBe(true);
    expect(isCivilDate('2000-02-29')).toBe(true);
    expect(isCivilDate('2015-02-29')).toBe(false);
    expect(isCivilDate('1900-02-29')).toBe(false);
    expect(isCivilDate('2015-04-31')).toBe(false);
    expect(isCivilDate('2015-13-01')).toBe(false);
    expect(isCivilDate('2015-00-10')).toBe(false);
    expect(isCivilDate('2015-8-1')).toBe(false);
    expect(isCivilDate('2015-08-13T14:00')).toBe(false);
    expect(isCivilDate('')).toBe(false);
  });

  it('steps across month, year and leap-day boundaries', () => {
    expect(addDays('2015-08-31', 1)).toBe('2015-09-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
    expect(addDays('2015-03-01', -1)).toBe('2015-02-28');
    expect(addDays('2015-10-15', -150)).toBe('2015-05-18');
  });

  it('knows the Liberty release (15 October 2015) was a Thursday and 22 March 2027 a Monday', () => {
    expect(isoWeekday('2015-10-15')).toBe(4);
    expect(isoWeekday('2027-03-22')).toBe(1);
    expect(isoWeekday('2027-03-28')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('numbers ISO weeks: 2026 has a week 53 and 2027 starts its week 1 on 4 January', () => {
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2015-08-13')).toEqual({ year: 2015, week: 33 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
  });

  it('counts days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2015-05-18', '2015-10-15')).toBe(150);
    expect(daysBetween('2015-10-15', '2015-05-18')).toBe(-150);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
  });

  it('finds the Monday that starts the week of a date', () => {
    expect(mondayOf('2027-03-24')).toBe('2027-03-22');
    expect(mondayOf('2027-03-22')).toBe('2027-03-22');
    expect(mondayOf('2027-03-28')).toBe('2027-03-22');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('reads day names in any case and nothing else', () => {
    expect(weekdayNumber('monday')).toBe(1);
    expect(weekdayNumber('Thursday')).toBe(4);
    expect(weekdayNumber('SUNDAY')).toBe(7);
    expect(weekdayNumber('thu')).toBeNull();
    expect(weekdayNumber('')).toBeNull();
  });

  it('orders dates in calendar order', () => {
    expect(compareDates('2015-09-01', '2015-10-15')).toBeLessThan(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareDates('2015-09-01', '2015-09-01')).toBe(0);
    expect(['2015-10-15', '2015-05-18', '2015-09-01'].sort(compareDates)).toEqual(['2015-05-18', '2015-09-01', '2015-10-15']);
  });
});
