// Release-cycle week labels: the Monday–Sunday week holding the release day is R-0, the weeks
// before count down to it (R-17 … R-1) and the weeks after count up (R+1, R+2 …).
import { civilToDayNumber, weekdayOfDayNumber } from './civil';

function mondayDayNumber(date: string): number {
  const dayNumber = civilToDayNumber(date);
  return dayNumber - weekdayOfDayNumber(dayNumber) + 1;
}

/** Weeks from the release week to the week of `date`: negative before, positive after. */
export function weeksFromRelease(release: string, date: string): number {
  return (mondayDayNumber(date) - mondayDayNumber(release)) / 7;
}

/** 'R-17', 'R-0', 'R+2'. Throws RangeError when either argument is not a date. */
export function cycleWeekLabel(release: string, date: string): string {
  const weeks = weeksFromRelease(release, date);
  return weeks > 0 ? `R+${weeks}` : `R-${-weeks}`;
}
