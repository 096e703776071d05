// What a packager meets: `npm pack`, installed globally into an empty prefix, run from
// another folder. The bundle carries every library, so the install needs no registry.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-radar';
import { tempFolder } from '../helpers/temp';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const folder = tempFolder('radar-package-');
const prefix = join(folder, 'prefix');
const elsewhere = tempFolder('radar-elsewhere-');
const installed = join(prefix, 'bin', 'radar');

function npm(args: string[], cwd = ROOT) {
  // --ignore-scripts: `prepare` would rebuild dist/ under the other CLI tests' feet; the global
  // setup has just built it from the current sources.
  const result = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

function runInstalled(args: string[]) {
  // Only the PATH a shell has, a home of its own, and the folder the user happens to be in.
  return spawnSync(installed, args, {
    cwd: elsewhere,
    encoding: 'utf8',
    env: { PATH: `${join(prefix, 'bin')}:${process.env['PATH']}`, HOME: elsewhere, XDG_CONFIG_HOME: join(elsewhere, 'config'), XDG_CACHE_HOME: join(elsewhere, 'cache'), TZ: 'UTC' },
  });
}

describe('the packed package, installed globally into an empty prefix', () => {
  beforeAll(() => {
    npm(['pack', '--pack-destination', folder]);
    npm(['install', '--global', '--prefix', prefix, join(folder, `${packageJson.name}-${packageJson.version}.tgz`)], elsewhere);
  }, 120_000);

  it('installs radar as a command that can be run', () => {
    expect(statSync(installed).mode & 0o111).not.toBe(0);
    const version = runInstalled(['--version']);
    expect(version).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('shows the demo schedule from any folder: the 2027.1 release in the week of 22 March', () => {
    const run = runInstalled(['list', 'milestones', '--now', '2027-03-01T10:00:00Z', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout) as { items: { title: string; start: string }[] };
    // data/openstack-2027.1.yaml: "2027.1 Indri release", date 2027-03-22 (UTC here).
    expect(listed.items.map((milestone) => [milestone.title, milestone.start])).toContainEqual(['2027.1 Indri release', '2027-03-22T00:00:00.000Z']);
  });

  it('needs nothing else installed: the package has no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(prefix, 'lib', 'node_modules', packageJson.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
  });
});

describe('the checkout, linked as a command (npm install -g . / npm link)', () => {
  it('stays runnable after a rebuild: the build leaves radar.js executable', () => {
    const out = join(folder, 'rebuilt');
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), out], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(statSync(join(out, 'radar.js')).mode & 0o111).toBe(0o111);
  });

  it('runs from any folder once linked', () => {
    const linkPrefix = join(folder, 'link-prefix');
    npm(['install', '--global', '--prefix', linkPrefix, ROOT], elsewhere);
    const run = spawnSync(join(linkPrefix, 'bin', 'radar'), ['--version'], { cwd: elsewhere, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });
});
