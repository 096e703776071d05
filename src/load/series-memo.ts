// The development series found in a version of a series_status.yaml, remembered in the cache
// folder, so that `radar next -s @openstack` from the cache does not load a YAML parser for it.
// Kept with this build's parsed files: pruned with them, and never read by another build.
import { mkdirSync } from 'node:fs';
import { readTextFile } from '../files/read-regular-file';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/write-atomically';
import { parsedCacheFolder } from './parsed-cache';
import { textDigest } from '../files/text-hash';

function memoFile(cacheDir: string, version: string): string {
  return join(parsedCacheFolder(cacheDir), `development-series-${textDigest(version)}.json`);
}

/** The series remembered for this version of the text (undefined: not known yet; null: it names none). */
export function rememberedSeries(cacheDir: string, version: string): string | null | undefined {
  try {
    const read = readTextFile(memoFile(cacheDir, version));
    if (!read.ok) return undefined;
    const value: unknown = JSON.parse(read.text);
    return typeof value === 'string' || value === null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, like every cache: failing to write only costs the next start a parse. */
export function rememberSeries(cacheDir: string, version: string, series: string | null): void {
  try {
    mkdirSync(parsedCacheFolder(cacheDir), { recursive: true });
    writeFileAtomically(memoFile(cacheDir, version), JSON.stringify(series));
  } catch {
    // A file, /dev/null or a folder without permission where the cache should be: no memo.
  }
}
