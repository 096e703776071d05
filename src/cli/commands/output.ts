// What `export ics` and `feed` share at the edge: writing the result to standard output or to
// `-o <file>`.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Context } from '../../context/context';

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
