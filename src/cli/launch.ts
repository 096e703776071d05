// The `radar` command: turns on Node's compile cache (Node 22.1 and later) before the program
// loads, so each start reuses the V8 code of the bundle's chunks instead of compiling them again,
// then runs the program. The cache is an optimisation: where it cannot be kept, nothing changes.
import nodeModule from 'node:module';
import { join } from 'node:path';
import { defaultCacheDir } from '../load/cache-dir';

const { enableCompileCache } = nodeModule as { enableCompileCache?: (directory: string) => unknown };
try {
  enableCompileCache?.(join(defaultCacheDir(), 'compile'));
} catch {
  // A cache folder that cannot be made: start without the cache, as Node 20 does.
}

await import('./main');
