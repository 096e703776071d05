// Everything the dashboard remembers between key presses, as a pure reducer: which pane has
// the keyboard, where each pane's cursor is, the filters, the open overlay, the display zone,
// and what the user asked of the shell (quit, reload). No Ink, no I/O: use-dashboard-input.ts
// turns keys into these actions, and the shell carries out the requests.
import { useReducer } from 'react';
import { sameZone } from '../src/time/zoned';
import { searchProjectChoices, type ProjectChoice } from '../src/views/project-choices';
import { matchKey, PANES, type KeyAction, type KeyContext, type KeyPress, type Movement, type PaneId } from './keymap';

export { PANES, type PaneId } from './keymap';

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

/** An overlay read by scrolling: `scroll` lines are off the top. */
export interface ScrolledOverlay {
  kind: 'help' | 'detail' | 'sources';
  scroll: number;
}

export type Overlay = null | ScrolledOverlay | PickerState;

/** A line of feedback after a key that acts out of sight (`z`, `r`), until the next key. */
export type Notice = { kind: 'zone'; zone: string } | { kind: 'reload' };

export interface DashboardState {
  focus: PaneId;
  /**
   * Each pane's cursor as last moved. The lists change under it (data, filters), so it is read
   * through `cursorOf`, which keeps it inside the list as it is now.
   */
  cursors: Readonly<Record<PaneId, number>>;
  /** Each pane's own text filter ('' = none). */
  texts: Readonly<Record<PaneId, string>>;
  /** The focused pane's text filter is being typed. */
  editing: boolean;
  /** The project filter of every pane (empty = all projects). */
  projects: readonly string[];
  overlay: Overlay;
  /** The display zone now in use (`z` cycles it). */
  zone: string;
  /** `a`: past milestones and closed priorities are shown too. */
  showAll: boolean;
  notice: Notice | null;
  /** What the keys asked of the shell: to quit, and how many reloads and reminder dismissals so far. */
  requests: { quit: boolean; reloads: number; dismissals: number };
}

/** What the keys need to know of the screen as drawn: sizes of lists and pages, and choices. */
export interface KeyView {
  counts: Readonly<Record<PaneId, number>>;
  /** Rows one page of each pane moves by. */
  pageSizes: Readonly<Record<PaneId, number>>;
  /** How far the open overlay (help, detail, sources) scrolls, and its page. */
  overlayMaxScroll: number;
  overlayPage: number;
  /** Every project the picker offers (before searching), and its page. */
  choices: readonly ProjectChoice[];
  pickerPage: number;
  /** The zones `z` goes through, in order: yours, UTC, then the meeting at `index`'s own. */
  zonesFor: (meetingIndex: number) => readonly string[];
}

export type DashboardAction = { type: 'keys'; presses: readonly KeyPress[]; view: KeyView };

/** What the keyboard is talking to (keymap.ts). */
export function keyContext(state: DashboardState): KeyContext {
  if (state.editing) return 'filter';
  if (state.overlay === null) return 'panes';
  return state.overlay.kind;
}

function perPane<T>(make: (pane: PaneId) => T): Record<PaneId, T> {
  return { milestones: make('milestones'), meetings: make('meetings'), priorities: make('priorities'), gaps: make('gaps') };
}

export function initialDashboardState(zone: string, projects: readonly string[] = [], showAll = false): DashboardState {
  return {
    focus: 'milestones',
    cursors: perPane(() => 0),
    texts: perPane(() => ''),
    editing: false,
    projects,
    overlay: null,
    zone,
    showAll,
    notice: null,
    requests: { quit: false, reloads: 0, dismissals: 0 },
  };
}

/** `index` kept inside a list of `count` items: -1 when it is empty. */
export function cursorWithin(index: number, count: number): number {
  if (count <= 0) return -1;
  return Math.min(Math.max(index, 0), count - 1);
}

/** The pane's selected row in a list of `count` rows, -1 for none. */
export function cursorOf(state: DashboardState, pane: PaneId, count: number): number {
  return cursorWithin(state.cursors[pane], count);
}

/**
 * The one cursor mover, for pane rows, picker choices and overlay lines alike: from `index`
 * in a list of `count`, a page being `pageSize`; it stops at either end rather than wrapping.
 */
export function moveCursor(movement: Movement, index: number, count: number, pageSize: number): number {
  if (count <= 0) return -1;
  const from = cursorWithin(index, count);
  const page = Math.max(1, Math.floor(pageSize));
  const next = movement === 'down' ? from + 1 : movement === 'up' ? from - 1 : movement === 'first' ? 0 : movement === 'last' ? count - 1 : movement === 'pageDown' ? from + page : from - page;
  return cursorWithin(next, count);
}

function withCursor(state: DashboardState, pane: PaneId, cursor: number): DashboardState {
  return cursor === state.cursors[pane] ? state : { ...state, cursors: { ...state.cursors, [pane]: cursor } };
}

function withText(state: DashboardState, text: string): DashboardState {
  const pane = state.focus;
  if (text === state.texts[pane]) return state;
  // A new filter starts at its first match.
  return { ...withCursor(state, pane, 0), texts: { ...state.texts, [pane]: text } };
}

function dropLastCharacter(text: string): string {
  return [...text].slice(0, -1).join('');
}

function picker(state: DashboardState): PickerState | null {
  return state.overlay?.kind === 'picker' ? state.overlay : null;
}

function withPicker(state: DashboardState, next: PickerState): DashboardState {
  return { ...state, overlay: next };
}

/** The state after `action` (what a key of the key map asked for), `input` being the key's text. */
export function applyKeyAction(state: DashboardState, action: KeyAction, input: string, view: KeyView): DashboardState {
  switch (action.type) {
    case 'quit':
      return { ...state, requests: { ...state.requests, quit: true } };
    case 'reload':
      return { ...state, notice: { kind: 'reload' }, requests: { ...state.requests, reloads: state.requests.reloads + 1 } };
    case 'dismissReminder':
      return { ...state, requests: { ...state.requests, dismissals: state.requests.dismissals + 1 } };
    case 'focusPane':
      return action.pane === state.focus ? state : { ...state, focus: action.pane };
    case 'focusCycle': {
      const index = PANES.indexOf(state.focus);
      return { ...state, focus: PANES[(index + action.step + PANES.length) % PANES.length]! };
    }
    case 'move':
      return moved(state, action.movement, view);
    case 'openDetail':
      return cursorOf(state, state.focus, view.counts[state.focus]) < 0 ? state : { ...state, overlay: { kind: 'detail', scroll: 0 } };
    case 'openSources':
      return { ...state, overlay: { kind: 'sources', scroll: 0 } };
    case 'toggleHelp':
      return { ...state, overlay: state.overlay?.kind === 'help' ? null : { kind: 'help', scroll: 0 } };
    case 'toggleAll':
      return { ...state, showAll: !state.showAll };
    case 'close':
      return state.overlay === null ? state : { ...state, overlay: null };
    case 'startFilter':
      return { ...state, editing: true, overlay: null };
    case 'type': {
      const open = picker(state);
      if (open !== null) return withPicker(state, { ...open, query: open.query + input, cursor: 0 });
      return withText(state, state.texts[state.focus] + input);
    }
    case 'erase': {
      const open = picker(state);
      if (open !== null) {
        const query = dropLastCharacter(open.query);
        return query === open.query ? state : withPicker(state, { ...open, query, cursor: 0 });
      }
      return withText(state, dropLastCharacter(state.texts[state.focus]));
    }
    case 'acceptFilter':
      return { ...state, editing: false };
    case 'cancelFilter':
      return { ...withText(state, ''), editing: false };
    case 'clearFilter':
      return withText(state, '');
    case 'openPicker':
      return { ...state, editing: false, overlay: { kind: 'picker', query: '', cursor: 0, chosen: state.projects } };
    case 'pickerToggle': {
      const open = picker(state);
      const choice = open === null ? undefined : searchProjectChoices(view.choices, open.query)[open.cursor];
      if (open === null || choice === undefined) return state;
      const chosen = open.chosen.includes(choice.id) ? open.chosen.filter((id) => id !== choice.id) : [...open.chosen, choice.id];
      return withPicker(state, { ...open, chosen });
    }
    case 'pickerApply': {
      const open = picker(state);
      if (open === null) return state;
      // Every pane starts over at its first row: the lists changed under the cursors.
      return { ...state, projects: [...open.chosen].sort(), cursors: perPane(() => 0), overlay: null };
    }
    case 'pickerCancel':
      return picker(state) === null ? state : { ...state, overlay: null };
    case 'cycleZone':
      return cycledZone(state, view.zonesFor(cursorOf(state, 'meetings', view.counts.meetings)));
  }
}

function moved(state: DashboardState, movement: Movement, view: KeyView): DashboardState {
  const overlay = state.overlay;
  if (overlay === null) {
    const pane = state.focus;
    const cursor = moveCursor(movement, state.cursors[pane], view.counts[pane], view.pageSizes[pane]);
    return cursor < 0 ? state : withCursor(state, pane, cursor);
  }
  if (overlay.kind === 'picker') {
    const count = searchProjectChoices(view.choices, overlay.query).length;
    const cursor = moveCursor(movement, overlay.cursor, count, view.pickerPage);
    return cursor < 0 || cursor === overlay.cursor ? state : withPicker(state, { ...overlay, cursor });
  }
  // An overlay scrolls like a cursor over its first visible line.
  const scroll = moveCursor(movement, overlay.scroll, view.overlayMaxScroll + 1, view.overlayPage);
  return scroll < 0 || scroll === overlay.scroll ? state : { ...state, overlay: { ...overlay, scroll } };
}

/**
 * The next zone of `zones` after the one in use, skipping names of the zone in use (UTC and
 * Etc/UTC are one zone), so `z` always changes the screen when it can; the notice names it.
 */
function cycledZone(state: DashboardState, zones: readonly string[]): DashboardState {
  const distinct: string[] = [];
  for (const zone of zones) if (!distinct.some((seen) => sameZone(seen, zone))) distinct.push(zone);
  const here = distinct.findIndex((zone) => sameZone(zone, state.zone));
  const following = distinct.slice(here + 1).concat(distinct.slice(0, Math.max(0, here)));
  const zone = following.find((candidate) => !sameZone(candidate, state.zone)) ?? state.zone;
  return { ...state, zone, notice: { kind: 'zone', zone } };
}

/**
 * Each key of a burst in turn, each one meeting the state the one before left: `/ab` then
 * enter then `j` filters, keeps the filter and moves. The notice of the last key stays.
 */
export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  let next = state;
  for (const press of action.presses) {
    const keyAction = matchKey(keyContext(next), press.input, press.key);
    if (keyAction === null) continue;
    const cleared = next.notice === null ? next : { ...next, notice: null };
    next = applyKeyAction(cleared, keyAction, press.input, action.view);
  }
  return next;
}

/** The dashboard state as a React reducer, starting in `zone` with the `projects` filter. */
export function useDashboardState(zone: string, projects: readonly string[], showAll: boolean) {
  return useReducer(dashboardReducer, undefined, () => initialDashboardState(zone, projects, showAll));
}
