// Everything a command needs, resolved once from options, config and environment, with the
// precedence of cli.md: command-line options, then config, then defaults.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig, parseWorkHours, type RadarConfig } from '../config/config-store';
import { defaultCacheDir } from '../load/cache-dir';
import { expandPresets, knownPresets } from '../load/presets';
import type { SourceSpec } from '../load/source-spec';
import { parseInstant } from '../time/instant';
import { isSupportedInstant, SUPPORTED_RANGE_TEXT } from '../time/supported-range';
import { isValidZone, systemZone } from '../time/zoned';
import type { ViewFilter } from '../views/filters';
import type { WorkHours } from '../views/cells';
import type { Options } from './options';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  /** The real clock, read only here and in the dashboard's ticker. */
  clock: () => number;
  columns: number | null;
}

export interface Context {
  options: Options;
  io: Io;
  /** The moment everything is computed for: --now, else the clock at start. */
  now: number;
  /** --now pins the clock; without it the dashboard's clock runs. */
  fixedNow: boolean;
  /** The display zone: --tz, else homeZone. The dashboard's `z` changes its own copy. */
  zone: string;
  /** The user's own zone: the configured zone, else the system zone. Work hours are judged here. */
  homeZone: string;
  /** Presets expanded, each with its options (configuration). */
  sources: SourceSpec[];
  usingDemo: boolean;
  filter: ViewFilter;
  config: RadarConfig;
  workHours: WorkHours;
  cacheDir: string;
}

export type Resolved = { ok: true; context: Context } | { ok: false; error: string };

/** The demo schedule shipped in data/, found from the bundle (dist/) or the sources (src/context/). */
export function demoSources(): string[] {
  for (const relative of ['../data/openstack-2027.1.yaml', '../../data/openstack-2027.1.yaml']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return [path];
  }
  return [];
}

export function resolveContext(options: Options, io: Io, explicitSources: string[] = []): Resolved {
  if (options.tz !== null && !isValidZone(options.tz)) {
    return { ok: false, error: `--tz ${JSON.stringify(options.tz)} is not a known IANA time zone (e.g. Europe/London, America/New_York, UTC)` };
  }
  let now = io.clock();
  if (options.now !== null) {
    const parsed = parseInstant(options.now);
    if (parsed === null) {
      return { ok: false, error: `--now ${JSON.stringify(options.now)} is not an ISO-8601 date-time with Z or an offset (e.g. 2015-08-11T21:44:57Z)` };
    }
    if (!isSupportedInstant(parsed)) return { ok: false, error: `--now ${JSON.stringify(options.now)} is outside the dates radar supports (${SUPPORTED_RANGE_TEXT})` };
    now = parsed;
  }
  const loaded = loadConfig();
  if (loaded.problem !== null) io.stderr(`radar: ${loaded.problem}\n`);
  const config = loaded.config;
  const homeZone = config.zone ?? systemZone();
  const hours = parseWorkHours(config.workHours ?? '08:00-18:00');
  const requested = [...explicitSources, ...options.sources];
  const configured = config.sources ?? [];
  const expanded = expandPresets(requested.length > 0 ? requested : configured.length > 0 ? configured : demoSources(), knownPresets(config.presets));
  if (!expanded.ok) return { ok: false, error: expanded.error };
  const sources = expanded.specs;
  return {
    ok: true,
    context: {
      options,
      io,
      now,
      fixedNow: options.now !== null,
      zone: options.tz ?? homeZone,
      homeZone,
      sources,
      usingDemo: requested.length === 0 && configured.length === 0,
      filter: { projects: options.projects.length > 0 ? options.projects : (config.projects ?? []), text: '' },
      config,
      workHours: 'error' in hours ? { startMinute: 8 * 60, endMinute: 18 * 60 } : hours,
      cacheDir: defaultCacheDir(),
    },
  };
}
