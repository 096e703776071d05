// The dashboard: a header, four panes (a 2×2 grid from 120 columns, one pane and a tab bar
// below), a hints line, and the help, detail and project-picker overlays. Every row comes from
// the selectors of src/views, the ones `radar list --json` prints, so the two cannot disagree.
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type Dispatch, type ReactNode } from 'react';
import { DEFAULT_DAYS } from '../src/context/options';
import type { Context } from '../src/context/context';
import { colorWanted } from '../src/text/paint';
import type { LoadResult } from '../src/load/load-sources';
import type { FiredStore } from '../src/remind/fired-state';
import { DEFAULT_LEAD_TIMES } from '../src/remind/reminders';
import type { Priority } from '../src/model/types';
import type { ViewFilter } from '../src/views/filters';
import { groupGaps, liaisonGaps, type GapRow } from '../src/views/gaps';
import { upcomingOccurrences, type Occurrence } from '../src/views/meetings';
import { milestonesInView, type MilestoneRow } from '../src/views/milestones';
import { prioritiesInView } from '../src/views/priorities';
import { projectChoices, searchProjectChoices, type ProjectChoice } from '../src/views/project-choices';
import { DetailView, detailMaxScroll, type DetailItem, type DetailSettings } from './detail-view';
import { Header, headerHeight } from './header';
import { HelpOverlay, helpMaxScroll } from './help-overlay';
import { HintsLine } from './hints-line';
import { inkKey, matchKey, type KeyContext, type Match, type Movement } from './keymap';
import { Pane } from './pane';
import { gapColumns, meetingColumns, milestoneColumns, priorityColumns } from './pane-columns';
import { pickerPageSize, ProjectPicker } from './project-picker';
import { TabBar } from './tab-bar';
import { ThemeContext, themeFor, useTheme } from './theme';
import { ClockContext, fixedClock, runningClock, useMinute, type ClockStore } from './use-clock';
import { dashboardReducer, keyContext, PANE_TITLES, PANES, useDashboardState, type DashboardAction, type DashboardState, type PaneId } from './use-dashboard-state';
import { useMeetingBell } from './use-meeting-bell';
import { ReminderLine } from './reminder-line';
import { useReminders } from './use-reminders';
import { useSources, type SourceAccess } from './use-sources';

/** From this many columns the four panes are shown at once. */
export const GRID_MIN_WIDTH = 120;
/** Below this the dashboard asks for a bigger terminal instead of drawing a broken layout. */
const MIN_WIDTH = 40;
const MIN_HEIGHT = 12;

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
  const theme = themeFor(color ?? colorWanted(context.options.color, context.io.stdoutIsTty, context.io.env));
  return (
    <ThemeContext.Provider value={theme}>
      <ClockContext.Provider value={store}>
        <Dashboard context={context} {...props} />
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

interface Layout {
  wide: boolean;
  header: number;
  /** Each pane's width and height, frame included. */
  panes: Record<PaneId, { width: number; height: number }>;
  /** Rows between the header and the hints line. */
  body: number;
}

function computeLayout(width: number, height: number, header: number): Layout {
  const body = Math.max(0, height - header - 1);
  if (width >= GRID_MIN_WIDTH) {
    const top = Math.floor(body / 2);
    const left = Math.floor(width / 2);
    return {
      wide: true,
      header,
      body,
      panes: {
        milestones: { width: left, height: top },
        meetings: { width: width - left, height: top },
        priorities: { width: left, height: body - top },
        gaps: { width: width - left, height: body - top },
      },
    };
  }
  const one = { width, height: Math.max(0, body - 1) };
  return { wide: false, header, body, panes: { milestones: one, meetings: one, priorities: one, gaps: one } };
}

/** Rows of a pane's table: the frame and the column headings take three. */
function tableRows(pane: { height: number }): number {
  return Math.max(1, pane.height - 3);
}

type DashboardProps = Omit<AppProps, 'clock' | 'color'>;

function Dashboard({ context, initial, access, width, height, onBell, firedStore }: DashboardProps): ReactNode {
  const { exit } = useApp();
  const size = useTerminalSize(width, height);
  const sources = useSources(initial, access);
  const { schedule, reports } = sources.shown;
  const minute = useMinute();
  const [state, dispatch] = useDashboardState(context.zone, context.filter.projects);
  const theme = useTheme();
  const clock = useContext(ClockContext);

  const { options } = context;
  const meetingDays = options.days ?? DEFAULT_DAYS.meetings;
  const milestoneDays = options.days ?? DEFAULT_DAYS.milestones;
  const { projects, texts } = state;

  // The selectors run when the data, a filter or the minute changes, never on a key press
  // that only moves a cursor, and never on a clock tick inside the minute.
  const filter = useCallback((text: string): ViewFilter => ({ projects, text }), [projects]);
  const milestoneRows = useMemo(
    () => milestonesInView(schedule, { now: minute, days: milestoneDays, all: options.all, filter: filter(texts.milestones) }),
    [schedule, minute, milestoneDays, options.all, filter, texts.milestones],
  );
  const meetingRows = useMemo(() => upcomingOccurrences(schedule, minute, meetingDays, filter(texts.meetings)), [schedule, minute, meetingDays, filter, texts.meetings]);
  // The header's next meeting ignores the pane's text filter, not the project filter.
  const headerUpcoming = useMemo(
    () => (texts.meetings === '' ? meetingRows : upcomingOccurrences(schedule, minute, meetingDays, filter(''))),
    [texts.meetings, meetingRows, schedule, minute, meetingDays, filter],
  );
  const priorityRows = useMemo(() => prioritiesInView(schedule, options.all, filter(texts.priorities)), [schedule, options.all, filter, texts.priorities]);
  const gapRows = useMemo(() => groupGaps(liaisonGaps(schedule, filter(texts.gaps))), [schedule, filter, texts.gaps]);
  const choices = useMemo(() => projectChoices(schedule), [schedule]);
  const matches = useMemo(
    () => (state.overlay?.kind === 'picker' ? searchProjectChoices(choices, state.overlay.query) : choices),
    [choices, state.overlay],
  );

  const milestoneCols = useMemo(() => milestoneColumns(state.zone, minute, theme), [state.zone, minute, theme]);
  const ownZones = useMemo(() => [...new Set(schedule.meetings.map((meeting) => meeting.zone))].filter((zone) => zone !== state.zone), [schedule, state.zone]);
  const meetingCols = useMemo(
    () => meetingColumns(state.zone, context.homeZone, context.workHours, theme, ownZones, context.now),
    [state.zone, context.zone, context.workHours, theme, ownZones, context.now],
  );
  const priorityCols = useMemo(() => priorityColumns(theme), [theme]);
  const gapCols = useMemo(() => gapColumns(), []);
  const textFilters = useMemo(() => PANES.filter((pane) => texts[pane] !== '').map((pane) => ({ pane: PANE_TITLES[pane], text: texts[pane] })), [texts]);

  useMeetingBell(headerUpcoming, context.config.bell !== false, onBell ?? noBell);
  const leads = useMemo(() => ({ ...DEFAULT_LEAD_TIMES, ...context.config.reminders }), [context.config.reminders]);
  const reminderFilter = useMemo(() => filter(''), [filter]);
  const reminders = useReminders(schedule, reminderFilter, leads, firedStore ?? null, context.config.bell !== false, onBell ?? noBell);

  const layout = computeLayout(size.width, size.height, headerHeight(reports) + (reminders.shown.length > 0 ? 1 : 0));
  const counts: Record<PaneId, number> = {
    milestones: milestoneRows.length,
    meetings: meetingRows.length,
    priorities: priorityRows.length,
    gaps: gapRows.length,
  };
  // Keep every cursor inside its list as data, filters and the terminal change. Dispatching
  // while rendering makes React redo this render before anything is drawn.
  if (PANES.some((pane) => state.lists[pane].count !== counts[pane] || state.lists[pane].pageSize !== tableRows(layout.panes[pane]))) {
    dispatch({
      type: 'sync',
      counts,
      pageSizes: {
        milestones: tableRows(layout.panes.milestones),
        meetings: tableRows(layout.panes.meetings),
        priorities: tableRows(layout.panes.priorities),
        gaps: tableRows(layout.panes.gaps),
      },
    });
  }

  const detailItem = selectedItem(state, { milestones: milestoneRows, meetings: meetingRows, priorities: priorityRows, gaps: gapRows });
  const detailSettings: DetailSettings = { schedule, zone: state.zone, homeZone: context.homeZone, workHours: context.workHours };

  // The key handler reads the latest render through a ref. React draws a key's frame a moment
  // later, so keys that arrive together would otherwise all meet the state before the first:
  // `act` applies each action to the ref's state at once (the reducer is pure) as well as
  // handing it to React.
  const latest = useRef({ state, matches, meetingRows, detailItem, detailSettings, layout, size });
  latest.current = { state, matches, meetingRows, detailItem, detailSettings, layout, size };
  const act = useCallback(
    (action: DashboardAction) => {
      latest.current = { ...latest.current, state: dashboardReducer(latest.current.state, action) };
      dispatch(action);
    },
    [dispatch],
  );
  const reload = sources.reload;
  const dismissReminder = reminders.dismiss;
  const onKey = useCallback(
    (input: string, key: Key) => {
      const effects = { exit, reload, dismissReminder, zones: [context.zone, context.homeZone], now: clock.now };
      const match = matchKey(keyContext(latest.current.state), input, key);
      if (match !== null) {
        handleMatch(match, input, keyContext(latest.current.state), latest.current, act, effects);
        return;
      }
      // Keys typed faster than they are read arrive together ("jjj"), as a paste does: outside
      // a text field, each one still counts.
      if (input.length > 1 && !key.ctrl && !key.meta) {
        for (const character of input) {
          const where = keyContext(latest.current.state);
          const one = matchKey(where, character, inkKey({ shift: /[A-Z]/.test(character) }));
          if (one !== null) handleMatch(one, character, where, latest.current, act, effects);
        }
      }
    },
    [act, exit, reload, dismissReminder, context.zone, clock],
  );
  useInput(onKey);

  if (size.width < MIN_WIDTH || size.height < MIN_HEIGHT) {
    return (
      <Box width={size.width} height={size.height}>
        <Text wrap="truncate">{`radar needs ${MIN_WIDTH}×${MIN_HEIGHT} at least (now ${size.width}×${size.height}); q quits`}</Text>
      </Box>
    );
  }

  const paneProps = (pane: PaneId) => ({
    title: PANE_TITLES[pane],
    width: layout.panes[pane].width,
    height: layout.panes[pane].height,
    selected: state.lists[pane].selected,
    focused: state.focus === pane && state.overlay === null,
    filterText: texts[pane],
    editing: state.editing && state.focus === pane,
    emptyText: emptyText(pane, texts[pane], pane === 'milestones' ? milestoneDays : meetingDays),
  });
  const panes: Record<PaneId, ReactNode> = {
    milestones: <Pane key="milestones" data={milestoneRows} columns={milestoneCols} {...paneProps('milestones')} />,
    meetings: <Pane key="meetings" data={meetingRows} columns={meetingCols} {...paneProps('meetings')} />,
    priorities: <Pane key="priorities" data={priorityRows} columns={priorityCols} {...paneProps('priorities')} />,
    gaps: <Pane key="gaps" data={gapRows} columns={gapCols} {...paneProps('gaps')} />,
  };

  let body: ReactNode;
  const overlay = state.overlay;
  if (overlay?.kind === 'help') {
    body = <HelpOverlay width={size.width} height={layout.body} scroll={overlay.scroll} />;
  } else if (overlay?.kind === 'picker') {
    body = <ProjectPicker matches={matches} total={choices.length} picker={overlay} width={size.width} height={layout.body} />;
  } else if (overlay?.kind === 'detail' && detailItem !== null) {
    body = <DetailView item={detailItem} {...detailSettings} width={size.width} height={layout.body} scroll={overlay.scroll} />;
  } else if (layout.wide) {
    body = (
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
  } else {
    body = (
      <Box flexDirection="column" height={layout.body}>
        <TabBar tabs={tabsOf(counts)} active={state.focus} width={size.width} />
        {panes[state.focus]}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={size.width} height={size.height}>
      <Header
        name={schedule.name ?? 'release-radar'}
        zone={state.zone}
        homeZone={context.homeZone}
        upcoming={headerUpcoming}
        days={meetingDays}
        projects={projects}
        textFilters={textFilters}
        reports={reports}
        keptLastGood={sources.keptLastGood}
        refreshing={sources.loading === 'network'}
        minute={minute}
        width={size.width}
      />
      <ReminderLine reminders={reminders.shown} zone={state.zone} width={size.width} />
      {body}
      <HintsLine context={keyContext(state)} width={size.width} />
    </Box>
  );
}

const noBell = () => undefined;

interface PaneRows {
  milestones: readonly MilestoneRow[];
  meetings: readonly Occurrence[];
  priorities: readonly Priority[];
  gaps: readonly GapRow[];
}

/** The focused pane's selected row, for the detail view. */
function selectedItem(state: DashboardState, rows: PaneRows): DetailItem | null {
  const index = state.lists[state.focus].selected;
  if (index < 0) return null;
  switch (state.focus) {
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

function emptyText(pane: PaneId, text: string, days: number): string {
  if (text !== '') return `nothing matches “${text}” (esc clears)`;
  switch (pane) {
    case 'milestones':
      return `no milestones in the next ${days} days`;
    case 'meetings':
      return `no meetings in the next ${days} days`;
    case 'priorities':
      return 'no open priorities';
    case 'gaps':
      return 'no liaison gaps';
  }
}

function tabsOf(counts: Record<PaneId, number>) {
  return PANES.map((pane) => ({ key: pane, title: PANE_TITLES[pane], count: counts[pane] }));
}

/** What the key handler needs of the latest render. */
interface LatestView {
  state: DashboardState;
  matches: readonly ProjectChoice[];
  meetingRows: readonly Occurrence[];
  detailItem: DetailItem | null;
  detailSettings: DetailSettings;
  layout: Layout;
  size: { width: number; height: number };
}

interface Effects {
  exit: () => void;
  reload: () => void;
  dismissReminder: () => void;
  /** The zone the dashboard opened in (--tz, else the user's own), then the user's own: first in the `z` cycle. */
  zones: readonly string[];
  now: () => number;
}

/** Carries out what a key asked for: a state change, or one of the effects. */
function handleMatch(match: Match, input: string, where: KeyContext, view: LatestView, dispatch: Dispatch<DashboardAction>, effects: Effects): void {
  const { state } = view;
  switch (match.action) {
    case 'quit':
      effects.exit();
      return;
    case 'reload':
      effects.reload();
      return;
    case 'dismissReminder':
      effects.dismissReminder();
      return;
    case 'focusCycle':
      dispatch({ type: 'focusCycle', step: Number(match.arg ?? 1) });
      return;
    case 'focusPane': {
      const pane = PANES[Number(match.arg ?? 0)];
      if (pane !== undefined) dispatch({ type: 'focusPane', pane });
      return;
    }
    case 'move': {
      const movement = (match.arg ?? 'moveDown') as Movement;
      const delta = movement === 'moveUp' || movement === 'pageUp' || movement === 'first' ? -1 : 1;
      if (where === 'picker') {
        dispatch({ type: 'pickerMove', movement, count: view.matches.length, pageSize: pickerPageSize(view.layout.body) });
      } else if (where === 'help') {
        dispatch({ type: 'scroll', delta, max: helpMaxScroll(view.size.width, view.layout.body) });
      } else if (where === 'detail') {
        if (view.detailItem === null) return;
        dispatch({ type: 'scroll', delta, max: detailMaxScroll(view.detailItem, view.detailSettings, effects.now(), view.size.width, view.layout.body) });
      } else {
        dispatch({ type: 'move', movement });
      }
      return;
    }
    case 'cycleZone': {
      const meeting = view.meetingRows[state.lists.meetings.selected];
      dispatch({ type: 'cycleZone', zones: [...effects.zones, 'UTC', ...(meeting === undefined ? [] : [meeting.meeting.zone])] });
      return;
    }
    case 'type':
      dispatch(where === 'picker' ? { type: 'pickerType', text: input } : { type: 'typeFilter', text: input });
      return;
    case 'erase':
      dispatch({ type: where === 'picker' ? 'pickerErase' : 'eraseFilter' });
      return;
    case 'pickerToggle': {
      const overlay = state.overlay;
      const choice = overlay?.kind === 'picker' ? view.matches[overlay.cursor] : undefined;
      if (choice !== undefined) dispatch({ type: 'pickerToggle', id: choice.id });
      return;
    }
    case 'openDetail':
    case 'clearFilter':
    case 'startFilter':
    case 'openPicker':
    case 'toggleHelp':
    case 'close':
    case 'acceptFilter':
    case 'cancelFilter':
    case 'pickerApply':
    case 'pickerCancel':
      dispatch({ type: match.action });
      return;
  }
}
