// Sources (files, folders, standard input, https feeds) → one merged schedule and a report
// per source. A broken source is reported and never takes the others down.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic, type Schedule, type SourceReport } from '../model/types';
import { fileErrorWords } from '../files/error-words';
import { mergeDocuments } from './merge';
import { readParsedCache, writeParsedCache } from './parsed-cache';
import type { SourceOutcome } from './source-outcome';
import { checkRemoteUrl, isRemote } from './url';

/** The parser, the schema and the adapters load only when a text must really be read. */
async function parseSource(...args: Parameters<typeof import('./from-text').fromText>): Promise<SourceOutcome> {
  const { fromText } = await import('./from-text');
  return fromText(...args);
}

export interface LoadOptions {
  /** Never touch the network: remote feeds come from the cache only. */
  offline: boolean;
  /** Where remote feeds are cached. */
  cacheDir: string;
  now: () => number;
  /** Reads standard input whole (for `-s -`). */
  readStdin: () => Promise<string>;
  /** Keep parsed local files in the cache folder, keyed by path, size and mtime (default true). */
  parsedCache?: boolean;
}

export interface LoadResult {
  schedule: Schedule;
  reports: SourceReport[];
  /** Every diagnostic, located, in source order (for `validate` and the dashboard). */
  diagnostics: Diagnostic[];
}


const SCHEDULE_FILE = /\.(ya?ml|json)$/i;

export async function loadSources(sources: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const outcomes = await Promise.all(sources.map((source) => loadSource(source, options)));
  return combine(sources, outcomes);
}

function combine(sources: readonly string[], outcomes: SourceOutcome[]): LoadResult {
  const merged = mergeDocuments(
    outcomes.flatMap((outcome) => outcome.documents),
    sources.length > 0 ? defaultName(sources[0]!) : null,
  );
  const diagnostics = [...outcomes.flatMap((outcome) => outcome.diagnostics), ...merged.warnings];
  const reports = outcomes.map((outcome) => outcome.report);
  for (const warning of merged.warnings) {
    const report = reports.find((entry) => warning.source === entry.source || warning.source.startsWith(`${entry.source.replace(/\/$/, '')}/`));
    report?.warnings.push(formatDiagnostic(warning));
  }
  return { schedule: merged.schedule, reports, diagnostics };
}

function defaultName(source: string): string {
  if (source === '-') return 'standard input';
  return basename(source.replace(/\/+$/, ''), extname(source));
}

function failed(source: string, message: string, line = 0, column = 0): SourceOutcome {
  const diagnostic: Diagnostic = { source: displayName(source), line, column, path: null, message, severity: 'error' };
  return {
    report: { source, status: 'failed', fetchedAt: null, errors: [formatDiagnostic(diagnostic)], warnings: [], detail: null },
    documents: [],
    diagnostics: [diagnostic],
  };
}

function displayName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

async function loadSource(source: string, options: LoadOptions): Promise<SourceOutcome> {
  if (source === '-') {
    let text: string;
    try {
      text = await options.readStdin();
    } catch (error) {
      return failed(source, `cannot read standard input: ${fileErrorWords(error)}`);
    }
    return parseSource(source, '<stdin>', text, null, null);
  }
  if (isRemote(source)) return loadRemote(source, options);

  let stats;
  try {
    stats = statSync(source);
  } catch (error) {
    return failed(source, `cannot read: ${fileErrorWords(error)}`);
  }
  if (stats.isDirectory()) return loadFolder(source, options);
  return loadFile(source, source, stats, options);
}

async function loadFile(source: string, path: string, stats: Stats | null, options: LoadOptions): Promise<SourceOutcome> {
  // An unchanged file is not parsed again: `radar next` in a prompt runs on every refresh.
  const key = stats === null || options.parsedCache === false ? null : { path: resolve(path), source, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  if (key !== null) {
    const cached = readParsedCache(options.cacheDir, key);
    if (cached !== null) return cached;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return failed(source, `cannot read: ${fileErrorWords(error)}`);
  }
  const outcome = await parseSource(source, path, text, null, path);
  if (key !== null && outcome.cacheable !== false) writeParsedCache(options.cacheDir, key, outcome);
  return outcome;
}

async function loadFolder(folder: string, options: LoadOptions): Promise<SourceOutcome> {
  let names: string[];
  try {
    // A JSON Schema beside the schedules (data/radar-v1.schema.json) is not a schedule.
    names = readdirSync(folder)
      .filter((name) => SCHEDULE_FILE.test(name) && !name.endsWith('.schema.json'))
      .sort();
  } catch (error) {
    return failed(folder, `cannot read: ${fileErrorWords(error)}`);
  }
  if (names.length === 0) return failed(folder, 'no schedule files in this folder (*.yaml, *.yml, *.json)');
  const parts = await Promise.all(
    names.map((name) => {
      const path = join(folder, name);
      let stats: Stats | null = null;
      try {
        stats = statSync(path);
      } catch {
        // Gone since the listing: loadFile reports it.
      }
      return loadFile(path, path, stats, options);
    }),
  );
  const loaded = parts.filter((part) => part.report.status !== 'failed');
  return {
    report: {
      source: folder,
      status: loaded.length > 0 ? 'loaded' : 'failed',
      fetchedAt: null,
      errors: parts.flatMap((part) => part.report.errors),
      warnings: parts.flatMap((part) => part.report.warnings),
      detail: loaded.length < parts.length ? `${parts.length - loaded.length} of ${parts.length} files failed` : null,
    },
    documents: parts.flatMap((part) => part.documents),
    diagnostics: parts.flatMap((part) => part.diagnostics),
  };
}

async function loadRemote(url: string, options: LoadOptions): Promise<SourceOutcome> {
  const { fetchFeed } = await import('./remote');
  const { locateJsonError } = await import('./parse');
  const refused = checkRemoteUrl(url);
  if (refused !== null) return failed(url, refused);
  const result = await fetchFeed(url, {
    offline: options.offline,
    cacheDir: options.cacheDir,
    now: options.now,
    check: (text) => {
      try {
        JSON.parse(text);
        return null;
      } catch {
        const problem = locateJsonError(text);
        return `${url}:${problem.line}:${problem.column}: ${problem.message}`;
      }
    },
  });
  if (result.status === 'failed' || result.text === null) {
    const message = result.error ?? 'could not be fetched';
    // A located parse error already names the URL.
    return message.startsWith(`${url}:`) ? failedVerbatim(url, message) : failed(url, message);
  }
  const outcome = await parseSource(url, url, result.text, 'json', null);
  if (outcome.report.status === 'failed') return outcome;
  outcome.report.status = result.status;
  outcome.report.fetchedAt = result.fetchedAt;
  outcome.report.detail = result.status === 'cached' ? result.error : null;
  return outcome;
}

function failedVerbatim(source: string, message: string): SourceOutcome {
  const match = /:(\d+):(\d+): (.*)$/.exec(message);
  return failed(source, match?.[3] ?? message, Number(match?.[1] ?? 1), Number(match?.[2] ?? 1));
}

