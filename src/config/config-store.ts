// The user's settings: where they live, what each key may hold, and reading them without ever
// writing. Reading is plain fs + JSON.parse of the file `radar config` writes (src/cli/commands/config.ts,
// under a lock), so a normal run creates no folders just to find nothing there.

import path from 'node:path';
import envPaths from 'env-paths';
import { checkRemoteUrl } from '../load/url';
import { decodeText, readRegularFile } from '../files/read-regular-file';
import { cleanText } from '../load/sanitize';
import { ID_PATTERN } from '../model/slug';
import { isValidZone } from '../time/zoned';
import type { SourceEntry } from '../load/source-spec';

/** Far more than any configuration. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface RadarConfig {
  /** IANA zone for display (default: the system zone). */
  zone?: string;
  /** Files, folders, URLs and `@presets`, each maybe with options (default: the demo data). */
  sources?: SourceEntry[];
  /** Named lists of sources, adding to or replacing the shipped presets. */
  presets?: Record<string, SourceEntry[]>;
  /** Project ids shown by default (default: all). */
  projects?: string[];
  /** `HH:MM-HH:MM` in `zone`, start before end (default 08:00-18:00). */
  workHours?: string;
  /** Minutes between reloads of the sources, integer ≥ 1 (default 15). */
  refreshMinutes?: number;
  /** Ring the terminal bell once when a meeting starts (default true). */
  bell?: boolean;
  /** Lead times per kind (`10m`, `1h`, `7d`); a kind left out keeps its default. */
  reminders?: { meetings?: string[]; milestones?: string[] };
}

export type ConfigKey = keyof RadarConfig;

/** Keys in the order `radar config list` shows them. */
export const CONFIG_KEYS: readonly ConfigKey[] = ['zone', 'sources', 'presets', 'projects', 'workHours', 'refreshMinutes', 'bell', 'reminders'];

/** Defaults that do not depend on the machine (zone: system zone; sources: demo data; projects: all). */
export const CONFIG_DEFAULTS = {
  workHours: '08:00-18:00',
  refreshMinutes: 15,
  bell: true,
  reminders: { meetings: ['10m'], milestones: ['7d', '1d'] },
} as const;

const LEAD_TIME = /^[1-9]\d{0,5}[mhd]$/;
const REMINDER_KINDS = ['meetings', 'milestones'] as const;

/** What follows the `@` of a preset: a word like a project id. */
export const PRESET_NAME = ID_PATTERN;
/** The keys of a `sources` entry written as an object. */
const SOURCE_ENTRY_KEYS = ['source', 'project', 'zone', 'name'];
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

export function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(key);
}

/** For messages: what the user wrote, quoted, and unable to drive the terminal. */
export function quote(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? cleanText(value) : value) ?? String(value);
}

/** The zone's canonical spelling if the runtime knows it as an IANA zone, else null. */
export function knownTimeZone(name: string): string | null {
  if (CONTROL_CHARS.test(name) || !isValidZone(name)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  // Fix the case ("europe/paris"), but keep the user's name otherwise: ICU maps aliases
  // such as EST to a city the user did not write.
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** Work hours as minutes after midnight, or a message saying what is wrong. */
export function parseWorkHours(text: string): { startMinute: number; endMinute: number } | { error: string } {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return { error: `workHours ${quote(text)} must look like HH:MM-HH:MM, e.g. 08:00-18:00` };
  const [startHour, startMin, endHour, endMin] = match.slice(1).map(Number) as [number, number, number, number];
  if (startHour > 23 || endHour > 23 || startMin > 59 || endMin > 59) {
    return { error: `workHours ${quote(text)} has a time that does not exist (00:00 to 23:59)` };
  }
  const startMinute = startHour * 60 + startMin;
  const endMinute = endHour * 60 + endMin;
  if (startMinute >= endMinute) return { error: `workHours ${quote(text)}: the start must be before the end` };
  return { startMinute, endMinute };
}

function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

type Checked<T> = { value: T } | { error: string };

function checkSource(source: unknown, key: string, presetsAllowed: boolean): string | null {
  if (typeof source !== 'string' || source.trim() === '') return `${key}: ${quote(source)} is not a path, URL or @preset`;
  if (CONTROL_CHARS.test(source)) return `${key}: ${quote(source)} contains control characters`;
  if (source === '-') return `${key}: standard input ("-") can only be given on the command line`;
  if (source.startsWith('@')) {
    if (!presetsAllowed) return `${key}: ${quote(source)}: a preset lists paths and URLs, not other presets`;
    if (!PRESET_NAME.test(source.slice(1))) return `${key}: ${quote(source)} is not a preset name (e.g. @openstack)`;
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const refused = checkRemoteUrl(source);
    if (refused) return `${key}: ${quote(source)}: ${refused}`;
  }
  return null;
}

/** A `sources` entry: a string, or {"source", "project", "zone", "name"}; its canonical form. */
function checkSourceEntry(entry: unknown, key: string, presetsAllowed: boolean): Checked<SourceEntry> {
  if (typeof entry === 'string') {
    const error = checkSource(entry, key, presetsAllowed);
    return error === null ? { value: entry } : { error };
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return { error: `${key}: ${quote(entry)} is not a path, URL, @preset or {"source": …, "project": …, "zone": …, "name": …}` };
  }
  const fields = entry as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (!SOURCE_ENTRY_KEYS.includes(field)) return { error: `${key}: unknown option ${quote(field)} (a source has ${SOURCE_ENTRY_KEYS.join(', ')})` };
  }
  const sourceError = checkSource(fields['source'], key, presetsAllowed);
  if (sourceError !== null) return { error: fields['source'] === undefined ? `${key}: an entry written as an object needs "source"` : sourceError };
  const value: { source: string; project?: string; zone?: string; name?: string } = { source: fields['source'] as string };
  const { project, zone, name } = fields;
  if (project !== undefined) {
    if (typeof project !== 'string' || !ID_PATTERN.test(project)) return { error: `${key}: project ${quote(project)} is not a project id (lower-case letters, digits, ".", "_", "-"; e.g. nova)` };
    value.project = project;
  }
  if (zone !== undefined) {
    const known = typeof zone === 'string' ? knownTimeZone(zone) : null;
    if (known === null) return { error: `${key}: zone ${quote(zone)} is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)` };
    value.zone = known;
  }
  if (name !== undefined) {
    if (typeof name !== 'string' || name.trim() === '' || CONTROL_CHARS.test(name)) return { error: `${key}: name ${quote(name)} must be a line of text` };
    value.name = name.trim();
  }
  return { value };
}

function checkSourceList(value: unknown, key: string, presetsAllowed: boolean): Checked<SourceEntry[]> {
  if (!Array.isArray(value) || value.length === 0) return { error: `${key} must be a non-empty list of paths, URLs${presetsAllowed ? ', @presets' : ''} or {"source": …} entries` };
  const entries: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const entry of value) {
    const checked = checkSourceEntry(entry, key, presetsAllowed);
    if ('error' in checked) return checked;
    // The same entry twice would load the same source twice.
    const identity = JSON.stringify(checked.value);
    if (seen.has(identity)) continue;
    seen.add(identity);
    entries.push(checked.value);
  }
  return { value: entries };
}

/**
 * Checks one value, from the file or from `radar config set`, and returns it in canonical form
 * (zone spelling fixed, work hours zero-padded, duplicate list entries dropped).
 */
export function checkConfigValue(key: ConfigKey, value: unknown): Checked<unknown> {
  switch (key) {
    case 'zone': {
      const zone = typeof value === 'string' ? knownTimeZone(value) : null;
      if (zone === null) {
        return { error: `zone ${quote(value)} is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)` };
      }
      return { value: zone };
    }
    case 'sources':
      return checkSourceList(value, 'sources', true);
    case 'presets': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { error: `presets ${quote(value)} must map names to lists of sources, e.g. {"mycorp": ["https://intranet.example/radar.json"]}` };
      }
      const presets: Record<string, SourceEntry[]> = {};
      for (const [name, sources] of Object.entries(value)) {
        if (!PRESET_NAME.test(name)) return { error: `presets: ${quote(name)} is not a preset name (lower-case letters, digits, ".", "_", "-"; used as @${name})` };
        const checked = checkSourceList(sources, `presets.${name}`, false);
        if ('error' in checked) return checked;
        presets[name] = checked.value;
      }
      return { value: presets };
    }
    case 'projects': {
      if (!Array.isArray(value) || value.length === 0) return { error: 'projects must be a non-empty list of project ids' };
      for (const id of value) {
        if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
          return { error: `projects: ${quote(id)} is not a project id (lower-case letters, digits, ".", "_", "-"; e.g. nova)` };
        }
      }
      return { value: [...new Set(value as string[])] };
    }
    case 'workHours': {
      if (typeof value !== 'string') return { error: `workHours ${quote(value)} must look like HH:MM-HH:MM, e.g. 08:00-18:00` };
      const hours = parseWorkHours(value);
      if ('error' in hours) return hours;
      return { value: `${formatMinute(hours.startMinute)}-${formatMinute(hours.endMinute)}` };
    }
    case 'refreshMinutes': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
        return { error: `refreshMinutes ${quote(value)} must be a whole number of minutes, 1 or more` };
      }
      return { value };
    }
    case 'bell': {
      if (typeof value !== 'boolean') return { error: `bell ${quote(value)} must be true or false` };
      return { value };
    }
    case 'reminders':
      return checkReminders(value);
  }
}

/** `{"meetings": ["10m"], "milestones": ["7d", "1d"]}`: lead times `<n>m`, `<n>h` or `<n>d`. */
function checkReminders(value: unknown): Checked<unknown> {
  const example = 'e.g. {"meetings": ["10m"], "milestones": ["7d", "1d"]}';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `reminders ${quote(value)} must be an object of lead times, ${example}` };
  }
  const checked: Record<string, string[]> = {};
  for (const [kind, leads] of Object.entries(value)) {
    if (!(REMINDER_KINDS as readonly string[]).includes(kind)) {
      return { error: `reminders: unknown kind ${quote(kind)} (kinds: ${REMINDER_KINDS.join(', ')})` };
    }
    if (!Array.isArray(leads)) return { error: `reminders.${kind} must be a list of lead times, ${example}` };
    for (const lead of leads) {
      if (typeof lead !== 'string' || !LEAD_TIME.test(lead)) {
        return { error: `reminders.${kind}: ${quote(lead)} is not a lead time (<n>m, <n>h or <n>d, e.g. 10m, 2h, 7d)` };
      }
    }
    checked[kind] = [...new Set(leads as string[])];
  }
  return { value: checked };
}

/** Where the config file lives: `configDir`, else RADAR_CONFIG_DIR, else the XDG config folder. */
export function configFilePath(configDir?: string): string {
  const dir = configDir ?? (process.env['RADAR_CONFIG_DIR'] || envPaths('release-radar', { suffix: '' }).config);
  return path.join(dir, 'config.json');
}

/** The file's text as JSON; an empty file is an empty config, a BOM is tolerated. */
export function parseConfigText(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  return body.trim() === '' ? {} : JSON.parse(body);
}

/** JSON.parse's complaint, with a line:column when the runtime gives a position. */
function jsonProblem(file: string, text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  let where = file;
  if (position) {
    const before = text.replace(/^\uFEFF/, '').slice(0, Number(position[1]));
    const lines = before.split('\n');
    where = `${file}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
  }
  const stripped = message.replace(/ in JSON at position \d+.*$/, '');
  const reason = cleanText(stripped.charAt(0).toLowerCase() + stripped.slice(1));
  return `${where}: the config file is not valid JSON (${reason})`;
}

export type RawConfigFile =
  | { state: 'missing' }
  | { state: 'object'; value: Record<string, unknown> }
  /** `problem` names the file and says what is wrong with it. */
  | { state: 'corrupt'; problem: string };

/** Reads the file as it is; a corrupt one is described, never changed. */
export function readConfigFile(file: string): RawConfigFile {
  // Only a regular file, read without blocking (a named pipe here must not hang every command).
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    if (read.code === 'ENOENT') return { state: 'missing' };
    return { state: 'corrupt', problem: `${file}: cannot read the config file: ${read.reason.startsWith('is ') ? `it ${read.reason}` : read.reason}` };
  }
  // Bytes that are not UTF-8 would be replaced by U+FFFD and written back lossily: corrupted.
  const text = decodeText(read.bytes, true);
  if (text === null) return { state: 'corrupt', problem: `${file}: the config file is not valid UTF-8 text` };
  let value: unknown;
  try {
    value = parseConfigText(text);
  } catch (error) {
    return { state: 'corrupt', problem: jsonProblem(file, text, error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      state: 'corrupt',
      problem: `${file}: the config file must hold a JSON object such as {"zone": "Europe/Berlin"}`,
    };
  }
  return { state: 'object', value: value as Record<string, unknown> };
}

/** Conf's bookkeeping key, never shown or reported. */
const CONF_INTERNAL_KEY = '__internal__';

/** The valid keys of a parsed config object, and one line about the rest (or null). */
export function validateConfigObject(file: string, raw: Record<string, unknown>): { config: RadarConfig; problem: string | null } {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === CONF_INTERNAL_KEY) continue;
    if (!isConfigKey(key)) {
      problems.push(`unknown key ${quote(key)}`);
      continue;
    }
    const checked = checkConfigValue(key, value);
    if ('error' in checked) problems.push(checked.error);
    else config[key] = checked.value;
  }
  const problem = problems.length === 0 ? null : `${file}: ${problems.join('; ')}; ${problems.length === 1 ? 'this setting is' : 'these settings are'} ignored`;
  return { config: config as RadarConfig, problem };
}

/**
 * The user's settings. A file that is not JSON yields `{}`; invalid or unknown keys are left
 * out and the valid ones kept. `problem` is one line naming the file, for standard error.
 * The file is only read.
 */
export function loadConfig(options: { configDir?: string } = {}): { config: RadarConfig; path: string; problem: string | null } {
  const file = configFilePath(options.configDir);
  const raw = readConfigFile(file);
  if (raw.state === 'missing') return { config: {}, path: file, problem: null };
  if (raw.state === 'corrupt') return { config: {}, path: file, problem: `${raw.problem}; it is ignored` };
  return { ...validateConfigObject(file, raw.value), path: file };
}
