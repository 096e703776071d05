// On Node 22.1 and later radar keeps V8's compiled code of its chunks in the user's cache folder
// (module.enableCompileCache), so the next start skips compiling them. Node 20 has no such cache.
import nodeModule from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, radar } from '../helpers/run-radar';

const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.skipIf(!hasCompileCache)(`the compile cache (Node ${process.version})`, () => {
  it('is kept under the cache folder after a command', () => {
    const env = isolatedEnv();
    expect(radar(['next', '--now', '2027-03-01T10:00:00Z'], { env }).code).toBe(0);
    const compile = join(env['RADAR_CACHE_DIR']!, 'compile');
    expect(readdirSync(compile, { recursive: true }).length).toBeGreaterThan(0);
  });

  it('is not kept when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const env = isolatedEnv({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(radar(['next', '--now', '2027-03-01T10:00:00Z'], { env }).code).toBe(0);
    expect(existsSync(join(env['RADAR_CACHE_DIR']!, 'compile'))).toBe(false);
  });
});
