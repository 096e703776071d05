// Remote sources of any shape (format v1, community files, calendars): fetched over https
// (plain http only on loopback; webcal:// is https), bounded in time and size, cached per URL
// with their validators so the next start costs a 304, and served from the cache when the
// network lets us down. Nothing here throws: every outcome is a FeedResult.

import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { readTextFile } from '../files/read-regular-file';
import { isSupportedInstant } from '../time/supported-range';
import { cleanText } from './sanitize';
import { checkRemoteUrl, fetchableUrl } from './url';
import { writeFileAtomically } from '../files/write-atomically';

export interface FeedResult {
  status: 'loaded' | 'cached' | 'failed';
  /** The body to parse (fresh or cached); null when failed. */
  text: string | null;
  /** Epoch ms when the text was fetched (for 'cached': when the cache was written). */
  fetchedAt: number | null;
  /** Why the network copy was not used (also set with 'cached'), e.g. 'HTTP 404'. */
  error: string | null;
}

export interface FetchOptions {
  /** Never touch the network: serve the cache or fail. */
  offline?: boolean;
  /** Where feeds are cached: defaultCacheDir() in the program, a temp dir in tests. */
  cacheDir: string;
  /** Covers the whole exchange, redirects and body included. Default 10 000. */
  timeoutMs?: number;
  /** Largest body accepted, counted while streaming. Default 10 MiB. */
  maxBytes?: number;
  /** Injected clock for fetchedAt. */
  now: () => number;
  /** An error message if the body is unusable (bad JSON): the cache is then used and kept. */
  check?: (text: string) => string | null;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// ---------------------------------------------------------------------------------------------
// Cache: <cacheDir>/feeds/<sha256(url)>.body (the text) and .json (validators, fetchedAt).

interface CacheMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: number;
  /** Ties the metadata to the body it describes (they are two files, renamed one after the other). */
  bodySha256: string;
}

interface CacheEntry {
  text: string;
  meta: CacheMeta;
  /** False when the body and metadata come from different fetches: no conditional request then. */
  validatorsMatch: boolean;
}

function normalizeUrl(url: string): string {
  try {
    return new URL(fetchableUrl(url)).href;
  } catch {
    return url;
  }
}

function cacheFiles(url: string, cacheDir: string): { body: string; meta: string } {
  const key = createHash('sha256').update(normalizeUrl(url)).digest('hex');
  const dir = path.join(cacheDir, 'feeds');
  return { body: path.join(dir, `${key}.body`), meta: path.join(dir, `${key}.json`) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function parseMeta(raw: string): CacheMeta | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const optionalString = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  // fetchedAt becomes a date in every report: it must be one radar can show.
  if (typeof v['url'] !== 'string' || typeof v['fetchedAt'] !== 'number' || !isSupportedInstant(v['fetchedAt'])) {
    return null;
  }
  return {
    url: v['url'],
    fetchedAt: v['fetchedAt'],
    etag: optionalString(v['etag']),
    lastModified: optionalString(v['lastModified']),
    bodySha256: optionalString(v['bodySha256']) ?? '',
  };
}

function readCache(url: string, cacheDir: string): CacheEntry | null {
  const files = cacheFiles(url, cacheDir);
  // A cache entry is only a hint: anything odd about it (a FIFO, a device, a tampered or
  // truncated file, a cache path that is not a folder) makes it a miss.
  try {
    const metaText = readTextFile(files.meta, 64 * 1024);
    const meta = metaText.ok ? parseMeta(metaText.text) : null;
    if (!meta || normalizeUrl(meta.url) !== normalizeUrl(url)) return null;
    const body = readTextFile(files.body, DEFAULT_MAX_BYTES);
    if (!body.ok) return null;
    return { text: body.text, meta, validatorsMatch: sha256(body.text) === meta.bodySha256 };
  } catch {
    return null;
  }
}

/** The file holding a feed's cached body: its size and mtime identify the version cached. */
export function cachedBodyFile(url: string, cacheDir: string): string {
  return cacheFiles(url, cacheDir).body;
}

/** The cached copy of a feed, synchronously, for the dashboard's first frame. */
export function readCachedFeed(url: string, cacheDir: string): { text: string; fetchedAt: number } | null {
  const entry = readCache(url, cacheDir);
  return entry ? { text: entry.text, fetchedAt: entry.meta.fetchedAt } : null;
}

/** The project's one atomic write; a cache folder that cannot be made is the caller's miss. */
async function writeAtomically(file: string, data: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  writeFileAtomically(file, data);
}

async function writeMeta(url: string, cacheDir: string, meta: CacheMeta): Promise<void> {
  await writeAtomically(cacheFiles(url, cacheDir).meta, `${JSON.stringify(meta, null, 2)}\n`);
}

/**
 * Body first, then metadata: if we stop in between, the old validators describe a body they
 * do not match (bodySha256 says so), and we never send a stale ETag that would earn a 304.
 */
async function writeCache(url: string, cacheDir: string, text: string, meta: Omit<CacheMeta, 'bodySha256'>) {
  await writeAtomically(cacheFiles(url, cacheDir).body, text);
  await writeMeta(url, cacheDir, { ...meta, bodySha256: sha256(text) });
}

/** The cache is a convenience: failing to write it must not fail a good fetch. */
async function ignoringErrors(write: Promise<void>): Promise<void> {
  await write.catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Download

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export function formatSize(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib && bytes % mib === 0) return `${bytes / mib} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

const NETWORK_ERROR_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

function describeNetworkError(error: unknown): string {
  const cause: unknown = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const known = NETWORK_ERROR_WORDS[code];
  if (known) return known;
  if (/CERT|SSL|TLS/.test(code)) return `TLS certificate problem (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `network error: ${message}`;
}

class FeedError extends Error {}

interface Downloaded {
  kind: 'body';
  text: string;
  etag: string | null;
  lastModified: string | null;
}

interface NotModified {
  kind: 'not-modified';
}

interface Exchange {
  signal: AbortSignal;
  /** Aborts the request and closes the connection (size limit reached). */
  abort: () => void;
  maxBytes: number;
  fetchImpl: typeof fetch;
}

/** Reads the body with a byte counter: the download stops as soon as it passes the limit. */
async function readLimited(response: Response, exchange: Exchange): Promise<string> {
  const tooLarge = `larger than ${formatSize(exchange.maxBytes)}`;
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > exchange.maxBytes) {
    exchange.abort();
    throw new FeedError(tooLarge);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (exchange.signal.aborted) throw error;
      throw new FeedError(`incomplete download: ${describeNetworkError(error)}`);
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > exchange.maxBytes) {
      exchange.abort();
      await reader.cancel().catch(() => undefined);
      throw new FeedError(tooLarge);
    }
    chunks.push(chunk.value);
  }
  try {
    // JSON, YAML and iCalendar are UTF-8 (RFC 8259, YAML 1.2, RFC 5545); the decoder drops a BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new FeedError('not valid UTF-8 text');
  }
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

async function download(url: string, cache: CacheEntry | null, exchange: Exchange): Promise<Downloaded | NotModified> {
  // The content decides the shape, whatever the server calls it: every shape is welcome.
  const headers: Record<string, string> = { accept: 'application/json, application/yaml, text/yaml, text/calendar, text/plain;q=0.9, */*;q=0.8' };
  if (cache?.validatorsMatch) {
    if (cache.meta.etag) headers['if-none-match'] = cache.meta.etag;
    if (cache.meta.lastModified) headers['if-modified-since'] = cache.meta.lastModified;
  }
  let current = fetchableUrl(url);
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await exchange.fetchImpl(current, { headers, redirect: 'manual', signal: exchange.signal });
    } catch (error) {
      if (exchange.signal.aborted) throw error;
      throw new FeedError(describeNetworkError(error));
    }
    if (REDIRECT_STATUSES.has(response.status)) {
      await discardBody(response);
      const location = response.headers.get('location');
      if (!location) throw new FeedError(`HTTP ${response.status} redirect without a Location`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new FeedError(`redirected to an invalid URL: ${cleanText(location)}`);
      }
      if (redirects + 1 > MAX_REDIRECTS) throw new FeedError(`too many redirects (more than ${MAX_REDIRECTS})`);
      if (new URL(current).protocol === 'https:' && next.protocol !== 'https:') {
        throw new FeedError(`redirect from https to ${next.href} refused`);
      }
      const refused = checkRemoteUrl(next.href);
      if (refused) throw new FeedError(`redirect refused: ${cleanText(next.href)}: ${refused}`);
      current = next.href;
      continue;
    }
    if (response.status === 304) {
      await discardBody(response);
      if (!cache) throw new FeedError('HTTP 304 but there is no cached copy');
      return { kind: 'not-modified' };
    }
    if (response.status < 200 || response.status > 299) {
      await discardBody(response);
      throw new FeedError(`HTTP ${response.status}`);
    }
    const text = await readLimited(response, exchange);
    return {
      kind: 'body',
      text,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }
}

function failedOrCached(error: string, cache: CacheEntry | null): FeedResult {
  const message = cleanText(error);
  if (!cache) return { status: 'failed', text: null, fetchedAt: null, error: message };
  return { status: 'cached', text: cache.text, fetchedAt: cache.meta.fetchedAt, error: message };
}

function runCheck(check: FetchOptions['check'], text: string): string | null {
  if (!check) return null;
  try {
    return check(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function fetchOnline(url: string, cache: CacheEntry | null, options: FetchOptions): Promise<FeedResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const exchange: Exchange = {
    signal: controller.signal,
    abort: () => controller.abort(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetchImpl: options.fetchImpl ?? fetch,
  };
  let outcome: Downloaded | NotModified;
  try {
    outcome = await download(url, cache, exchange);
  } catch (error) {
    if (timedOut) return failedOrCached(`timed out after ${formatDuration(timeoutMs)}`, cache);
    if (error instanceof FeedError) return failedOrCached(error.message, cache);
    return failedOrCached(describeNetworkError(error), cache);
  } finally {
    clearTimeout(timer);
  }

  const now = options.now();
  if (outcome.kind === 'not-modified' && cache) {
    await ignoringErrors(writeMeta(url, options.cacheDir, { ...cache.meta, url: normalizeUrl(url), fetchedAt: now }));
    return { status: 'loaded', text: cache.text, fetchedAt: now, error: null };
  }
  if (outcome.kind !== 'body') return failedOrCached('HTTP 304 but there is no cached copy', cache);

  const write = () =>
    ignoringErrors(
      writeCache(url, options.cacheDir, outcome.text, {
        url: normalizeUrl(url),
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        fetchedAt: now,
      }),
    );
  const unusable = runCheck(options.check, outcome.text);
  if (unusable !== null) {
    // With nothing better cached, this copy is kept all the same: offline runs then say what
    // is wrong with it (not "never fetched"), and an unchanged server answers 304.
    if (!cache) await write();
    return failedOrCached(unusable, cache);
  }
  await write();
  return { status: 'loaded', text: outcome.text, fetchedAt: now, error: null };
}

/** Fetches a remote feed, falling back to its cached copy; never throws. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FeedResult> {
  try {
    const refused = checkRemoteUrl(url);
    if (refused) return { status: 'failed', text: null, fetchedAt: null, error: refused };
    const cache = readCache(url, options.cacheDir);
    if (options.offline) {
      return cache ? failedOrCached('offline', cache) : failedOrCached('offline, and no cached copy yet', null);
    }
    return await fetchOnline(url, cache, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', text: null, fetchedAt: null, error: cleanText(`unexpected error: ${message}`) };
  }
}
