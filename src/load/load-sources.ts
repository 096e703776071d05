// Sources (files, folders, standard input, remote URLs) → one merged schedule and a report
// per source. A broken source is reported and never takes the others down.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import { formatDiagnostic, type Diagnostic, type Schedule, type SourceReport } from '../model/types';
import { fileErrorWords } from '../files/error-words';
import { readErrorWords, readTextFile } from '../files/read-regular-file';
import type { FromTextOptions } from './from-text';
import { mergeDocuments } from './merge';
import type { DocumentItems } from './normalize';
import { readParsedCache, writeParsedCache, type ParsedCacheKey } from './parsed-cache';
import { DEVELOPMENT_SERIES } from './presets';
import { SCHEDULE_FILE } from './schedule-files';
import { cleanText } from './sanitize';
import type { SourceOutcome } from './source-outcome';
import { specOf, type SourceSpec } from './source-spec';
import { checkRemoteUrl, fetchableUrl, isRemote } from './url';

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
  /** The display zone: floating iCalendar times with no zone of their own are read in it. */
  displayZone?: string;
  /** Keep parsed local files in the cache folder, keyed by build, path, size and mtime (default true). */
  parsedCache?: boolean;
}

export interface LoadResult {
  schedule: Schedule;
  reports: SourceReport[];
  /** Every diagnostic, located, in source order (for `validate` and the dashboard). */
  diagnostics: Diagnostic[];
}

/** Sources as paths/URLs, or as specs with their options (presets already expanded). */
export async function loadSources(sources: readonly (string | SourceSpec)[], options: LoadOptions): Promise<LoadResult> {
  const specs = sources.map((source) => specOf(source));
  // A source that names the development series waits for the others of its preset, which
  // include the series_status.yaml that says which series that is.
  const waits = (spec: SourceSpec) => spec.source.includes(DEVELOPMENT_SERIES);
  const texts = new Map<string, string>();
  const direct = await Promise.all(specs.map(async (spec) => (waits(spec) ? null : loadSpec(spec, options, texts))));
  const outcomes = await Promise.all(
    specs.map(
      async (spec, index) =>
        direct[index] ??
        loadWithDevelopmentSeries(
          spec,
          specs.filter((other) => !waits(other) && other.preset === spec.preset),
          options,
          texts,
        ),
    ),
  );
  // Calendars from the parsed-file cache come without their reader: load their expander.
  if (outcomes.some((outcome) => outcome.documents.some((document) => document.meetings.some((meeting) => meeting.calendar)))) {
    await import('../time/calendar-recurrence');
  }
  return combine(
    outcomes.map((outcome) => outcome.report.source),
    outcomes,
  );
}

/** One source with its options applied: its label, and its project for the items that name none. */
async function loadSpec(spec: SourceSpec, options: LoadOptions, texts: Map<string, string> | null): Promise<SourceOutcome> {
  const outcome = await loadSource(spec.source, options, { project: spec.project, zone: spec.zone, displayZone: options.displayZone }, texts);
  const report: SourceReport = spec.name === null ? outcome.report : { ...outcome.report, name: spec.name };
  const documents = spec.project === null ? outcome.documents : outcome.documents.map((document) => withDefaultProject(document, spec.project!));
  return { ...outcome, report, documents };
}

/** The source's `project` for every meeting, milestone and priority that names none. */
export function withDefaultProject(document: DocumentItems, project: string): DocumentItems {
  const own = <T extends { project: unknown }>(item: T): T => (item.project === null || (Array.isArray(item.project) && item.project.length === 0) ? { ...item, project } : item);
  return {
    ...document,
    meetings: document.meetings.map(own),
    milestones: document.milestones.map(own),
    priorities: document.priorities.map(own),
  };
}

async function loadWithDevelopmentSeries(spec: SourceSpec, neighbours: readonly SourceSpec[], options: LoadOptions, texts: ReadonlyMap<string, string>): Promise<SourceOutcome> {
  for (const neighbour of neighbours) {
    const series = await developmentSeriesOf(neighbour.source, options, texts);
    if (series !== null) return loadSpec({ ...spec, source: spec.source.split(DEVELOPMENT_SERIES).join(series) }, options, null);
  }
  const where = spec.preset === null ? 'the other sources' : `the other sources of @${spec.preset}`;
  return failed(spec.source, `the series in development is not known: no series_status.yaml among ${where} names a series with status development`);
}

/**
 * The series in development according to a source, whether or not it loads as a schedule
 * (only name and status matter). Remembered per version of a remote source's cached copy.
 */
async function developmentSeriesOf(source: string, options: LoadOptions, texts: ReadonlyMap<string, string>): Promise<string | null> {
  const { rememberedSeries, rememberSeries } = await import('./series-memo');
  let version: string | null = null;
  if (isRemote(source)) {
    const { cachedBodyFile } = await import('./remote');
    const stamp = fileStamp(cachedBodyFile(source, options.cacheDir));
    if (stamp !== 'none') version = `${source}\n${stamp}`;
  }
  if (version !== null) {
    const remembered = rememberedSeries(options.cacheDir, version);
    if (remembered !== undefined) return remembered;
  }
  const text = texts.get(source) ?? (await cachedText(source, options));
  if (text === null) return null;
  const { developmentSeries } = await import('./development-series');
  const series = developmentSeries(text);
  if (version !== null) rememberSeries(options.cacheDir, version, series);
  return series;
}

/** A source's text when it was not read in this load (a parse cached): a file as it is now, a remote one from the cache. */
async function cachedText(source: string, options: LoadOptions): Promise<string | null> {
  if (source === '-') return null;
  if (isRemote(source)) {
    const { readCachedFeed } = await import('./remote');
    return readCachedFeed(source, options.cacheDir)?.text ?? null;
  }
  const read = readTextFile(source);
  return read.ok ? read.text : null;
}

function combine(sources: readonly string[], outcomes: SourceOutcome[]): LoadResult {
  const merged = mergeDocuments(
    outcomes.flatMap((outcome) => outcome.documents),
    sources.length > 0 ? defaultName(sources[0]!) : null,
  );
  const diagnostics = [...outcomes.flatMap((outcome) => outcome.diagnostics), ...merged.warnings];
  // Reports name each source as given, without the control characters a name can hold.
  const reports = outcomes.map((outcome) => ({ ...outcome.report, source: cleanText(outcome.report.source) }));
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

function failed(source: string, message: string, line = 0, column = 0, name = displayName(source)): SourceOutcome {
  // A path given on the command line, or an error quoting it, may hold any byte.
  const diagnostic: Diagnostic = { source: cleanText(name), line, column, path: null, message: cleanText(message), severity: 'error' };
  return {
    report: { source, status: 'failed', fetchedAt: null, errors: [formatDiagnostic(diagnostic)], warnings: [], detail: null },
    documents: [],
    diagnostics: [diagnostic],
  };
}

function displayName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

type SourceOptions = Pick<FromTextOptions, 'project' | 'zone' | 'displayZone'>;

/** `texts`, when given, receives the text of each file or remote source read. */
async function loadSource(source: string, options: LoadOptions, sourceOptions: SourceOptions, texts: Map<string, string> | null): Promise<SourceOutcome> {
  if (source === '-') {
    let text: string;
    try {
      text = await options.readStdin();
    } catch (error) {
      return failed(source, `cannot read standard input: ${fileErrorWords(error)}`);
    }
    return parseSource(source, '<stdin>', text, null, null, sourceOptions);
  }
  if (isRemote(source)) return loadRemote(source, options, sourceOptions, texts);

  let stats;
  try {
    stats = statSync(source);
  } catch (error) {
    return failed(source, `cannot read: ${readErrorWords(error, source)}`);
  }
  if (stats.isDirectory()) return loadFolder(source, options, sourceOptions);
  return loadFile(source, source, source, stats, options, sourceOptions, texts);
}

/**
 * `name` is how the file is shown (in messages and reports); `readPath` how it is opened (a
 * Buffer when a folder lists a name whose bytes are not UTF-8).
 */
async function loadFile(
  source: string,
  name: string,
  readPath: string | Buffer,
  stats: Stats | null,
  options: LoadOptions,
  sourceOptions: SourceOptions,
  texts: Map<string, string> | null = null,
): Promise<SourceOutcome> {
  // Not a regular file (a FIFO, a device, a socket): refused by readTextFile, never cached.
  const regular = stats !== null && stats.isFile();
  // An unchanged file is not parsed again: `radar next` in a prompt runs on every refresh.
  const key =
    !regular || options.parsedCache === false || typeof readPath !== 'string'
      ? null
      : { path: resolve(readPath), source, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, zone: sourceOptions.zone ?? null, project: sourceOptions.project ?? null };
  if (key !== null) {
    const cached = readParsedCache(options.cacheDir, key);
    if (cached !== null && (cached.displayZone === undefined || cached.displayZone === options.displayZone)) return cached;
  }
  const read = readTextFile(readPath);
  if (!read.ok) return failed(source, `cannot read: ${read.reason}`, 0, 0, name);
  texts?.set(source, read.text);
  const outcome = await parseSource(source, name, read.text, null, typeof readPath === 'string' ? readPath : name, sourceOptions);
  if (key !== null && outcome.cacheable !== false) writeParsedCache(options.cacheDir, key, outcome, options.now());
  return outcome;
}

async function loadFolder(folder: string, options: LoadOptions, sourceOptions: SourceOptions): Promise<SourceOutcome> {
  let entries: { name: string; path: string | Buffer }[];
  try {
    // Names as bytes: a name that is not UTF-8 still opens (shown with U+FFFD in its place).
    // A JSON Schema beside the schedules (data/radar-v1.schema.json) is not a schedule.
    const prefix = Buffer.from(folder.endsWith(sep) ? folder : `${folder}${sep}`);
    entries = readdirSync(folder, { encoding: 'buffer' })
      .map((raw) => {
        const name = raw.toString('utf8');
        const utf8 = Buffer.from(name).equals(raw);
        return { name, path: utf8 ? join(folder, name) : Buffer.concat([prefix, raw]) };
      })
      .filter(({ name }) => SCHEDULE_FILE.test(name) && !name.endsWith('.schema.json'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    return failed(folder, `cannot read: ${readErrorWords(error, folder)}`);
  }
  if (entries.length === 0) return failed(folder, 'no schedule files in this folder (*.yaml, *.yml, *.json, *.ics, *.ical)');
  const parts = await Promise.all(
    entries.map(({ name, path }) => {
      // A file name can carry escapes (`m\e]0;title\a.yaml`): shown cleaned, opened as is.
      const shown = cleanText(join(folder, name));
      let stats: Stats | null = null;
      try {
        stats = statSync(path);
      } catch {
        // Gone since the listing: loadFile reports it.
      }
      return loadFile(shown, shown, path, stats, options, sourceOptions);
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

/**
 * A remote source of any shape goes through the same text → outcome path as a file; the
 * content decides the shape, never the URL or the Content-Type. A fetched copy that does not
 * load (a half-saved file, a login page) is not cached: the last good copy is served instead.
 */
async function loadRemote(url: string, options: LoadOptions, sourceOptions: SourceOptions, texts: Map<string, string> | null): Promise<SourceOutcome> {
  const { cachedBodyFile, fetchFeed } = await import('./remote');
  const refused = checkRemoteUrl(url);
  if (refused !== null) return failed(url, refused);
  // The parser loads only when a text must really be read: not for a cached parse.
  const contentKind = async (text: string) => (await import('./parse')).textKind('', text);
  const urlPath = pathOfUrl(fetchableUrl(url));
  const siblingsWanted = new Set<string>();
  const parse = async (text: string, siblings: ReadonlyMap<string, string | null>) =>
    parseSource(url, url, text, await contentKind(text), urlPath, {
      ...sourceOptions,
      readSibling: (name) => {
        if (!siblings.has(name)) siblingsWanted.add(name);
        return siblings.get(name) ?? null;
      },
    });

  // Parsed while fetching, so that a body that does not load never replaces the cached copy.
  let fresh: { text: string; outcome: SourceOutcome } | null = null;
  const { fromText } = options.offline ? { fromText: null } : await import('./from-text');
  const { textKind } = options.offline ? { textKind: null } : await import('./parse');
  const result = await fetchFeed(url, {
    offline: options.offline,
    cacheDir: options.cacheDir,
    now: options.now,
    check: (text) => {
      if (fromText === null || textKind === null) return null;
      const outcome = fromText(url, url, text, textKind('', text), urlPath, { ...sourceOptions, readSibling: (name) => (siblingsWanted.add(name), null) });
      fresh = { text, outcome };
      return outcome.report.status === 'failed' ? (outcome.report.errors[0] ?? 'does not load') : null;
    },
  });
  const freshCopy = fresh as { text: string; outcome: SourceOutcome } | null;
  const text = result.text ?? freshCopy?.text ?? null;
  if (text !== null) texts?.set(url, text);
  if (result.status === 'failed' || result.text === null) {
    // The fetched copy had errors and there is no older one: its own located errors say why.
    if (freshCopy !== null && freshCopy.outcome.report.status === 'failed') return freshCopy.outcome;
    return failed(url, result.error ?? 'could not be fetched');
  }

  const siblingUrl = (name: string) => new URL(name, fetchableUrl(url)).href;
  // Files beside it (schedule.rst beside schedule.yaml) are fetched as it was, cached and
  // conditional too; one that cannot be had only means less detail (labels as titles).
  const fetched = new Map<string, string | null>();
  const fetchSiblings = async (names: Iterable<string>) => {
    const siblings = new Map<string, string | null>();
    for (const name of names) {
      if (!fetched.has(name)) fetched.set(name, (await fetchFeed(siblingUrl(name), { offline: options.offline, cacheDir: options.cacheDir, now: options.now })).text);
      siblings.set(name, fetched.get(name) ?? null);
    }
    return siblings;
  };
  /** Which version of each sibling's cached copy an outcome was made from. */
  const stampsOf = (names: Iterable<string>) => Object.fromEntries([...names].map((name) => [name, fileStamp(cachedBodyFile(siblingUrl(name), options.cacheDir))]));

  let outcome: SourceOutcome | null = null;
  if (freshCopy !== null && freshCopy.text === result.text) {
    outcome = freshCopy.outcome;
  } else {
    // The cached body (after a 304, offline, or a failed fetch) is parsed once per version of
    // it and of its siblings, as local files are: `radar next` on a preset stays quick.
    const key = parsedCacheKey(url, cachedBodyFile(url, options.cacheDir), sourceOptions, options);
    const stored = key === null ? null : readParsedCache(options.cacheDir, key);
    const cached = stored !== null && (stored.displayZone === undefined || stored.displayZone === options.displayZone) ? stored : null;
    if (cached !== null) {
      const stamps = cached.siblingStamps ?? {};
      const names = Object.keys(stamps);
      if (names.length > 0) await fetchSiblings(names);
      const current = stampsOf(names);
      if (names.every((name) => current[name] === stamps[name])) outcome = cached;
      else for (const name of names) siblingsWanted.add(name);
    }
    if (outcome === null && siblingsWanted.size === 0) {
      const parsed = await parse(result.text, new Map());
      outcome = parsed;
      if (key !== null && siblingsWanted.size === 0 && parsed.cacheable !== false) writeParsedCache(options.cacheDir, key, parsed, options.now());
    }
    if (siblingsWanted.size > 0 && outcome?.siblingStamps === undefined) {
      const parsed = await parse(result.text, await fetchSiblings(siblingsWanted));
      const stamped = { ...parsed, cacheable: true, siblingStamps: stampsOf(siblingsWanted) };
      outcome = stamped;
      if (key !== null) writeParsedCache(options.cacheDir, key, stamped, options.now());
    }
  }
  if (siblingsWanted.size > 0 && outcome!.siblingStamps === undefined) {
    // The fresh copy, read without its siblings to check it: read again with them.
    outcome = await parse(result.text, await fetchSiblings(siblingsWanted));
  }
  if (outcome!.report.status === 'failed') return outcome!;
  return {
    ...outcome!,
    report: { ...outcome!.report, status: result.status, fetchedAt: result.fetchedAt, detail: result.status === 'cached' ? result.error : null },
  };
}

/** What identifies a version of a cache file; "none" when there is none. */
function fileStamp(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return 'none';
  }
}

function parsedCacheKey(url: string, bodyFile: string, sourceOptions: SourceOptions, options: LoadOptions): ParsedCacheKey | null {
  if (options.parsedCache === false) return null;
  let stats: Stats;
  try {
    stats = statSync(bodyFile);
  } catch {
    return null;
  }
  return { path: resolve(bodyFile), source: url, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, zone: sourceOptions.zone ?? null, project: sourceOptions.project ?? null };
}

/** The path of a URL, decoded: adapters name meetings after files and cycles after folders. */
function pathOfUrl(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
}
