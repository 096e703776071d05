// Parsed local files, kept as JSON beside the feed cache and keyed by what identifies a
// version of a file (path, size, mtime, inode) and by this program's version, so a change to
// either parses again. Reading a cache entry costs one JSON.parse instead of YAML + zod.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { writeFileAtomically } from '../files/write-atomically';
import type { SourceOutcome } from './source-outcome';

export interface ParsedCacheKey {
  path: string;
  /** As the user gave it: messages name it. */
  source: string;
  size: number;
  mtimeMs: number;
  ino: number;
  /** The source's `zone` and `project` options, which adapters may use (floating times, events' project). */
  zone?: string | null;
  project?: string | null;
}

function entryPath(cacheDir: string, key: ParsedCacheKey): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([packageJson.version, key.path, key.source, key.size, key.mtimeMs, key.ino, key.zone ?? null, key.project ?? null]))
    .digest('hex');
  return join(cacheDir, 'parsed', `${digest}.json`);
}

export function readParsedCache(cacheDir: string, key: ParsedCacheKey): SourceOutcome | null {
  try {
    return JSON.parse(readFileSync(entryPath(cacheDir, key), 'utf8')) as SourceOutcome;
  } catch {
    return null;
  }
}

/** Best effort: a cache that cannot be written only costs the next start a parse. */
export function writeParsedCache(cacheDir: string, key: ParsedCacheKey, outcome: SourceOutcome): void {
  try {
    mkdirSync(join(cacheDir, 'parsed'), { recursive: true });
    writeFileAtomically(entryPath(cacheDir, key), JSON.stringify(outcome));
  } catch {
    // Nothing to undo: the entry is either whole or absent.
  }
}
