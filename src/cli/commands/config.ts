// `radar config list | get <key> | set <key> <value...> | unset <key> | path`.
// Writes hold a lock, re-read the file and replace it in one step (the same JSON file loadConfig
// reads). A file that is not a JSON object, or not UTF-8, is never written over: the user may
// have hand-edited it and want it back.

import fs from 'node:fs';
import path from 'node:path';
import { knownPresets, unknownPresetMessage } from '../../load/presets';
import { sourceOfEntry, type SourceEntry } from '../../load/source-spec';
import { CONFIG_DEFAULTS, CONFIG_KEYS, type ConfigKey, type RadarConfig, checkConfigValue, configFilePath, isConfigKey, quote, readConfigFile, validateConfigObject } from '../../config/config-store';
import { systemZone } from '../../time/zoned';
import { fileErrorWords } from '../../files/error-words';
import { writeFileAtomically } from '../../files/write-atomically';

export interface ConfigCommandIo {
  /** Receives whole lines, each ending in "\n". */
  stdout: (s: string) => void;
  /** Receives whole lines, each ending in "\n". */
  stderr: (s: string) => void;
  /** Folder of config.json (tests); default as in loadConfig. */
  configDir?: string;
  /** Relative source paths given to `set sources` are made absolute against this (default: process.cwd()). */
  cwd?: string;
}

const EXIT_OK = 0;
/** The command was fine but the config file cannot be changed safely (corrupt or unwritable). */
const EXIT_FILE_PROBLEM = 1;
const EXIT_USAGE = 2;

const SUBCOMMANDS = 'list, get <key>, set <key> <value...>, unset <key> or path';

const DEFAULT_TEXT: Readonly<Record<ConfigKey, () => string>> = {
  zone: () => `${systemZone()} (default: system zone)`,
  sources: () => '(default: demo data)',
  presets: () => '(default: the shipped ones; see radar presets)',
  projects: () => '(default: all projects)',
  workHours: () => `${CONFIG_DEFAULTS.workHours} (default)`,
  refreshMinutes: () => `${CONFIG_DEFAULTS.refreshMinutes} (default)`,
  bell: () => `${CONFIG_DEFAULTS.bell} (default)`,
  reminders: () => `${JSON.stringify(CONFIG_DEFAULTS.reminders)} (default)`,
};

function effectiveValue(key: ConfigKey, config: RadarConfig): unknown {
  switch (key) {
    case 'zone':
      return config.zone ?? systemZone();
    case 'sources':
      return config.sources ?? [];
    case 'projects':
      return config.projects ?? [];
    case 'presets':
      return config.presets ?? {};
    case 'reminders':
      return { ...CONFIG_DEFAULTS.reminders, ...config.reminders };
    default:
      return config[key] ?? CONFIG_DEFAULTS[key];
  }
}

/**
 * One form for `config get` and `config list`, which `config set` takes back: list entries
 * separated by ", " (an entry with options as JSON), the presets map as JSON.
 */
function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function listLine(key: ConfigKey, config: RadarConfig): string {
  const value = config[key];
  if (value === undefined) return `${key} = ${DEFAULT_TEXT[key]()}`;
  return `${key} = ${formatValue(value)}`;
}

function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/** A word of `set sources`: JSON for an entry with options, else a path, URL or @preset. */
function sourceFromWord(word: string, cwd: string): { value: unknown } | { error: string } {
  if (word.trimStart().startsWith('{')) {
    let entry: unknown;
    try {
      entry = JSON.parse(word);
    } catch {
      return { error: `${quote(word)} is not valid JSON (an entry with options looks like {"source": "team.ics", "project": "nova"})` };
    }
    if (entry !== null && typeof entry === 'object' && typeof (entry as Record<string, unknown>)['source'] === 'string') {
      const source = (entry as Record<string, string>)['source']!;
      return { value: { ...entry, source: absoluteSource(source, cwd) } };
    }
    return { value: entry };
  }
  return { value: absoluteSource(word, cwd) };
}

/** Stored absolute, so the configured sources mean the same thing from any folder. */
function absoluteSource(source: string, cwd: string): string {
  return isUrl(source) || source === '-' || source.startsWith('@') || source.trim() === '' ? source : path.resolve(cwd, source);
}

function sourcesFromWords(words: string[], cwd: string): { value: unknown[] } | { error: string } {
  const entries: unknown[] = [];
  for (const word of words) {
    const entry = sourceFromWord(word, cwd);
    if ('error' in entry) return entry;
    entries.push(entry.value);
  }
  return { value: entries };
}

/** Turns the words after `set <key>` into the value to store, before validation. */
function valueFromWords(key: ConfigKey, words: string[], cwd: string, config: RadarConfig): { value: unknown } | { error: string } {
  if (words.length === 0 && (key === 'sources' || key === 'projects' || key === 'presets')) {
    return { error: `${key} needs at least one value (to go back to the default: radar config unset ${key})` };
  }
  // `nova neutron`, `nova,neutron` and `nova, neutron` (what get and list print) all mean two ids.
  if (key === 'projects') return { value: words.flatMap((word) => word.split(/[\s,]+/)).filter((id) => id !== '') };
  if (key === 'sources') return sourcesFromWords(words, cwd);
  if (key === 'presets') {
    // The whole map as JSON, or `<name> <source>…` to add or replace one preset.
    const [first, ...rest] = words as [string, ...string[]];
    if (first.trimStart().startsWith('{')) {
      if (rest.length > 0) return { error: 'presets takes one JSON object, or a name followed by its sources' };
      let map: unknown;
      try {
        map = JSON.parse(first);
      } catch {
        return { error: `${quote(first)} is not valid JSON (e.g. {"mycorp": ["https://intranet.example/radar.json"]})` };
      }
      if (map === null || typeof map !== 'object' || Array.isArray(map)) return { value: map };
      const resolved: Record<string, unknown> = {};
      for (const [name, sources] of Object.entries(map)) {
        resolved[name] = Array.isArray(sources) ? sources.map((entry) => (typeof entry === 'string' ? absoluteSource(entry, cwd) : entry)) : sources;
      }
      return { value: resolved };
    }
    const name = first.replace(/^@/, '');
    if (rest.length === 0) return { error: `presets: @${name} needs its sources (radar config set presets ${name} <path or URL>…)` };
    const sources = sourcesFromWords(rest, cwd);
    if ('error' in sources) return sources;
    return { value: { ...(config.presets ?? {}), [name]: sources.value } };
  }
  if (words.length !== 1) return { error: `${key} takes exactly one value` };
  const word = words[0] as string;
  if (key === 'refreshMinutes') return { value: /^\d+$/.test(word) ? Number(word) : word };
  if (key === 'bell') return { value: word === 'true' ? true : word === 'false' ? false : word };
  if (key === 'reminders') {
    try {
      return { value: JSON.parse(word) };
    } catch {
      return { error: `reminders takes a JSON object, e.g. '{"meetings": ["10m"], "milestones": ["7d", "1d"]}'` };
    }
  }
  return { value: word };
}

function unknownKey(key: string): string {
  return `radar config: unknown key ${quote(key)} (keys: ${CONFIG_KEYS.join(', ')})`;
}

/** How long a lock left by a radar that died is respected. */
const STALE_LOCK_MS = 10_000;
/** How long to wait for another `radar config set` to finish. */
const LOCK_WAIT_MS = 5_000;

function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Runs `update` holding `<file>.lock` (created exclusively), so parallel `radar config set`s
 * each re-read what the previous one wrote: every change reported as done is kept.
 */
function withLock<T>(file: string, update: () => T): T {
  const lock = `${file}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let waited = 0; ; waited += 20) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let age: number;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released between our attempt and the stat: try again at once
      }
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
      else if (waited >= LOCK_WAIT_MS) throw Object.assign(new Error('another radar is changing the config file; try again'), { code: 'ELOCKED' });
      else pause(20);
    }
  }
  try {
    return update();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ELOCKED' ? (error as Error).message : fileErrorWords(error);
  return `radar config: cannot write ${file} (${reason})`;
}

/** Re-reads the file under the lock, applies the change, and replaces the file in one step. */
function change(file: string, io: ConfigCommandIo, apply: (config: Record<string, unknown>) => void): number {
  try {
    return withLock(file, () => {
      const raw = readConfigFile(file);
      if (raw.state === 'corrupt') {
        io.stderr(`${raw.problem}; not changing it: fix or remove it first\n`);
        return EXIT_FILE_PROBLEM;
      }
      const config: Record<string, unknown> = raw.state === 'object' ? { ...raw.value } : {};
      apply(config);
      writeFileAtomically(file, `${JSON.stringify(config, null, 2)}\n`);
      return EXIT_OK;
    });
  } catch (error) {
    io.stderr(`${describeWriteError(file, error)}\n`);
    return EXIT_FILE_PROBLEM;
  }
}

/** Runs `radar config …` and returns the exit code (0 ok, 1 config file unusable, 2 usage). */
export function runConfigCommand(args: string[], io: ConfigCommandIo): number {
  const file = configFilePath(io.configDir);
  const [subcommand = 'list', key, ...rest] = args;
  const usage = (message: string): number => {
    io.stderr(`${message}\n`);
    return EXIT_USAGE;
  };

  const current = (): RadarConfig => {
    const raw = readConfigFile(file);
    if (raw.state === 'missing') return {};
    if (raw.state === 'corrupt') {
      io.stderr(`${raw.problem}; it is ignored\n`);
      return {};
    }
    const { config, problem } = validateConfigObject(file, raw.value);
    if (problem) io.stderr(`${problem}\n`);
    return config;
  };

  switch (subcommand) {
    case 'path': {
      if (key !== undefined) return usage('radar config: path takes no arguments');
      io.stdout(`${file}\n`);
      return EXIT_OK;
    }
    case 'list': {
      if (key !== undefined) return usage('radar config: list takes no arguments');
      const config = current();
      for (const k of CONFIG_KEYS) io.stdout(`${listLine(k, config)}\n`);
      return EXIT_OK;
    }
    case 'get': {
      if (key === undefined || rest.length > 0) return usage(`radar config: get takes one key (${CONFIG_KEYS.join(', ')})`);
      if (!isConfigKey(key)) return usage(unknownKey(key));
      io.stdout(`${formatValue(effectiveValue(key, current()))}\n`);
      return EXIT_OK;
    }
    case 'set': {
      if (key === undefined) return usage(`radar config: set needs a key (${CONFIG_KEYS.join(', ')}) and a value`);
      if (!isConfigKey(key)) return usage(unknownKey(key));
      const config = current();
      const words = valueFromWords(key, rest, io.cwd ?? process.cwd(), config);
      if ('error' in words) return usage(`radar config: ${words.error}`);
      const checked = checkConfigValue(key, words.value);
      if ('error' in checked) return usage(`radar config: ${checked.error}`);
      if (key === 'sources') {
        const presets = knownPresets(config.presets);
        for (const entry of checked.value as SourceEntry[]) {
          const source = sourceOfEntry(entry);
          if (source.startsWith('@') && !Object.hasOwn(presets, source.slice(1))) return usage(`radar config: sources: ${unknownPresetMessage(source, presets)}`);
        }
      }
      const code = change(file, io, (config) => {
        config[key] = checked.value;
      });
      if (code === EXIT_OK && key === 'sources') warnAboutMissingPaths((checked.value as SourceEntry[]).map(sourceOfEntry), io);
      return code;
    }
    case 'unset': {
      if (key === undefined || rest.length > 0) return usage(`radar config: unset takes one key (${CONFIG_KEYS.join(', ')})`);
      if (!isConfigKey(key)) return usage(unknownKey(key));
      const raw = readConfigFile(file);
      // Nothing to remove: leave the file (or its absence) alone.
      if (raw.state === 'missing' || (raw.state === 'object' && !Object.hasOwn(raw.value, key))) return EXIT_OK;
      return change(file, io, (config) => {
        delete config[key];
      });
    }
    default:
      return usage(`radar config: unknown subcommand ${quote(subcommand)} (use ${SUBCOMMANDS})`);
  }
}

/** Saved anyway (the folder may be mounted later), but a typo should not go unnoticed. */
function warnAboutMissingPaths(sources: string[], io: ConfigCommandIo): void {
  for (const source of sources) {
    if (!isUrl(source) && !source.startsWith('@') && !fs.existsSync(source)) io.stderr(`radar config: note: ${quote(source)} does not exist (yet)\n`);
  }
}
