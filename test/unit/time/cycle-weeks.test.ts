import { describe, expect, it } from 'vitest';
import { cycleWeekLabel } from '../../../src/time/cycle-weeks';

// 2027.1 Indri: openstack/releases doc/source/indri/schedule.yaml names the week of
// 22–26 March 2027 R+0 (release-week: 2027-03-22), and schedule.rst puts the coordinated release
// on Wednesday 24 March 2027. That file also names 23–27 November 2026 R-17, 5–9 October R-24
// and 28 December 2026 – 1 January 2027 R-12.
const INDRI_RELEASE = '2027-03-24';

describe('Indri cycle week labels', () => {
  it('the whole Monday–Sunday week of the release is R-0', () => {
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-03-22')).toBe('R-0');
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-03-24')).toBe('R-0');
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-03-28')).toBe('R-0');
  });

  it('25 November 2026 is in R-17, as the published schedule says', () => {
    expect(cycleWeekLabel(INDRI_RELEASE, '2026-11-25')).toBe('R-17');
    expect(cycleWeekLabel(INDRI_RELEASE, '2026-11-23')).toBe('R-17');
    expect(cycleWeekLabel(INDRI_RELEASE, '2026-11-29')).toBe('R-17');
    expect(cycleWeekLabel(INDRI_RELEASE, '2026-11-22')).toBe('R-18');
  });

  it('matches the schedule across the year end and back to the first week', () => {
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-01-01')).toBe('R-12');
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-01-04')).toBe('R-11');
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-03-19')).toBe('R-1');
    expect(cycleWeekLabel(INDRI_RELEASE, '2026-10-05')).toBe('R-24');
  });

  it('weeks after the release count up: R+1, R+2', () => {
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-03-29')).toBe('R+1');
    expect(cycleWeekLabel(INDRI_RELEASE, '2027-04-09')).toBe('R+2');
  });

  it('Liberty (released Thursday 15 October 2015): liberty-3 on 1 September fell in R-6', () => {
    expect(cycleWeekLabel('2015-10-15', '2015-09-01')).toBe('R-6');
  });
});
