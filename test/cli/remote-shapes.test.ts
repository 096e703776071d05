// Remote sources of every shape, presets and per-source options, as a user meets them: the
// built program against a loopback server started here, with its own config and cache.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isolatedEnv, json, radarAsync, ROOT, type Run } from '../helpers/run-radar';

const fixture = (subPath: string) => readFileSync(join(ROOT, 'test/fixtures', subPath), 'utf8');

const TC_MEETING = fixture('irc-meetings/meetings/technical-committee-meeting.yaml');
const INDRI_SCHEDULE = fixture('releases/indri-schedule.yaml');
const INDRI_RST = fixture('releases/indri-schedule.rst');
const HIBISCUS_SCHEDULE = fixture('releases/hibiscus-schedule.yaml');
const SERIES_STATUS = fixture('releases/series_status.yaml');
const PROJECTS = fixture('governance/reference/projects.yaml');
const LIBERTY_YAML = readFileSync(join(ROOT, 'data/liberty-2015.yaml'), 'utf8');
// The core schema keeps dates as the strings they are written as.
const LIBERTY_JSON = JSON.stringify(loadYaml(LIBERTY_YAML, { schema: CORE_SCHEMA }));

interface Served {
  body: string;
  /** Deliberately unhelpful where it can be: the content decides the shape, not this. */
  type: string;
}

/** What the server holds, by path; tests change it between runs. */
let files: Record<string, Served> = {};
let requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];
let server: Server;
let base = '';

function etagOf(body: string): string {
  let hash = 0;
  for (const char of body) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return `"${(hash >>> 0).toString(16)}-${body.length}"`;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    const file = files[path];
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, headers: request.headers, status });
      response.writeHead(status, headers).end(body);
    };
    if (file === undefined) return answer(404, {}, 'not found');
    const etag = etagOf(file.body);
    if (request.headers['if-none-match'] === etag) return answer(304, { etag });
    return answer(200, { 'content-type': file.type, etag }, file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

beforeEach(() => {
  files = {};
  requests = [];
});

/** A user of their own: config and cache folders nobody else uses, removed afterwards. */
function newUser(config?: object): NodeJS.ProcessEnv & { cleanUp: () => void } {
  const env = isolatedEnv();
  if (config !== undefined) {
    mkdirSync(env['RADAR_CONFIG_DIR']!, { recursive: true });
    writeFileSync(join(env['RADAR_CONFIG_DIR']!, 'config.json'), JSON.stringify(config));
  }
  return Object.assign(env, { cleanUp: () => rmSync(env['HOME']!, { recursive: true, force: true }) });
}

const NOW = '2026-11-30T07:00:00Z';

async function list(what: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run & { out: any }> {
  const run = await radarAsync(['list', what, '--json', '--now', NOW, ...args], { env });
  let out: any;
  try {
    out = json(run);
  } catch {
    out = null;
  }
  return { ...run, out };
}

describe('remote sources of every shape', () => {
  it('an irc-meetings file is one meeting named after the last segment of its URL, whatever the server calls it', async () => {
    files['/meetings/technical-committee-meeting.yaml'] = { body: TC_MEETING, type: 'application/octet-stream' };
    const user = newUser();
    const run = await list('meetings', user, '-s', `${base}/meetings/technical-committee-meeting.yaml`);
    user.cleanUp();
    expect(run.code).toBe(0);
    expect(run.out.sources[0]).toMatchObject({ status: 'loaded', errors: [] });
    // first-thursday at '1400' UTC: 30 November 2026 is a Monday, so 3 December.
    expect(run.out.items).toEqual([
      expect.objectContaining({
        meeting: 'technical-committee-meeting',
        title: 'Technical Committee Meeting',
        start: '2026-12-03T14:00:00.000Z',
        where: '#openstack-tc',
      }),
    ]);
  });

  it('a releases schedule.yaml takes its titles from the schedule.rst at the same path, fetched conditionally and cached like it', async () => {
    files['/doc/source/indri/schedule.yaml'] = { body: INDRI_SCHEDULE, type: 'text/plain' };
    files['/doc/source/indri/schedule.rst'] = { body: INDRI_RST, type: 'text/plain' };
    const user = newUser();
    const source = `${base}/doc/source/indri/schedule.yaml`;
    const first = await list('milestones', user, '--all', '-s', source);
    expect(first.code).toBe(0);
    const byId = (run: { out: any }, id: string) => run.out.items.find((item: { id: string }) => item.id === id);
    // The cycle is named after the URL's folder; the titles are the rst's section headings.
    expect(byId(first, 'i-1')).toMatchObject({ title: 'Indri-1 milestone', cycle: 'indri', start: '2026-11-16T00:00:00.000Z' });
    expect(byId(first, 'i-vptg')).toMatchObject({ title: 'PTG (virtual)' });
    expect(requests.map((request) => request.path).sort()).toEqual(['/doc/source/indri/schedule.rst', '/doc/source/indri/schedule.yaml']);

    // The next start asks both conditionally, and two 304s give the same schedule.
    requests = [];
    const second = await list('milestones', user, '--all', '-s', source);
    expect(requests.map((request) => [request.path, request.status]).sort()).toEqual([
      ['/doc/source/indri/schedule.rst', 304],
      ['/doc/source/indri/schedule.yaml', 304],
    ]);
    expect(requests.every((request) => typeof request.headers['if-none-match'] === 'string')).toBe(true);
    expect(second.out.items).toEqual(first.out.items);
    expect(second.out.sources[0].status).toBe('loaded');

    // Offline: not a single request, and the titles are still there.
    requests = [];
    const offline = await list('milestones', user, '--all', '--offline', '-s', source);
    user.cleanUp();
    expect(requests).toEqual([]);
    expect(offline.out.sources[0].status).toBe('cached');
    expect(offline.out.items).toEqual(first.out.items);
  });

  it('a heading changed in the schedule.rst shows at the next start, though the schedule.yaml itself is unchanged (304)', async () => {
    files['/doc/source/indri/schedule.yaml'] = { body: INDRI_SCHEDULE, type: 'text/plain' };
    files['/doc/source/indri/schedule.rst'] = { body: INDRI_RST, type: 'text/plain' };
    const user = newUser();
    const source = `${base}/doc/source/indri/schedule.yaml`;
    const title = (run: { out: any }) => run.out.items.find((item: { id: string }) => item.id === 'i-1').title;
    expect(title(await list('milestones', user, '--all', '-s', source))).toBe('Indri-1 milestone');
    expect(title(await list('milestones', user, '--all', '-s', source))).toBe('Indri-1 milestone');
    files['/doc/source/indri/schedule.rst'] = { body: INDRI_RST.replace('Indri-1 milestone\n-----------------', 'Indri-1 milestone (moved)\n-------------------------'), type: 'text/plain' };
    requests = [];
    const after = await list('milestones', user, '--all', '-s', source);
    user.cleanUp();
    expect(requests.map((request) => [request.path, request.status]).sort()).toEqual([
      ['/doc/source/indri/schedule.rst', 200],
      ['/doc/source/indri/schedule.yaml', 304],
    ]);
    expect(title(after)).toBe('Indri-1 milestone (moved)');
  });

  it('the schedule.rst beside a remote schedule.yaml cannot write to the terminal either', async () => {
    files['/doc/source/indri/schedule.yaml'] = { body: INDRI_SCHEDULE, type: 'text/plain' };
    files['/doc/source/indri/schedule.rst'] = { body: INDRI_RST.replace('Indri-1 milestone\n', 'Indri-1\u001b]0;pwned\u0007 milestone\u001b[2J\n'), type: 'text/plain' };
    const user = newUser();
    const run = await list('milestones', user, '--all', '-s', `${base}/doc/source/indri/schedule.yaml`);
    user.cleanUp();
    expect(run.out.items.find((item: { id: string }) => item.id === 'i-1').title).toBe('Indri-1 milestone');
  });

  it('a schedule.yaml without a schedule.rst beside it still loads, with its labels as titles', async () => {
    files['/doc/source/indri/schedule.yaml'] = { body: INDRI_SCHEDULE, type: 'text/yaml' };
    const user = newUser();
    const run = await list('milestones', user, '--all', '-s', `${base}/doc/source/indri/schedule.yaml`);
    user.cleanUp();
    expect(run.code).toBe(0);
    expect(run.out.sources[0]).toMatchObject({ status: 'loaded', errors: [] });
    expect(run.out.items.find((item: { id: string }) => item.id === 'i-1')).toMatchObject({ title: 'i-1', cycle: 'indri' });
  });

  it('a governance projects.yaml gives the projects and their liaisons', async () => {
    files['/reference/projects.yaml'] = { body: PROJECTS, type: 'text/html' };
    const user = newUser();
    const run = await list('projects', user, '-s', `${base}/reference/projects.yaml`);
    user.cleanUp();
    expect(run.code).toBe(0);
    const teams = Object.keys(loadYaml(PROJECTS) as object);
    expect(run.out.items).toHaveLength(teams.length);
    expect(run.out.items[0]).toMatchObject({ id: 'adjutant', url: 'http://adjutant.readthedocs.io/' });
  });

  it.each([
    ['format v1 JSON', LIBERTY_JSON, 'text/plain'],
    ['format v1 YAML', LIBERTY_YAML, 'application/json'],
  ])('%s at a URL without an extension gives what the same schedule gives as a file', async (_, body, type) => {
    files['/feed'] = { body, type };
    const user = newUser();
    const args = ['--now', '2015-08-11T21:44:57Z'];
    const remote = await list('meetings', user, ...args, '-s', `${base}/feed`);
    const local = await list('meetings', user, ...args, '-s', 'data/liberty-2015.yaml');
    user.cleanUp();
    expect(remote.code).toBe(0);
    expect(remote.out.items.length).toBeGreaterThan(0);
    expect(remote.out.items).toEqual(local.out.items);
    // Product WG skips the ops summit on 17 August 2015 and meets Mondays at 19:00 UTC.
    expect(remote.out.items.find((item: { start: string }) => item.start === '2015-08-17T19:00:00.000Z')).toMatchObject({ skipped: true });
  });

  it('a fetched copy that does not load never replaces the good one in the cache', async () => {
    files['/meetings/tc'] = { body: TC_MEETING, type: 'text/plain' };
    const user = newUser();
    const source = `${base}/meetings/tc`;
    const good = await list('meetings', user, '-s', source);
    files['/meetings/tc'] = { body: 'schedule:\n  - time: [1400\n', type: 'text/plain' };
    const broken = await list('meetings', user, '-s', source);
    user.cleanUp();
    expect(broken.code).toBe(0);
    expect(broken.out.sources[0].status).toBe('cached');
    expect(broken.out.items).toEqual(good.out.items);
  });
});

describe('presets', () => {
  it('@openstack pointed at loopback through the presets key reads the schedule of the series in development, found in series_status.yaml', async () => {
    files['/releases/data/series_status.yaml'] = { body: SERIES_STATUS, type: 'text/plain' };
    files['/releases/doc/source/hibiscus/schedule.yaml'] = { body: HIBISCUS_SCHEDULE, type: 'text/plain' };
    files['/meetings/technical-committee-meeting.yaml'] = { body: TC_MEETING, type: 'text/plain' };
    const openstack = [`${base}/meetings/technical-committee-meeting.yaml`, `${base}/releases/data/series_status.yaml`, `${base}/releases/doc/source/{development-series}/schedule.yaml`];
    const user = newUser({ presets: { openstack } });
    // In the fixture, hibiscus is the series whose status is "development".
    const status = loadYaml(SERIES_STATUS) as { name: string; status: string }[];
    const development = status.find((series) => series.status === 'development')!.name;
    expect(development).toBe('hibiscus');

    const run = await list('milestones', user, '--all', '-s', '@openstack');
    expect(requests.map((request) => request.path)).toContain(`/releases/doc/source/${development}/schedule.yaml`);
    expect(run.out.items.some((item: { cycle: string }) => item.cycle === development)).toBe(true);
    const scheduleReport = run.out.sources.find((source: { source: string }) => source.source.endsWith('/schedule.yaml'));
    expect(scheduleReport).toMatchObject({ source: `${base}/releases/doc/source/${development}/schedule.yaml`, status: 'loaded' });
    const meetings = await list('meetings', user, '-s', '@openstack');
    expect(meetings.out.items.map((item: { meeting: string }) => item.meeting)).toEqual(['technical-committee-meeting']);

    // Served from the cache alone, offline, the series is found again.
    requests = [];
    const offline = await list('milestones', user, '--all', '--offline', '-s', '@openstack');
    expect(requests).toEqual([]);
    expect(offline.out.items).toEqual(run.out.items);

    const presets = await radarAsync(['presets', '--json'], { env: user });
    const text = await radarAsync(['presets'], { env: user });
    user.cleanUp();
    // The configured one replaces the shipped one, and says so; the placeholder is explained.
    expect(text.stdout).toContain('@openstack (configured, replaces the shipped one)\n');
    expect(text.stdout).toContain(`  ${base}/releases/doc/source/{development-series}/schedule.yaml\n    {development-series}: the series whose status is "development"`);
    expect(text.stdout).toContain('@python\n  https://peps.python.org/api/python-releases.json\n');
    expect(JSON.parse(presets.stdout).presets).toMatchObject({
      openstack,
      python: ['https://peps.python.org/api/python-releases.json'],
    });
  });

  it('@openstack without a series in development fails that one source, saying why, and the others load', async () => {
    files['/series_status.yaml'] = { body: '- name: indri\n  status: future\n', type: 'text/plain' };
    files['/tc.yaml'] = { body: TC_MEETING, type: 'text/plain' };
    const user = newUser({ presets: { openstack: [`${base}/tc.yaml`, `${base}/series_status.yaml`, `${base}/{development-series}/schedule.yaml`] } });
    const run = await list('meetings', user, '-s', '@openstack');
    user.cleanUp();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/series in development is not known/);
    expect(run.out.items.map((item: { meeting: string }) => item.meeting)).toEqual(['tc']);
  });

  it('an unknown preset is a usage error naming the known ones', async () => {
    const user = newUser({ presets: { mycorp: [`${base}/tc.yaml`] } });
    const run = await radarAsync(['next', '-s', '@opensatck'], { env: user });
    user.cleanUp();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('radar: unknown preset "@opensatck" (known: @kubernetes, @mycorp, @nodejs, @openstack, @python; see radar presets)\n');
  });
});

describe('per-source options in the configuration', () => {
  it('project gives items that name none a project, and name labels the source', async () => {
    files['/tc.yaml'] = { body: TC_MEETING, type: 'text/plain' };
    const user = newUser({ sources: [{ source: `${base}/tc.yaml`, project: 'tc', name: 'TC calendar' }, join(ROOT, 'data/liberty-2015.yaml')] });
    const run = await list('meetings', user, '-p', 'tc');
    const once = await radarAsync(['--once', '--now', NOW], { env: user });
    user.cleanUp();
    expect(run.code).toBe(0);
    expect(run.out.items).toEqual([expect.objectContaining({ meeting: 'tc', title: 'Technical Committee Meeting', project: 'tc' })]);
    expect(once.stdout).toMatch(/Sources: TC calendar: fetched just now/);
  });

  it('a configured @preset entry with options gives them to each source of the preset', async () => {
    files['/tc.yaml'] = { body: TC_MEETING, type: 'text/plain' };
    files['/feed.json'] = { body: LIBERTY_JSON, type: 'text/plain' };
    const user = newUser({
      presets: { team: [`${base}/tc.yaml`, `${base}/feed.json`] },
      sources: [{ source: '@team', project: 'tc' }],
    });
    const run = await list('meetings', user);
    user.cleanUp();
    expect(run.code).toBe(0);
    expect(run.out.sources.map((source: { source: string }) => source.source)).toEqual([`${base}/tc.yaml`, `${base}/feed.json`]);
    const projectOf = (meeting: string) => new Set(run.out.items.filter((item: { meeting: string }) => item.meeting === meeting).map((item: { project: string }) => item.project));
    // The TC file's meeting names no project and takes tc; Liberty's Nova meeting keeps nova.
    expect(projectOf('tc')).toEqual(new Set(['tc']));
    expect(projectOf('nova')).toEqual(new Set(['nova']));
  });
});
