import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { nextLine } from '../src/views/cells';
import type { SourceReport } from '../src/model/types';
import { toSingleLine } from '../src/text/display-width';
import { formatCountdown } from '../src/time/countdown';
import { instantToZoned, zoneAbbreviation } from '../src/time/zoned';
import { formatClock, formatLocal } from '../src/views/cells';
import type { Occurrence } from '../src/views/meetings';
import { sourceStateText } from '../src/views/source-state';
import { urgencyRole, useTheme, type Role } from './theme';
import { useClock } from './use-clock';

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
  /** A broken source's last good data is on screen. */
  keptLastGood: boolean;
  /** Feeds are being fetched. */
  refreshing: boolean;
  /** The current minute, for source ages. */
  minute: number;
  width: number;
}

/** The lines the header takes: three, and one more when a source has errors. */
export function headerHeight(reports: readonly SourceReport[]): number {
  return reports.some((report) => report.errors.length > 0) ? 4 : 3;
}

/** 'Tue 11 Aug 22:44:57 BST (21:44 UTC)'; in UTC just 'Tue 11 Aug 21:44:57 UTC'. */
export function clockText(now: number, zone: string): string {
  const seconds = String(instantToZoned(now, zone).second).padStart(2, '0');
  const utc = zone === 'UTC' ? '' : ` (${instantToZoned(now, 'UTC').time} UTC)`;
  return `${formatLocal(now, zone)}:${seconds} ${zoneAbbreviation(now, zone)}${utc}`;
}

/**
 * The next meeting line at `now`: on now (from its start to its end), soon (10 minutes or
 * less), or the next one with its countdown, as `radar next` words it.
 */
export function nextMeetingText(upcoming: readonly Occurrence[], now: number, zone: string, days: number): { text: string; role: Role | null } {
  const next = upcoming.find((occurrence) => !occurrence.skipped && occurrence.end > now);
  if (next === undefined) return { text: `Next meeting: none in the next ${days} days`, role: 'muted' };
  if (next.start <= now) {
    const where = next.where === null ? '' : ` in ${next.where}`;
    const seconds = Math.floor((now - next.start) / 1000);
    const started = seconds < 60 ? 'started just now' : `started ${formatCountdown(seconds)} ago`;
    return { text: `now: ${next.meeting.title}${where} (${started}, until ${formatClock(next.end, zone)})`, role: 'now' };
  }
  const line = nextLine(next, zone, now);
  if (next.start - now <= SOON_MS) return { text: `Soon: ${line}`, role: 'soon' };
  return { text: `Next: ${line}`, role: urgencyRole(next.start - now) };
}

function ClockLine({ name, zone, homeZone, width }: { name: string; zone: string; homeZone: string; width: number }): ReactNode {
  const theme = useTheme();
  const clock = useClock((now) => clockText(now, zone));
  const switched = zone === homeZone ? '' : ` (yours: ${homeZone})`;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text {...theme.styles.title}>{name}</Text>
        {`  ${clock}  `}
        <Text {...theme.styles.muted}>{zone}</Text>
        {switched}
      </Text>
    </Box>
  );
}

function NextMeetingLine({ upcoming, zone, days, width }: { upcoming: readonly Occurrence[]; zone: string; days: number; width: number }): ReactNode {
  const theme = useTheme();
  // One string, so the line re-renders only when its words or colour change.
  const encoded = useClock((now) => {
    const { text, role } = nextMeetingText(upcoming, now, zone, days);
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

function sourceRole(report: SourceReport): Role | null {
  if (report.status === 'failed' || report.errors.length > 0) return 'error';
  if (report.status === 'cached') return 'warning';
  return null;
}

function HeaderLines(props: HeaderProps): ReactNode {
  const theme = useTheme();
  const { reports, width } = props;
  const projects = props.projects.length === 0 ? 'all' : props.projects.join(', ');
  const filters = props.textFilters.length === 0 ? 'none' : props.textFilters.map(({ pane, text }) => `${pane} “${text}”`).join(', ');
  const errors = reports.flatMap((report) => report.errors);
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  // Said first: the error itself can be long enough to be cut at the edge.
  const kept = props.keptLastGood ? 'showing the last good data — ' : '';
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
            const role = sourceRole(report);
            return (
              <Text key={report.source} {...(role === null ? {} : theme.styles[role])}>
                {index > 0 ? '; ' : ''}
                {toSingleLine(sourceStateText(report, props.minute))}
              </Text>
            );
          })}
          {props.refreshing ? <Text {...theme.styles.muted}> ↻ refreshing</Text> : null}
        </Text>
      </Box>
      {errors.length > 0 ? (
        <Box width={width} height={1}>
          <Text wrap="truncate" {...theme.styles.error}>
            {toSingleLine(`✖ ${kept}${errors[0]}${more}`)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}

export const Header = memo(HeaderLines);
