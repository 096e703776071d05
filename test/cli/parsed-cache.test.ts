// The parsed-file cache is an optimisation the user never has to think about: whatever state
// its folder is in, radar answers the same, says nothing about it, and exits 0.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, radar } from '../helpers/run-radar';
import { tempFolder } from '../helpers/temp';

const folder = tempFolder('radar-cli-cache-');
const NOVA = join(folder, 'nova.yaml');
writeFileSync(NOVA, ['version: 1', 'meetings:', '  - title: Nova team meeting', '    where: "#openstack-nova"', '    slots:', '      - {day: thursday, time: "14:00"}', ''].join('\n'));
// Monday 11 January 2027, 10:00 UTC: the Thursday meeting is 3 days and 4 hours away.
const NEXT = ['next', '-s', NOVA, '--now', '2027-01-11T10:00:00Z', '--tz', 'UTC'];
const ANSWER = 'Nova team meeting in 3d 4h — Thu 14:00 UTC #openstack-nova\n';

function withoutCacheDir(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = isolatedEnv(extra);
  delete env['RADAR_CACHE_DIR'];
  return env;
}

describe('a cache folder that is not a folder', () => {
  const cases: Record<string, () => NodeJS.ProcessEnv> = {
    'XDG_CACHE_HOME=/dev/null': () => withoutCacheDir({ XDG_CACHE_HOME: '/dev/null' }),
    'RADAR_CACHE_DIR=/dev/null': () => isolatedEnv({ RADAR_CACHE_DIR: '/dev/null' }),
    'RADAR_CACHE_DIR naming a regular file': () => {
      const file = join(folder, 'a-file');
      writeFileSync(file, 'not a folder');
      return isolatedEnv({ RADAR_CACHE_DIR: file });
    },
  };
  for (const [what, env] of Object.entries(cases)) {
    it(`${what}: radar next answers as usual, twice, and says nothing about the cache`, () => {
      for (let run = 0; run < 2; run += 1) {
        expect(radar(NEXT, { env: env() })).toEqual({ code: 0, stdout: ANSWER, stderr: '' });
      }
    });
  }
});

describe('tampered parsed-cache entries', () => {
  for (const tampered of ['{}', '[]', '"x"', '{"report":{}}', '{"report":{"errors":"x"},"documents":{},"diagnostics":null}', '']) {
    it(`an entry reading ${JSON.stringify(tampered)} is parsed again, not trusted`, () => {
      const env = isolatedEnv();
      expect(radar(NEXT, { env })).toEqual({ code: 0, stdout: ANSWER, stderr: '' });
      const parsed = join(env['RADAR_CACHE_DIR']!, 'parsed');
      const entries = readdirSync(parsed, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(entries).toHaveLength(1);
      for (const entry of entries) writeFileSync(join(entry.parentPath, entry.name), tampered);
      expect(radar(NEXT, { env })).toEqual({ code: 0, stdout: ANSWER, stderr: '' });
      expect(radar(['validate', '-s', NOVA], { env }).code).toBe(0);
    });
  }
});
