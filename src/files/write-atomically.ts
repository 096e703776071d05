// Replacing a file in one step: written beside it, then renamed over it, so a reader (a calendar
// server polling an export, a second radar reading the cache) never sees half a file. Through
// symbolic links: the file a link points to is replaced and the link stays a link. Only a regular
// file is replaced this way; a device, a named pipe or a folder at the target is refused, never
// renamed over (`-o /dev/stdout` must not turn the machine's /dev/stdout into a file).
import { chmodSync, lstatSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { uniqueSuffix } from './text-hash';

/** The target exists and is not a regular file; the message says what it is. */
export class NotAFileError extends Error {
  readonly code = 'ENOTREG';
}

/** What a path finally names after following its links (it may not exist yet). */
function finalTarget(file: string): string {
  let current = resolve(file);
  for (let hops = 0; hops < 40; hops += 1) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return current;
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Throws as writeFileSync does (the folder must exist), or NotAFileError; never leaves its
 * temporary file behind. A replaced file keeps its permissions.
 */
export function writeFileAtomically(file: string, text: string): void {
  const target = finalTarget(file);
  let mode: number | undefined;
  try {
    const stats = statSync(target);
    if (!stats.isFile()) throw new NotAFileError(`is ${kindOf(stats)}, not a file`);
    mode = stats.mode & 0o7777;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  // Same folder, so the rename stays on one file system; the random part keeps two writers apart.
  const temporary = join(dirname(target), `.${basename(target)}.${uniqueSuffix()}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
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
