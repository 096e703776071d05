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
  const components = calendar.getAllSubcomponents('vevent');
  // A component with a RECURRENCE-ID changes one occurrence of the event with its UID, as clients relate them.
  const exceptionsOf = (uid: unknown) => components.filter((candidate) => candidate.hasProperty('recurrence-id') && candidate.getFirstPropertyValue('uid') === uid);
  for (const component of components) {
    if (component.hasProperty('recurrence-id') && components.some((master) => !master.hasProperty('recurrence-id') && master.getFirstPropertyValue('uid') === component.getFirstPropertyValue('uid')))
      continue;
    const dtstart = component.getFirstProperty('dtstart')!;
    const tzid = dtstart.getParameter('tzid') as string | undefined;
    if (tzid !== undefined && !zones.has(tzid)) throw new Error(`no VTIMEZONE for ${tzid}`);
    for (const name of ['dtstart', 'dtend', 'exdate', 'rdate', 'recurrence-id']) {
      for (const property of [component, ...exceptionsOf(component.getFirstPropertyValue('uid'))].flatMap((owner) => owner.getAllProperties(name))) {
        const id = property.getParameter('tzid') as string | undefined;
        if (id === undefined) continue;
        for (const value of property.getValues() as ICAL.Time[]) value.zone = zones.get(id)!;
      }
    }
    const event = new ICAL.Event(component, { exceptions: component.hasProperty('recurrence-id') ? [] : exceptionsOf(component.getFirstPropertyValue('uid')) });
    if (event.startDate.isDate) continue;
    const iterator = event.iterator();
    for (let next = iterator.next(); next !== null && next !== undefined; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toUnixTime() * 1000;
      if (start >= to) break;
      if (start < from) continue;
      found.push({
        uid: event.uid,
        title: details.item.summary,
        start: new Date(start).toISOString(),
        end: new Date(details.endDate.toUnixTime() * 1000).toISOString(),
        where: details.item.location ?? null,
      });
    }
  }
  return found.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
