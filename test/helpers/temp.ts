// Temp folders for tests, all inside the run's folder (test/helpers/global-setup.ts removes it
// when the run ends, whatever happened to the tests).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFolder(prefix: string): string {
  const parent = process.env['RADAR_TEST_TMP'] ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}
