// Reading a local file the user named, or one radar keeps (config, feed cache), without ever
// hanging or exhausting memory: only regular files are read (a named pipe, a device such as
// /dev/zero, a socket or a folder is refused by what it is), the open never blocks (O_NONBLOCK:
// opening a FIFO with no writer would wait forever), and a size cap holds even for a file that
// grows while it is read.
import fs from 'node:fs';
import { fileErrorWords } from './error-words';

/** Local files: far more than any schedule, small enough to parse (remote feeds: 10 MiB). */
export const MAX_LOCAL_BYTES = 32 * 1024 * 1024;

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; code: string; reason: string };

/** What a non-regular file is, in words. */
function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a file could not be read, in words; a name that is not UTF-8 is said to be so. */
export function readErrorWords(error: unknown, path: string | Buffer = ''): string {
  // A name with bytes that are not UTF-8 reaches us (from the command line) with U+FFFD in their place.
  const notUtf8: Record<string, string> = String(path).includes('\uFFFD') ? { ENOENT: 'no such file or folder (its name is not valid UTF-8)' } : {};
  return fileErrorWords(error, notUtf8);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export function readRegularFile(path: string | Buffer, maxBytes = MAX_LOCAL_BYTES): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (fs.constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? 'EIO', reason: readErrorWords(error, path) };
  }
  try {
    // What was opened, not what the name pointed to a moment before.
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG', reason: `is ${kindOf(stats)}, not a file radar can read` };
    if (stats.size > maxBytes) return { ok: false, code: 'EFBIG', reason: `is larger than ${megabytes(maxBytes)} (${megabytes(stats.size)})` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const count = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      chunks.push(chunk.subarray(0, count));
      total += count;
      if (total > maxBytes) return { ok: false, code: 'EFBIG', reason: `is larger than ${megabytes(maxBytes)}` };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? 'EIO', reason: readErrorWords(error, path) };
  } finally {
    fs.closeSync(fd);
  }
}

/** UTF-8 text without its byte-order mark; with `strict`, null when a byte is not UTF-8. */
export function decodeText(bytes: Buffer, strict = false): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return text;
}

/** Reads a regular file as UTF-8 text (BOM dropped); undecodable bytes become U+FFFD. */
export function readTextFile(path: string | Buffer, maxBytes = MAX_LOCAL_BYTES): { ok: true; text: string } | { ok: false; code: string; reason: string } {
  const read = readRegularFile(path, maxBytes);
  return read.ok ? { ok: true, text: decodeText(read.bytes)! } : read;
}
