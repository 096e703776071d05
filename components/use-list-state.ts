import { useMemo, useReducer } from 'react';

/** Where the cursor is in a scrollable, filterable list. Pure data: no I/O, no key handling. */
export interface ListState {
  /** Index of the selected item, or -1 when the list is empty. */
  selected: number;
  /** Number of items in the list (after filtering). */
  count: number;
  /** Items one page moves by: the number of visible rows, at least 1. */
  pageSize: number;
}

export type ListAction =
  | { type: 'moveDown' }
  | { type: 'moveUp' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'pageDown' }
  | { type: 'pageUp' }
  | { type: 'setCount'; count: number }
  | { type: 'setPageSize'; pageSize: number };

/** Named actions, one per thing a user can do to the cursor (keys are mapped elsewhere). */
export interface ListActions {
  moveDown(): void;
  moveUp(): void;
  /** `g`: the first item. */
  first(): void;
  /** `G`: the last item. */
  last(): void;
  pageDown(): void;
  pageUp(): void;
  /** The list was filtered or reloaded: keeps the selection inside it. */
  setCount(count: number): void;
  setPageSize(pageSize: number): void;
}

/** A list of `count` items with the first one selected (or none, when empty). */
export function createListState(count: number, pageSize: number): ListState {
  const safeCount = normalizeCount(count);
  return { selected: safeCount > 0 ? 0 : -1, count: safeCount, pageSize: normalizePageSize(pageSize) };
}

/**
 * The next state after `action`. Returns `state` itself when nothing changes, so React skips the
 * re-render. Movement stops at either end rather than wrapping around.
 */
export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'moveDown':
      return select(state, state.selected + 1);
    case 'moveUp':
      return select(state, state.selected - 1);
    case 'first':
      return select(state, 0);
    case 'last':
      return select(state, state.count - 1);
    case 'pageDown':
      return select(state, state.selected + state.pageSize);
    case 'pageUp':
      return select(state, state.selected - state.pageSize);
    case 'setCount': {
      const count = normalizeCount(action.count);
      if (count === state.count) return state;
      // A list that was empty gets its first item selected; a shrinking one keeps the cursor on
      // the last item still there instead of pointing past the end.
      const selected = count === 0 ? -1 : Math.min(Math.max(state.selected, 0), count - 1);
      return { ...state, count, selected };
    }
    case 'setPageSize': {
      const pageSize = normalizePageSize(action.pageSize);
      return pageSize === state.pageSize ? state : { ...state, pageSize };
    }
  }
}

/**
 * List state that follows `count` and `pageSize` as they change (filtering, reloading, resizing),
 * returned as `[state, actions]`. `actions` is stable across renders.
 */
export function useListState(count: number, pageSize: number): [ListState, ListActions] {
  const [state, dispatch] = useReducer(listReducer, undefined, () => createListState(count, pageSize));

  // Adjusting during render (not in an effect) makes React re-run this render before anything is
  // drawn, so no frame shows a selection past the end of a list that just shrank. Normalising
  // first guarantees each dispatch settles instead of looping.
  const wantedCount = normalizeCount(count);
  const wantedPageSize = normalizePageSize(pageSize);
  if (state.count !== wantedCount) dispatch({ type: 'setCount', count: wantedCount });
  if (state.pageSize !== wantedPageSize) dispatch({ type: 'setPageSize', pageSize: wantedPageSize });

  const actions = useMemo<ListActions>(
    () => ({
      moveDown: () => dispatch({ type: 'moveDown' }),
      moveUp: () => dispatch({ type: 'moveUp' }),
      first: () => dispatch({ type: 'first' }),
      last: () => dispatch({ type: 'last' }),
      pageDown: () => dispatch({ type: 'pageDown' }),
      pageUp: () => dispatch({ type: 'pageUp' }),
      setCount: (next: number) => dispatch({ type: 'setCount', count: next }),
      setPageSize: (next: number) => dispatch({ type: 'setPageSize', pageSize: next }),
    }),
    [],
  );

  return [state, actions];
}

function select(state: ListState, index: number): ListState {
  if (state.count === 0) return state.selected === -1 ? state : { ...state, selected: -1 };
  const selected = Math.min(Math.max(index, 0), state.count - 1);
  return selected === state.selected ? state : { ...state, selected };
}

function normalizeCount(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

function normalizePageSize(pageSize: number): number {
  return Number.isFinite(pageSize) && pageSize >= 1 ? Math.floor(pageSize) : 1;
}
