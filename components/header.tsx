import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { SourceReport } from '../src/model/types';
import { displayWidth, toSingleLine, truncateToWidth } from '../src/text/display-width';
import { formatCountdown } from '../src/time/countdown';
import { instantToZoned, sameZone } from '../src/time/zoned';
import { clockText, formatClock, formatLocal, nextLine } from '../src/views/cells';
import type { Occurrence } from '../src/views/meetings';
import { sourceRole, sourceState } from './sources-view';
import { urgencyRole, useTheme, type Role } from './theme';
import { useClock, useWallClock } from './use-clock';

/** The header says a meeting is near from this long before it starts. */
export const SOON_MS = 10 * 60_000;

export interface HeaderProps {
  /** The schedule's name. */
  name: string;
  /** The display zone in use. */
  zone: string;
  /** The user's own zone (--tz or config): `z` may have switched away from it. */
  homeZone: string;
  /** Upcoming occurrences under the project filter (upcomingOccurrences), for the next meeting. */
  upcoming: readonly Occurrence[];
  /** How far ahead `upcoming` looks, in days. */
  days: number;
  /** The project filter ([] = all). */
  projects: readonly string[];
  /** The panes' text filters that are set. */
  textFilters: readonly { pane: string; text: string }[];
  reports: readonly SourceReport[];
  /** Feeds whose first fetch is under way (loading, not failed). */
  pending: readonly string[];
  /** A broken source's last good data is on screen. */
  keptLastGood: boolean;
  /** Feeds are being fetched. */
  refreshing: boolean;
  width: number;
}

/** The errors worth a header line: a feed still loading has none yet. */
function shownErrors(reports: readonly SourceReport[], pending: readonly string[]): string[] {
  return reports.filter((report) => !pending.includes(report.source)).flatMap((report) => report.errors);
}

/**
 * The lines the header takes: the clock, the next meeting, the filters and sources, and one
 * more when a source has errors. (One place, so a line more, say a reminder, is one change.)
 */
export function headerHeight(reports: readonly SourceReport[], pending: readonly string[] = []): number {
  return shownErrors(reports, pending).length > 0 ? 4 : 3;
}

function isUtc(zone: string): boolean {
  return sameZone(zone, 'UTC');
}

/**
 * The clock line's parts at `width`: the clock always wins. It says the zone's name unless the
 * zone is UTC (the time then says it once), and "yours: …" when the zone is not yours; when
 * the schedule's name does not fit whole, "yours" goes, then the zone's name, then the UTC
 * time, and only then is the name cut.
 */
export function clockLine(name: string, now: number, zone: string, homeZone: string, width: number): { name: string; clock: string; zone: string } {
  const label = isUtc(zone) ? '' : zone;
  const switched = sameZone(zone, homeZone) ? '' : ` (yours: ${homeZone})`;
  const variants = [
    { clock: clockText(now, zone), zone: `${label}${switched}` },
    { clock: clockText(now, zone), zone: label },
    { clock: clockText(now, zone), zone: '' },
    { clock: clockText(now, zone, false), zone: '' },
  ];
  const roomFor = (variant: { clock: string; zone: string }) => width - 2 - displayWidth(variant.clock) - (variant.zone === '' ? 0 : 2 + displayWidth(variant.zone));
  const fitting = variants.find((variant) => roomFor(variant) >= displayWidth(name)) ?? variants[variants.length - 1]!;
  return { name: truncateToWidth(name, Math.max(0, roomFor(fitting))), ...fitting };
}

/**
 * The next meeting line at `now`: on now (from its start to its end), soon (10 minutes or
 * less), or the next one with its countdown, as `radar next` words it. When that is wider
 * than `width`, the countdown and the time come first and the title is what gets cut.
 */
export function nextMeetingText(upcoming: readonly Occurrence[], now: number, zone: string, days: number, width = Infinity): { text: string; role: Role | null } {
  const next = upcoming.find((occurrence) => !occurrence.skipped && occurrence.end > now);
  if (next === undefined) return { text: `Next meeting: none in the next ${days} days`, role: 'muted' };
  const where = next.where === null ? '' : ` in ${next.where}`;
  if (next.start <= now) {
    const seconds = Math.floor((now - next.start) / 1000);
    const started = seconds < 60 ? 'started just now' : `started ${formatCountdown(seconds)} ago`;
    const full = `now: ${next.meeting.title}${where} (${started}, until ${formatClock(next.end, zone)})`;
    const text = displayWidth(full) <= width ? full : `now, until ${formatClock(next.end, zone)}: ${next.meeting.title}${where}`;
    return { text, role: 'now' };
  }
  const lead = next.start - now <= SOON_MS ? 'Soon' : 'Next';
  const role = lead === 'Soon' ? 'soon' : urgencyRole(next.start - now);
  const full = `${lead}: ${nextLine(next, zone, now)}`;
  if (displayWidth(full) <= width) return { text: full, role };
  const start = instantToZoned(next.start, zone);
  const day = formatLocal(next.start, zone).slice(0, 3);
  const countdown = `in ${formatCountdown(Math.floor((next.start - now) / 1000))}`;
  return { text: `${lead} ${countdown}, ${day} ${start.time}: ${next.meeting.title}${where}`, role };
}

function ClockLine({ name, zone, homeZone, width }: { name: string; zone: string; homeZone: string; width: number }): ReactNode {
  const theme = useTheme();
  // One string, so the line re-renders only when its words change.
  const encoded = useClock((now) => {
    const parts = clockLine(name, now, zone, homeZone, width);
    return `${parts.name}\u0000${parts.clock}\u0000${parts.zone}`;
  });
  const [shownName = '', clock = '', zoneLabel = ''] = encoded.split('\u0000');
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text {...theme.styles.title}>{shownName}</Text>
        {`${shownName === '' ? '' : '  '}${clock}`}
        {zoneLabel === '' ? null : <Text {...theme.styles.muted}>{`  ${zoneLabel}`}</Text>}
      </Text>
    </Box>
  );
}

function NextMeetingLine({ upcoming, zone, days, width }: { upcoming: readonly Occurrence[]; zone: string; days: number; width: number }): ReactNode {
  const theme = useTheme();
  // One string, so the line re-renders only when its words or colour change.
  const encoded = useClock((now) => {
    const { text, role } = nextMeetingText(upcoming, now, zone, days, width);
    return `${role ?? ''}\u0000${text}`;
  });
  const [role, text = ''] = encoded.split('\u0000') as [Role | '', string];
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate" {...(role === '' ? {} : theme.styles[role])}>
        {text}
      </Text>
    </Box>
  );
}

/** The header's error line: how many there are, where to see them all, then the first. */
export function errorLine(errors: readonly string[], keptLastGood: boolean): string {
  const kept = keptLastGood ? 'showing the last good data — ' : '';
  const count = errors.length === 1 ? '' : `${errors.length} errors (s lists them): `;
  return toSingleLine(`✖ ${count}${kept}${errors[0] ?? ''}`);
}

function HeaderLines(props: HeaderProps): ReactNode {
  const theme = useTheme();
  const { reports, pending, width } = props;
  // One string, so the line re-renders only when an age's words change.
  const states = useWallClock((now) => reports.map((report) => toSingleLine(sourceState(report, pending, now))).join('\u0000')).split('\u0000');
  const projects = props.projects.length === 0 ? 'all' : props.projects.join(', ');
  const filters = props.textFilters.length === 0 ? 'none' : props.textFilters.map(({ pane, text }) => `${pane} “${text}”`).join(', ');
  const errors = shownErrors(reports, pending);
  return (
    <Box flexDirection="column" width={width}>
      <ClockLine name={props.name} zone={props.zone} homeZone={props.homeZone} width={width} />
      <NextMeetingLine upcoming={props.upcoming} zone={props.zone} days={props.days} width={width} />
      <Box width={width} height={1}>
        <Text wrap="truncate">
          <Text {...theme.styles.muted}>Projects: </Text>
          {projects}
          <Text {...theme.styles.muted}>{'  Filter: '}</Text>
          {filters}
          <Text {...theme.styles.muted}>{'  Sources: '}</Text>
          {reports.map((report, index) => {
            const role = sourceRole(report, pending);
            return (
              <Text key={report.source} {...(role === null ? {} : theme.styles[role])}>
                {index > 0 ? '; ' : ''}
                {states[index]}
              </Text>
            );
          })}
          {props.refreshing && pending.length === 0 ? <Text {...theme.styles.muted}> ↻ refreshing</Text> : null}
        </Text>
      </Box>
      {errors.length > 0 ? (
        <Box width={width} height={1}>
          <Text wrap="truncate" {...theme.styles.error}>
            {errorLine(errors, props.keptLastGood)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

export const Header = memo(HeaderLines);
