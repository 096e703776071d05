// The parsed-file cache saves `radar next` a parse on every prompt; it must never serve a parse
// made by other code, of another version of the file, or one that does not read back whole.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSources, type LoadResult } from '../../../src/load/load-sources';
import { BUILD_ID, STALE_ENTRY_MS, writeParsedCache, type ParsedCacheKey } from '../../../src/load/parsed-cache';
import { rememberedSeries, rememberSeries } from '../../../src/load/series-memo';
import type { SourceOutcome } from '../../../src/load/source-outcome';
import { tempFolder } from '../../helpers/temp';
import { textDigest } from '../../../src/files/text-hash';

const NOVA = [
  'version: 1',
  'name: Nova',
  'meetings:',
  '  - title: Nova team meeting',
  '    slots:',
  '      - {day: thursday, time: "14:00"}',
  'milestones:',
  '  - {title: Nova spec freeze, date: 2027-01-14}',
  '',
].join('\n');

const DAY = 24 * 60 * 60 * 1000;

let folder: string;
let cacheDir: string;
beforeEach(() => {
  folder = tempFolder('radar-parsed-cache-');
  cacheDir = join(folder, 'cache');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function schedule(name = 'nova.yaml', text = NOVA): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** The wall clock of this machine, as the program's io.clock is: the file was just written. */
const justAfter = (path: string) => statSync(path).mtimeMs + 1000;

function load(path: string, options: { cacheDir?: string } = {}): Promise<LoadResult> {
  return loadSources([path], { offline: true, cacheDir: options.cacheDir ?? cacheDir, now: () => justAfter(path), readStdin: async () => '' });
}

function keyOf(path: string): ParsedCacheKey {
  const stats = statSync(path);
  return { path: resolve(path), source: path, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

/** What a build whose normalize.ts dropped every meeting would have cached for this file. */
function withoutMeetings(outcome: LoadResult): SourceOutcome {
  return {
    report: outcome.reports[0]!,
    documents: [{ name: 'Nova', roles: [], projects: [], cycles: [], milestones: [], meetings: [], priorities: [], written: { projects: {}, roles: {} } }],
    diagnostics: [],
  };
}

const entries = (build = BUILD_ID): string[] => readdirSync(join(cacheDir, 'parsed', build));
const titles = (result: LoadResult) => [...result.schedule.meetings, ...result.schedule.milestones].map((item) => item.title).sort();

describe('the parsed-file cache knows which build wrote it', () => {
  it("serves this build's parse of an unchanged file", async () => {
    const path = schedule();
    const fresh = await load(path);
    expect(titles(fresh)).toEqual(['Nova spec freeze', 'Nova team meeting']);
    // Proof that the entry is what the next start reads: plant a different parse under this build.
    writeParsedCache(cacheDir, keyOf(path), withoutMeetings(fresh), justAfter(path));
    expect(titles(await load(path))).toEqual([]);
  });

  it('parses again rather than trust an entry left by another build', async () => {
    const path = schedule();
    const fresh = await load(path);
    rmSync(join(cacheDir, 'parsed'), { recursive: true });
    writeParsedCache(cacheDir, keyOf(path), withoutMeetings(fresh), justAfter(path), { build: 'an-older-radar' });
    expect(titles(await load(path))).toEqual(['Nova spec freeze', 'Nova team meeting']);
  });

  it('parses again when the file changed, even to the same size', async () => {
    const path = schedule();
    await load(path);
    writeFileSync(path, NOVA.replace('Nova spec freeze', 'Nova spec thaws'));
    expect(titles(await load(path))).toEqual(['Nova spec thaws', 'Nova team meeting']);
  });
});

describe('a tampered or broken entry is a miss, never a crash', () => {
  const tampered: Record<string, (entry: string) => string> = {
    'an empty object': () => '{}',
    'an empty list': () => '[]',
    'a string': () => '"x"',
    'a report and nothing else': () => '{"report":{}}',
    'the header alone': (entry) => entry.slice(0, entry.indexOf('\n') + 1),
    'an entry cut in half': (entry) => entry.slice(0, Math.floor(entry.length / 2)),
    'an edited body': (entry) => entry.replace('Nova team meeting', 'Nova team meetinG'),
    'a valid checksum over the wrong shape': (entry) => {
      const header = JSON.parse(entry.slice(0, entry.indexOf('\n'))) as { key: unknown };
      const body = '{"report":{},"documents":"none","diagnostics":[]}';
      return `${JSON.stringify({ key: header.key, digest: textDigest(body) })}\n${body}`;
    },
    'binary noise': () => '\u0000\uFFFD\u0001{',
  };

  for (const [what, tamper] of Object.entries(tampered)) {
    it(`reads the file again when its entry is ${what}`, async () => {
      const path = schedule();
      const fresh = await load(path);
      const [entry] = entries();
      const entryPath = join(cacheDir, 'parsed', BUILD_ID, entry!);
      writeFileSync(entryPath, tamper(readFileSync(entryPath, 'utf8')));
      const again = await load(path);
      expect(titles(again)).toEqual(titles(fresh));
      expect(again.reports).toEqual(fresh.reports);
    });
  }
});

describe('the cache does not grow without bound', () => {
  it('keeps one entry per file however often it is edited', async () => {
    const path = schedule();
    for (let edit = 0; edit < 20; edit += 1) {
      writeFileSync(path, NOVA.replace('14:00', `14:${String(edit).padStart(2, '0')}`));
      await load(path);
    }
    expect(entries()).toHaveLength(1);
  });

  it("removes other builds' entries when it writes one", async () => {
    const path = schedule();
    const fresh = await load(path);
    writeParsedCache(cacheDir, keyOf(path), withoutMeetings(fresh), justAfter(path), { build: 'an-older-radar' });
    writeFileSync(join(cacheDir, 'parsed', 'f00d.json'), '{}'); // the layout before builds had folders
    writeFileSync(path, `${NOVA}# edited\n`);
    await load(path);
    expect(readdirSync(join(cacheDir, 'parsed'))).toEqual([BUILD_ID]);
  });

  it('forgets files not loaded for a month', async () => {
    const old = schedule('old.yaml');
    await load(old);
    const [oldEntry] = entries();
    const fortyDaysAgo = (justAfter(old) - 40 * DAY) / 1000;
    utimesSync(join(cacheDir, 'parsed', BUILD_ID, oldEntry!), fortyDaysAgo, fortyDaysAgo);
    const recent = schedule('recent.yaml');
    await load(recent);
    expect(entries()).toHaveLength(1);
    expect(entries()).not.toContain(oldEntry);
    expect(STALE_ENTRY_MS).toBeLessThan(40 * DAY);
  });
});

describe('a cache folder that cannot be used', () => {
  const unusable: Record<string, () => string> = {
    'a regular file': () => {
      const file = join(folder, 'not-a-folder');
      writeFileSync(file, 'x');
      return file;
    },
    'a folder inside a regular file': () => {
      const file = join(folder, 'not-a-folder');
      writeFileSync(file, 'x');
      return join(file, 'cache');
    },
    '/dev/null': () => '/dev/null',
    'a folder whose parsed/ is a file': () => {
      const broken = join(folder, 'broken-cache');
      mkdirSync(broken);
      writeFileSync(join(broken, 'parsed'), '[]');
      return broken;
    },
  };

  for (const [what, make] of Object.entries(unusable)) {
    it(`only costs a parse when it is ${what}`, async () => {
      const path = schedule();
      const elsewhere = await load(path);
      const result = await load(path, { cacheDir: make() });
      expect(titles(result)).toEqual(titles(elsewhere));
      expect(result.reports).toEqual(elsewhere.reports);
    });
  }
});

describe("the development series remembered for @openstack's series_status.yaml", () => {
  it('is kept with the parsed files, and a parsed-cache write does not prune it', async () => {
    rememberSeries(cacheDir, 'series_status.yaml as of today', '2027.1');
    const path = schedule();
    await load(path);
    writeFileSync(path, `${NOVA}# edited\n`);
    await load(path);
    expect(rememberedSeries(cacheDir, 'series_status.yaml as of today')).toBe('2027.1');
  });

  it('is simply not remembered where the cache folder is not a folder', () => {
    const file = join(folder, 'not-a-folder');
    writeFileSync(file, 'x');
    for (const unusable of [file, '/dev/null']) {
      expect(() => rememberSeries(unusable, 'v', '2027.1')).not.toThrow();
      expect(rememberedSeries(unusable, 'v')).toBeUndefined();
    }
  });
});
