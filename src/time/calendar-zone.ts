// An honest own zone for an event whose times follow a VTIMEZONE only its file defines (Exchange's
// "Customized Time Zone", `GMT +0100 (Standard) / GMT +0200 (Daylight)`): the screen, `next`,
// reminders and the export take IANA names, so such an event is shown in the IANA zone whose
// clock reads the same as the file's zone over the years the event starts in; failing that, each
// occurrence in a fixed-offset zone of the offset it actually has.
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import type { CalendarZone } from './calendar-expansion';
import { LAST_SUPPORTED_YEAR } from './supported-range';
import { isValidZone, zonedWallMsToInstant, zoneOffsetMs } from './zoned';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How many years from the event's start the file's zone must read as the IANA zone does. */
export const MATCHED_YEARS = 5;

/**
 * The zones tried, in order: the one CLDR maps each Windows zone to (Europe/Berlin before
 * Europe/Paris for Central European time), so a zone Exchange wrote by its rules gets the name
 * Windows gives those rules.
 */
let candidates: string[] | null = null;
function candidateZones(): string[] {
  candidates ??= [...new Set(WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').map((entry) => entry.iana[0]!))].filter(isValidZone);
  return candidates;
}

type DefinedZone = Extract<CalendarZone, { kind: 'vtimezone' }>;

/** The instant of a wall time (milliseconds as if the wall clock were UTC) by a file's VTIMEZONE (ical.js, passed in: this module loads without it). */
export type DefinedInstant = (wallMs: number, zone: CalendarZone) => number;

/**
 * The IANA zone that turns the same wall times into the same instants as the file's VTIMEZONE
 * from the start of `fromYear` to the end of `fromYear + MATCHED_YEARS - 1`, or null. Checked at
 * noon every day (a transition on another day shows there) and every quarter hour of the days
 * the IANA zone changes its offset (a transition at another hour shows there), except wall
 * times that do not exist or exist twice, which RFC 5545 and calendar programs read differently.
 */
export function matchingIanaZone(zone: DefinedZone, fromYear: number, definedInstant: DefinedInstant): string | null {
  const key = `${fromYear}\u0000${zone.definition}`;
  if (!matches.has(key))
    matches.set(
      key,
      findMatchingIanaZone(fromYear, (wall) => definedInstant(wall, zone)),
    );
  return matches.get(key)!;
}

// Events of one file share their zone and mostly their start year.
const matches = new Map<string, string | null>();

function findMatchingIanaZone(fromYear: number, defined: (wallMs: number) => number): string | null {
  const first = Date.UTC(fromYear, 0, 1) / DAY;
  const last = Date.UTC(fromYear + MATCHED_YEARS, 0, 1) / DAY;
  const sameAt = (iana: string, wall: number) => defined(wall) === zonedWallMsToInstant(wall, iana);
  const plain = (iana: string, wall: number) => {
    const instant = zonedWallMsToInstant(wall, iana);
    return instant + zoneOffsetMs(instant, iana) === wall && zoneOffsetMs(instant - HOUR * 3, iana) === zoneOffsetMs(instant + HOUR * 3, iana);
  };
  // Winter and summer noon of the first year rule out nearly every zone at once.
  const probes = [Date.UTC(fromYear, 0, 15, 12), Date.UTC(fromYear, 6, 15, 12)];
  for (const iana of candidateZones()) {
    if (!probes.every((wall) => sameAt(iana, wall))) continue;
    let same = true;
    for (let day = first; same && day < last; day += 1) {
      const noon = day * DAY + 12 * HOUR;
      if (!sameAt(iana, noon)) same = false;
      else if (zoneOffsetMs(day * DAY - DAY, iana) !== zoneOffsetMs(day * DAY + 2 * DAY, iana)) {
        for (let wall = day * DAY; same && wall < (day + 1) * DAY; wall += HOUR / 4) if (plain(iana, wall) && !sameAt(iana, wall)) same = false;
      }
    }
    if (same) return iana;
  }
  return null;
}

/**
 * The own zone of an event whose times follow `zone`: an IANA zone that reads the same from
 * the year it starts, else a fixed-offset zone of its first occurrence's offset (each
 * occurrence is then shown at the offset it has: see ownZoneAt).
 */
export function ownZoneOf(zone: CalendarZone, startWallMs: number, definedInstant: DefinedInstant): string {
  if (zone.kind === 'iana') return zone.zone;
  if (zone.kind === 'utc') return 'UTC';
  const year = new Date(startWallMs).getUTCFullYear();
  const startInstant = definedInstant(startWallMs, zone);
  return matchingIanaZone(zone, Math.min(Math.max(1970, year), LAST_SUPPORTED_YEAR - MATCHED_YEARS), definedInstant) ?? zoneWithOffset(startWallMs - startInstant, startInstant);
}

/**
 * A zone whose clock has `offsetMs` at `instant`: Etc/GMT∓h for whole hours (POSIX signs: Etc/GMT-2
 * is two hours ahead), else the first candidate zone on that offset then; UTC when none is.
 */
export function zoneWithOffset(offsetMs: number, instant: number): string {
  if (offsetMs === 0) return 'UTC';
  if (offsetMs % HOUR === 0 && Math.abs(offsetMs) <= 14 * HOUR) {
    const hours = offsetMs / HOUR;
    const name = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
    if (isValidZone(name)) return name;
  }
  return candidateZones().find((zone) => zoneOffsetMs(instant, zone) === offsetMs) ?? 'UTC';
}
