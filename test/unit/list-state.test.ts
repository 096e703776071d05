import { createElement } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import {
  createListState,
  listReducer,
  useListState,
  type ListAction,
  type ListActions,
  type ListState,
} from '../../components/use-list-state';

function press(state: ListState, ...actions: ListAction['type'][]): ListState {
  return actions.reduce((current, type) => listReducer(current, { type } as ListAction), state);
}

function at(selected: number, count: number, pageSize = 10): ListState {
  return { selected, count, pageSize };
}

describe('moving through the list', () => {
  it('a fresh list of milestones starts on the first one', () => {
    expect(createListState(12, 10)).toEqual(at(0, 12));
  });

  it('j and k move one row and stop at either end instead of wrapping', () => {
    expect(press(at(0, 3), 'moveDown', 'moveDown')).toEqual(at(2, 3));
    expect(press(at(2, 3), 'moveDown')).toEqual(at(2, 3));
    expect(press(at(2, 3), 'moveUp', 'moveUp', 'moveUp')).toEqual(at(0, 3));
  });

  it('g jumps to the first row and G to the last', () => {
    expect(press(at(57, 100), 'first')).toEqual(at(0, 100));
    expect(press(at(3, 100), 'last')).toEqual(at(99, 100));
  });

  it('page down moves a screenful and stops on the last row', () => {
    expect(press(at(0, 25), 'pageDown')).toEqual(at(10, 25));
    expect(press(at(0, 25), 'pageDown', 'pageDown', 'pageDown')).toEqual(at(24, 25));
  });

  it('page up moves a screenful and stops on the first row', () => {
    expect(press(at(24, 25), 'pageUp')).toEqual(at(14, 25));
    expect(press(at(24, 25), 'pageUp', 'pageUp', 'pageUp')).toEqual(at(0, 25));
  });

  it('a key that changes nothing returns the very same state, so nothing re-renders', () => {
    const top = at(0, 5);
    expect(listReducer(top, { type: 'moveUp' })).toBe(top);
    expect(listReducer(top, { type: 'first' })).toBe(top);
    expect(listReducer(top, { type: 'setCount', count: 5 })).toBe(top);
  });
});

describe('an empty list', () => {
  it('has no selection', () => {
    expect(createListState(0, 10).selected).toBe(-1);
  });

  it('keeps no selection whatever key is pressed', () => {
    const empty = createListState(0, 10);
    for (const type of ['moveDown', 'moveUp', 'first', 'last', 'pageDown', 'pageUp'] as const) {
      expect(listReducer(empty, { type }).selected).toBe(-1);
    }
  });
});

describe('filtering and reloading change the count', () => {
  it('filtering down to fewer rows moves the cursor onto the last row still there', () => {
    expect(listReducer(at(40, 50), { type: 'setCount', count: 7 })).toEqual(at(6, 7));
  });

  it('a filter that leaves rows below the cursor keeps the cursor where it was', () => {
    expect(listReducer(at(3, 50), { type: 'setCount', count: 7 })).toEqual(at(3, 7));
  });

  it('a filter matching nothing clears the selection, and clearing the filter selects the first row', () => {
    const nothing = listReducer(at(4, 50), { type: 'setCount', count: 0 });
    expect(nothing).toEqual(at(-1, 0));
    expect(listReducer(nothing, { type: 'setCount', count: 50 })).toEqual(at(0, 50));
  });

  it('a nonsensical count is treated as an empty list', () => {
    expect(listReducer(at(2, 5), { type: 'setCount', count: -3 })).toEqual(at(-1, 0));
    expect(listReducer(at(2, 5), { type: 'setCount', count: Number.NaN })).toEqual(at(-1, 0));
  });
});

describe('page size follows the pane height', () => {
  it('a smaller pane pages by fewer rows', () => {
    const resized = listReducer(at(0, 100), { type: 'setPageSize', pageSize: 4 });
    expect(press(resized, 'pageDown').selected).toBe(4);
  });

  it('a pane with no room still pages by one row', () => {
    const squashed = listReducer(at(0, 100), { type: 'setPageSize', pageSize: 0 });
    expect(squashed.pageSize).toBe(1);
    expect(press(squashed, 'pageDown').selected).toBe(1);
  });
});

describe('useListState', () => {
  function Probe(props: { count: number; pageSize: number; onActions: (actions: ListActions) => void }) {
    const [state, actions] = useListState(props.count, props.pageSize);
    props.onActions(actions);
    return createElement(Text, null, `selected ${state.selected} of ${state.count}, page ${state.pageSize}`);
  }

  it('follows the row count as the list is filtered, never drawing a cursor past the end', async () => {
    let actions: ListActions | undefined;
    const onActions = (next: ListActions) => {
      actions = next;
    };
    const { lastFrame, frames, rerender } = render(createElement(Probe, { count: 20, pageSize: 5, onActions }));
    expect(lastFrame()).toBe('selected 0 of 20, page 5');

    actions?.last();
    await vi.waitFor(() => expect(lastFrame()).toBe('selected 19 of 20, page 5'));

    rerender(createElement(Probe, { count: 3, pageSize: 2, onActions }));
    expect(lastFrame()).toBe('selected 2 of 3, page 2');
    expect(frames.some((frame) => frame.includes('selected 19 of 3'))).toBe(false);
  });
});
