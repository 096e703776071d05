// Once per `vitest run`: the CLI and terminal tests run dist/radar.js, so it is rebuilt when any
// of its sources is newer (never an old bundle under test); and every temp folder a test makes
// through test/helpers/temp.ts lives in one folder of this run, removed at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { newerInputThanBundle, ROOT } from '../../scripts/build-inputs.mjs';

export default function setup(): () => void {
  const newer = newerInputThanBundle();
  if (newer !== null) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new Error(`dist/radar.js is older than ${relative(ROOT, newer)} and \`npm run build\` failed (exit ${built.status}): the CLI tests would run an old bundle`);
  }
  const runFolder = mkdtempSync(join(tmpdir(), 'radar-test-run-'));
  // Test workers are forked after this and inherit it.
  process.env['RADAR_TEST_TMP'] = runFolder;
  return () => rmSync(runFolder, { recursive: true, force: true });
}
