// The dashboard's memory as a pure reducer: keys in, state out; no Ink, no terminal.
import { describe, expect, it } from 'vitest';
import { inkKey, type KeyAction, type KeyPress } from '../../components/keymap';
import { applyKeyAction, cursorOf, dashboardReducer, initialDashboardState, keyContext, moveCursor, type DashboardState, type KeyView, type PaneId } from '../../components/use-dashboard-state';

const choices = [
  { id: 'neutron', name: 'Neutron' },
  { id: 'nova', name: 'Nova' },
  { id: 'swift', name: 'Swift' },
];

function viewOf(overrides: Partial<KeyView> = {}): KeyView {
  return {
    counts: { milestones: 7, meetings: 7, priorities: 13, gaps: 7 },
    pageSizes: { milestones: 5, meetings: 5, priorities: 5, gaps: 5 },
    overlayMaxScroll: 2,
    overlayPage: 5,
    choices,
    pickerPage: 5,
    zonesFor: () => ['Europe/London', 'UTC', 'America/New_York'],
    ...overrides,
  };
}

const view = viewOf();
const start = (projects: string[] = []) => initialDashboardState('Europe/London', projects);
/** Named actions, one after the other, as keys would ask for them. */
const run = (state: DashboardState, ...actions: KeyAction[]) => actions.reduce((current, action) => applyKeyAction(current, action, '', view), state);
const typed = (state: DashboardState, text: string) => applyKeyAction(state, { type: 'type' }, text, view);
const selected = (state: DashboardState, pane: PaneId, counts = view.counts) => cursorOf(state, pane, counts[pane]);
/** Keys as one read of the terminal would deliver them. */
const keys = (state: DashboardState, presses: KeyPress[], keyView = view) => dashboardReducer(state, { type: 'keys', presses, view: keyView });
const char = (input: string): KeyPress => ({ input, key: inkKey() });
const backspace: KeyPress = { input: '', key: inkKey({ delete: true }) };
const enter: KeyPress = { input: '\r', key: inkKey({ return: true }) };

describe('the one cursor mover', () => {
  it('moves by one, by a page, to either end, and stops there', () => {
    expect(moveCursor('down', 0, 7, 5)).toBe(1);
    expect(moveCursor('up', 0, 7, 5)).toBe(0);
    expect(moveCursor('pageDown', 4, 7, 5)).toBe(6);
    expect(moveCursor('pageUp', 6, 7, 5)).toBe(1);
    expect(moveCursor('last', 0, 7, 5)).toBe(6);
    expect(moveCursor('first', 6, 7, 5)).toBe(0);
    expect(moveCursor('down', 0, 0, 5)).toBe(-1);
  });

  it('starts from where the cursor can be now, in a list that shrank under it', () => {
    expect(moveCursor('up', 40, 7, 5)).toBe(5);
  });
});

describe('focus', () => {
  it('starts on Milestones; tab, → and l go round, shift+tab, ← and h go back round', () => {
    const state = start();
    expect(state.focus).toBe('milestones');
    expect(run(state, { type: 'focusCycle', step: 1 }).focus).toBe('meetings');
    expect(run(state, { type: 'focusCycle', step: -1 }).focus).toBe('gaps');
    const forward = { type: 'focusCycle', step: 1 } as const;
    expect(run(state, forward, forward, forward, forward).focus).toBe('milestones');
    expect(keys(state, [char('l'), char('l')]).focus).toBe('priorities');
    expect(keys(state, [{ input: '', key: inkKey({ leftArrow: true }) }]).focus).toBe('gaps');
    expect(keys(state, [{ input: '', key: inkKey({ rightArrow: true }) }]).focus).toBe('meetings');
    expect(keys(state, [char('h')]).focus).toBe('gaps');
  });

  it('each pane keeps its own cursor when focus moves away and back', () => {
    const state = run(
      start(),
      { type: 'focusPane', pane: 'meetings' },
      { type: 'move', movement: 'down' },
      { type: 'move', movement: 'down' },
      { type: 'focusPane', pane: 'priorities' },
      { type: 'move', movement: 'last' },
      { type: 'focusPane', pane: 'meetings' },
    );
    expect(selected(state, 'meetings')).toBe(2);
    expect(selected(state, 'priorities')).toBe(12);
    expect(selected(state, 'milestones')).toBe(0);
  });
});

describe('movement', () => {
  it('pages move by the visible rows and stop at the ends', () => {
    const state = run(start(), { type: 'focusPane', pane: 'priorities' }, { type: 'move', movement: 'pageDown' });
    expect(selected(state, 'priorities')).toBe(5);
    expect(selected(run(state, { type: 'move', movement: 'pageDown' }, { type: 'move', movement: 'pageDown' }), 'priorities')).toBe(12);
    expect(selected(run(state, { type: 'move', movement: 'pageUp' }, { type: 'move', movement: 'pageUp' }), 'priorities')).toBe(0);
  });

  it('a list that shrinks under the cursor shows it on its last row, and an empty one selects nothing', () => {
    const state = run(start(), { type: 'move', movement: 'last' });
    expect(selected(state, 'milestones', { ...view.counts, milestones: 3 })).toBe(2);
    expect(selected(state, 'milestones', { ...view.counts, milestones: 0 })).toBe(-1);
  });

  it('a key that changes nothing returns the same state, so nothing re-renders', () => {
    const state = start();
    expect(run(state, { type: 'move', movement: 'up' })).toBe(state);
    expect(run(state, { type: 'focusPane', pane: 'milestones' })).toBe(state);
  });
});

describe('text filter', () => {
  it('typing filters the focused pane only and starts at its first match', () => {
    let state = run(start(), { type: 'focusPane', pane: 'meetings' }, { type: 'move', movement: 'last' }, { type: 'startFilter' });
    expect(keyContext(state)).toBe('filter');
    state = typed(typed(state, 'no'), 'va');
    expect(state.texts.meetings).toBe('nova');
    expect(state.texts.milestones).toBe('');
    expect(selected(state, 'meetings')).toBe(0);
    expect(run(state, { type: 'erase' }).texts.meetings).toBe('nov');
    expect(run(state, { type: 'clearFilter' }).texts.meetings).toBe('');
  });

  it('esc while typing clears the filter and stops typing; enter keeps it', () => {
    const typing = typed(run(start(), { type: 'startFilter' }), 'nova');
    const cancelled = run(typing, { type: 'cancelFilter' });
    expect(cancelled.texts.milestones).toBe('');
    expect(cancelled.editing).toBe(false);
    const kept = run(typing, { type: 'acceptFilter' });
    expect(kept.texts.milestones).toBe('nova');
    expect(keyContext(kept)).toBe('panes');
  });

  it('backspace removes a whole character, even a CJK one or an emoji', () => {
    const state = typed(run(start(), { type: 'startFilter' }), 'ノヴァ🚀');
    expect(run(state, { type: 'erase' }).texts.milestones).toBe('ノヴァ');
    expect(run(state, { type: 'erase' }, { type: 'erase' }).texts.milestones).toBe('ノヴ');
  });
});

describe('every key of a burst counts, each meeting the state the one before left', () => {
  it('two backspaces in one read delete two characters', () => {
    const typing = keys(start(), [char('/'), char('a'), char('b'), char('c'), char('d')]);
    expect(typing.texts.milestones).toBe('abcd');
    expect(keys(typing, [backspace, backspace]).texts.milestones).toBe('ab');
  });

  it('backspace then enter keeps the backspace and the filter', () => {
    const typing = keys(start(), [char('/'), char('a'), char('b')]);
    const kept = keys(typing, [backspace, enter]);
    expect(kept.texts.milestones).toBe('a');
    expect(kept.editing).toBe(false);
  });

  it('/ then letters then enter then j: filters, keeps the filter and moves', () => {
    const state = keys(start(), [char('/'), char('j'), char('q'), enter, char('j')]);
    expect(state.texts.milestones).toBe('jq');
    expect(state.requests.quit).toBe(false);
    expect(selected(state, 'milestones')).toBe(1);
  });

  it('in the picker, a search then space ticks the first match of that search', () => {
    const state = keys(start(), [char('p'), char('s'), char('w'), char(' ')]);
    expect(state.overlay).toMatchObject({ kind: 'picker', query: 'sw', chosen: ['swift'] });
  });
});

describe('project picker', () => {
  it('opens with the current projects ticked, and only enter applies the change', () => {
    let state = run(start(['nova']), { type: 'openPicker' });
    expect(state.overlay).toMatchObject({ kind: 'picker', chosen: ['nova'] });
    state = run(state, { type: 'move', movement: 'down' }, { type: 'pickerToggle' });
    expect(state.overlay).toMatchObject({ chosen: [] });
    expect(run(state, { type: 'pickerCancel' }).projects).toEqual(['nova']);
    expect(run(state, { type: 'pickerApply' }).projects).toEqual([]);
  });

  it('typing searches from the first match; the cursor stays within the matches', () => {
    let state = typed(run(start(), { type: 'openPicker' }), 'n');
    expect(state.overlay).toMatchObject({ query: 'n', cursor: 0 });
    state = run(state, { type: 'move', movement: 'last' }, { type: 'move', movement: 'down' });
    expect(state.overlay).toMatchObject({ cursor: 1 });
    expect(run(state, { type: 'erase' }).overlay).toMatchObject({ query: '', cursor: 0 });
  });

  it('applying a new choice puts every pane back at its first row', () => {
    const state = run(start(), { type: 'move', movement: 'last' }, { type: 'openPicker' }, { type: 'pickerToggle' }, { type: 'pickerApply' });
    expect(selected(state, 'milestones')).toBe(0);
    expect(state.projects).toEqual(['neutron']);
    expect(state.overlay).toBeNull();
  });
});

describe('overlays, a, zone, reload and quit', () => {
  it('enter opens details only when something is selected; esc closes', () => {
    const empty = viewOf({ counts: { milestones: 0, meetings: 7, priorities: 13, gaps: 7 } });
    expect(applyKeyAction(start(), { type: 'openDetail' }, '', empty).overlay).toBeNull();
    const open = run(start(), { type: 'openDetail' });
    expect(keyContext(open)).toBe('detail');
    expect(run(open, { type: 'close' }).overlay).toBeNull();
  });

  it('? toggles the help, which scrolls between 0 and its last line', () => {
    let state = run(start(), { type: 'toggleHelp' });
    expect(keyContext(state)).toBe('help');
    const down = { type: 'move', movement: 'down' } as const;
    state = run(state, down, down, down);
    expect(state.overlay).toEqual({ kind: 'help', scroll: 2 });
    expect(run(state, { type: 'move', movement: 'first' }).overlay).toEqual({ kind: 'help', scroll: 0 });
    expect(run(state, { type: 'toggleHelp' }).overlay).toBeNull();
  });

  it('s opens the sources view, which scrolls like the others and closes with esc', () => {
    const state = run(start(), { type: 'openSources' });
    expect(keyContext(state)).toBe('sources');
    expect(run(state, { type: 'move', movement: 'last' }).overlay).toEqual({ kind: 'sources', scroll: 2 });
    expect(run(state, { type: 'close' }).overlay).toBeNull();
  });

  it('a shows past milestones and closed priorities, and hides them again', () => {
    const shown = run(start(), { type: 'toggleAll' });
    expect(shown.showAll).toBe(true);
    expect(run(shown, { type: 'toggleAll' }).showAll).toBe(false);
    expect(initialDashboardState('UTC', [], true).showAll).toBe(true);
  });

  it('z goes from the user’s zone to UTC to the meeting’s zone and back, naming each', () => {
    const once = run(start(), { type: 'cycleZone' });
    expect(once.zone).toBe('UTC');
    expect(once.notice).toEqual({ kind: 'zone', zone: 'UTC' });
    expect(run(once, { type: 'cycleZone' }).zone).toBe('America/New_York');
    expect(run(once, { type: 'cycleZone' }, { type: 'cycleZone' }).zone).toBe('Europe/London');
  });

  it('z skips zones equal to the one in use: everything in UTC means one zone, said so', () => {
    const allUtc = viewOf({ zonesFor: () => ['UTC', 'UTC', 'Etc/UTC'] });
    const state = applyKeyAction(initialDashboardState('UTC'), { type: 'cycleZone' }, '', allUtc);
    expect(state.zone).toBe('UTC');
    expect(state.notice).toEqual({ kind: 'zone', zone: 'UTC' });
    const london = viewOf({ zonesFor: () => ['Europe/London', 'UTC', 'Etc/UTC'] });
    const utc = applyKeyAction(start(), { type: 'cycleZone' }, '', london);
    expect(applyKeyAction(utc, { type: 'cycleZone' }, '', london).zone).toBe('Europe/London');
  });

  it('r asks the shell for a reload and says so until the next key; q asks it to quit', () => {
    const reloading = run(start(), { type: 'reload' });
    expect(reloading.requests.reloads).toBe(1);
    expect(reloading.notice).toEqual({ kind: 'reload' });
    expect(keys(reloading, [char('j')]).notice).toBeNull();
    expect(run(start(), { type: 'quit' }).requests.quit).toBe(true);
  });
});
