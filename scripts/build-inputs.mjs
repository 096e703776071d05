// What the bundle is made of, for the build (its identity, its patched libraries) and for the
// test setup (is dist/radar.js older than its sources?). One list, so the two cannot disagree.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist', 'radar.js');

const INPUT_FOLDERS = ['src', 'components', 'patches'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/build-inputs.mjs', 'node_modules/.package-lock.json'];

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every file the bundle is built from, sorted, as absolute paths. */
export function bundleInputs() {
  return [...INPUT_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))), ...INPUT_FILES.map((file) => join(ROOT, file)).filter((file) => existsSync(file))].sort();
}

/** A short hash of every input's path and content: the parsed-file cache trusts only entries of this build. */
export function buildIdentity() {
  const hash = createHash('sha256');
  for (const file of bundleInputs())
    hash
      .update(`${relative(ROOT, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The input modified last, or null when the bundle is at least as new as every input (or missing: then it names the bundle). */
export function newerInputThanBundle() {
  if (!existsSync(BUNDLE)) return BUNDLE;
  const built = statSync(BUNDLE).mtimeMs;
  return bundleInputs().find((file) => statSync(file).mtimeMs > built) ?? null;
}

/**
 * patch-package applies patches/*.patch at install (npm install / npm ci run `prepare`). Each
 * patched file carries a `release-radar (patches/<name>)` note; a library reinstalled without
 * its patch would be bundled silently, so the build stops instead.
 */
export function checkPatchesApplied() {
  const folder = join(ROOT, 'patches');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.patch'))) {
    const patch = readFileSync(join(folder, name), 'utf8');
    for (const [, target] of patch.matchAll(/^\+\+\+ b\/(\S+)$/gm)) {
      const text = existsSync(join(ROOT, target)) ? readFileSync(join(ROOT, target), 'utf8') : '';
      if (!text.includes(`release-radar (patches/${name})`)) {
        throw new Error(`${target} is not patched by patches/${name}: run \`npx patch-package\` (or npm install), and see patches/README.md if the library was upgraded`);
      }
    }
  }
}
