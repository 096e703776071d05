// Remote feeds against real HTTP servers on loopback, started here. Caches live in temp dirs.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed, formatDuration, formatSize, readCachedFeed, type FetchOptions } from '../../src/load/remote';
import { defaultCacheDir } from '../../src/load/cache-dir';
import { checkRemoteUrl } from '../../src/load/url';
import { cleanDeep } from '../../src/load/sanitize';

interface TestServer {
  url: (pathname: string) => string;
  /** Headers of every request the server received, in order. */
  requests: http.IncomingHttpHeaders[];
  paths: string[];
  close: () => Promise<void>;
}

const servers: TestServer[] = [];

async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const requests: http.IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    paths.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const test: TestServer = {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    requests,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(test);
  return test;
}

let cacheDir: string;

beforeEach(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-cache-'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { cacheDir, now: () => 1_000, ...overrides };
}

/** Every file of the cache with its bytes, to prove a fetch left it alone. */
function cacheSnapshot(): Record<string, string> {
  const dir = path.join(cacheDir, 'feeds');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

const GOOD_FEED = '{"version": 1, "meetings": []}';
const jsonCheck = (text: string): string | null => {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `feed: ${(error as Error).message}`;
  }
};

describe('fetching a feed and caching it', () => {
  it('an unchanged feed costs a 304 on the next start and gives the same text', async () => {
    const server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        etag: '"v1"',
        'last-modified': 'Tue, 11 Aug 2015 21:00:00 GMT',
      });
      res.end(GOOD_FEED);
    });

    const first = await fetchFeed(server.url('/feed.json'), options({ now: () => 1_000 }));
    expect(first).toEqual({ status: 'loaded', text: GOOD_FEED, fetchedAt: 1_000, error: null });

    const second = await fetchFeed(server.url('/feed.json'), options({ now: () => 5_000 }));
    expect(server.requests[1]?.['if-none-match']).toBe('"v1"');
    expect(server.requests[1]?.['if-modified-since']).toBe('Tue, 11 Aug 2015 21:00:00 GMT');
    expect(second).toEqual({ status: 'loaded', text: GOOD_FEED, fetchedAt: 5_000, error: null });
    // The 304 confirmed the copy: the cache now says it is fresh as of the second fetch.
    expect(readCachedFeed(server.url('/feed.json'), cacheDir)).toEqual({ text: GOOD_FEED, fetchedAt: 5_000 });
  });

  it('the cache is written by rename: no temp file is left behind', async () => {
    const server = await startServer((_req, res) => res.end(GOOD_FEED));
    await fetchFeed(server.url('/feed.json'), options());
    const files = Object.keys(cacheSnapshot());
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('when the server fails after a good fetch, the cached copy is served with its fetch time', async () => {
    let healthy = true;
    const server = await startServer((_req, res) => {
      if (healthy) res.writeHead(200, { etag: '"v1"' }).end(GOOD_FEED);
      else res.writeHead(500).end('oops');
    });
    await fetchFeed(server.url('/feed.json'), options({ now: () => 1_000 }));
    healthy = false;
    const result = await fetchFeed(server.url('/feed.json'), options({ now: () => 9_000 }));
    expect(result).toEqual({ status: 'cached', text: GOOD_FEED, fetchedAt: 1_000, error: 'HTTP 500' });
  });

  it('a missing feed with nothing cached fails with HTTP 404', async () => {
    const server = await startServer((_req, res) => res.writeHead(404).end('not here'));
    const result = await fetchFeed(server.url('/nope.json'), options());
    expect(result).toEqual({ status: 'failed', text: null, fetchedAt: null, error: 'HTTP 404' });
  });

  it('a server that is not there fails with "connection refused"', async () => {
    const server = await startServer((_req, res) => res.end(GOOD_FEED));
    const url = server.url('/feed.json');
    await server.close();
    const result = await fetchFeed(url, options());
    expect(result.status).toBe('failed');
    expect(result.error).toBe('connection refused');
  });

  it('a feed whose body is not JSON keeps the cached copy, and the cache is not overwritten', async () => {
    let body = GOOD_FEED;
    const server = await startServer((_req, res) => res.writeHead(200, { etag: `"${body.length}"` }).end(body));
    await fetchFeed(server.url('/feed.json'), options({ check: jsonCheck, now: () => 1_000 }));
    const before = cacheSnapshot();

    body = '{"version": 1,\n  "meetings": }';
    const result = await fetchFeed(server.url('/feed.json'), options({ check: jsonCheck, now: () => 2_000 }));
    expect(result.status).toBe('cached');
    expect(result.text).toBe(GOOD_FEED);
    expect(result.fetchedAt).toBe(1_000);
    expect(result.error).toMatch(/^feed: /);
    expect(cacheSnapshot()).toEqual(before);
  });

  it('a feed that does not load and was never cached fails with the reason, and is kept until a better copy comes', async () => {
    let body = '<html>maintenance</html>';
    const server = await startServer((_req, res) => res.end(body));
    const check = (text: string) => (text.startsWith('<') ? 'feed.json:1:1: unexpected <' : null);
    const result = await fetchFeed(server.url('/feed.json'), options({ check }));
    expect(result).toEqual({ status: 'failed', text: null, fetchedAt: null, error: 'feed.json:1:1: unexpected <' });
    // Offline, the same copy says the same thing, rather than "never fetched".
    expect(readCachedFeed(server.url('/feed.json'), cacheDir)?.text).toBe('<html>maintenance</html>');
    body = GOOD_FEED;
    const better = await fetchFeed(server.url('/feed.json'), options({ check }));
    expect(better).toMatchObject({ status: 'loaded', text: GOOD_FEED });
    expect(readCachedFeed(server.url('/feed.json'), cacheDir)?.text).toBe(GOOD_FEED);
  });
});

describe('calendar subscriptions', () => {
  it('a webcal:// URL is fetched over https, and cached under the name the user gave', async () => {
    const asked: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      asked.push(String(input));
      return new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { status: 200, headers: { etag: '"cal"' } });
    }) as typeof fetch;
    const result = await fetchFeed('webcal://calendar.example.org/team.ics', options({ fetchImpl }));
    expect(asked).toEqual(['https://calendar.example.org/team.ics']);
    expect(result).toMatchObject({ status: 'loaded', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
    expect(readCachedFeed('webcal://calendar.example.org/team.ics', cacheDir)?.text).toBe(result.text);
  });

  it('a webcal:// URL is held to the https rules: no plain http, even through its name', () => {
    expect(checkRemoteUrl('webcal://calendar.example.org/team.ics')).toBeNull();
    expect(checkRemoteUrl('webcal://user:secret@calendar.example.org/team.ics')).toMatch(/user names and passwords/);
  });
});

describe('time and size limits', () => {
  it('a server that never answers is given up after the timeout, which the message names', async () => {
    const server = await startServer(() => {
      /* never answers */
    });
    const started = performance.now();
    const result = await fetchFeed(server.url('/feed.json'), options({ timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result).toEqual({ status: 'failed', text: null, fetchedAt: null, error: 'timed out after 300 ms' });
  });

  it('the limits are written the way people say them', () => {
    expect(formatDuration(10_000)).toBe('10 s');
    expect(formatDuration(2_500)).toBe('2.5 s');
    expect(formatSize(10 * 1024 * 1024)).toBe('10 MiB');
  });

  it('a server that sends the headers and then hangs in the middle of the body also times out', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version": 1, "meetings": [');
    });
    const result = await fetchFeed(server.url('/feed.json'), options({ timeoutMs: 300 }));
    expect(result.error).toBe('timed out after 300 ms');
  });

  it('a body cut short (Content-Length larger than what arrives) is an incomplete download', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"version": 1, "meet');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const result = await fetchFeed(server.url('/feed.json'), options());
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^incomplete download/);
  });

  it('a 64 MiB body is cut off at 10 MiB while streaming: the server sees the connection close early', async () => {
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let finished = false;
    let connectionClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (connectionClosed = resolve));
    const server = await startServer((_req, res) => {
      res.on('close', connectionClosed);
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
      const pump = (): void => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        finished = true;
        res.end();
      };
      pump();
    });
    const result = await fetchFeed(server.url('/big.json'), options());
    await closed;
    // Field by field: on failure, a diff of a 64 MiB text would bury the message.
    expect(result.error).toBe('larger than 10 MiB');
    expect(result.status).toBe('failed');
    expect(result.text).toBeNull();
    expect(finished).toBe(false);
    expect(written).toBeGreaterThan(10 * 1024 * 1024);
    expect(written).toBeLessThan(total / 2);
  });

  it('a body announced as too large is refused without reading it', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) });
      res.write(Buffer.alloc(1024, 0x20));
    });
    const result = await fetchFeed(server.url('/big.json'), options({ timeoutMs: 5_000 }));
    expect(result.error).toBe('larger than 10 MiB');
  });

  it('the size limit can be lowered, and the message says the limit', async () => {
    const server = await startServer((_req, res) => res.end('x'.repeat(5000)));
    const result = await fetchFeed(server.url('/feed.json'), options({ maxBytes: 4096 }));
    expect(result.error).toBe('larger than 4 KiB');
  });
});

describe('redirects and plain http', () => {
  it('a moved feed is followed to its new address', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old.json') res.writeHead(301, { location: '/middle.json' }).end();
      else if (req.url === '/middle.json') res.writeHead(307, { location: '/new.json' }).end();
      else res.end(GOOD_FEED);
    });
    const result = await fetchFeed(server.url('/old.json'), options());
    expect(result).toEqual({ status: 'loaded', text: GOOD_FEED, fetchedAt: 1_000, error: null });
    expect(server.paths).toEqual(['/old.json', '/middle.json', '/new.json']);
  });

  it('a redirect loop stops after 5 redirects', async () => {
    const server = await startServer((_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const result = await fetchFeed(server.url('/loop'), options());
    expect(result).toEqual({ status: 'failed', text: null, fetchedAt: null, error: 'too many redirects (more than 5)' });
    expect(server.requests).toHaveLength(6);
  });

  it('a redirect from https to plain http is refused before anything is sent over http', async () => {
    const plain = await startServer((_req, res) => res.end(GOOD_FEED));
    const httpsUrl = 'https://feeds.example.org/feed.json';
    // The https hop is answered by a stand-in; anything else would go to the real network.
    const fetchImpl: typeof fetch = async (input, init) => {
      if (String(input) === httpsUrl) {
        return new Response(null, { status: 302, headers: { location: plain.url('/feed.json') } });
      }
      return fetch(input, init);
    };
    const result = await fetchFeed(httpsUrl, options({ fetchImpl }));
    expect(result.status).toBe('failed');
    expect(result.error).toBe(`redirect from https to ${plain.url('/feed.json')} refused`);
    expect(plain.requests).toHaveLength(0);
  });

  it('a redirect to plain http on another host is refused', async () => {
    const server = await startServer((_req, res) => res.writeHead(302, { location: 'http://example.org/feed.json' }).end());
    const result = await fetchFeed(server.url('/feed.json'), options());
    expect(result.error).toMatch(/^redirect refused: http:\/\/example\.org\/feed\.json: plain http is only allowed on loopback/);
  });

  it('plain http to a host that is not loopback is refused without any network call', async () => {
    let calls = 0;
    const fetchImpl: typeof fetch = async () => {
      calls += 1;
      return new Response(GOOD_FEED);
    };
    const result = await fetchFeed('http://example.org/feed.json', options({ fetchImpl }));
    expect(calls).toBe(0);
    expect(result).toEqual({
      status: 'failed',
      text: null,
      fetchedAt: null,
      error: 'plain http is only allowed on loopback (127.0.0.0/8, ::1, localhost); use https://',
    });
  });

  it('checkRemoteUrl allows https anywhere and http only on loopback', () => {
    expect(checkRemoteUrl('https://releases.openstack.org/feed.json')).toBeNull();
    expect(checkRemoteUrl('http://127.0.0.1:8080/feed.json')).toBeNull();
    expect(checkRemoteUrl('http://127.1.2.3/feed.json')).toBeNull();
    expect(checkRemoteUrl('http://[::1]:9000/feed.json')).toBeNull();
    expect(checkRemoteUrl('http://localhost/feed.json')).toBeNull();
    expect(checkRemoteUrl('http://2130706433/feed.json')).toBeNull(); // 127.0.0.1 spelled as a number
    expect(checkRemoteUrl('http://10.0.0.1/feed.json')).toMatch(/plain http is only allowed on loopback/);
    expect(checkRemoteUrl('http://localhost.evil.example/feed.json')).toMatch(/plain http is only allowed on loopback/);
    expect(checkRemoteUrl('http://127.0.0.1.nip.io/feed.json')).toMatch(/plain http is only allowed on loopback/);
    expect(checkRemoteUrl('ftp://example.org/feed.json')).toBe('only https:// (or webcal://) sources are supported');
    expect(checkRemoteUrl('https://user:secret@example.org/')).toMatch(/user names and passwords/);
    expect(checkRemoteUrl('not a url')).toBe('not a valid URL');
  });
});

describe('offline and the cache', () => {
  it('--offline serves the cached copy without a single request', async () => {
    const server = await startServer((_req, res) => res.end(GOOD_FEED));
    await fetchFeed(server.url('/feed.json'), options({ now: () => 1_000 }));
    expect(server.requests).toHaveLength(1);
    const result = await fetchFeed(server.url('/feed.json'), options({ offline: true, now: () => 7_000 }));
    expect(result).toEqual({ status: 'cached', text: GOOD_FEED, fetchedAt: 1_000, error: 'offline' });
    expect(server.requests).toHaveLength(1);
  });

  it('--offline with nothing cached fails and makes no request', async () => {
    const server = await startServer((_req, res) => res.end(GOOD_FEED));
    const result = await fetchFeed(server.url('/feed.json'), options({ offline: true }));
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/offline/);
    expect(server.requests).toHaveLength(0);
  });

  it('readCachedFeed has nothing for a feed never fetched', () => {
    expect(readCachedFeed('https://releases.openstack.org/feed.json', cacheDir)).toBeNull();
  });

  it('RADAR_CACHE_DIR moves the cache (so tests and sandboxes never touch the real one)', () => {
    const saved = process.env['RADAR_CACHE_DIR'];
    process.env['RADAR_CACHE_DIR'] = cacheDir;
    try {
      expect(defaultCacheDir()).toBe(cacheDir);
    } finally {
      if (saved === undefined) delete process.env['RADAR_CACHE_DIR'];
      else process.env['RADAR_CACHE_DIR'] = saved;
    }
  });
});

describe('hostile feeds', () => {
  it('an escape-sequence feed, once cleaned, holds no ESC, BEL or CSI', async () => {
    const hostile = {
      version: 1,
      meetings: [
        {
          id: 'nova',
          title: 'Nova\u001b]0;pwned\u0007 meeting\u001b[2J\u001b[?1049h',
          where: '#openstack-meeting\u009b31m\u0007',
          notes: 'line 1\nline 2\u001bc',
        },
      ],
    };
    const server = await startServer((_req, res) => res.end(JSON.stringify(hostile)));
    const result = await fetchFeed(server.url('/feed.json'), options({ check: jsonCheck }));
    expect(result.status).toBe('loaded');
    const cleaned = cleanDeep(JSON.parse(result.text ?? 'null') as unknown);
    const everyString = JSON.stringify(cleaned);
    expect(everyString).not.toMatch(/\\u001b|\\u0007|\\u009b/);
    expect(cleaned).toEqual({
      version: 1,
      meetings: [{ id: 'nova', title: 'Nova meeting', where: '#openstack-meeting', notes: 'line 1\nline 2' }],
    });
  });
});
