// Parsed local files, kept as JSON beside the feed cache: reading an entry costs one JSON.parse
// instead of YAML + zod. An entry belongs to one build of radar (a change to the parser must parse
// again) and to one version of one file (path, size, mtime, inode); anything else, or anything
// that does not read back whole, is a miss. Caching is best effort: a cache folder that cannot be
// used costs a parse, never a failure, and says nothing (`radar next` runs in shell prompts).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readTextFile } from '../files/read-regular-file';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/write-atomically';
import type { SourceOutcome } from './source-outcome';
import { textDigest, uniqueSuffix } from '../files/text-hash';

/** Set by scripts/build.mjs to a hash of the bundle's inputs. */
declare const RADAR_BUILD_ID: string | undefined;

/** This build. Run from source (vitest), every process counts as a build of its own. */
export const BUILD_ID: string = typeof RADAR_BUILD_ID === 'string' ? RADAR_BUILD_ID : `source-${uniqueSuffix()}`;

/** Entries of this build not written for this long are removed when another entry is written. */
export const STALE_ENTRY_MS = 30 * 24 * 60 * 60 * 1000;

export interface ParsedCacheKey {
  path: string;
  /** As the user gave it: messages name it. */
  source: string;
  size: number;
  mtimeMs: number;
  ino: number;
  /** The source's `zone` and `project` options, which adapters may use (floating times, events' project). */
  zone?: string | null;
  project?: string | null;
}

export interface ParsedCacheOptions {
  /** Which build may read the entries (default: this one). */
  build?: string;
}

const KEY_FIELDS = ['path', 'source', 'size', 'mtimeMs', 'ino', 'zone', 'project'] as const;

function buildFolder(cacheDir: string, build: string): string {
  return join(cacheDir, 'parsed', build);
}

/** Where this build keeps what it parsed (other memos of parsing too): pruned as one. */
export function parsedCacheFolder(cacheDir: string): string {
  return buildFolder(cacheDir, BUILD_ID);
}

/** One entry per file (as named, with its options), so an edited file replaces its entry instead of adding one. */
function entryPath(cacheDir: string, key: ParsedCacheKey, build: string): string {
  const digest = textDigest(JSON.stringify([key.path, key.source, key.zone ?? null, key.project ?? null]));
  return join(buildFolder(cacheDir, build), `${digest}.json`);
}

/** Notices an entry cut short or edited; a fast digest, since reading the cache is on every start. */
function digestOf(text: string): string {
  return textDigest(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isNumberOrNull = (value: unknown): boolean => value === null || typeof value === 'number';
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const DOCUMENT_LISTS = ['roles', 'projects', 'cycles', 'milestones', 'meetings', 'priorities'] as const;

/** The shape the loader relies on; the checksum already vouches for the content. */
function isSourceOutcome(value: unknown): value is SourceOutcome {
  if (!isRecord(value) || !isRecord(value['report']) || !Array.isArray(value['documents']) || !Array.isArray(value['diagnostics'])) return false;
  const report = value['report'];
  const reportOk =
    typeof report['source'] === 'string' &&
    typeof report['status'] === 'string' &&
    isNumberOrNull(report['fetchedAt']) &&
    isStringArray(report['errors']) &&
    isStringArray(report['warnings']) &&
    isStringOrNull(report['detail']);
  const documentsOk = value['documents'].every(
    (document) =>
      isRecord(document) && isStringOrNull(document['name']) && DOCUMENT_LISTS.every((list) => Array.isArray(document[list]) && document[list].every(isRecord)) && isRecord(document['written']),
  );
  const diagnosticsOk = value['diagnostics'].every(
    (diagnostic) =>
      isRecord(diagnostic) &&
      typeof diagnostic['source'] === 'string' &&
      typeof diagnostic['line'] === 'number' &&
      typeof diagnostic['column'] === 'number' &&
      isStringOrNull(diagnostic['path']) &&
      typeof diagnostic['message'] === 'string' &&
      typeof diagnostic['severity'] === 'string',
  );
  const stampsOk = value['siblingStamps'] === undefined || isRecord(value['siblingStamps']);
  return reportOk && documentsOk && diagnosticsOk && stampsOk;
}

/**
 * An entry is a header line (the key and a checksum of the rest) and the outcome as JSON. The
 * outcome of a file that is not the same version, of another build, cut short, edited or made up
 * is null: the caller parses the file again.
 */
export function readParsedCache(cacheDir: string, key: ParsedCacheKey, options: ParsedCacheOptions = {}): SourceOutcome | null {
  try {
    // Only a regular file, read without blocking: a FIFO put here must not hang every start.
    const read = readTextFile(entryPath(cacheDir, key, options.build ?? BUILD_ID));
    if (!read.ok) return null;
    const text = read.text;
    const newline = text.indexOf('\n');
    if (newline < 0) return null;
    const header: unknown = JSON.parse(text.slice(0, newline));
    if (!isRecord(header) || !isRecord(header['key']) || typeof header['digest'] !== 'string') return null;
    const stored = header['key'];
    const wanted = pickKey(key);
    if (!KEY_FIELDS.every((field) => stored[field] === wanted[field])) return null;
    const body = text.slice(newline + 1);
    if (digestOf(body) !== header['digest']) return null;
    const outcome: unknown = JSON.parse(body);
    return isSourceOutcome(outcome) ? outcome : null;
  } catch {
    return null;
  }
}

/** Folders that could not be written in this process: each further try would only cost time. */
const unusable = new Set<string>();

/** Best effort: a cache that cannot be written only costs the next start a parse. */
export function writeParsedCache(cacheDir: string, key: ParsedCacheKey, outcome: SourceOutcome, now: number, options: ParsedCacheOptions = {}): void {
  if (unusable.has(cacheDir)) return;
  const build = options.build ?? BUILD_ID;
  const body = JSON.stringify(outcome);
  try {
    mkdirSync(buildFolder(cacheDir, build), { recursive: true });
    writeFileAtomically(entryPath(cacheDir, key, build), `${JSON.stringify({ key: pickKey(key), digest: digestOf(body) })}\n${body}`);
  } catch {
    // A file, /dev/null or a folder without permission where the cache should be: no cache.
    unusable.add(cacheDir);
    return;
  }
  pruneParsedCache(cacheDir, build, now);
}

/** The key as stored: exactly its fields, the options absent written as null. */
function pickKey(key: ParsedCacheKey): Required<ParsedCacheKey> {
  return { path: key.path, source: key.source, size: key.size, mtimeMs: key.mtimeMs, ino: key.ino, zone: key.zone ?? null, project: key.project ?? null };
}

/**
 * Entries of other builds can never be read again, and entries of files not loaded for
 * STALE_ENTRY_MS probably will not be: both go. Runs after a write, which is after a parse, so
 * a start that hits the cache never pays for it.
 */
export function pruneParsedCache(cacheDir: string, build: string, now: number): void {
  const parsed = join(cacheDir, 'parsed');
  try {
    for (const name of readdirSync(parsed)) {
      if (name !== build) rmSync(join(parsed, name), { recursive: true, force: true });
    }
    const current = buildFolder(cacheDir, build);
    for (const name of readdirSync(current)) {
      const entry = join(current, name);
      if (now - statSync(entry).mtimeMs > STALE_ENTRY_MS) rmSync(entry, { force: true });
    }
  } catch {
    // Another radar pruning at the same time, or a folder that changed under us: next time.
  }
}
