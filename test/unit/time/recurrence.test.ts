import { describe, expect, it } from 'vitest';
import { FREQUENCIES, MAX_OCCURRENCES, occurrenceDates, ruleProblem, weekParityWarning, type RecurrenceRule } from '../../../src/time/recurrence';

const MONDAY = 1;
const WEDNESDAY = 3;
const THURSDAY = 4;

function rule(fields: Partial<RecurrenceRule>): RecurrenceRule {
  return { day: null, frequency: 'weekly', interval: 1, week: null, date: null, start: null, until: null, ...fields };
}

describe('weekly meetings', () => {
  it('the Product WG meets every Monday of August 2015', () => {
    expect(occurrenceDates(rule({ day: MONDAY }), '2015-08-01', '2015-08-31')).toEqual(['2015-08-03', '2015-08-10', '2015-08-17', '2015-08-24', '2015-08-31']);
  });

  it('a window that starts or ends on a meeting day includes it', () => {
    expect(occurrenceDates(rule({ day: MONDAY }), '2015-08-10', '2015-08-17')).toEqual(['2015-08-10', '2015-08-17']);
    expect(occurrenceDates(rule({ day: MONDAY }), '2015-08-11', '2015-08-16')).toEqual([]);
    expect(occurrenceDates(rule({ day: MONDAY }), '2015-08-31', '2015-08-01')).toEqual([]);
  });

  it('start and until bound the meetings: first on 10 August, last on 24 August', () => {
    const bounded = rule({ day: MONDAY, start: '2015-08-05', until: '2015-08-24' });
    expect(occurrenceDates(bounded, '2015-07-01', '2015-09-30')).toEqual(['2015-08-10', '2015-08-17', '2015-08-24']);
  });

  it('every two weeks from a start: a Thursday meeting whose start is a Wednesday first meets the next day', () => {
    const fortnightly = rule({ day: THURSDAY, interval: 2, start: '2015-08-05' });
    expect(occurrenceDates(fortnightly, '2015-08-01', '2015-09-30')).toEqual(['2015-08-06', '2015-08-20', '2015-09-03', '2015-09-17']);
    expect(occurrenceDates(fortnightly, '2015-09-01', '2015-09-30')).toEqual(['2015-09-03', '2015-09-17']);
    expect(occurrenceDates(fortnightly, '2015-07-01', '2015-08-05')).toEqual([]);
  });

  it('biweekly is every other week counted from its start, across year ends without a hiccup', () => {
    const biweekly = rule({ day: THURSDAY, frequency: 'biweekly', start: '2026-12-17' });
    expect(occurrenceDates(biweekly, '2026-12-01', '2027-01-31')).toEqual(['2026-12-17', '2026-12-31', '2027-01-14', '2027-01-28']);
  });

  it('every three weeks from a Monday start', () => {
    const everyThird = rule({ day: MONDAY, interval: 3, start: '2026-01-05' });
    expect(occurrenceDates(everyThird, '2026-01-01', '2026-03-01')).toEqual(['2026-01-05', '2026-01-26', '2026-02-16']);
  });

  it('a fortnightly slot started in January 2015 is found in January 2027 without walking the years between', () => {
    // 2015-01-08 + 626 weeks = 2027-01-07, an even count, so 7 and 21 January 2027.
    const since2015 = rule({ day: THURSDAY, interval: 2, start: '2015-01-08' });
    expect(occurrenceDates(since2015, '2027-01-01', '2027-01-31')).toEqual(['2027-01-07', '2027-01-21']);
    // The 7 January 2027 meeting is the 314th (626 weeks = 313 fortnights after the first), so
    // a window from 2000 to the end of 2026 holds 313 of them, the last on 24 December 2026.
    const all = occurrenceDates(since2015, '2000-01-01', '2026-12-31');
    expect(all).toHaveLength(313);
    expect(all[0]).toBe('2015-01-08');
    expect(all.at(-1)).toBe('2026-12-24');
  });

  it('an absurd window is cut off at MAX_OCCURRENCES dates instead of filling memory', () => {
    const dates = occurrenceDates(rule({ day: MONDAY }), '0001-01-01', '9999-12-31');
    expect(dates).toHaveLength(MAX_OCCURRENCES);
    expect(dates[0]).toBe('0001-01-01');
    expect(dates[1]).toBe('0001-01-08');
    const monthly = occurrenceDates(rule({ day: WEDNESDAY, frequency: 'monthly', week: 5 }), '0001-01-01', '9999-12-31');
    expect(monthly).toHaveLength(MAX_OCCURRENCES);
  });
});

describe('meetings that follow the ISO week number', () => {
  it('the Nova meeting alternates in August 2015: 14:00 in even weeks, 21:00 in odd weeks', () => {
    // 6 Aug 2015 is in ISO week 32, 13 Aug in 33, 20 Aug in 34, 27 Aug in 35.
    const early = rule({ day: THURSDAY, frequency: 'biweekly-even' });
    const late = rule({ day: THURSDAY, frequency: 'biweekly-odd' });
    expect(occurrenceDates(early, '2015-08-01', '2015-08-31')).toEqual(['2015-08-06', '2015-08-20']);
    expect(occurrenceDates(late, '2015-08-01', '2015-08-31')).toEqual(['2015-08-13', '2015-08-27']);
  });

  it('designate alternates mornings (quadweekly) and evenings (quadweekly-alternate) every two weeks from June 2018', () => {
    // Real file: designate-dnsaas-meeting.yaml, both slots from 2018-06-06 (ISO week 23, neither).
    const mornings = rule({ day: WEDNESDAY, frequency: 'quadweekly', start: '2018-06-06' });
    const evenings = rule({ day: WEDNESDAY, frequency: 'quadweekly-alternate', start: '2018-06-06' });
    expect(occurrenceDates(mornings, '2018-06-01', '2018-08-31')).toEqual(['2018-06-13', '2018-07-11', '2018-08-08']);
    expect(occurrenceDates(evenings, '2018-06-01', '2018-08-31')).toEqual(['2018-06-27', '2018-07-25', '2018-08-22']);
  });

  it('quadweekly-week-1, -2 and -3 take the other three weeks of the four-week rotation', () => {
    // Wednesdays of ISO weeks 21..24 of 2018: 23 May, 30 May, 6 June, 13 June.
    const window = ['2018-05-21', '2018-06-17'] as const;
    expect(occurrenceDates(rule({ day: WEDNESDAY, frequency: 'quadweekly-week-1' }), ...window)).toEqual(['2018-05-23']);
    expect(occurrenceDates(rule({ day: WEDNESDAY, frequency: 'quadweekly-week-2' }), ...window)).toEqual(['2018-05-30']);
    expect(occurrenceDates(rule({ day: WEDNESDAY, frequency: 'quadweekly-week-3' }), ...window)).toEqual(['2018-06-06']);
    expect(occurrenceDates(rule({ day: WEDNESDAY, frequency: 'quadweekly' }), ...window)).toEqual(['2018-06-13']);
  });

  it('in 2026, a year with 53 ISO weeks, biweekly-odd meets on 31 December and again on 7 January', () => {
    const odd = rule({ day: THURSDAY, frequency: 'biweekly-odd' });
    expect(occurrenceDates(odd, '2026-12-01', '2027-01-31')).toEqual(['2026-12-03', '2026-12-17', '2026-12-31', '2027-01-07', '2027-01-21']);
    const even = rule({ day: THURSDAY, frequency: 'biweekly-even' });
    expect(occurrenceDates(even, '2026-12-01', '2027-01-31')).toEqual(['2026-12-10', '2026-12-24', '2027-01-14', '2027-01-28']);
  });
});

describe('monthly meetings', () => {
  it('the TC meets on the first Thursday of each month from 4 October 2018', () => {
    const tc = rule({ day: null, frequency: 'first-thursday', start: '2018-10-04' });
    expect(occurrenceDates(tc, '2018-09-01', '2019-01-31')).toEqual(['2018-10-04', '2018-11-01', '2018-12-06', '2019-01-03']);
  });

  it('first-thursday with day: thursday spelled out means the same', () => {
    const tc = rule({ day: THURSDAY, frequency: 'first-thursday' });
    expect(occurrenceDates(tc, '2026-09-01', '2026-12-31')).toEqual(['2026-09-03', '2026-10-01', '2026-11-05', '2026-12-03']);
  });

  it('week -1 is the last Wednesday of each month', () => {
    const last = rule({ day: WEDNESDAY, frequency: 'monthly', week: -1 });
    expect(occurrenceDates(last, '2026-01-01', '2026-04-30')).toEqual(['2026-01-28', '2026-02-25', '2026-03-25', '2026-04-29']);
  });

  it('week 5 only happens in months that have a fifth Wednesday', () => {
    const fifth = rule({ day: WEDNESDAY, frequency: 'monthly', week: 5 });
    expect(occurrenceDates(fifth, '2026-01-01', '2026-07-31')).toEqual(['2026-04-29', '2026-07-29']);
  });

  it('the second Monday, within a window that cuts months in half', () => {
    const second = rule({ day: MONDAY, frequency: 'monthly', week: 2 });
    // Second Mondays: 12 Jan, 9 Feb, 9 Mar 2026.
    expect(occurrenceDates(second, '2026-01-13', '2026-03-09')).toEqual(['2026-02-09', '2026-03-09']);
  });
});

describe('one-off and ad hoc meetings', () => {
  it('a once meeting happens on its date only, and only inside the window and start/until', () => {
    const once = rule({ frequency: 'once', date: '2026-11-25' });
    expect(occurrenceDates(once, '2026-11-01', '2026-11-30')).toEqual(['2026-11-25']);
    expect(occurrenceDates(once, '2026-11-26', '2026-12-31')).toEqual([]);
    expect(occurrenceDates({ ...once, until: '2026-11-24' }, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('an adhoc meeting is listed but never occurs', () => {
    expect(occurrenceDates(rule({ day: MONDAY, frequency: 'adhoc' }), '2015-01-01', '2027-12-31')).toEqual([]);
  });
});

describe('rules that cannot be evaluated', () => {
  it('interval 2 without a start is reported, and yields no meetings rather than a guess', () => {
    const unanchored = rule({ day: THURSDAY, interval: 2 });
    expect(ruleProblem(unanchored)).toBe('interval 2 needs a start date (weeks are counted from it)');
    expect(occurrenceDates(unanchored, '2015-08-01', '2015-08-31')).toEqual([]);
    expect(ruleProblem(rule({ day: THURSDAY, frequency: 'biweekly' }))).toMatch(/^biweekly needs a start date/);
  });

  it('names what is missing or contradictory', () => {
    expect(ruleProblem(rule({ frequency: 'weekly' }))).toBe('weekly needs a day');
    expect(ruleProblem(rule({ day: WEDNESDAY, frequency: 'monthly' }))).toMatch(/^monthly needs a week/);
    expect(ruleProblem(rule({ day: WEDNESDAY, frequency: 'monthly', week: 6 }))).toMatch(/^monthly needs a week/);
    expect(ruleProblem(rule({ day: MONDAY, frequency: 'first-thursday' }))).toBe('day monday contradicts first-thursday');
    expect(ruleProblem(rule({ frequency: 'once' }))).toBe('once needs a date');
    expect(ruleProblem(rule({ day: MONDAY, frequency: 'once', date: '2026-11-25' }))).toBe('day monday contradicts date 2026-11-25, a wednesday');
    expect(ruleProblem(rule({ day: MONDAY, frequency: 'biweekly-odd', interval: 2 }))).toBe('interval 2 only applies to weekly, not biweekly-odd');
    expect(ruleProblem(rule({ day: MONDAY, start: '2015-09-01', until: '2015-08-01' }))).toBe('until 2015-08-01 is before start 2015-09-01');
    expect(ruleProblem(rule({ day: 8 }))).toMatch(/^day 8 is not an ISO weekday/);
  });

  it('has no complaint about sound rules of every frequency', () => {
    for (const frequency of FREQUENCIES) {
      const sound = rule({
        frequency,
        day: frequency === 'once' || frequency.startsWith('first-') ? null : WEDNESDAY,
        week: frequency === 'monthly' ? 1 : null,
        date: frequency === 'once' ? '2026-11-25' : null,
        start: '2026-01-07',
      });
      expect(ruleProblem(sound), frequency).toBeNull();
    }
  });
});

describe('week-53 warnings', () => {
  const odd = rule({ day: THURSDAY, frequency: 'biweekly-odd' });

  it('biweekly-odd meeting on 31 December 2026 (week 53) and 7 January 2027 (week 1) are both flagged', () => {
    const expected = '2026 has 53 ISO weeks: biweekly-odd meets two weeks in a row (week 53, then week 1); check with the chair';
    expect(weekParityWarning(odd, '2026-12-31')).toBe(expected);
    expect(weekParityWarning(odd, '2027-01-07')).toBe(expected);
  });

  it('the ordinary weeks around them are not', () => {
    expect(weekParityWarning(odd, '2026-12-17')).toBeNull();
    expect(weekParityWarning(odd, '2027-01-21')).toBeNull();
    expect(weekParityWarning(odd, '2025-12-25')).toBeNull();
    expect(weekParityWarning(odd, '2026-01-01')).toBeNull();
  });

  it('biweekly-even skips weeks 53 and 1, so 24 December and 14 January are flagged for the three-week gap', () => {
    const even = rule({ day: THURSDAY, frequency: 'biweekly-even' });
    const expected = '2026 has 53 ISO weeks: biweekly-even meets in week 52, then not until week 2 (3 weeks later); check with the chair';
    expect(weekParityWarning(even, '2026-12-24')).toBe(expected);
    expect(weekParityWarning(even, '2027-01-14')).toBe(expected);
    expect(weekParityWarning(even, '2026-12-10')).toBeNull();
  });

  it('quadweekly-week-1 meets in weeks 53 and 1; quadweekly waits five weeks from week 52 to week 4', () => {
    const weekOne = rule({ day: THURSDAY, frequency: 'quadweekly-week-1' });
    expect(weekParityWarning(weekOne, '2026-12-31')).toMatch(/two weeks in a row \(week 53, then week 1\)/);
    expect(weekParityWarning(weekOne, '2027-01-07')).toMatch(/two weeks in a row/);
    expect(weekParityWarning(weekOne, '2026-12-03')).toBeNull();
    const quad = rule({ day: THURSDAY, frequency: 'quadweekly' });
    expect(weekParityWarning(quad, '2026-12-24')).toMatch(/week 52, then not until week 4 \(5 weeks later\)/);
    expect(weekParityWarning(quad, '2027-01-28')).toMatch(/week 52, then not until week 4/);
    expect(weekParityWarning(quad, '2026-11-26')).toBeNull();
  });

  it('weekly, biweekly from a start and monthly rules never get the warning', () => {
    expect(weekParityWarning(rule({ day: THURSDAY }), '2026-12-31')).toBeNull();
    expect(weekParityWarning(rule({ day: THURSDAY, frequency: 'biweekly', start: '2026-12-17' }), '2026-12-31')).toBeNull();
    expect(weekParityWarning(rule({ day: THURSDAY, frequency: 'monthly', week: -1 }), '2026-12-31')).toBeNull();
  });

  it('a date that is not an occurrence gets no warning', () => {
    expect(weekParityWarning(odd, '2026-12-30')).toBeNull();
    expect(weekParityWarning(odd, '2026-12-24')).toBeNull();
  });
});
