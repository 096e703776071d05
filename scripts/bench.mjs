// `npm run bench`: how fast radar starts, answers and redraws, measured side by side (same
// run, interleaved) with `node -e 0` and an Ink hello world, on the demo data and on a
// generated large schedule, with issue 6's targets judged from the medians. A script that
// prints numbers, never a test: timing assertions would fail on a busy machine for no reason.
// Knobs (BENCH_RUNS, BENCH_SCALES, …) and what each number means: scripts/bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCalendar, calendarReport } from './bench/calendar.mjs';
import { ensureScheduleFile } from './bench/generate-schedule.mjs';
import { measureInterleaved, summarize } from './bench/measure.mjs';
import { MIB, formatBytes, formatMiB, formatMs, formatRatio, table, verdict } from './bench/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RADAR = process.env.BENCH_RADAR ? resolve(process.env.BENCH_RADAR) : join(ROOT, 'dist', 'radar.js');
const DEMO = join(ROOT, 'data', 'openstack-2027.1.yaml');
// A real JSON source (Python's release data, 92 KB): cold, it measures how fast JSON is read and located.
const REAL_JSON = join(ROOT, 'test', 'fixtures', 'python', 'python-releases.json');
const WORK = join(ROOT, '.bench');
const NODE = process.execPath;
const COLS = 120;
const ROWS = 40;

// ---------------------------------------------------------------------------------------------
// Knobs

function readKnobs(env) {
  const problems = [];
  const whole = (name, fallback, min) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number ≥ ${min}, not ${JSON.stringify(raw)}`);
    return value;
  };
  const scalesRaw = env.BENCH_SCALES ?? '1,4,16';
  const scales = scalesRaw.trim() === '' ? [] : scalesRaw.split(',').map((part) => Number(part.trim()));
  if (scales.some((scale) => !Number.isInteger(scale) || scale < 1)) problems.push(`BENCH_SCALES is a comma-separated list of whole numbers ≥ 1 (e.g. 1,4,16), not ${JSON.stringify(scalesRaw)}`);
  const regex = (name, fallback) => {
    const raw = env[name] || fallback;
    try {
      new RegExp(raw);
    } catch (error) {
      problems.push(`${name} is not a regular expression: ${error.message}`);
    }
    return raw;
  };
  const format = env.BENCH_FORMAT || 'yaml';
  if (!['yaml', 'json'].includes(format)) problems.push(`BENCH_FORMAT is yaml or json, not ${JSON.stringify(format)}`);
  const knobs = {
    runs: whole('BENCH_RUNS', 7, 1),
    scales: [...new Set(scales)].sort((a, b) => a - b),
    scaleRuns: whole('BENCH_SCALE_RUNS', 3, 1),
    scaleBudgetMs: whole('BENCH_SCALE_BUDGET', 30, 0) * 1000,
    timeoutMs: whole('BENCH_TIMEOUT', 120, 1) * 1000,
    keys: whole('BENCH_KEYS', 3, 1),
    seed: whole('BENCH_SEED', 6, 0),
    format,
    // Measuring another bundle (BENCH_RADAR, e.g. a build kept from before a change) never rebuilds.
    build: env.BENCH_BUILD !== '0' && !env.BENCH_RADAR,
    // The iCalendar import against the same schedule as format v1 (scripts/bench/calendar.mjs).
    calendar: env.BENCH_CALENDAR !== '0',
    now: env.BENCH_NOW || '2026-11-25T12:00:00Z',
    python: env.BENCH_PYTHON || 'python3',
    // A complete first frame: the fourth pane's heading, then the key hints on the last row.
    // The dashboard loads its data before it paints, so this is never an empty "loading" frame.
    readyDemo: regex('BENCH_READY_DEMO', 'Liaison gaps[\\s\\S]*q quit'),
    readyLarge: regex('BENCH_READY_LARGE', 'Liaison gaps[\\s\\S]*q quit'),
    // Only the measurements whose id matches (e.g. node|nextOpenStack); the rest show n/a.
    only: regex('BENCH_ONLY', '.*'),
  };
  return { knobs, problems };
}

const { knobs, problems } = readKnobs(process.env);
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`bench: ${problem}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr (the report goes to stdout, so `npm run bench > bench.txt` stays clean).

const live = Boolean(process.stderr.isTTY);
const benchStarted = performance.now();
function progress(text) {
  const elapsed = `${Math.round((performance.now() - benchStarted) / 1000)} s`;
  if (live) process.stderr.write(`\r\x1b[K[${elapsed}] ${text}`);
}
function phase(text) {
  if (live) process.stderr.write(`\r\x1b[K`);
  process.stderr.write(`bench: ${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// Preparing: build, the machine, schedules, a feed that never answers.

function buildRadar() {
  if (process.env.BENCH_RADAR) return `BENCH_RADAR=${process.env.BENCH_RADAR}, not rebuilt`;
  if (!knobs.build) return 'not rebuilt (BENCH_BUILD=0)';
  phase('building dist/radar.js (node scripts/build.mjs)');
  const outcome = spawnSync(NODE, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (outcome.status === 0) return 'freshly built';
  const why = `${outcome.stderr}${outcome.stdout}`.trim().split('\n').slice(0, 3).join(' / ');
  return `BUILD FAILED, measuring the previous dist/radar.js (${why})`;
}

const packageVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

/**
 * The python binary itself: a version manager's shim (pyenv) costs ~0.3 s per start, paid
 * on every one of the bench's runs. `{ path, version }`, or null without python.
 */
function findPython() {
  const outcome = spawnSync(knobs.python, ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())'], { encoding: 'utf8' });
  if (outcome.status !== 0) return null;
  const [path, version] = outcome.stdout.trim().split('\n');
  return { path: path || knobs.python, version: `Python ${version}` };
}

const python = findPython();

function machineLines() {
  const cpus = os.cpus();
  return [
    `CPU      ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (${os.availableParallelism?.() ?? cpus.length} usable)`,
    `memory   ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free at start`,
    `system   ${os.type()} ${os.release()} ${os.arch()}`,
    `software node ${process.version}, ink ${packageVersion('ink')}, react ${packageVersion('react')}, yaml ${packageVersion('yaml')}, zod ${packageVersion('zod')}, ${python?.version ?? `no python (${knobs.python})`}`,
  ];
}

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** The environment every measured program gets: a plain 120×40 xterm, no CI, no user config. */
function childEnvironment(configDir, cacheDir) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Ink renders nothing until exit in CI; colours and sizes must not leak from the caller.
    if (/^(CI|CI_.*|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|NO_COLOR|FORCE_COLOR|NODE_OPTIONS|COLUMNS|LINES|TERM)$/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    TERM: 'xterm-256color',
    COLUMNS: String(COLS),
    LINES: String(ROWS),
    TZ: 'UTC',
    NODE_ENV: 'production',
    RADAR_CONFIG_DIR: configDir,
    RADAR_CACHE_DIR: cacheDir,
  };
}

/**
 * `radar validate`. Whether a generated file is valid depends on the generator (its hash is
 * in the file name), so a large one is checked once; ×1 again with every new build of radar.
 */
function validateSchedule(path, scale, env, bundleHash) {
  const stamp = scale === 1 ? `${path}.valid-${bundleHash}` : `${path}.valid`;
  if (existsSync(stamp)) return JSON.parse(readFileSync(stamp, 'utf8'));
  const outcome = spawnSync(NODE, [RADAR, 'validate', path], { cwd: ROOT, env, encoding: 'utf8', timeout: knobs.timeoutMs * 2, maxBuffer: 64 * MIB });
  const output = `${outcome.stdout ?? ''}${outcome.stderr ?? ''}`.trim().split('\n');
  const result = {
    ok: outcome.status === 0 && !/[1-9]\d* errors?/.test(output.join('\n')),
    summary: outcome.error ? outcome.error.message : (output.find((line) => /checked/.test(line)) ?? output.find((line) => /error/i.test(line)) ?? output.at(-1) ?? ''),
    firstProblems: output.filter((line) => /:\d+:\d+:/.test(line)).slice(0, 3),
    exitCode: outcome.status,
  };
  if (result.ok) {
    // One stamp per file: those of earlier builds say nothing any more.
    const folder = dirname(path);
    const prefix = `${basename(path)}.valid`;
    for (const name of readdirSync(folder)) if (name.startsWith(prefix)) rmSync(join(folder, name), { force: true });
    writeFileSync(stamp, JSON.stringify(result));
  }
  return result;
}

/** The Ink hello world bundled the way radar is: the floor for a bundled Ink app. */
async function bundleInkHello() {
  const out = join(WORK, 'ink-hello.bundle.mjs');
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(ROOT, 'scripts', 'bench', 'ink-hello.mjs')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define: { 'process.env.NODE_ENV': '"production"' },
      // ink imports its devtools only when DEV=true; an empty module keeps them out for good
      // (left external, a bundle would still try to import the package at start).
      plugins: [
        {
          name: 'without-devtools',
          setup(build) {
            build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'bench-empty' }));
            build.onLoad({ filter: /.*/, namespace: 'bench-empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
          },
        },
      ],
      banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    return { path: out, error: null };
  } catch (error) {
    return { path: null, error: `could not bundle: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

/**
 * A loopback feed that accepts connections and never answers. The bench blocks in spawnSync
 * while programs run, so the kernel's listen backlog completes their connections and nobody
 * ever replies: exactly a feed that hangs. A first frame that waits for it would take the
 * feed's whole 10 s timeout.
 */
async function startSilentFeed() {
  const server = createServer(() => {});
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  return { url: `http://127.0.0.1:${server.address().port}/feed.json`, close: () => server.close() };
}

/**
 * `@openstack` as a user with a warm cache has it: the presets key points the preset at a
 * loopback server holding the real files of test/fixtures (yaml2ical's calendar, governance
 * projects.yaml, series_status.yaml, the development series' schedule.yaml), one online run
 * fills the cache (the bench blocks in spawnSync, so this one runs asynchronously while the
 * server answers), and the measured runs are --offline: served from the cache alone.
 */
async function prepareOpenStackPreset(env, configDir) {
  const fixture = (subPath) => readFileSync(join(ROOT, 'test', 'fixtures', subPath), 'utf8');
  const files = {
    '/irc-meetings.ical': fixture('ical/openstack-irc-meetings.ical'),
    '/governance/reference/projects.yaml': fixture('governance/reference/projects.yaml'),
    '/releases/data/series_status.yaml': fixture('releases/series_status.yaml'),
    '/releases/doc/source/hibiscus/schedule.yaml': fixture('releases/hibiscus-schedule.yaml'),
  };
  const server = createHttpServer((request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const openstack = ['/irc-meetings.ical', '/governance/reference/projects.yaml', '/releases/data/series_status.yaml', '/releases/doc/source/{development-series}/schedule.yaml'].map(
    (path) => `${base}${path}`,
  );
  writeFileSync(join(configDir, 'config.json'), `${JSON.stringify({ presets: { openstack } }, null, 2)}\n`);
  const fill = (args) =>
    new Promise((resolve) => {
      const child = spawn(NODE, [RADAR, ...args], { cwd: ROOT, env, stdio: 'ignore' });
      child.on('close', resolve);
    });
  // Twice: the second run also fills the parse cache of every cached copy.
  await fill(['next', '-s', '@openstack', '--now', knobs.now]);
  await fill(['next', '-s', '@openstack', '--offline', '--now', knobs.now]);
  server.close();
}

// ---------------------------------------------------------------------------------------------
// What is measured
//
// radar keeps parsed files in its cache folder, so a start is *warm* (the file is unchanged
// since the last start: what a prompt or a status bar sees) or *cold* (the first start after
// the file changed). Warm runs share one cache folder, filled before measuring; each cold run
// gets a new empty one.

function specs(env) {
  const base = { cols: COLS, rows: ROWS, timeoutMs: knobs.timeoutMs, env, cwd: ROOT };
  const now = ['--now', knobs.now];
  const cold = (spec) => ({ ...spec, freshDirs: ['RADAR_CACHE_DIR'] });
  return {
    now,
    cold,
    pty: (argv, ready, extra = {}) => ({ ...base, mode: 'pty', argv, ready: { regex: ready }, quit: 'q', settleQuietMs: 300, ...extra }),
    pipe: (argv) => ({ ...base, mode: 'pipe', argv, ready: 'exit' }),
    dashboard: (sourceArgs, ready, extra) => ({ ...base, mode: 'pty', argv: [NODE, RADAR, ...sourceArgs, ...now], ready: { regex: ready }, quit: 'q', settleQuietMs: 300, ...extra }),
    next: (sourceArgs, extra = []) => ({ ...base, mode: 'pipe', argv: [NODE, RADAR, 'next', ...sourceArgs, ...now, ...extra], ready: 'exit' }),
    list: (sourceArgs) => ({ ...base, mode: 'pipe', argv: [NODE, RADAR, 'list', 'meetings', '--json', ...sourceArgs, ...now], ready: 'exit' }),
  };
}

function plan({ env, large, inkBundle, feedUrl }) {
  const { now, cold, pty, pipe, dashboard, next, list } = specs(env);
  const fewer = Math.min(3, knobs.runs);
  const demo = []; // no -s: the demo data, as a new user meets it
  const big = ['-s', large];
  const keys = { keys: { key: 'j', count: knobs.keys, quietMs: 50, timeoutMs: 2000 } };
  const readDemo = `const {readFileSync}=require('node:fs');const t=performance.now();readFileSync(${JSON.stringify(DEMO)});process.stdout.write(String(performance.now()-t))`;
  const inkBundled = 'Ink hello world, bundled like radar';

  return [
    { id: 'node', group: 'frame', label: 'node -e 0 (until exit)', spec: { ...pipe([NODE, '-e', '0']), mode: 'pty' } },
    { id: 'ink', group: 'frame', label: 'Ink hello world', spec: pty([NODE, join(ROOT, 'scripts', 'bench', 'ink-hello.mjs')], 'Hello') },
    inkBundle.path === null
      ? { id: 'inkBundled', group: 'frame', label: inkBundled, unavailable: inkBundle.error }
      : { id: 'inkBundled', group: 'frame', label: inkBundled, spec: pty([NODE, inkBundle.path], 'Hello') },
    { id: 'dashDemo', group: 'frame', label: 'radar, demo data', spec: dashboard(demo, knobs.readyDemo) },
    { id: 'dashDemoCold', group: 'frame', label: 'radar, demo data, cold', runs: fewer, spec: cold(dashboard(demo, knobs.readyDemo)) },
    { id: 'dashLarge', group: 'frame', label: 'radar, large schedule', spec: dashboard(big, knobs.readyLarge, keys) },
    { id: 'dashLargeCold', group: 'frame', label: 'radar, large schedule, cold', runs: fewer, spec: cold(dashboard(big, knobs.readyLarge)) },
    { id: 'dashFeed', group: 'frame', label: 'radar, demo + a feed that never answers', runs: fewer, spec: dashboard(['-s', DEMO, '-s', feedUrl], knobs.readyDemo) },
    // The real clock, so the countdowns tick: the only run without --now.
    { id: 'dashLive', group: 'idle', label: 'radar, demo data, live clock', runs: fewer, spec: pty([NODE, RADAR], knobs.readyDemo, { observeMs: 2500 }) },
    { id: 'nextDemo', group: 'command', label: 'radar next, demo data', spec: next(demo) },
    { id: 'nextDemoCold', group: 'command', label: 'radar next, demo data, cold', runs: fewer, spec: cold(next(demo)) },
    // What a status bar runs every few seconds (issue 13).
    { id: 'nextFormat', group: 'command', label: "radar next --format '{title} in {in}', demo data", spec: next(demo, ['--format', '{title} in {in}']) },
    { id: 'nextLarge', group: 'command', label: 'radar next, large schedule', spec: next(big) },
    {
      id: 'nextOpenStack',
      group: 'command',
      label: 'radar next -s @openstack --offline, from the cache',
      // Exit code 1 (a source of the preset has errors, e.g. a shape this build cannot read yet)
      // still answers; 2 or 3 would mean nothing was measured.
      spec: { ...next(['-s', '@openstack', '--offline']), allowFailure: true },
      value: (result) => (result.exitCode > 1 ? `exit code ${result.exitCode}` : result.firstFrameMs),
    },
    { id: 'nextLargeCold', group: 'command', label: 'radar next, large schedule, cold', runs: fewer, spec: cold(next(big)) },
    { id: 'listDemo', group: 'command', label: 'radar list meetings --json, demo data', spec: list(demo) },
    { id: 'listLarge', group: 'command', label: 'radar list meetings --json, large schedule', spec: list(big) },
    { id: 'listLargeCold', group: 'command', label: 'radar list meetings --json, large, cold', runs: fewer, spec: cold(list(big)) },
    {
      id: 'listJsonCold',
      group: 'command',
      label: 'radar list milestones --json, python-releases.json, cold',
      runs: fewer,
      spec: cold(pipe([NODE, RADAR, 'list', 'milestones', '--json', '-s', REAL_JSON, ...now])),
    },
    {
      id: 'read',
      group: 'command',
      label: 'reading the demo file (readFileSync in a fresh node)',
      spec: { ...pipe([NODE, '-e', readDemo]), captureStdout: true },
      value: (result) => {
        const ms = Number(result.stdout);
        return Number.isFinite(ms) ? ms : `printed ${JSON.stringify(result.stdout)}`;
      },
    },
  ];
}

/**
 * The scale table's columns, each a measurement at every size (×1 comes from the main runs).
 * Cold, only `list --json`: it does all the loading, and a cold run of a 16× file is long.
 */
const SCALE_COLUMNS = [
  { kind: 'listCold', title: 'list --json, cold', main: 'listLargeCold' },
  { kind: 'list', title: 'list --json', main: 'listLarge' },
  { kind: 'next', title: 'next', main: 'nextLarge' },
  { kind: 'dash', title: 'first frame', main: 'dashLarge' },
];

function scalePlan({ env, scale, path }) {
  const { cold, dashboard, next, list } = specs(env);
  const source = ['-s', path];
  const build = { listCold: cold(list(source)), list: list(source), next: next(source), dash: dashboard(source, knobs.readyLarge) };
  return SCALE_COLUMNS.map(({ kind, title }) => ({
    id: `${kind}${scale}`,
    kind,
    label: `${title}, ×${scale}`,
    spec: build[kind],
    // The first cold run goes to the shared cache folder, where this file has never been
    // parsed: still cold, and it leaves the cache warm for the other columns, which saves a
    // separate warm-up parse (about a minute at ×16).
    firstSpec: kind === 'listCold' ? list(source) : undefined,
  }));
}

/** Fills the shared cache folder for a source, so the warm runs are warm from their first. */
function warmUp(env, sourceArgs) {
  spawnSync(NODE, [RADAR, 'next', ...sourceArgs, '--now', knobs.now], { cwd: ROOT, env, stdio: 'ignore', timeout: knobs.timeoutMs });
}

// ---------------------------------------------------------------------------------------------
// Reporting

const stats = (samples) => (samples ? summarize(samples.times) : null);
const rssMedian = (samples) => (samples && samples.rssKiB.length > 0 ? summarize(samples.rssKiB).median * 1024 : null);
const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b);

/** What went wrong in a failed run, in one line: the error line of a stack trace if any. */
function failureOutput(run) {
  const lines = `${run?.stderrTail ?? ''}\n${run?.stdoutTail ?? ''}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => /error/i.test(line)) ?? lines.at(-1);
  return error ? `; output: ${JSON.stringify(error.slice(0, 140))}` : '';
}

function note(samples, measurement) {
  if (measurement.unavailable) return `n/a: ${measurement.unavailable}`;
  if (!samples || samples.failures === 0) return '';
  const what = samples.times.length === 0 ? 'n/a' : `${samples.failures} run(s) failed`;
  return `${what}: ${samples.failure}${failureOutput(samples.failedRun)}`;
}

function measurementRows(measurements, samples) {
  return measurements.map((measurement) => {
    const kept = samples.get(measurement.id);
    const summary = stats(kept);
    return [measurement.label, formatMs(summary?.median), formatMs(summary?.min), formatMs(summary?.max), summary ? String(summary.n) : '0', formatMiB(rssMedian(kept)), note(kept, measurement)];
  });
}

/** The entry file and the chunks beside it: what a start of radar loads. */
function bundleFiles() {
  const chunks = join(dirname(RADAR), 'chunks');
  const extra = existsSync(chunks)
    ? readdirSync(chunks)
        .sort()
        .map((name) => join(chunks, name))
    : [];
  return [RADAR, ...extra];
}

function bundleFacts() {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of bundleFiles()) {
    const content = readFileSync(file);
    hash.update(file).update(content);
    bytes += content.length;
  }
  return { hash: hash.digest('hex').slice(0, 12), bytes, files: bundleFiles().length };
}

async function main() {
  const buildState = buildRadar();
  if (!existsSync(RADAR)) {
    process.stderr.write(`bench: ${relative(ROOT, RADAR)} is missing and could not be built; nothing to measure\n`);
    process.exitCode = 1;
    return;
  }
  const machine = machineLines();
  const loadAtStart = loadAverage();
  const bundle = bundleFacts();
  mkdirSync(WORK, { recursive: true });
  const configDir = mkdtempSync(join(os.tmpdir(), 'radar-bench-config-'));
  const cacheDir = mkdtempSync(join(os.tmpdir(), 'radar-bench-cache-'));
  const env = childEnvironment(configDir, cacheDir);
  const feed = await startSilentFeed();
  try {
    const schedules = new Map();
    for (const scale of [...new Set([1, ...knobs.scales])]) {
      phase(`schedule ×${scale}: generating (seed ${knobs.seed}; reused from .bench/ while the generator is unchanged) and validating`);
      const { path, facts } = ensureScheduleFile({ dir: WORK, scale, seed: knobs.seed, format: knobs.format });
      // Validation gets a cache folder of its own: the shared one must not know the file yet.
      const validation = validateSchedule(path, scale, { ...env, RADAR_CACHE_DIR: mkdtempSync(join(cacheDir, 'validate-')) }, bundle.hash);
      schedules.set(scale, { path, facts, bytes: statSync(path).size, validation });
    }
    const large = schedules.get(1);
    const inkBundle = await bundleInkHello();
    warmUp(env, []);
    warmUp(env, ['-s', DEMO]);
    warmUp(env, ['-s', large.path]);
    await prepareOpenStackPreset(env, configDir);

    const measurements = plan({ env, large: large.path, inkBundle, feedUrl: feed.url });
    const only = new RegExp(`^(?:${knobs.only})$`);
    const runnable = measurements.filter((measurement) => !measurement.unavailable && only.test(measurement.id));
    phase(`measuring: ${runnable.length} measurements × ${knobs.runs} runs (cold and feed ones × ${Math.min(3, knobs.runs)}), interleaved`);
    const samples = measureInterleaved(runnable, { runs: knobs.runs, python: python?.path ?? knobs.python, progress });

    // A measurement that failed at one size is not tried at the larger ones.
    const scaleResults = new Map();
    const failedAt = new Map();
    for (const scale of knobs.scales.filter((value) => value > 1)) {
      const schedule = schedules.get(scale);
      const scaled = scalePlan({ env, scale, path: schedule.path }).filter((measurement) => !failedAt.has(measurement.kind));
      phase(`scale ×${scale} (${formatBytes(schedule.bytes)}): ${scaled.length} measurements × up to ${knobs.scaleRuns} runs`);
      // Without the cold column, nothing else fills the cache first.
      if (!scaled.some((measurement) => measurement.firstSpec)) warmUp(env, ['-s', schedule.path]);
      const kept = measureInterleaved(scaled, { runs: knobs.scaleRuns, python: python?.path ?? knobs.python, budgetMs: knobs.scaleBudgetMs, progress });
      for (const measurement of scaled) {
        const result = kept.get(measurement.id);
        if (result.times.length === 0 && result.failure !== null) failedAt.set(measurement.kind, scale);
        scaleResults.set(measurement.id, result);
      }
      for (const [kind, at] of failedAt) {
        if (!scaleResults.has(`${kind}${scale}`)) scaleResults.set(`${kind}${scale}`, { times: [], rssKiB: [], failures: 1, failure: `skipped: failed at ×${at}` });
      }
    }
    let calendar = null;
    if (knobs.calendar) {
      phase(`iCalendar: 5,000 events against the same schedule as format v1, warm, × ${knobs.runs} runs`);
      try {
        calendar = calendarReport(benchCalendar({ radar: RADAR, runs: knobs.runs, now: knobs.now, progress }));
      } catch (error) {
        calendar = `iCalendar import: n/a (${error.message})`;
      }
    }
    if (live) process.stderr.write('\r\x1b[K');

    printReport({ buildState, machine, loadAtStart, bundle, schedules, measurements, samples, scaleResults });
    if (calendar !== null) process.stdout.write(`${calendar}\n`);
    writeRawResults({ bundle, schedules, samples, scaleResults });
  } finally {
    feed.close();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Every sample of this run, for comparing two runs or plotting: .bench/last-run.json. */
function writeRawResults({ bundle, schedules, samples, scaleResults }) {
  const plain = (map) => Object.fromEntries([...map].map(([id, kept]) => [id, { ...kept, failedRun: undefined }]));
  const raw = {
    at: new Date().toISOString(),
    knobs,
    radar: { path: relative(ROOT, RADAR), ...bundle },
    schedules: Object.fromEntries([...schedules].map(([scale, schedule]) => [scale, { path: relative(ROOT, schedule.path), bytes: schedule.bytes, facts: schedule.facts }])),
    samples: plain(samples),
    scale: plain(scaleResults),
  };
  writeFileSync(join(WORK, 'last-run.json'), `${JSON.stringify(raw, null, 1)}\n`);
}

function printReport({ buildState, machine, loadAtStart, bundle, schedules, measurements, samples, scaleResults }) {
  const out = [];
  const print = (line = '') => out.push(line);
  const get = (id) => samples.get(id) ?? null;
  const median = (id) => stats(get(id))?.median ?? null;
  const count = (n) => n.toLocaleString('en-US');

  print(`release-radar bench, ${new Date().toISOString()}: medians of ${knobs.runs} interleaved runs (BENCH_RUNS)`);
  print();
  print('Machine');
  for (const line of machine) print(`  ${line}`);
  print(`  load     ${loadAtStart} at start, ${loadAverage()} at end (1, 5, 15 min averages; other work on the machine skews every number)`);
  print(`  radar    ${relative(ROOT, RADAR)} + ${bundle.files - 1} chunks, ${formatBytes(bundle.bytes)}, sha256 ${bundle.hash}…, ${buildState}`);
  print();
  print('Schedules');
  print(`  demo     ${relative(ROOT, DEMO)} (${formatBytes(statSync(DEMO).size)}), the default when nothing is configured`);
  for (const [scale, schedule] of schedules) {
    const { counts, gaps } = schedule.facts;
    const validation = schedule.validation.ok
      ? `radar validate: ${schedule.validation.summary}`
      : `radar validate FAILED (exit ${schedule.validation.exitCode}): ${schedule.validation.summary} ${schedule.validation.firstProblems.join(' | ')}`;
    print(`  large×${String(scale).padEnd(3)}${relative(ROOT, schedule.path)} (${formatBytes(schedule.bytes)}): ${validation}`);
    print(
      `           ${count(counts.projects)} projects × 6 roles (${count(gaps)} liaison gaps), ${count(counts.meetings)} meetings, ` +
        `${count(counts.milestones)} milestones, ${count(counts.priorities)} priorities`,
    );
  }
  print(`  every radar run: --now ${knobs.now} (but the live-clock one), TZ=UTC, TERM=xterm-256color, an empty RADAR_CONFIG_DIR`);
  print('  warm: the parsed-file cache already holds the schedule (shared RADAR_CACHE_DIR, filled first);');
  print(`  cold: a new empty RADAR_CACHE_DIR for every run (the first start after the file changed; × ${Math.min(3, knobs.runs)} runs)`);
  print();

  const header = ['', 'median', 'min', 'max', 'runs', 'peak RSS', ''];
  const right = [1, 2, 3, 4, 5];
  print(`First complete frame in a ${COLS}×${ROWS} pseudo-terminal, from fork (radar: /${knobs.readyDemo}/ on screen)`);
  print(
    table(
      header,
      measurementRows(
        measurements.filter((m) => m.group === 'frame'),
        samples,
      ),
      { right },
    ),
  );
  print();
  print('Non-interactive commands, stdout to a pipe, from fork to exit');
  print(
    table(
      header,
      measurementRows(
        measurements.filter((m) => m.group === 'command'),
        samples,
      ),
      { right },
    ),
  );
  print();

  const dashLarge = get('dashLarge');
  const keyFrames = dashLarge ? summarize(dashLarge.keyFrameMs) : null;
  const keyFirstBytes = dashLarge ? summarize(dashLarge.keyFirstByteMs) : null;
  print(`Key press → updated frame, large schedule (${knobs.keys} presses of j per run, BENCH_KEYS)`);
  if (keyFrames) {
    const row = (label, summary) => [label, formatMs(summary.median), formatMs(summary.min), formatMs(summary.max), String(summary.n)];
    print(table(['', 'median', 'min', 'max', 'presses'], [row('j → last byte of the new frame', keyFrames), row('j → first byte of the new frame', keyFirstBytes)], { right: [1, 2, 3, 4] }));
  } else {
    print(`  n/a: ${dashLarge?.keysReason ?? (dashLarge?.failure ? `no first frame (${dashLarge.failure})` : 'not measured')}`);
  }
  print();

  const liveRuns = get('dashLive');
  const observed = liveRuns?.observed ?? [];
  const redraws = observed.reduce((sum, o) => sum + o.redraws, 0);
  const idleBytes = observed.reduce((sum, o) => sum + o.bytes, 0);
  const idleMs = observed.reduce((sum, o) => sum + o.ms, 0);
  const frameBytes = liveRuns && liveRuns.frameBytes.length > 0 ? summarize(liveRuns.frameBytes).median : null;
  const bytesPerRedraw = redraws > 0 ? idleBytes / redraws : null;
  print('Idle redraws: demo data, live clock, watched for 2.5 s after the first frame');
  if (observed.length === 0) print(`  n/a: ${liveRuns?.failure ?? 'not measured'}`);
  else {
    const perRedraw = bytesPerRedraw === null ? 'no redraw at all: does the clock tick?' : `${formatBytes(Math.round(bytesPerRedraw))} per redraw`;
    print(
      `  ${redraws} redraws in ${(idleMs / 1000).toFixed(1)} s over ${observed.length} run(s), ${formatBytes(idleBytes)} written: ${perRedraw}; the first frame was ${frameBytes === null ? 'n/a' : formatBytes(frameBytes)}`,
    );
  }
  print();

  // Targets: issue 6, judged on the medians above; warm and cold where the cache matters.
  const nodeMs = median('node');
  const readMs = median('read');
  const nextBudget = nodeMs === null || readMs === null ? null : 1.5 * nodeMs + readMs;
  const feedDelay = median('dashFeed') === null || median('dashDemo') === null ? null : median('dashFeed') - median('dashDemo');
  const redrawShare = bytesPerRedraw === null || frameBytes === null ? null : bytesPerRedraw / frameBytes;
  const atMost = (value, limit) => verdict(value === null || value === undefined ? null : value <= limit);
  const ratioTarget = (label, value, limit) => [label, formatRatio(value), `≤ ${limit.toFixed(2)}×`, atMost(value, limit)];
  const rssTarget = (label, id) => [label, formatMiB(rssMedian(get(id))), '≤ 150 MiB', atMost(rssMedian(get(id)), 150 * MIB)];
  const nextTarget = (label, id) => [
    label,
    formatMs(median(id)),
    `≤ 1.5 × node -e 0 + read = 1.5 × ${formatMs(nodeMs)} + ${formatMs(readMs)} = ${formatMs(nextBudget)}`,
    atMost(median(id), nextBudget),
  ];
  const targets = [
    ratioTarget('first frame, demo ÷ Ink hello world', ratio(median('dashDemo'), median('ink')), 1),
    ratioTarget('  cold', ratio(median('dashDemoCold'), median('ink')), 1),
    ratioTarget('first frame, large ÷ demo', ratio(median('dashLarge'), median('dashDemo')), 2),
    ratioTarget('  cold', ratio(median('dashLargeCold'), median('dashDemoCold')), 2),
    [
      'first frame with a feed that never answers, minus without',
      feedDelay === null ? 'n/a' : `${feedDelay < 0 ? '−' : '+'}${formatMs(Math.abs(feedDelay))}`,
      '< +1 s (waiting would add the feed timeout, 10 s)',
      verdict(feedDelay === null ? null : feedDelay < 1000),
    ],
    ['key press j → frame, large', formatMs(keyFrames?.median), '≤ 16 ms', atMost(keyFrames?.median, 16)],
    ['idle redraw ÷ full frame (ticks redraw only what changes)', redrawShare === null ? 'n/a' : `${(redrawShare * 100).toFixed(0)} %`, '≤ 25 %', atMost(redrawShare, 0.25)],
    rssTarget('peak RSS, dashboard, large', 'dashLarge'),
    rssTarget('  cold', 'dashLargeCold'),
    nextTarget('radar next, demo', 'nextDemo'),
    nextTarget('  cold', 'nextDemoCold'),
    // Issue 10: a community preset served from the cache costs little more than starting node.
    ratioTarget('radar next -s @openstack, cached ÷ node -e 0', ratio(median('nextOpenStack'), nodeMs), 2),
    ratioTarget("radar next --format ÷ node -e 0 (a status bar's refresh, issue 13)", ratio(median('nextFormat'), nodeMs), 1.5),
  ];
  print('Targets (issue 6; medians of this run; ✓ met, ✗ missed, ? not measured)');
  print(table(['', 'measured', 'target', ''], targets, { right: [1] }));
  print();

  print('Ratios');
  const ratioRow = (label, a, b) => [label, formatRatio(ratio(a, b))];
  print(
    table(
      ['', 'warm', 'cold'],
      [
        [...ratioRow('first frame, radar demo ÷ Ink hello world', median('dashDemo'), median('ink')), formatRatio(ratio(median('dashDemoCold'), median('ink')))],
        [...ratioRow('first frame, radar demo ÷ Ink hello world bundled', median('dashDemo'), median('inkBundled')), formatRatio(ratio(median('dashDemoCold'), median('inkBundled')))],
        [...ratioRow('first frame, radar demo ÷ node -e 0', median('dashDemo'), nodeMs), formatRatio(ratio(median('dashDemoCold'), nodeMs))],
        [...ratioRow('first frame, large ÷ demo', median('dashLarge'), median('dashDemo')), formatRatio(ratio(median('dashLargeCold'), median('dashDemoCold')))],
        [...ratioRow('radar next, large ÷ demo', median('nextLarge'), median('nextDemo')), formatRatio(ratio(median('nextLargeCold'), median('nextDemoCold')))],
        [...ratioRow('radar next, demo ÷ node -e 0', median('nextDemo'), nodeMs), formatRatio(ratio(median('nextDemoCold'), nodeMs))],
        [...ratioRow('radar list meetings --json, large ÷ demo', median('listLarge'), median('listDemo')), ''],
        [
          ...ratioRow('peak RSS, dashboard, large ÷ demo', rssMedian(get('dashLarge')), rssMedian(get('dashDemo'))),
          formatRatio(ratio(rssMedian(get('dashLargeCold')), rssMedian(get('dashDemoCold')))),
        ],
        [...ratioRow('peak RSS, list --json, large ÷ demo', rssMedian(get('listLarge')), rssMedian(get('listDemo'))), ''],
      ],
      { right: [1, 2] },
    ),
  );
  print();

  const scales = [1, ...knobs.scales.filter((scale) => scale > 1)];
  if (scales.length > 1) {
    print(
      `Scale: the large schedule at ${scales.map((scale) => `×${scale}`).join(', ')}; ×1 from the runs above, larger sizes medians of up to ` +
        `${knobs.scaleRuns} runs (BENCH_SCALE_RUNS) within ${knobs.scaleBudgetMs / 1000} s per cell (BENCH_SCALE_BUDGET)`,
    );
    const cell = (column, scale) => (scale === 1 ? get(column.main) : scaleResults.get(`${column.kind}${scale}`)) ?? null;
    const growth = (column, scale) => ratio(stats(cell(column, scale))?.median ?? null, stats(cell(column, 1))?.median ?? null);
    const timeCell = (column, scale) => {
      const kept = cell(column, scale);
      const summary = stats(kept);
      if (!summary) return kept?.failure ? `n/a: ${kept.failure.slice(0, 30)}` : 'n/a';
      return scale === 1 ? formatMs(summary.median) : `${formatMs(summary.median)} (${formatRatio(growth(column, scale))})`;
    };
    const rows = scales.map((scale) => {
      const schedule = schedules.get(scale);
      const { counts } = schedule.facts;
      const peak = Math.max(...SCALE_COLUMNS.map((column) => rssMedian(cell(column, scale)) ?? 0));
      return [
        `×${scale}`,
        count(counts.projects + counts.meetings + counts.milestones + counts.priorities),
        formatBytes(schedule.bytes),
        ...SCALE_COLUMNS.map((column) => timeCell(column, scale)),
        peak > 0 ? formatMiB(peak) : 'n/a',
      ];
    });
    print(table(['size', 'items', 'file', ...SCALE_COLUMNS.map((column) => column.title), 'peak RSS'], rows, { right: [1, 2, 3, 4, 5, 6, 7, 8] }));
    const runsAt = scales
      .filter((scale) => scale > 1)
      .map((scale) => `×${scale}: ${SCALE_COLUMNS.map((column) => cell(column, scale)?.times.length ?? 0).join('/')}`)
      .join(', ');
    print(`  runs per cell (in column order) ${runsAt}. Peak RSS: the largest median of the row.`);
    const verdicts = [];
    for (const scale of scales.filter((value) => value > 1)) {
      for (const column of SCALE_COLUMNS) {
        const value = growth(column, scale);
        if (value !== null) verdicts.push({ column, scale, value, pass: value <= 1.25 * scale });
      }
    }
    if (verdicts.length > 0) {
      const steepest = verdicts.reduce((a, b) => (b.value / b.scale > a.value / a.scale ? b : a));
      print(
        `  (n×) after a time: that time ÷ the time at ×1; linear or better is ≤ the size (fixed start-up costs make it less). ` +
          `${verdict(verdicts.every((v) => v.pass))} all within 1.25 × the size; steepest: ${steepest.column.title} at ×${steepest.scale}, ${formatRatio(steepest.value)}`,
      );
    }
    print();
  }
  print(`Took ${Math.round((performance.now() - benchStarted) / 1000)} s. Every sample is in .bench/last-run.json; what each number means: scripts/bench/README.md.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
