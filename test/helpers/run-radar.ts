// Runs the built program as a user would: a real process, its own config and cache folders,
// never the user's. vitest's global setup has built it from the current sources.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tempFolder } from './temp';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RADAR = join(ROOT, 'dist/radar.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A home of its own (config, cache), inside the test run's temp folder. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = tempFolder('radar-home-');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: home,
    RADAR_CONFIG_DIR: join(home, 'config'),
    RADAR_CACHE_DIR: join(home, 'cache'),
    TZ: 'UTC',
    COLUMNS: '120',
    LINES: '40',
    ...extra,
  };
  return env;
}

export function radar(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [RADAR, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? isolatedEnv(),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fields of a `radar list meetings --json` item that a calendar must show alike. */
export interface ListedMeeting {
  title: string;
  start: string;
  end: string;
  where: string | null;
  skipped: boolean;
}

export function json(run: Run): any {
  return JSON.parse(run.stdout);
}

/** Like radar(), without blocking the event loop (for tests that serve feeds themselves). */
export function radarAsync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RADAR, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? isolatedEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
