// Keeps the dashboard's data fresh without ever making it wait: the first frame comes from
// local files and cached feeds; the network is asked in the background, on `r`, and every
// `refreshMinutes`; a saved file is re-read within a second. A source that breaks keeps its
// last good data on screen, with its errors in the header.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadResult } from '../src/load/load-sources';
import { isRemote } from '../src/load/url';

export interface SourceAccess {
  /** Loads every source; `offline`: remote feeds come from their cache only. */
  load(offline: boolean): Promise<LoadResult>;
  /** Calls `onChange` soon after a local source changes; returns the function that stops it. */
  watch(onChange: () => void): () => void;
  /** Some source is a remote feed, worth fetching in the background. */
  hasRemote: boolean;
  /** --offline: never touch the network, not even on `r`. */
  offline: boolean;
  /** How often to reload everything, in milliseconds (config refreshMinutes). */
  refreshMs: number;
  /** The real clock (not --now): when a reload finished. */
  wallClock: () => number;
}

export interface Settled {
  /** The last load in which no source that had loaded before was broken. */
  good: LoadResult;
  /** What the dashboard shows: the last good schedule with the latest reports and errors. */
  shown: LoadResult;
  /** The latest load broke a source that had loaded: `shown` still has its old data. */
  keptLastGood: boolean;
}

/** The first load, or `next` judged against what came before. */
export function settleLoad(previous: Settled | null, next: LoadResult): Settled {
  if (previous === null) return { good: next, shown: next, keptLastGood: false };
  const broke = next.reports.some((report) => report.status === 'failed' && previous.good.reports.some((before) => before.source === report.source && before.status !== 'failed'));
  if (!broke) return { good: next, shown: next, keptLastGood: false };
  return { good: previous.good, shown: { ...next, schedule: previous.good.schedule }, keptLastGood: true };
}

/**
 * A reload for a saved local file reads remote feeds from their cache ("offline"), which would
 * turn a feed fetched a minute ago into "offline, cached". The copy is the same one, so such a
 * feed keeps the state it had.
 */
export function keepFreshRemoteReports(previous: LoadResult, next: LoadResult): LoadResult {
  let changed = false;
  const reports = next.reports.map((report) => {
    if (report.status !== 'cached' || report.detail !== 'offline') return report;
    const before = previous.reports.find((candidate) => candidate.source === report.source);
    if (before === undefined || before.status !== 'loaded' || before.fetchedAt !== report.fetchedAt) return report;
    changed = true;
    return before;
  });
  return changed ? { ...next, reports } : next;
}

/** How the last reload asked for with `r` went. */
export interface ReloadOutcome {
  /** 1 for the first `r`, 2 for the second… */
  number: number;
  /** When it finished, by the real clock. */
  at: number;
  /** The sources that failed in it. */
  failed: readonly string[];
}

export interface Sources extends Settled {
  /** 'network' while feeds are being fetched, 'local' while files are re-read. */
  loading: 'network' | 'local' | null;
  /**
   * Feeds the first frame has no copy of, whose first fetch is under way: loading, not failed
   * (the first frame reads only caches, so it could not have them yet).
   */
  pending: readonly string[];
  /** The last `r`, once it is done; null before. */
  reloaded: ReloadOutcome | null;
  /** `r`: reload every source, feeds from the network (unless --offline). */
  reload: () => void;
}

export function useSources(initial: LoadResult, access: SourceAccess): Sources {
  const [settled, setSettled] = useState<Settled>(() => settleLoad(null, initial));
  const [loading, setLoading] = useState<Sources['loading']>(null);
  const [pending, setPending] = useState<readonly string[]>(() =>
    access.hasRemote && !access.offline ? initial.reports.filter((report) => report.status === 'failed' && isRemote(report.source)).map((report) => report.source) : [],
  );
  const [reloaded, setReloaded] = useState<ReloadOutcome | null>(null);
  const latest = useRef(initial);
  const settledRef = useRef(settled);
  // One load at a time, in the order asked: a slow fetch never overwrites a newer file read.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);

  const request = useCallback(
    (kind: 'network' | 'local', asked: number | null = null) => {
      queue.current = queue.current.then(async () => {
        if (!mounted.current) return;
        setLoading(kind);
        let result: LoadResult;
        try {
          result = await access.load(kind === 'local' || access.offline);
        } catch {
          // load() reports problems in its result; a throw is a bug, and the old data stays.
          if (mounted.current) setLoading(null);
          if (mounted.current && asked !== null) setReloaded({ number: asked, at: access.wallClock(), failed: settledRef.current.shown.reports.map((report) => report.source) });
          return;
        }
        if (!mounted.current) return;
        const next = kind === 'local' ? keepFreshRemoteReports(latest.current, result) : result;
        latest.current = next;
        settledRef.current = settleLoad(settledRef.current, next);
        setSettled(settledRef.current);
        setLoading(null);
        if (kind === 'network') setPending((before) => (before.length === 0 ? before : []));
        if (asked !== null) setReloaded({ number: asked, at: access.wallClock(), failed: result.reports.filter((report) => report.status === 'failed').map((report) => report.source) });
      });
    },
    [access],
  );

  useEffect(() => {
    mounted.current = true;
    if (access.hasRemote && !access.offline) request('network');
    const stopWatching = access.watch(() => request('local'));
    const timer = setInterval(() => request('network'), Math.max(60_000, access.refreshMs));
    return () => {
      mounted.current = false;
      stopWatching();
      clearInterval(timer);
    };
  }, [access, request]);

  const reloads = useRef(0);
  const reload = useCallback(() => {
    reloads.current += 1;
    request('network', reloads.current);
  }, [request]);
  return { ...settled, loading, pending, reloaded, reload };
}
