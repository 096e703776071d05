// What every command does first: load the sources, report their errors, and pick the exit
// code (cli.md).
import { loadSources, type LoadResult } from '../load/load-sources';
import type { Context } from './context';
import { EXIT } from './exit-codes';

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
