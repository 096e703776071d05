// What `export ics` and `feed` share at the edge: the exit code of a load (cli.md's table, as
// `list` and `next` apply it) and writing the result to standard output or to `-o <file>`.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Context } from '../cli/context';
import { EXIT } from '../cli/commands';
import type { LoadResult } from '../load/load-sources';

/** 3 when nothing loaded, 1 when some source has errors, else 0; the errors go to stderr. */
export function loadExitCode(context: Context, loaded: LoadResult): number {
  for (const report of loaded.reports) for (const error of report.errors) context.io.stderr(`${error}\n`);
  if (loaded.reports.every((report) => report.status === 'failed')) return EXIT.nothingLoaded;
  return loaded.reports.some((report) => report.errors.length > 0) ? EXIT.sourceErrors : EXIT.ok;
}

/**
 * Writes `text` to `-o <file>` (`-` or no `-o`: standard output). A file is replaced in one
 * step (written beside it, then renamed), so a calendar server or a feed reader polling it never
 * sees half a file. Returns an error message, or null.
 */
export function writeOutput(context: Context, text: string): string | null {
  const target = context.options.output;
  if (target === null || target === '-') {
    context.io.stdout(text);
    return null;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, target);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : error instanceof Error ? error.message : String(error);
    return `cannot write ${target}: ${why}`;
  }
}
