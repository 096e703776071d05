// What every command does first: load the sources, report their errors, and pick the exit
// code (cli.md).
import { loadSources, type LoadResult } from '../load/load-sources';
import { closestProjectIds, projectChoices } from '../views/project-choices';
import type { Context } from './context';
import { EXIT } from './exit-codes';

/** 'the next 14 days', 'the next day': how far `--days` looked, in words. */
export function inTheNextDays(days: number): string {
  return days === 1 ? 'the next day' : `the next ${days} days`;
}

export async function load(context: Context, offline = context.options.offline): Promise<LoadResult> {
  return loadSources(context.sources, {
    offline,
    cacheDir: context.cacheDir,
    now: context.io.clock,
    readStdin: context.io.readStdin,
    displayZone: context.zone,
  });
}

/** 3 when nothing loaded, 1 when some source has errors, else 0; errors go to stderr. */
export function reportLoad(context: Context, loaded: LoadResult): number {
  for (const report of loaded.reports) for (const error of report.errors) context.io.stderr(`${error}\n`);
  if (loaded.reports.every((report) => report.status === 'failed')) return EXIT.nothingLoaded;
  return loaded.reports.some((report) => report.errors.length > 0) ? EXIT.sourceErrors : EXIT.ok;
}

export type Loaded = { exit: number } | { loaded: LoadResult; code: number; context: Context };

/**
 * What the printing commands do first: load, report each source's errors, and check the project
 * ids asked for. `{ exit }`: stop with that code (an unknown `-p` id; or, with
 * `stopWhenNothingLoaded`, no source at all, so a status bar or a subscribed calendar is never
 * handed an empty answer as if it were true).
 */
export async function loadForCommand(given: Context, { stopWhenNothingLoaded = false } = {}): Promise<Loaded> {
  const loaded = await load(given);
  const code = reportLoad(given, loaded);
  if (stopWhenNothingLoaded && code === EXIT.nothingLoaded) return { exit: code };
  const checked = checkProjectIds(given, loaded);
  if ('exit' in checked) return checked;
  return { loaded, code, context: checked.context };
}

/**
 * Project ids asked for (`-p`, or the configured `projects`) that no source knows are reported,
 * never taken for "nothing scheduled" (cli.md): an unknown `-p` id is a usage error when every
 * source loaded, a warning when some source failed (the id may live there). A configured id
 * no source knows is a warning, and is left out of the filter when every source loaded.
 */
export function checkProjectIds(context: Context, loaded: LoadResult): { exit: number } | { context: Context } {
  const asked = context.filter.projects;
  if (asked.length === 0) return { context };
  const known = projectChoices(loaded.schedule).map((choice) => choice.id);
  const unknown = asked.filter((id) => !known.includes(id));
  if (unknown.length === 0) return { context };
  const fromCommandLine = context.options.projects.length > 0;
  const everySourceLoaded = loaded.reports.every((report) => report.status !== 'failed' && report.errors.length === 0);
  const closest = (id: string) => {
    const near = closestProjectIds(id, known);
    return near.length === 0 ? 'no source names any project' : `closest known: ${near.join(', ')}; radar list projects shows them all`;
  };
  const failedSources = loaded.reports.filter((report) => report.status === 'failed' || report.errors.length > 0).map((report) => report.source);
  for (const id of unknown) {
    const named = `${fromCommandLine ? '' : 'the configured '}project ${JSON.stringify(id)}`;
    if (fromCommandLine && everySourceLoaded) {
      context.io.stderr(`radar: unknown ${named} (${closest(id)})\n`);
    } else if (everySourceLoaded) {
      context.io.stderr(`radar: warning: no source knows ${named}, so it is ignored (${closest(id)})\n`);
    } else {
      context.io.stderr(`radar: warning: no loaded source knows ${named} (${closest(id)}); it may be in ${failedSources.join(', ')}, which did not load\n`);
    }
  }
  if (fromCommandLine && everySourceLoaded) return { exit: EXIT.usage };
  if (fromCommandLine || !everySourceLoaded) return { context };
  return { context: { ...context, filter: { ...context.filter, projects: asked.filter((id) => known.includes(id)) } } };
}
