// The direct path for common rules must give exactly what ical.js gives: checked on many
// generated rules, starts and windows (fast-check), and on the RFC 5545 examples that use them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ruleWallTimes } from '../../../src/time/calendar-recurrence';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY = 86_400_000;
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const rules = fc.oneof(
  fc.record({ freq: fc.constant('DAILY'), interval: fc.integer({ min: 1, max: 4 }) }).map(({ interval }) => `FREQ=DAILY;INTERVAL=${interval}`),
  fc
    .record({
      interval: fc.integer({ min: 1, max: 4 }),
      days: fc.subarray(DAYS, { minLength: 0, maxLength: 4 }),
      wkst: fc.constantFrom('MO', 'SU', 'WE'),
    })
    .map(({ interval, days, wkst }) => `FREQ=WEEKLY;INTERVAL=${interval}${days.length > 0 ? `;BYDAY=${days.join(',')}` : ''};WKST=${wkst}`),
  fc
    .record({
      interval: fc.integer({ min: 1, max: 3 }),
      nth: fc.constantFrom(1, 2, 3, 4, 5, -1, -2),
      day: fc.constantFrom(...DAYS),
    })
    .map(({ interval, nth, day }) => `FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${nth}${day}`),
  fc.record({ interval: fc.integer({ min: 1, max: 3 }), monthDay: fc.integer({ min: 1, max: 28 }) }).map(({ interval, monthDay }) => `FREQ=MONTHLY;INTERVAL=${interval};BYMONTHDAY=${monthDay}`),
  // The day of the month taken from DTSTART.
  fc.integer({ min: 1, max: 3 }).map((interval) => `FREQ=MONTHLY;INTERVAL=${interval}`),
);

/** No end, an UNTIL some days after the start, or a COUNT. */
const ends = fc.oneof(
  fc.constant(() => ''),
  fc.integer({ min: 0, max: 3000 }).map((days) => (startDay: number) => `;UNTIL=${wall((startDay + days) * DAY + 12 * 3_600_000).replace(/[-:]/g, '')}`),
  fc.integer({ min: 1, max: 400 }).map((count) => () => `;COUNT=${count}`),
);

describe('common rules computed directly agree with ical.js', () => {
  test('on generated rules, starts (2000–2030), UNTIL or COUNT, and windows', () => {
    fc.assert(
      fc.property(
        rules,
        fc.integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2030, 0, 1) / DAY }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -40, max: 3000 }),
        fc.integer({ min: 1, max: 70 }),
        ends,
        (rule, startDay, hour, offset, length, end) => {
          const start = wall(startDay * DAY + hour * 3_600_000 + 30 * 60_000);
          const until = end(startDay);
          const from = wall((startDay + offset) * DAY);
          const to = wall((startDay + offset + length) * DAY);
          const direct = ruleWallTimes(rule + until, start, from, to, { visited: 0 }, null, 'fastest');
          const library = ruleWallTimes(rule + until, start, from, to, { visited: 0 }, null, 'ical.js');
          expect(direct).toEqual(library);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("RFC 5545's examples: every other week on Tuesday and Thursday from 1 September 1997, the last Monday of the month", () => {
    expect(ruleWallTimes('FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,TH', '1997-09-02T09:00:00', '1997-09-01T00:00:00', '1997-09-30T00:00:00', { visited: 0 })).toEqual([
      '1997-09-02T09:00:00',
      '1997-09-04T09:00:00',
      '1997-09-16T09:00:00',
      '1997-09-18T09:00:00',
    ]);
    expect(ruleWallTimes('FREQ=MONTHLY;BYDAY=-1MO', '1997-09-29T09:00:00', '1997-09-01T00:00:00', '1997-12-31T00:00:00', { visited: 0 })).toEqual([
      '1997-09-29T09:00:00',
      '1997-10-27T09:00:00',
      '1997-11-24T09:00:00',
      '1997-12-29T09:00:00',
    ]);
  });
});
