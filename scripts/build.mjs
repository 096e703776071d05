// Bundles the program into one ESM file: it starts in about half the time of tsc's output
// (measured: see README "Performance"), and NODE_ENV=production drops React's dev checks.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { NARROW_TEXT_SOURCE } from './narrow-text.mjs';

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
      // Ink builds a new width/ANSI cache for every frame, so each frame re-tokenizes every
      // line of the screen although a key press changes two rows: about 80% of a key press's
      // 45 ms on the large schedule (measured with --cpu-prof). One cache kept across frames,
      // emptied when it grows large, makes unchanged lines free.
      name: 'ink-output-cache-across-frames',
      setup(build) {
        build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          // Also: blank cells are one shared object, and a row whose cells are the very same
          // objects as in the previous frame reuses that frame's string instead of re-encoding
          // every character's ANSI codes.
          const replacements = [
            ['caches = new OutputCaches();', 'caches = sharedOutputCaches();'],
            [
              "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
              'row.push(RADAR_BLANK_CELL);',
            ],
            [
              '.map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n        })',
              '.map((line, y) => radarRowText(y, line))',
            ],
            [
              'export default class Output {',
              [
                'let radarSharedCaches = new OutputCaches();',
                'function sharedOutputCaches() {',
                '    if (radarSharedCaches.styledChars.size + radarSharedCaches.widths.size > 20000) radarSharedCaches = new OutputCaches();',
                '    return radarSharedCaches;',
                '}',
                "const RADAR_BLANK_CELL = { type: 'char', value: ' ', fullWidth: false, styles: [] };",
                'const radarPreviousRows = [];',
                'function radarRowText(y, line) {',
                '    const previous = radarPreviousRows[y];',
                '    if (previous !== undefined && previous.cells.length === line.length && previous.cells.every((cell, x) => cell === line[x])) return previous.text;',
                '    const text = styledCharsToString(line.filter(item => item !== undefined)).trimEnd();',
                '    radarPreviousRows[y] = { cells: line, text };',
                '    return text;',
                '}',
                'export default class Output {',
              ].join('\n'),
            ],
          ];
          let patched = source;
          for (const [from, to] of replacements) {
            if (!patched.includes(from)) throw new Error(`ink/build/output.js changed (no ${JSON.stringify(from.slice(0, 40))}): review the ink-output-cache-across-frames patch in scripts/build.mjs`);
            patched = patched.replace(from, to);
          }
          if (patched === source) {
            throw new Error('ink/build/output.js changed: review the ink-output-cache-across-frames patch in scripts/build.mjs');
          }
          return { contents: patched, loader: 'js' };
        });
      },
    },
    {
      // Every pane line has box-drawing borders, so string-width's ASCII fast path never
      // applies and each line goes through Intl.Segmenter and an emoji regex per grapheme: the
      // largest cost left in a key press. Characters that are one column each (checked against
      // string-width in test/unit/display-width.test.ts) take a fast path too.
      name: 'string-width-narrow-fast-path',
      setup(build) {
        build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          // After ANSI codes are stripped, before the segmenter: the styled lines Ink measures qualify too.
          const patched = source.replace(
            '\tlet width = 0;\n\tconst eastAsianWidthOptions',
            `\tif (ambiguousIsNarrow && /${NARROW_TEXT_SOURCE}/.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions`,
          );
          if (patched === source) throw new Error('string-width changed: review the string-width-narrow-fast-path patch in scripts/build.mjs');
          return { contents: patched, loader: 'js' };
        });
      },
    },
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
