// Writes data/radar-v1.schema.json from the zod schema of format v1 (src/export/json-schema.ts),
// so the schema editors use never drifts from the one radar validates with.
//   node scripts/generate-schema.mjs           write the file
//   node scripts/generate-schema.mjs --check   exit 1 if the committed file is out of date
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}data/radar-v1.schema.json`;

const bundle = await build({
  entryPoints: [`${root}src/export/json-schema.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
// The bundle has no imports left, so it loads from memory without a temporary file.
const source = bundle.outputFiles[0].text;
const { formatJsonSchemaText } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
const text = formatJsonSchemaText();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of date too.
  }
  if (committed !== text) {
    process.stderr.write('data/radar-v1.schema.json is out of date: run node scripts/generate-schema.mjs\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote data/radar-v1.schema.json (${text.length} bytes)\n`);
}
