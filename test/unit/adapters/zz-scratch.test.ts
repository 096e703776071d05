import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { test } from 'vitest';
import { findAdapter } from '../../../src/load/adapters';
import { DocumentSchema } from '../../../src/model/schema';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.yaml') ? [p] : [];
  });
}
test('scratch', () => {
  for (const file of walk('test/fixtures')) {
    const value = parse(readFileSync(file, 'utf8'), { uniqueKeys: false, schema: 'core' });
    const adapter = findAdapter(value);
    if (!adapter) { console.log('NO ADAPTER', file); continue; }
    const out = adapter.adapt({ value, filePath: file, readSibling: () => null });
    const parsed = DocumentSchema.safeParse(out.document);
    console.log(adapter.name, file, JSON.stringify(out.diagnostics), parsed.success ? 'V1 OK' : JSON.stringify(parsed.error.issues.slice(0,3).map(i => [i.path, out.origin(i.path as any), i.message])));
    if (process.env.SHOW && file.includes(process.env.SHOW)) console.log(JSON.stringify(out.document, null, 1));
  }
});
