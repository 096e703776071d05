// Runs measurements through the python driver (pty-run.py) and keeps their samples. Runs of
// different measurements are interleaved (round 1 of each, then round 2 of each, …) so a slow
// moment of the machine spreads over all of them instead of skewing one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('./pty-run.py', import.meta.url));

/** One run, as the driver reports it; never throws (a failed run says why in `reason`). */
export function runDriver(spec, python) {
  const outcome = spawnSync(python, [DRIVER, JSON.stringify(spec)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // The driver enforces spec.timeoutMs itself; this is only the backstop if it hangs.
    timeout: (spec.timeoutMs ?? 60_000) + 60_000,
  });
  if (outcome.error) {
    const missing = outcome.error.code === 'ENOENT';
    return { ok: false, reason: missing ? `${python} not found: the pseudo-terminal driver needs python3` : outcome.error.message };
  }
  if (outcome.status !== 0) {
    const last = outcome.stderr.trim().split('\n').pop() ?? '';
    return { ok: false, reason: `the driver failed (${outcome.status ?? outcome.signal}): ${last}` };
  }
  try {
    return JSON.parse(outcome.stdout);
  } catch {
    return { ok: false, reason: `the driver printed something other than JSON: ${outcome.stdout.slice(0, 200)}` };
  }
}

export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** median, min, max and count of some samples, or null when there are none. */
export function summarize(values) {
  if (values.length === 0) return null;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** What a measurement keeps over its runs. */
function emptySamples() {
  return {
    times: [],
    rssKiB: [],
    keyFrameMs: [],
    keyFirstByteMs: [],
    observed: [],
    frameBytes: [],
    failure: null,
    failures: 0,
    timedOut: false,
    keysReason: null,
    runs: 0,
    spentMs: 0,
    failedRun: null,
  };
}

/**
 * Adds one run. `measurement.value(result)` turns a successful run into the number measured
 * (default: the first frame, or the exit for non-interactive runs); a string says why not.
 */
function record(samples, result, measurement) {
  samples.runs += 1;
  if (!result.ok) {
    samples.failure = result.reason ?? 'failed';
    samples.failures += 1;
    samples.timedOut ||= Boolean(result.timedOut);
    samples.failedRun = result;
    return;
  }
  const value = measurement.value ? measurement.value(result) : result.firstFrameMs;
  if (typeof value === 'string') {
    samples.failure = value;
    samples.failures += 1;
    samples.failedRun = result;
    return;
  }
  samples.times.push(value);
  if (typeof result.maxRssKiB === 'number') samples.rssKiB.push(result.maxRssKiB);
  if (Array.isArray(result.keyFrameMs)) samples.keyFrameMs.push(...result.keyFrameMs);
  if (Array.isArray(result.keyFirstByteMs)) samples.keyFirstByteMs.push(...result.keyFirstByteMs);
  if (result.keysReason) samples.keysReason = result.keysReason;
  if (result.observed) samples.observed.push(result.observed);
  if (typeof result.settledBytes === 'number') samples.frameBytes.push(result.settledBytes);
}

/**
 * Runs every measurement `runs` times (or its own `runs`), interleaved, in the order given in
 * the first round (a measurement's `firstSpec`, if any, is its first run). A measurement stops
 * after a timeout (another would only cost as long again) or a second failure (one can be a
 * rebuild of dist/ under its feet), and, with `budgetMs`, once its runs have taken that long
 * in total (at least one run always happens).
 */
export function measureInterleaved(measurements, { runs, python, budgetMs = Infinity, progress = () => {} }) {
  const samples = new Map(measurements.map((measurement) => [measurement.id, emptySamples()]));
  const rounds = Math.max(...measurements.map((measurement) => measurement.runs ?? runs));
  for (let round = 0; round < rounds; round += 1) {
    // Rotate the order each round so no measurement always runs right after the same other.
    const order = measurements.map((_, index) => measurements[(index + round) % measurements.length]);
    for (const measurement of order) {
      const kept = samples.get(measurement.id);
      if (round >= (measurement.runs ?? runs) || kept.timedOut || kept.failures >= 2 || kept.spentMs >= budgetMs) continue;
      progress(`${measurement.label} (run ${round + 1}/${measurement.runs ?? runs})`);
      const started = performance.now();
      const spec = round === 0 && measurement.firstSpec ? measurement.firstSpec : measurement.spec;
      record(kept, runDriver(spec, python), measurement);
      kept.spentMs += performance.now() - started;
    }
  }
  return samples;
}
