// Rules so dense that a view holds more instances than radar follows are said to be cut, once
// per event, where the rule is written, naming the event's UID.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isolatedEnv, radar } from '../helpers/run-radar';

const USER = isolatedEnv();
const folder = mkdtempSync(join(tmpdir(), 'radar-dense-'));
afterAll(() => {
  rmSync(USER['HOME']!, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

const event = (uid: string, ...rules: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, `SUMMARY:${uid}`, 'DTSTART:20000101T000000Z', ...rules.map((rule) => `RRULE:${rule}`), 'END:VEVENT'];
const file = join(folder, 'dense.ics');
writeFileSync(
  file,
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...event('tick@example.org', 'FREQ=SECONDLY'), // lines 3–8, the rule on line 7
    ...event('every-five-minutes@example.org', 'FREQ=MINUTELY;INTERVAL=5', 'FREQ=SECONDLY;BYSECOND=0,30'), // lines 9–15
    ...event('hourly@example.org', 'FREQ=HOURLY'),
    ...event('a-thousand-seconds@example.org', 'FREQ=SECONDLY;COUNT=1000'),
    'END:VCALENDAR',
    '',
  ].join('\r\n'),
);

describe('radar validate on a calendar with rules by the second and the minute', () => {
  test('warns once per dense event, at its first dense rule, with how long a view lasts before the cut; hourly and counted rules are not cut', () => {
    const run = radar(['validate', file], { env: USER });
    expect(run.code).toBe(0);
    const warnings = (run.stdout + run.stderr).split('\n').filter((line) => line.includes('warning:'));
    expect(warnings).toEqual([
      // 200,000 seconds are 2 days 7 h 33 min; 200,000 times 5 minutes are 694 days and a bit.
      `${file}:7:1: RRULE: warning: event "tick@example.org": FREQ=SECONDLY gives more occurrences than radar follows: each view shows the first 200,000 of them from its start (2 days 7 h at this rule's rate) and leaves out the rest`,
      `${file}:13:1: RRULE: warning: event "every-five-minutes@example.org": FREQ=MINUTELY;INTERVAL=5 gives more occurrences than radar follows: each view shows the first 200,000 of them from its start (694 days at this rule's rate) and leaves out the rest`,
    ]);
  });
});
