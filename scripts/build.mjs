// Bundles the program into one ESM file: it starts in about half the time of tsc's output
// (measured: see README "Performance"), and NODE_ENV=production drops React's dev checks.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

await build({
  // One entry, split at each dynamic import: `radar next` never parses the dashboard (ink,
  // React), conf, the exporters or the network code.
  entryPoints: { radar: 'src/cli/main.ts' },
  outdir: 'dist',
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
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink loads its devtools only when DEV=true; react-devtools-core is not installed, and an
  // external import would be hoisted to the top of the bundle and fail. An empty module stands in.
  plugins: [
    {
      name: 'no-devtools',
      setup(build) {
        build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
        build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
      },
    },
  ],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __radarCreateRequire } from 'node:module';",
      'const require = __radarCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
