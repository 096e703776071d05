// `radar list projects` and what happens to a project id no source knows, on the built program.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar as runRadar } from '../helpers/run-radar';

const LIBERTY = ['-s', 'data/liberty-2015.yaml', '--now', '2015-08-11T21:44:57Z'];
const homes: string[] = [];
/** One user with no configuration for the runs that need none. */
const plainUser = isolatedEnv();
homes.push(plainUser['HOME']!);
const radar = (args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => runRadar(args, { env: options.env ?? plainUser });

function userWithConfig(config: object): NodeJS.ProcessEnv {
  const env = isolatedEnv();
  homes.push(env['HOME']!);
  mkdirSync(env['RADAR_CONFIG_DIR']!, { recursive: true });
  writeFileSync(join(env['RADAR_CONFIG_DIR']!, 'config.json'), JSON.stringify(config));
  return env;
}

afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe('radar list projects', () => {
  it('lists every project the Liberty schedule names, listed or only named, sorted by id, with liaisons and gap counts', () => {
    const run = radar(['list', 'projects', '--json', ...LIBERTY]);
    expect(run.code).toBe(0);
    const items = json(run).items;
    // Seven listed projects, plus product-wg, which only a meeting and a priority name.
    expect(items.map((item: { id: string }) => item.id)).toEqual(['cinder', 'glance', 'horizon', 'keystone', 'neutron', 'nova', 'product-wg', 'swift']);
    // Every listed project names release, QA and docs liaisons and nobody for the Product WG.
    expect(items.find((item: { id: string }) => item.id === 'nova')).toEqual({
      id: 'nova',
      name: 'Nova',
      url: 'https://wiki.openstack.org/wiki/Nova',
      liaisons: {
        release: ['John Garbutt (johnthetubaguy)'],
        qa: ['John Garbutt (johnthetubaguy)'],
        docs: ['John Garbutt (johnthetubaguy)'],
        'product-wg': [],
      },
      gaps: 1,
    });
    // Only named: no listing, so no liaisons and no gaps (gaps are for listed projects).
    expect(items.find((item: { id: string }) => item.id === 'product-wg')).toEqual({ id: 'product-wg', name: 'product-wg', url: null, liaisons: {}, gaps: 0 });
  });

  it('prints a table with the gap counts in text', () => {
    const run = radar(['list', 'projects', ...LIBERTY]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Project\s+Name\s+Gaps\s+Liaisons$/);
    expect(lines.find((line) => line.startsWith('nova '))).toMatch(/^nova\s+Nova\s+1\s+release: John Garbutt/);
    expect(lines).toHaveLength(1 + 8);
  });
});

describe('a project id no source knows', () => {
  it('-p novva is a usage error naming nova, in every command that takes -p', () => {
    for (const command of [['next'], ['list', 'meetings'], ['list', 'projects'], ['--once'], ['export', 'ics']]) {
      const run = radar([...command, ...LIBERTY, '-p', 'novva']);
      expect(run.code, command.join(' ')).toBe(2);
      expect(run.stdout, command.join(' ')).toBe('');
      expect(run.stderr).toMatch(/^radar: unknown project "novva" \(closest known: nova[,;]/);
    }
  });

  it('is only a warning when some source failed, since the id may live there', () => {
    const run = radar(['list', 'meetings', '--json', ...LIBERTY, '-s', 'missing-team.yaml', '-p', 'novva']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/warning: no loaded source knows project "novva" \(closest known: nova.*it may be in missing-team\.yaml/);
    expect(json(run).items).toEqual([]);
  });

  it('a known id with an unknown one keeps the known one and stops on the unknown one', () => {
    const run = radar(['next', ...LIBERTY, '-p', 'nova', '-p', 'nuetron']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown project "nuetron" \(closest known: neutron/);
    expect(run.stderr).not.toMatch(/"nova"/);
  });

  it('in the configured projects is a warning, never "nothing scheduled": the meetings still show', () => {
    const env = userWithConfig({ projects: ['novva'] });
    const run = radar(['next', ...LIBERTY], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: no source knows the configured project "novva", so it is ignored \(closest known: nova/);
    expect(run.stdout).not.toMatch(/^No meeting/);
    // As if nothing were configured: the unknown id filters nothing away.
    expect(run.stdout).toBe(radar(['next', ...LIBERTY]).stdout);
  });
});
