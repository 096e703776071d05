// The folders of src/ and components/ form layers that run one way: a maintainer can read a
// folder knowing everything it uses lies below it. Any cycle of folders importing each other
// (two folders, or a longer ring) fails here, named, with the files that close it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['src', 'components'];
/** Static imports, re-exports and dynamic import('…') of relative paths. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** folder → folder it imports → one file that does it (for the message). */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of SCANNED.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const from = relative(ROOT, dirname(file));
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const to = relative(ROOT, dirname(resolve(dirname(file), match[1]!)));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(ROOT, file)} imports ${match[1]}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every folder cycle, each as the chain of imports that closes it. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const walk = (folder: string, path: string[]) => {
    const at = path.indexOf(folder);
    if (at >= 0) {
      const ring = [...path.slice(at), folder];
      found.push(
        ring
          .slice(1)
          .map((to, i) => graph.get(ring[i]!)!.get(to)!)
          .join('; '),
      );
      return;
    }
    if (done.has(folder)) return;
    for (const next of graph.get(folder)?.keys() ?? []) walk(next, [...path, folder]);
    done.add(folder);
  };
  for (const folder of graph.keys()) walk(folder, []);
  return found;
}

describe('folders import one way', () => {
  it('the scan sees the layers it is meant to guard', () => {
    const graph = folderGraph();
    // A scan that found no imports would pass vacuously.
    expect(graph.get('src/cli')?.has('src/cli/commands')).toBe(true);
    expect(graph.get('src/cli/commands')?.has('components')).toBe(true);
    expect(graph.get('components')?.has('src/context')).toBe(true);
  });

  it('no two folders (nor a ring of folders) import each other', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });
});
