// Where the program keeps its cache, apart from the network code so that resolving a command's
// context does not load it.
import envPaths from 'env-paths';

/** RADAR_CACHE_DIR overrides (tests, sandboxes). */
export function defaultCacheDir(): string {
  const fromEnv = process.env['RADAR_CACHE_DIR'];
  if (fromEnv) return fromEnv;
  return envPaths('release-radar', { suffix: '' }).cache;
}
