// The dashboard's keyboard: every key of a read becomes an action of use-dashboard-state.ts,
// and what the keys ask of the shell (quit, reload, dismiss a reminder) is carried out here, once per request.
import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import { splitKeys } from './keymap';
import type { DashboardAction, DashboardState, KeyView } from './use-dashboard-state';

export interface DashboardInput {
  state: DashboardState;
  dispatch: Dispatch<DashboardAction>;
  /** The screen as drawn, for the keys that depend on it (pages, counts, choices). */
  view: KeyView;
  exit: () => void;
  reload: () => void;
  dismissReminder: () => void;
}

export function useDashboardInput({ state, dispatch, view, exit, reload, dismissReminder }: DashboardInput): void {
  const onKey = useCallback(
    (input: string, key: Key) => {
      dispatch({ type: 'keys', presses: splitKeys(input, key), view });
    },
    [dispatch, view],
  );
  useInput(onKey);

  useEffect(() => {
    if (state.requests.quit) exit();
  }, [state.requests.quit, exit]);

  const reloadsDone = useRef(state.requests.reloads);
  useEffect(() => {
    if (state.requests.reloads === reloadsDone.current) return;
    reloadsDone.current = state.requests.reloads;
    reload();
  }, [state.requests.reloads, reload]);

  const dismissalsDone = useRef(state.requests.dismissals);
  useEffect(() => {
    if (state.requests.dismissals === dismissalsDone.current) return;
    dismissalsDone.current = state.requests.dismissals;
    dismissReminder();
  }, [state.requests.dismissals, dismissReminder]);
}
