// The dashboard's view: a header, four panes (a 2×2 grid from 120 columns, one pane and a tab
// bar below), a hints line, and one overlay at a time (details, help, sources, projects). What
// it remembers is in use-dashboard-state.ts, its keys in use-dashboard-input.ts, its rows in
// use-pane-rows.ts and its sizes in layout.ts; this file puts them on the screen.
import { Box, Text, useApp, useStdout } from 'ink';
import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_DAYS } from '../src/context/options';
import type { Context } from '../src/context/context';
import { colorWanted } from '../src/text/paint';
import type { LoadResult } from '../src/load/load-sources';
import type { FiredStore } from '../src/remind/fired-state';
import { DEFAULT_LEAD_TIMES } from '../src/remind/reminders';
import { sourceLabel } from '../src/views/source-state';
import { projectChoices, searchProjectChoices } from '../src/views/project-choices';
import { instantToZoned, sameZone, zoneAbbreviation } from '../src/time/zoned';
import { DetailView, detailMaxScroll, type DetailItem, type DetailSettings } from './detail-view';
import { Header, headerHeight } from './header';
import { HelpOverlay, helpMaxScroll } from './help-overlay';
import { HintsLine } from './hints-line';
import { computeLayout, MIN_HEIGHT, MIN_WIDTH, PANE_SIDES, tableRows, type Layout } from './layout';
import { minimumTableWidth } from '../src/text/column-layout';
import { overlayBodyRows } from './overlay-frame';
import { Pane } from './pane';
import { gapColumns, meetingColumns, milestoneColumns, priorityColumns, warningMark } from './pane-columns';
import { pickerPageSize, ProjectPicker } from './project-picker';
import { SourcesView, sourcesMaxScroll, type SourcesSettings } from './sources-view';
import { TabBar } from './tab-bar';
import { ThemeContext, themeFor, useTheme, type Role } from './theme';
import { ClockContext, fixedClock, runningClock, useMinute, WallClockContext, type ClockStore } from './use-clock';
import { useDashboardInput } from './use-dashboard-input';
import { cursorOf, keyContext, PANE_TITLES, PANES, useDashboardState, type DashboardState, type KeyView, type PaneId } from './use-dashboard-state';
import { useMeetingBell } from './use-meeting-bell';
import { ReminderLine } from './reminder-line';
import { useReminders } from './use-reminders';
import { usePaneRows, type PaneRows } from './use-pane-rows';
import { useSources, type Sources, type SourceAccess } from './use-sources';

export { GRID_MIN_WIDTH } from './layout';

export interface AppProps {
  context: Context;
  /** The first load: local files and cached feeds (never waits for the network). */
  initial: LoadResult;
  /** Reloading and watching the sources. */
  access: SourceAccess;
  /** Terminal columns. Default: the terminal's, following resizes. */
  width?: number;
  /** Terminal rows. Default: the terminal's, following resizes. */
  height?: number;
  /** Default: pinned at context.now with --now, else the real clock ticking each second. */
  clock?: ClockStore;
  /** Default: colour unless --no-color, NO_COLOR, or output that is not a terminal. */
  color?: boolean;
  /** Rings the terminal bell (once per meeting start). Default: does nothing. */
  onBell?: () => void;
  /** Where fired reminders are remembered (the cache folder). Default: no reminders. */
  firedStore?: FiredStore;
}

export function App({ context, clock, color, ...props }: AppProps): ReactNode {
  const [store] = useState(() => clock ?? (context.fixedNow ? fixedClock(context.now) : runningClock(context.io.clock)));
  const [wall] = useState(() => (store.running ? store : runningClock(context.io.clock)));
  const theme = themeFor(color ?? colorWanted(context.options.color, context.io.stdoutIsTty, context.io.env));
  return (
    <ThemeContext.Provider value={theme}>
      <ClockContext.Provider value={store}>
        <WallClockContext.Provider value={wall}>
          <Dashboard context={context} {...props} />
        </WallClockContext.Provider>
      </ClockContext.Provider>
    </ThemeContext.Provider>
  );
}

function useTerminalSize(width: number | undefined, height: number | undefined): { width: number; height: number } {
  const { stdout } = useStdout();
  const read = useCallback(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }), [stdout]);
  const [size, setSize] = useState(read);
  const fixed = width !== undefined && height !== undefined;
  useEffect(() => {
    if (fixed) return undefined;
    const resized = () =>
      setSize((previous) => {
        const next = read();
        return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
      });
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout, read, fixed]);
  return { width: width ?? size.columns, height: height ?? size.rows };
}

type DashboardProps = Omit<AppProps, 'clock' | 'color'>;

function Dashboard({ context, initial, access, width, height, onBell, firedStore }: DashboardProps): ReactNode {
  const { exit } = useApp();
  const size = useTerminalSize(width, height);
  const sources = useSources(initial, access);
  const { schedule, reports } = sources.shown;
  const minute = useMinute();
  const [state, dispatch] = useDashboardState(context.zone, context.filter.projects, context.options.all);
  const theme = useTheme();
  const clock = useContext(ClockContext);

  const days = { milestones: context.options.days ?? DEFAULT_DAYS.milestones, meetings: context.options.days ?? DEFAULT_DAYS.meetings };
  const rows = usePaneRows({ schedule, minute, days, projects: state.projects, texts: state.texts, all: state.showAll });
  const counts: Record<PaneId, number> = { milestones: rows.milestones.length, meetings: rows.meetings.length, priorities: rows.priorities.length, gaps: rows.gaps.length };
  const choices = useMemo(() => projectChoices(schedule), [schedule]);

  const milestoneCols = useMemo(() => milestoneColumns(state.zone, minute, theme), [state.zone, minute, theme]);
  const meetingCols = useMemo(() => meetingColumns(state.zone, context.homeZone, context.workHours, theme, minute), [state.zone, context.homeZone, context.workHours, theme, minute]);
  const priorityCols = useMemo(() => priorityColumns(theme), [theme]);
  const gapCols = useMemo(() => gapColumns(), []);

  useMeetingBell(rows.headerMeetings, context.config.bell !== false, onBell ?? noBell);
  const leads = useMemo(() => ({ ...DEFAULT_LEAD_TIMES, ...context.config.reminders }), [context.config.reminders]);
  // Reminders follow the project filter, never a pane's text filter.
  const reminderFilter = useMemo(() => ({ projects: state.projects, text: '' }), [state.projects]);
  const reminders = useReminders(schedule, reminderFilter, leads, firedStore ?? null, context.config.bell !== false, onBell ?? noBell);

  // Without colour the selection is a › in a column of its own.
  const sides = PANE_SIDES + (theme.color ? 0 : 2);
  const widths = useMemo(
    () => ({
      milestones: minimumTableWidth(milestoneCols, rows.milestones) + sides,
      meetings: minimumTableWidth(meetingCols, rows.meetings) + sides,
      priorities: minimumTableWidth(priorityCols, rows.priorities) + sides,
      gaps: minimumTableWidth(gapCols, rows.gaps) + sides,
    }),
    [milestoneCols, meetingCols, priorityCols, gapCols, rows.milestones, rows.meetings, rows.priorities, rows.gaps, sides],
  );
  const layout = computeLayout(size.width, size.height, headerHeight(reports, sources.pending) + (reminders.shown.length > 0 ? 1 : 0), { rows: counts, columns: widths });
  const selected = (pane: PaneId) => cursorOf(state, pane, counts[pane]);
  const detailItem = selectedItem(state.focus, selected(state.focus), rows);
  const detailSettings: DetailSettings = { schedule, zone: state.zone, homeZone: context.homeZone, workHours: context.workHours, warningMark: warningMark(theme) };
  const sourcesSettings: SourcesSettings = { reports, pending: sources.pending, keptLastGood: sources.keptLastGood };

  const view: KeyView = {
    counts,
    pageSizes: { milestones: tableRows(layout.panes.milestones), meetings: tableRows(layout.panes.meetings), priorities: tableRows(layout.panes.priorities), gaps: tableRows(layout.panes.gaps) },
    overlayMaxScroll: overlayScroll(state, size.width, layout.body, { detailItem, detailSettings, sourcesSettings, now: clock.now() }),
    overlayPage: overlayBodyRows(layout.body),
    choices,
    pickerPage: pickerPageSize(layout.body),
    zonesFor: (index) => {
      const meeting = rows.meetings[index];
      // The zone the dashboard opened in (--tz, else yours), yours, UTC, the meeting's own.
      return [context.zone, context.homeZone, 'UTC', ...(meeting === undefined ? [] : [meeting.meeting.zone])];
    },
  };
  useDashboardInput({ state, dispatch, view, exit, reload: sources.reload, dismissReminder: reminders.dismiss });

  if (size.width < MIN_WIDTH || size.height < MIN_HEIGHT) {
    return (
      <Box width={size.width} height={size.height}>
        <Text wrap="truncate">{`radar needs ${MIN_WIDTH}×${MIN_HEIGHT} at least (now ${size.width}×${size.height}); q quits`}</Text>
      </Box>
    );
  }

  const { texts } = state;
  const paneProps = (pane: PaneId) => ({
    title: PANE_TITLES[pane],
    width: layout.panes[pane].width,
    height: layout.panes[pane].height,
    selected: selected(pane),
    focused: state.focus === pane && state.overlay === null,
    filterText: texts[pane],
    editing: state.editing && state.focus === pane,
    emptyText: emptyText(pane, texts[pane], pane === 'milestones' ? days.milestones : days.meetings, state.showAll),
  });
  const panes: Record<PaneId, ReactNode> = {
    milestones: <Pane key="milestones" data={rows.milestones} columns={milestoneCols} {...paneProps('milestones')} />,
    meetings: <Pane key="meetings" data={rows.meetings} columns={meetingCols} {...paneProps('meetings')} />,
    priorities: <Pane key="priorities" data={rows.priorities} columns={priorityCols} {...paneProps('priorities')} />,
    gaps: <Pane key="gaps" data={rows.gaps} columns={gapCols} {...paneProps('gaps')} />,
  };
  const textFilters = PANES.filter((pane) => texts[pane] !== '').map((pane) => ({ pane: PANE_TITLES[pane], text: texts[pane] }));

  return (
    <Box flexDirection="column" width={size.width} height={size.height}>
      <Header
        name={schedule.name ?? 'release-radar'}
        zone={state.zone}
        homeZone={context.homeZone}
        upcoming={rows.headerMeetings}
        days={days.meetings}
        projects={state.projects}
        textFilters={textFilters}
        reports={reports}
        pending={sources.pending}
        keptLastGood={sources.keptLastGood}
        refreshing={sources.loading === 'network'}
        width={size.width}
      />
      <ReminderLine reminders={reminders.shown} zone={state.zone} width={size.width} />
      <Body
        state={state}
        layout={layout}
        width={size.width}
        panes={panes}
        counts={counts}
        detailItem={detailItem}
        detailSettings={detailSettings}
        sourcesSettings={sourcesSettings}
        choices={choices}
      />
      <HintsLine context={keyContext(state)} notice={noticeOf(state, sources, context.homeZone, clock.now())} width={size.width} />
    </Box>
  );
}

interface BodyProps {
  state: DashboardState;
  layout: Layout;
  width: number;
  panes: Record<PaneId, ReactNode>;
  counts: Record<PaneId, number>;
  detailItem: DetailItem | null;
  detailSettings: DetailSettings;
  sourcesSettings: SourcesSettings;
  choices: ReturnType<typeof projectChoices>;
}

/** Between the header and the hints: the open overlay, else the panes. */
function Body({ state, layout, width, panes, counts, detailItem, detailSettings, sourcesSettings, choices }: BodyProps): ReactNode {
  const overlay = state.overlay;
  if (overlay?.kind === 'help') return <HelpOverlay width={width} height={layout.body} scroll={overlay.scroll} />;
  if (overlay?.kind === 'sources') return <SourcesView {...sourcesSettings} width={width} height={layout.body} scroll={overlay.scroll} />;
  if (overlay?.kind === 'picker') {
    return <ProjectPicker matches={searchProjectChoices(choices, overlay.query)} total={choices.length} picker={overlay} width={width} height={layout.body} />;
  }
  if (overlay?.kind === 'detail' && detailItem !== null) {
    return <DetailView item={detailItem} {...detailSettings} width={width} height={layout.body} scroll={overlay.scroll} />;
  }
  if (layout.wide) {
    return (
      <Box flexDirection="column" height={layout.body}>
        <Box flexDirection="row">
          {panes.milestones}
          {panes.meetings}
        </Box>
        <Box flexDirection="row">
          {panes.priorities}
          {panes.gaps}
        </Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={layout.body}>
      <TabBar tabs={PANES.map((pane) => ({ key: pane, title: PANE_TITLES[pane], count: counts[pane] }))} active={state.focus} width={width} />
      {panes[state.focus]}
    </Box>
  );
}

const noBell = () => undefined;

/** How far the open overlay scrolls at this size. */
function overlayScroll(
  state: DashboardState,
  width: number,
  height: number,
  open: { detailItem: DetailItem | null; detailSettings: DetailSettings; sourcesSettings: SourcesSettings; now: number },
): number {
  switch (state.overlay?.kind) {
    case 'help':
      return helpMaxScroll(width, height);
    case 'detail':
      return open.detailItem === null ? 0 : detailMaxScroll(open.detailItem, open.detailSettings, open.now, width, height);
    case 'sources':
      return sourcesMaxScroll(open.sourcesSettings, width, height);
    default:
      return 0;
  }
}

/** "zone: Asia/Tokyo (JST)", "reloading…", "reloaded 06:12:04", or what failed. */
function noticeOf(state: DashboardState, sources: Sources, homeZone: string, now: number): { text: string; role: Role | null } | null {
  const notice = state.notice;
  if (notice === null) return null;
  if (notice.kind === 'zone') {
    const abbreviation = zoneAbbreviation(now, notice.zone);
    const name = abbreviation === notice.zone ? notice.zone : `${notice.zone} (${abbreviation})`;
    return { text: `zone: ${name}${sameZone(notice.zone, homeZone) ? ', yours' : ''}`, role: 'title' };
  }
  const done = sources.reloaded;
  if (done === null || done.number < state.requests.reloads) return { text: 'reloading…', role: 'muted' };
  const at = `${instantToZoned(done.at, state.zone).time}:${String(instantToZoned(done.at, state.zone).second).padStart(2, '0')}`;
  if (done.failed.length === 0) return { text: `reloaded ${at}`, role: 'good' };
  return { text: `reloaded ${at}: ${done.failed.map(sourceLabel).join(', ')} failed (s shows why)`, role: 'error' };
}

/** The focused pane's selected row, for the detail view. */
function selectedItem(focus: PaneId, index: number, rows: PaneRows): DetailItem | null {
  if (index < 0) return null;
  switch (focus) {
    case 'milestones': {
      const row = rows.milestones[index];
      return row === undefined ? null : { pane: 'milestones', row };
    }
    case 'meetings': {
      const row = rows.meetings[index];
      return row === undefined ? null : { pane: 'meetings', row };
    }
    case 'priorities': {
      const row = rows.priorities[index];
      return row === undefined ? null : { pane: 'priorities', row };
    }
    case 'gaps': {
      const row = rows.gaps[index];
      return row === undefined ? null : { pane: 'gaps', row };
    }
  }
}

function emptyText(pane: PaneId, text: string, days: number, all: boolean): string {
  if (text !== '') return `nothing matches “${text}” (esc clears)`;
  switch (pane) {
    case 'milestones':
      return all ? `no milestones up to ${days} days ahead` : `no milestones in the next ${days} days (a: past ones too)`;
    case 'meetings':
      return `no meetings in the next ${days} days`;
    case 'priorities':
      return all ? 'no priorities' : 'no open priorities (a: closed ones too)';
    case 'gaps':
      return 'no liaison gaps';
  }
}
