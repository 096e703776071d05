// What `export ics` and `feed` share at the edge: writing the result to standard output or to
// `-o <file>`.
import type { Context } from '../../context/context';
import { fileErrorWords } from '../../files/error-words';
import { writeFileAtomically } from '../../files/write-atomically';

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
  try {
    writeFileAtomically(target, text);
    return null;
  } catch (error) {
    return `cannot write ${target}: ${fileErrorWords(error, { ENOENT: 'no such folder' })}`;
  }
}
