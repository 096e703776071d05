// Replacing a file in one step: written beside it, then renamed over it, so a reader (a calendar
// server polling an export, a second radar reading the cache) never sees half a file.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Throws as writeFileSync does (the folder must exist); never leaves its temporary file behind. */
export function writeFileAtomically(file: string, text: string): void {
  // Same folder, so the rename stays on one file system; the random part keeps two writers apart.
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable (ENOTDIR, EACCES): there is no temporary file, and the
      // write's own error says why.
    }
    throw error;
  }
}
