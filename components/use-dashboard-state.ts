// Everything the dashboard remembers between key presses, as a pure reducer: which pane has
// the keyboard, where each pane's cursor is, the filters, the open overlay and the display
// zone. No Ink, no I/O: the App maps keys to these actions (keymap.ts) and renders the state.
import { useReducer } from 'react';
import type { KeyContext, Movement } from './keymap';
import { createListState, listReducer, type ListState } from './use-list-state';

export const PANES = ['milestones', 'meetings', 'priorities', 'gaps'] as const;
export type PaneId = (typeof PANES)[number];

export const PANE_TITLES: Record<PaneId, string> = {
  milestones: 'Milestones',
  meetings: 'Meetings',
  priorities: 'Priorities',
  gaps: 'Liaison gaps',
};

export interface PickerState {
  kind: 'picker';
  /** The type-to-search text. */
  query: string;
  /** Index into the choices matching `query`. */
  cursor: number;
  /** Project ids ticked so far (applied only on enter). */
  chosen: readonly string[];
}

export type Overlay = null | { kind: 'help'; scroll: number } | { kind: 'detail'; scroll: number } | PickerState;

export interface DashboardState {
  focus: PaneId;
  lists: Readonly<Record<PaneId, ListState>>;
  /** Each pane's own text filter ('' = none). */
  texts: Readonly<Record<PaneId, string>>;
  /** The focused pane's text filter is being typed. */
  editing: boolean;
  /** The project filter of every pane (empty = all projects). */
  projects: readonly string[];
  overlay: Overlay;
  /** The display zone now in use (`z` cycles it). */
  zone: string;
}

export type DashboardAction =
  | { type: 'focusPane'; pane: PaneId }
  | { type: 'focusCycle'; step: number }
  | { type: 'move'; movement: Movement }
  /** The panes' row counts and visible heights, after data, filters or the terminal changed. */
  | { type: 'sync'; counts: Readonly<Record<PaneId, number>>; pageSizes: Readonly<Record<PaneId, number>> }
  | { type: 'openDetail' }
  | { type: 'toggleHelp' }
  | { type: 'close' }
  /** Scroll the help or detail overlay by `delta` lines, within 0…`max`. */
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'startFilter' }
  | { type: 'typeFilter'; text: string }
  | { type: 'eraseFilter' }
  | { type: 'acceptFilter' }
  | { type: 'cancelFilter' }
  | { type: 'clearFilter' }
  | { type: 'openPicker' }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerErase' }
  /** `count` choices match the search; a page is `pageSize` of them. */
  | { type: 'pickerMove'; movement: Movement; count: number; pageSize: number }
  | { type: 'pickerToggle'; id: string }
  | { type: 'pickerApply' }
  | { type: 'pickerCancel' }
  /** Switch to the zone after the current one in `zones` (yours, UTC, the meeting's). */
  | { type: 'cycleZone'; zones: readonly string[] };

/** What the keyboard is talking to (keymap.ts). */
export function keyContext(state: DashboardState): KeyContext {
  if (state.editing) return 'filter';
  if (state.overlay === null) return 'panes';
  return state.overlay.kind;
}

function perPane<T>(make: (pane: PaneId) => T): Record<PaneId, T> {
  return { milestones: make('milestones'), meetings: make('meetings'), priorities: make('priorities'), gaps: make('gaps') };
}

export function initialDashboardState(zone: string, projects: readonly string[] = []): DashboardState {
  return {
    focus: 'milestones',
    lists: perPane(() => createListState(0, 1)),
    texts: perPane(() => ''),
    editing: false,
    projects,
    overlay: null,
    zone,
  };
}

function withList(state: DashboardState, pane: PaneId, list: ListState): DashboardState {
  return list === state.lists[pane] ? state : { ...state, lists: { ...state.lists, [pane]: list } };
}

function withText(state: DashboardState, text: string): DashboardState {
  const pane = state.focus;
  if (text === state.texts[pane]) return state;
  // A new filter starts at its first match.
  const lists = { ...state.lists, [pane]: listReducer(state.lists[pane], { type: 'first' }) };
  return { ...state, texts: { ...state.texts, [pane]: text }, lists };
}

function dropLastCharacter(text: string): string {
  const characters = [...text];
  return characters.slice(0, -1).join('');
}

function movedIndex(movement: Movement, index: number, count: number, pageSize: number): number {
  if (count <= 0) return 0;
  const next =
    movement === 'moveDown' ? index + 1
    : movement === 'moveUp' ? index - 1
    : movement === 'first' ? 0
    : movement === 'last' ? count - 1
    : movement === 'pageDown' ? index + pageSize
    : index - pageSize;
  return Math.min(Math.max(next, 0), count - 1);
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'focusPane':
      return action.pane === state.focus ? state : { ...state, focus: action.pane };
    case 'focusCycle': {
      const index = PANES.indexOf(state.focus);
      const next = PANES[(((index + action.step) % PANES.length) + PANES.length) % PANES.length]!;
      return { ...state, focus: next };
    }
    case 'move':
      return withList(state, state.focus, listReducer(state.lists[state.focus], { type: action.movement }));
    case 'sync': {
      let next = state;
      for (const pane of PANES) {
        let list = listReducer(next.lists[pane], { type: 'setCount', count: action.counts[pane] });
        list = listReducer(list, { type: 'setPageSize', pageSize: action.pageSizes[pane] });
        next = withList(next, pane, list);
      }
      return next;
    }
    case 'openDetail':
      return state.lists[state.focus].selected < 0 ? state : { ...state, overlay: { kind: 'detail', scroll: 0 } };
    case 'toggleHelp':
      return { ...state, overlay: state.overlay?.kind === 'help' ? null : { kind: 'help', scroll: 0 } };
    case 'close':
      return state.overlay === null ? state : { ...state, overlay: null };
    case 'scroll': {
      const overlay = state.overlay;
      if (overlay === null || overlay.kind === 'picker') return state;
      const scroll = Math.min(Math.max(overlay.scroll + action.delta, 0), Math.max(0, action.max));
      return scroll === overlay.scroll ? state : { ...state, overlay: { ...overlay, scroll } };
    }
    case 'startFilter':
      return { ...state, editing: true, overlay: null };
    case 'typeFilter':
      return withText(state, state.texts[state.focus] + action.text);
    case 'eraseFilter':
      return withText(state, dropLastCharacter(state.texts[state.focus]));
    case 'acceptFilter':
      return { ...state, editing: false };
    case 'cancelFilter':
      return { ...withText(state, ''), editing: false };
    case 'clearFilter':
      return withText(state, '');
    case 'openPicker':
      return { ...state, editing: false, overlay: { kind: 'picker', query: '', cursor: 0, chosen: state.projects } };
    case 'pickerType':
    case 'pickerErase': {
      const picker = state.overlay;
      if (picker?.kind !== 'picker') return state;
      const query = action.type === 'pickerType' ? picker.query + action.text : dropLastCharacter(picker.query);
      return query === picker.query ? state : { ...state, overlay: { ...picker, query, cursor: 0 } };
    }
    case 'pickerMove': {
      const picker = state.overlay;
      if (picker?.kind !== 'picker') return state;
      const cursor = movedIndex(action.movement, picker.cursor, action.count, Math.max(1, action.pageSize));
      return cursor === picker.cursor ? state : { ...state, overlay: { ...picker, cursor } };
    }
    case 'pickerToggle': {
      const picker = state.overlay;
      if (picker?.kind !== 'picker') return state;
      const chosen = picker.chosen.includes(action.id) ? picker.chosen.filter((id) => id !== action.id) : [...picker.chosen, action.id];
      return { ...state, overlay: { ...picker, chosen } };
    }
    case 'pickerApply': {
      const picker = state.overlay;
      if (picker?.kind !== 'picker') return state;
      // Every pane starts over at its first row: the lists changed under the cursors.
      const lists = perPane((pane) => listReducer(state.lists[pane], { type: 'first' }));
      return { ...state, projects: [...picker.chosen].sort(), lists, overlay: null };
    }
    case 'pickerCancel':
      return state.overlay?.kind === 'picker' ? { ...state, overlay: null } : state;
    case 'cycleZone': {
      const zones = [...new Set(action.zones)];
      if (zones.length === 0) return state;
      const index = zones.indexOf(state.zone);
      const zone = zones[(index + 1) % zones.length]!;
      return zone === state.zone ? state : { ...state, zone };
    }
  }
}

/** The dashboard state as a React reducer, starting in `zone` with the `projects` filter. */
export function useDashboardState(zone: string, projects: readonly string[]) {
  return useReducer(dashboardReducer, undefined, () => initialDashboardState(zone, projects));
}
