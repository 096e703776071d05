// Bundles the program into one ESM file: it starts in about half the time of tsc's output
// (measured: see README "Performance"), and NODE_ENV=production drops React's dev checks.
// The libraries are bundled as installed, patches included (patches/README.md), so the bundle,
// vitest and the terminal tests all run the same code.
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildIdentity, checkPatchesApplied } from './build-inputs.mjs';

checkPatchesApplied();
const buildId = buildIdentity();
// `node scripts/build.mjs <folder>` builds elsewhere (the packaging test), never under running tests.
const outdir = process.argv[2] ?? 'dist';

rmSync(outdir, { recursive: true, force: true });

await build({
  // One entry, split at each dynamic import: `radar next` never parses the dashboard (ink,
  // React), conf, the exporters or the network code.
  entryPoints: { radar: 'src/cli/launch.ts' },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    // Computed here rather than at start-up: the parsed-file cache keys on it on every command.
    RADAR_BUILD_ID: JSON.stringify(buildId),
  },
  banner: {
    js: ['#!/usr/bin/env node', "import { createRequire as __radarCreateRequire } from 'node:module';", 'const require = __radarCreateRequire(import.meta.url);'].join('\n'),
  },
  logLevel: 'warning',
});

// esbuild writes files without the run bit; `npm link` and `npm install -g .` run this file.
chmodSync(join(outdir, 'radar.js'), 0o755);
