// The dashboard's memory as a pure reducer: no Ink, no terminal.
import { describe, expect, it } from 'vitest';
import {
  dashboardReducer,
  initialDashboardState,
  keyContext,
  type DashboardAction,
  type DashboardState,
  type PaneId,
} from '../../components/use-dashboard-state';

const counts = { milestones: 7, meetings: 7, priorities: 13, gaps: 7 };
const pageSizes = { milestones: 5, meetings: 5, priorities: 5, gaps: 5 };

function start(projects: string[] = []): DashboardState {
  return dashboardReducer(initialDashboardState('Europe/London', projects), { type: 'sync', counts, pageSizes });
}

function run(state: DashboardState, ...actions: DashboardAction[]): DashboardState {
  return actions.reduce(dashboardReducer, state);
}

const selected = (state: DashboardState, pane: PaneId) => state.lists[pane].selected;

describe('focus', () => {
  it('starts on Milestones; tab order goes round, shift+tab goes back round', () => {
    const state = start();
    expect(state.focus).toBe('milestones');
    expect(run(state, { type: 'focusCycle', step: 1 }).focus).toBe('meetings');
    expect(run(state, { type: 'focusCycle', step: -1 }).focus).toBe('gaps');
    expect(run(state, { type: 'focusCycle', step: 1 }, { type: 'focusCycle', step: 1 }, { type: 'focusCycle', step: 1 }, { type: 'focusCycle', step: 1 }).focus).toBe('milestones');
  });

  it('each pane keeps its own cursor when focus moves away and back', () => {
    const state = run(start(), { type: 'focusPane', pane: 'meetings' }, { type: 'move', movement: 'moveDown' }, { type: 'move', movement: 'moveDown' }, { type: 'focusPane', pane: 'priorities' }, { type: 'move', movement: 'last' }, { type: 'focusPane', pane: 'meetings' });
    expect(selected(state, 'meetings')).toBe(2);
    expect(selected(state, 'priorities')).toBe(12);
    expect(selected(state, 'milestones')).toBe(0);
  });
});

describe('movement and sync', () => {
  it('pages move by the visible rows and stop at the ends', () => {
    const state = run(start(), { type: 'focusPane', pane: 'priorities' }, { type: 'move', movement: 'pageDown' });
    expect(selected(state, 'priorities')).toBe(5);
    expect(selected(run(state, { type: 'move', movement: 'pageDown' }, { type: 'move', movement: 'pageDown' }), 'priorities')).toBe(12);
    expect(selected(run(state, { type: 'move', movement: 'pageUp' }, { type: 'move', movement: 'pageUp' }), 'priorities')).toBe(0);
  });

  it('a reload that shortens a list keeps the cursor on its last row', () => {
    const state = run(start(), { type: 'move', movement: 'last' }, { type: 'sync', counts: { ...counts, milestones: 3 }, pageSizes });
    expect(selected(state, 'milestones')).toBe(2);
  });

  it('a sync that changes nothing returns the same state, so nothing re-renders', () => {
    const state = start();
    expect(dashboardReducer(state, { type: 'sync', counts, pageSizes })).toBe(state);
  });
});

describe('text filter', () => {
  it('typing filters the focused pane only and starts at its first match', () => {
    let state = run(start(), { type: 'focusPane', pane: 'meetings' }, { type: 'move', movement: 'last' }, { type: 'startFilter' });
    expect(keyContext(state)).toBe('filter');
    state = run(state, { type: 'typeFilter', text: 'no' }, { type: 'typeFilter', text: 'va' });
    expect(state.texts).toEqual({ milestones: '', meetings: 'nova', priorities: '', gaps: '' });
    expect(selected(state, 'meetings')).toBe(0);
    state = run(state, { type: 'eraseFilter' }, { type: 'acceptFilter' });
    expect(state.texts.meetings).toBe('nov');
    expect(keyContext(state)).toBe('panes');
    expect(run(state, { type: 'clearFilter' }).texts.meetings).toBe('');
  });

  it('esc while typing clears the filter and stops typing', () => {
    const state = run(start(), { type: 'startFilter' }, { type: 'typeFilter', text: 'freeze' }, { type: 'cancelFilter' });
    expect(state.texts.milestones).toBe('');
    expect(state.editing).toBe(false);
  });

  it('backspace removes a whole character, even a CJK one or an emoji', () => {
    const state = run(start(), { type: 'startFilter' }, { type: 'typeFilter', text: '新星🚀' }, { type: 'eraseFilter' });
    expect(state.texts.milestones).toBe('新星');
  });
});

describe('project picker', () => {
  it('opens with the current projects ticked, and only enter applies the change', () => {
    let state = run(start(['nova']), { type: 'openPicker' });
    expect(keyContext(state)).toBe('picker');
    state = run(state, { type: 'pickerToggle', id: 'swift' }, { type: 'pickerToggle', id: 'nova' });
    expect(state.projects).toEqual(['nova']);
    expect(run(state, { type: 'pickerCancel' }).projects).toEqual(['nova']);
    expect(run(state, { type: 'pickerApply' }).projects).toEqual(['swift']);
  });

  it('typing searches from the first match; the cursor stays within the matches', () => {
    let state = run(start(), { type: 'openPicker' }, { type: 'pickerMove', movement: 'moveDown', count: 8, pageSize: 5 });
    expect(state.overlay).toMatchObject({ cursor: 1 });
    state = run(state, { type: 'pickerType', text: 'n' });
    expect(state.overlay).toMatchObject({ query: 'n', cursor: 0 });
    state = run(state, { type: 'pickerMove', movement: 'last', count: 3, pageSize: 5 }, { type: 'pickerMove', movement: 'moveDown', count: 3, pageSize: 5 });
    expect(state.overlay).toMatchObject({ cursor: 2 });
    expect(run(state, { type: 'pickerErase' }).overlay).toMatchObject({ query: '', cursor: 0 });
  });

  it('applying a new choice puts every pane back at its first row', () => {
    const state = run(start(), { type: 'move', movement: 'last' }, { type: 'openPicker' }, { type: 'pickerToggle', id: 'nova' }, { type: 'pickerApply' });
    expect(selected(state, 'milestones')).toBe(0);
    expect(state.overlay).toBeNull();
  });
});

describe('overlays and zone', () => {
  it('enter opens details only when something is selected; esc closes', () => {
    const empty = run(start(), { type: 'sync', counts: { ...counts, milestones: 0 }, pageSizes });
    expect(run(empty, { type: 'openDetail' }).overlay).toBeNull();
    const open = run(start(), { type: 'openDetail' });
    expect(keyContext(open)).toBe('detail');
    expect(run(open, { type: 'close' }).overlay).toBeNull();
  });

  it('? toggles the help, which scrolls between 0 and its last line', () => {
    let state = run(start(), { type: 'toggleHelp' });
    expect(keyContext(state)).toBe('help');
    state = run(state, { type: 'scroll', delta: 1, max: 2 }, { type: 'scroll', delta: 1, max: 2 }, { type: 'scroll', delta: 1, max: 2 });
    expect(state.overlay).toEqual({ kind: 'help', scroll: 2 });
    expect(run(state, { type: 'scroll', delta: -5, max: 2 }).overlay).toEqual({ kind: 'help', scroll: 0 });
    expect(run(state, { type: 'toggleHelp' }).overlay).toBeNull();
  });

  it('z goes from the user’s zone to UTC to the meeting’s zone and back', () => {
    const zones = ['Europe/London', 'UTC', 'America/New_York'];
    const once = run(start(), { type: 'cycleZone', zones });
    expect(once.zone).toBe('UTC');
    expect(run(once, { type: 'cycleZone', zones }).zone).toBe('America/New_York');
    expect(run(once, { type: 'cycleZone', zones }, { type: 'cycleZone', zones }).zone).toBe('Europe/London');
  });

  it('z skips a zone listed twice (a meeting kept in UTC)', () => {
    const zones = ['Europe/London', 'UTC', 'UTC'];
    const twice = run(start(), { type: 'cycleZone', zones }, { type: 'cycleZone', zones });
    expect(twice.zone).toBe('Europe/London');
  });
});
