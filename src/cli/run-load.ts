// What every command does first: load the sources, report their errors, and pick the exit
// code (cli.md). Kept apart from the text tables so that `radar next` stays small.
import { loadSources, type LoadResult } from '../load/load-sources';
import type { Context } from './context';

export const EXIT = { ok: 0, sourceErrors: 1, usage: 2, nothingLoaded: 3 } as const;

export const DEFAULT_DAYS = { meetings: 14, milestones: 180 } as const;

export async function load(context: Context, offline = context.options.offline): Promise<LoadResult> {
  return loadSources(context.sources, {
    offline,
    cacheDir: context.cacheDir,
    now: context.io.clock,
    readStdin: context.io.readStdin,
  });
}

/** 3 when nothing loaded, 1 when some source has errors, else 0; errors go to stderr. */
export function reportLoad(context: Context, loaded: LoadResult): number {
  for (const report of loaded.reports) for (const error of report.errors) context.io.stderr(`${error}\n`);
  if (loaded.reports.every((report) => report.status === 'failed')) return EXIT.nothingLoaded;
  return loaded.reports.some((report) => report.errors.length > 0) ? EXIT.sourceErrors : EXIT.ok;
}

/** Red under an hour, yellow under a day, dim once past. */
export function urgency(milliseconds: number): 'red' | 'yellow' | 'dim' | null {
  if (milliseconds < 0) return 'dim';
  if (milliseconds < 3_600_000) return 'red';
  if (milliseconds < 86_400_000) return 'yellow';
  return null;
}

