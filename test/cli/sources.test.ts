import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar, radarAsync } from '../helpers/run-radar';

const HOSTILE = {
  version: 1,
  name: 'Evil feed\u001b]0;pwned\u0007',
  meetings: [
    {
      title: 'Nova\u001b[2J\u001b[H team meeting\u0007',
      where: '#openstack-meeting\u001b[?1049h',
      slots: [{ day: 'thursday', time: '21:00' }],
    },
  ],
  priorities: [{ title: 'Live migration\u009b31m', notes: 'line one\nline two\u001bP1;2|x\u001b\\' }],
};

let server: Server;
let base = '';
let failing = false;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    if (request.url === '/missing.json') {
      response.writeHead(404).end('no such feed');
      return;
    }
    if (failing) {
      response.writeHead(500).end('down');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(JSON.stringify(HOSTILE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a remote feed', () => {
  const env = isolatedEnv();
  const args = ['list', 'meetings', '--json', '--now', '2015-08-11T21:44:57Z'];

  it('is fetched, cleaned of every escape sequence, then served from the cache when the server fails', async () => {
    const fresh = await radarAsync([...args, '-s', `${base}/feed.json`], { env });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).not.toMatch(/\\u001b|\\u0007|\\u009b/);
    const out = json(fresh);
    expect(out.sources[0]).toMatchObject({ source: `${base}/feed.json`, status: 'loaded' });
    expect(out.items[0].title).toBe('Nova team meeting');
    expect(out.items[0].where).toBe('#openstack-meeting');

    failing = true;
    const stale = await radarAsync([...args, '-s', `${base}/feed.json`], { env });
    failing = false;
    expect(stale.code).toBe(0);
    expect(out.sources[0].fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(json(stale).sources[0]).toMatchObject({ status: 'cached', fetchedAt: out.sources[0].fetchedAt });
    expect(json(stale).items).toEqual(out.items);
  });

  it('is never fetched with --offline', async () => {
    const before = requests;
    const offline = await radarAsync([...args, '--offline', '-s', `${base}/feed.json`], { env });
    expect(requests).toBe(before);
    expect(json(offline).sources[0].status).toBe('cached');
  });

  it('prints no escape sequence in the text dashboard either', async () => {
    const once = await radarAsync(['--once', '--now', '2015-08-11T21:44:57Z', '-s', `${base}/feed.json`], { env });
    expect(once.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(once.stdout).toContain('Nova team meeting');
  });

  it('fails with the reason when there is no cache', async () => {
    const run = await radarAsync([...args, '-s', `${base}/missing.json`, '-s', 'data/liberty-2015.yaml']);
    expect(run.code).toBe(1);
    expect(json(run).sources[0]).toMatchObject({ status: 'failed', fetchedAt: null });
    expect(run.stderr).toContain('HTTP 404');
  });

  it('refuses plain http to anything but loopback, without a request', () => {
    const run = radar([...args, '-s', 'http://example.org/feed.json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/plain http is only allowed on loopback/);
  });
});

describe('the configuration', () => {
  it('refuses an unknown zone with exit 2 and leaves a corrupted file exactly as it was', () => {
    const env = isolatedEnv();
    const refused = radar(['config', 'set', 'zone', 'Mars/Phobos'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Mars\/Phobos/);

    const folder = env['RADAR_CONFIG_DIR']!;
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'config.json');
    writeFileSync(file, '{"zone": "Europe/Berlin",,}');
    const before = statSync(file).mtimeMs;
    const run = radar(['next', '-s', 'data/liberty-2015.yaml', '--now', '2015-08-11T12:00:00Z'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"zone": "Europe/Berlin",,}');
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('is overridden by the command line, and overrides the defaults', () => {
    const env = isolatedEnv();
    expect(radar(['config', 'set', 'zone', 'Asia/Tokyo'], { env }).code).toBe(0);
    const configured = json(radar(['next', '--json', '-s', 'data/liberty-2015.yaml', '--now', '2015-08-11T12:00:00Z'], { env }));
    expect(configured.zone).toBe('Asia/Tokyo');
    expect(configured.item.local).toMatch(/\+09:00$/);
    const overridden = json(radar(['next', '--json', '--tz', 'Europe/London', '-s', 'data/liberty-2015.yaml', '--now', '2015-08-11T12:00:00Z'], { env }));
    expect(overridden.zone).toBe('Europe/London');
  });
});
