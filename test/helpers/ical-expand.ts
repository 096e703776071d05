// Expands an iCalendar file with ical.js, a calendar library independent of radar's own
// recurrence code: what a subscribed client would list.
import ICAL from 'ical.js';

export interface ExpandedOccurrence {
  uid: string;
  title: string;
  /** UTC instants, ISO-8601. */
  start: string;
  end: string;
  where: string | null;
}

/** Every timed occurrence starting in [from, to), sorted by start, then title. */
export function expandTimedEvents(ics: string, from: number, to: number): ExpandedOccurrence[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // The file's own VTIMEZONEs, as a client uses them (never the library's built-in zones).
  const zones = new Map<string, ICAL.Timezone>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.set(zone.tzid, zone);
  }
  const found: ExpandedOccurrence[] = [];
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const dtstart = component.getFirstProperty('dtstart')!;
    const tzid = dtstart.getParameter('tzid') as string | undefined;
    if (tzid !== undefined && !zones.has(tzid)) throw new Error(`no VTIMEZONE for ${tzid}`);
    for (const name of ['dtstart', 'dtend', 'exdate', 'rdate']) {
      for (const property of component.getAllProperties(name)) {
        const id = property.getParameter('tzid') as string | undefined;
        if (id === undefined) continue;
        for (const value of property.getValues() as ICAL.Time[]) value.zone = zones.get(id)!;
      }
    }
    const event = new ICAL.Event(component);
    if (event.startDate.isDate) continue;
    const iterator = event.iterator();
    for (let next = iterator.next(); next !== null && next !== undefined; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toUnixTime() * 1000;
      if (start >= to) break;
      if (start < from) continue;
      found.push({
        uid: event.uid,
        title: event.summary,
        start: new Date(start).toISOString(),
        end: new Date(details.endDate.toUnixTime() * 1000).toISOString(),
        where: event.location ?? null,
      });
    }
  }
  return found.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
