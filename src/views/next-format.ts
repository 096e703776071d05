// `radar next --format '{title} in {in}'`: a status bar's own line. The template is checked
// before any source is read, so a typo is a usage error, not an empty status bar.
import { formatCountdown } from '../time/countdown';
import { instantToZoned, zoneAbbreviation } from '../time/zoned';
import type { Occurrence } from './meetings';

/** The fields of cli.md, in its order. */
export const NEXT_FORMAT_FIELDS = ['title', 'in', 'local', 'time', 'date', 'where', 'project', 'url'] as const;
export type NextFormatField = (typeof NEXT_FORMAT_FIELDS)[number];

export type TemplatePart = { text: string } | { field: NextFormatField };

const FIELD = /\{([^{}]*)\}/g;

/** The template in parts, or the message for a field cli.md does not list. */
export function parseNextFormat(template: string): { parts: TemplatePart[] } | { error: string } {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(FIELD)) {
    const name = match[1] as string;
    if (!(NEXT_FORMAT_FIELDS as readonly string[]).includes(name)) {
      return { error: `--format: unknown field {${name}} (fields: ${NEXT_FORMAT_FIELDS.map((field) => `{${field}}`).join(' ')})` };
    }
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ field: name as NextFormatField });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return { parts };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_DAYS_MS = 6 * 86_400_000;

/**
 * 'Thu 22:00 BST' in the display zone; more than six days ahead the weekday alone would read
 * as this week's, so the date is named: 'Fri 25 Dec 15:00 GMT'.
 */
export function nextLocal(start: number, zone: string, now: number): string {
  const moment = instantToZoned(start, zone);
  const day = WEEKDAYS[moment.weekday - 1];
  const date = start - now > SIX_DAYS_MS ? ` ${Number(moment.date.slice(8, 10))} ${MONTHS[Number(moment.date.slice(5, 7)) - 1]}` : '';
  return `${day}${date} ${moment.time} ${zoneAbbreviation(start, zone)}`;
}

/** '1h 15m', or 'now' once it has started. */
export function nextIn(start: number, now: number): string {
  const seconds = Math.floor((start - now) / 1000);
  return seconds > 0 ? formatCountdown(seconds) : 'now';
}

export function nextFields(occurrence: Occurrence, zone: string, now: number): Record<NextFormatField, string> {
  const moment = instantToZoned(occurrence.start, zone);
  return {
    title: occurrence.meeting.title,
    in: nextIn(occurrence.start, now),
    local: nextLocal(occurrence.start, zone, now),
    time: moment.time,
    date: moment.date,
    where: occurrence.where ?? '',
    project: occurrence.meeting.project ?? '',
    url: occurrence.meeting.url ?? occurrence.meeting.agenda ?? '',
  };
}

export function renderNextFormat(parts: readonly TemplatePart[], fields: Record<NextFormatField, string>): string {
  return parts.map((part) => ('text' in part ? part.text : fields[part.field])).join('');
}
