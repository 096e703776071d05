// The development series found in a version of a series_status.yaml, remembered in the cache
// folder, so that `radar next -s @openstack` from the cache does not load a YAML parser for it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function memoFile(cacheDir: string, version: string): string {
  return join(cacheDir, 'parsed', `development-series-${createHash('sha256').update(version).digest('hex')}.json`);
}

/** The series remembered for this version of the text (undefined: not known yet; null: it names none). */
export function rememberedSeries(cacheDir: string, version: string): string | null | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(memoFile(cacheDir, version), 'utf8'));
    return typeof value === 'string' || value === null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, like every cache: failing to write only costs the next start a parse. */
export function rememberSeries(cacheDir: string, version: string, series: string | null): void {
  const target = memoFile(cacheDir, version);
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(join(cacheDir, 'parsed'), { recursive: true });
    writeFileSync(temporary, JSON.stringify(series));
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { force: true });
  }
}
