// `radar config list | get <key> | set <key> <value...> | unset <key> | path`.
// Writes go through conf (atomic write, same JSON file loadConfig reads). A file that is not a
// JSON object is never written over: the user may have hand-edited it and want it back.

import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {
  CONFIG_DEFAULTS,
  CONFIG_KEYS,
  type ConfigKey,
  type RadarConfig,
  checkConfigValue,
  configFilePath,
  isConfigKey,
  parseConfigText,
  quote,
  readConfigFile,
  validateConfigObject,
} from '../../config/config-store';
import { systemZone } from '../../time/zoned';

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
  projects: () => '(default: all projects)',
  workHours: () => `${CONFIG_DEFAULTS.workHours} (default)`,
  refreshMinutes: () => `${CONFIG_DEFAULTS.refreshMinutes} (default)`,
  bell: () => `${CONFIG_DEFAULTS.bell} (default)`,
};

function effectiveValue(key: ConfigKey, config: RadarConfig): unknown {
  switch (key) {
    case 'zone':
      return config.zone ?? systemZone();
    case 'sources':
      return config.sources ?? [];
    case 'projects':
      return config.projects ?? [];
    default:
      return config[key] ?? CONFIG_DEFAULTS[key];
  }
}

function listLine(key: ConfigKey, config: RadarConfig): string {
  const value = config[key];
  if (value === undefined) return `${key} = ${DEFAULT_TEXT[key]()}`;
  return `${key} = ${Array.isArray(value) ? value.join(', ') : String(value)}`;
}

function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/** Turns the words after `set <key>` into the value to store, before validation. */
function valueFromWords(key: ConfigKey, words: string[], cwd: string): { value: unknown } | { error: string } {
  if (key === 'sources' || key === 'projects') {
    if (words.length === 0) return { error: `${key} needs at least one value (to go back to the default: radar config unset ${key})` };
    if (key === 'projects') return { value: words };
    // Stored absolute, so the configured sources mean the same thing from any folder.
    return { value: words.map((w) => (isUrl(w) || w === '-' || w.trim() === '' ? w : path.resolve(cwd, w))) };
  }
  if (words.length !== 1) return { error: `${key} takes exactly one value` };
  const word = words[0] as string;
  if (key === 'refreshMinutes') return { value: /^\d+$/.test(word) ? Number(word) : word };
  if (key === 'bell') return { value: word === 'true' ? true : word === 'false' ? false : word };
  return { value: word };
}

function unknownKey(key: string): string {
  return `radar config: unknown key ${quote(key)} (keys: ${CONFIG_KEYS.join(', ')})`;
}

function openStore(file: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    projectName: 'release-radar',
    cwd: path.dirname(file),
    configName: path.basename(file, '.json'),
    fileExtension: 'json',
    // Never let conf "repair" a file by emptying it; we check the file before writing anyway.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
    deserialize: (text) => parseConfigText(text) as Record<string, unknown>,
  });
}

function describeWriteError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return `radar config: cannot write ${file} (${reason})`;
}

function change(file: string, io: ConfigCommandIo, apply: (store: Conf<Record<string, unknown>>) => void): number {
  const raw = readConfigFile(file);
  if (raw.state === 'corrupt') {
    io.stderr(`${raw.problem}; not changing it: fix or remove it first\n`);
    return EXIT_FILE_PROBLEM;
  }
  try {
    apply(openStore(file));
  } catch (error) {
    io.stderr(`${describeWriteError(file, error)}\n`);
    return EXIT_FILE_PROBLEM;
  }
  return EXIT_OK;
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
      const value = effectiveValue(key, current());
      io.stdout(`${Array.isArray(value) ? JSON.stringify(value) : String(value)}\n`);
      return EXIT_OK;
    }
    case 'set': {
      if (key === undefined) return usage(`radar config: set needs a key (${CONFIG_KEYS.join(', ')}) and a value`);
      if (!isConfigKey(key)) return usage(unknownKey(key));
      const words = valueFromWords(key, rest, io.cwd ?? process.cwd());
      if ('error' in words) return usage(`radar config: ${words.error}`);
      const checked = checkConfigValue(key, words.value);
      if ('error' in checked) return usage(`radar config: ${checked.error}`);
      const code = change(file, io, (store) => store.set(key, checked.value));
      if (code === EXIT_OK && key === 'sources') warnAboutMissingPaths(checked.value as string[], io);
      return code;
    }
    case 'unset': {
      if (key === undefined || rest.length > 0) return usage(`radar config: unset takes one key (${CONFIG_KEYS.join(', ')})`);
      if (!isConfigKey(key)) return usage(unknownKey(key));
      const raw = readConfigFile(file);
      // Nothing to remove: leave the file (or its absence) alone.
      if (raw.state === 'missing' || (raw.state === 'object' && !Object.hasOwn(raw.value, key))) return EXIT_OK;
      return change(file, io, (store) => store.delete(key));
    }
    default:
      return usage(`radar config: unknown subcommand ${quote(subcommand)} (use ${SUBCOMMANDS})`);
  }
}

/** Saved anyway (the folder may be mounted later), but a typo should not go unnoticed. */
function warnAboutMissingPaths(sources: string[], io: ConfigCommandIo): void {
  for (const source of sources) {
    if (!isUrl(source) && !fs.existsSync(source)) io.stderr(`radar config: note: ${quote(source)} does not exist (yet)\n`);
  }
}
