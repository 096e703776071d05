// What `export ics` and `feed` share at the edge: writing the result to standard output or to
// `-o <file>`.
import type { Context } from '../../context/context';
import { fileErrorWords } from '../../files/error-words';
import { NotAFileError, writeFileAtomically } from '../../files/write-atomically';

/**
 * Writes `text` to `-o <file>` (`-` or no `-o`: standard output). A file is replaced in one
 * step (written beside it, then renamed), through links, so a calendar server or a feed reader
 * polling it never sees half a file; a device, a pipe or a folder is refused. Returns an error
 * message, or null.
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
    const why = fileErrorWords(error, { ENOENT: 'no such folder' });
    // A device or a pipe was probably meant as standard output.
    const hint = error instanceof NotAFileError && !why.includes('folder') ? ' (to write to standard output, leave out -o)' : '';
    return `cannot write ${target}: ${why}${hint}`;
  }
}
