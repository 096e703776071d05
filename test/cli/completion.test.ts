// Shell completion as a person gets it: the script radar prints, loaded into a real bash,
// asked what follows what was typed (COMP_WORDS/COMP_CWORD, as bash itself sets them).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, RADAR, radar, ROOT } from '../helpers/run-radar';

/** One user for the whole file, whose folders are removed afterwards. */
const USER = isolatedEnv();
afterAll(() => rmSync(USER['HOME']!, { recursive: true, force: true }));

const folder = mkdtempSync(join(tmpdir(), 'radar-completion-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const script = radar(['completion', 'bash'], { env: USER });
const scriptFile = join(folder, 'radar.bash');
writeFileSync(scriptFile, script.stdout);

/** A `radar` on PATH that answers the completion's questions as cli.md says radar does, and counts them. */
function fakeRadar(name: string, body: string): string {
  const bin = join(folder, name);
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'radar'), `#!/bin/sh\necho "$*" >> "${bin}/calls"\n${body}\n`);
  chmodSync(join(bin, 'radar'), 0o755);
  return bin;
}

const PROJECTS_JSON = JSON.stringify(
  {
    now: '2026-12-03T13:00:00.000Z',
    zone: 'UTC',
    sources: [],
    items: [
      { id: 'glance', name: 'Glance', url: null, liaisons: { release: ['Erno'] }, gaps: 0 },
      { id: 'neutron', name: 'Neutron', url: 'https://docs.openstack.org/neutron', liaisons: {}, gaps: 2 },
      { id: 'nova', name: 'Nova', url: null, liaisons: { release: ['John Garbutt (johnthetubaguy)'], qa: [] }, gaps: 1 },
    ],
  },
  null,
  2,
);
const PRESETS_JSON = JSON.stringify({ presets: { openstack: ['https://a.example/x.ical'], python: ['https://peps.python.org/api/python-releases.json'] } }, null, 2);

const answering = fakeRadar(
  'answering',
  `case "$*" in
  "list projects --json"*) cat <<'JSON'
${PROJECTS_JSON}
JSON
  ;;
  "presets --json") cat <<'JSON'
${PRESETS_JSON}
JSON
  ;;
  *) echo "radar: unknown command" >&2; exit 2 ;;
esac`,
);
const older = fakeRadar('older', 'echo "radar: unknown command" >&2; exit 2');
// The built program itself, with a config and cache of its own.
const real = fakeRadar('real', `RADAR_CONFIG_DIR="${join(folder, 'real-config')}" RADAR_CACHE_DIR="${join(folder, 'real-cache')}" exec "${process.execPath}" "${RADAR}" "$@"`);

/** The candidates bash offers after `words` (the last one being what is typed so far). */
function complete(words: string[], bin: string = older, repeat = 1): string[] {
  const quoted = words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const ask = `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}; _radar; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${scriptFile}' && ${Array(repeat).fill(ask).join('; ')}`], {
    encoding: 'utf8',
    cwd: folder,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: folder },
  });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean);
}

describe('radar completion bash', () => {
  it('prints a script that registers _radar for radar in a real bash', () => {
    expect(script.code).toBe(0);
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${scriptFile}' && complete -p radar`], { encoding: 'utf8' });
    expect(run.stdout).toBe('complete -F _radar radar\n');
  });

  it('completes the commands of cli.md', () => {
    expect(complete(['radar', '']).sort()).toEqual(['completion', 'config', 'export', 'feed', 'list', 'next', 'presets', 'validate', 'watch']);
    expect(complete(['radar', 'w'])).toEqual(['watch']);
  });

  it('completes what list lists, what export writes and the shells', () => {
    expect(complete(['radar', 'list', '']).sort()).toEqual(['gaps', 'meetings', 'milestones', 'priorities', 'projects']);
    expect(complete(['radar', '--tz', 'UTC', 'list', 'me'])).toEqual(['meetings']);
    expect(complete(['radar', 'export', ''])).toEqual(['ics']);
    expect(complete(['radar', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(['radar', 'config', 'set', 'rem'])).toEqual(['reminders']);
  });

  it('completes options', () => {
    expect(complete(['radar', 'next', '--f'])).toEqual(['--format']);
    expect(complete(['radar', '--no-c']).sort()).toEqual(['--no-color', '--no-colour']);
    expect(complete(['radar', 'watch', '--'])).toEqual(expect.arrayContaining(['--exec', '--notify', '--source', '--tz', '--now']));
  });

  it('completes --tz with the IANA zones this Node knows', () => {
    expect(complete(['radar', '--tz', 'Australia/Lord'])).toEqual(['Australia/Lord_Howe']);
    expect(complete(['radar', 'next', '--tz', 'America/New_'])).toEqual(['America/New_York']);
    expect(complete(['radar', '--tz', 'UT'])).toEqual(['UTC']);
  });

  it('completes -p with the project ids radar list projects names, passing the -s already typed, and asks once', () => {
    expect(complete(['radar', '-s', 'team.yaml', '-p', 'n'], answering, 3)).toEqual(['neutron', 'nova', 'neutron', 'nova', 'neutron', 'nova']);
    const calls = spawnSync('cat', [join(answering, 'calls')], { encoding: 'utf8' }).stdout;
    expect(calls).toBe('list projects --json -s team.yaml\n');
  });

  it('completes -s @ with the presets radar presets names', () => {
    expect(complete(['radar', '-s', '@'], answering)).toEqual(['@openstack', '@python']);
  });

  it('with the real radar: -p completes the projects of the Liberty demo, -s @ the shipped presets', () => {
    const liberty = join(ROOT, 'data/liberty-2015.yaml');
    expect(complete(['radar', 'list', 'gaps', '-s', liberty, '-p', ''], real)).toEqual(['cinder', 'glance', 'horizon', 'keystone', 'neutron', 'nova', 'product-wg', 'swift']);
    expect(complete(['radar', '-s', '@'], real)).toEqual(expect.arrayContaining(['@openstack', '@python', '@nodejs', '@kubernetes']));
  });

  it('completes nothing for -p and -s @ when this radar has no such command, and says nothing', () => {
    expect(complete(['radar', '-p', ''], older)).toEqual([]);
    expect(complete(['radar', '-s', '@'], older)).toEqual([]);
    expect(complete(['radar', '-p', ''], join(folder, 'no-radar-here'))).toEqual([]);
  });
});

describe('radar completion zsh and fish', () => {
  it.each([['zsh'], ['fish']])('prints a %s script that the shell reads without a syntax error (where it is installed)', (shell) => {
    const run = radar(['completion', shell], { env: USER });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Australia/Lord_Howe');
    const file = join(folder, `radar.${shell}`);
    writeFileSync(file, run.stdout);
    const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    if (check.error !== undefined) {
      console.log(`${shell} is not installed: its completion script was not syntax-checked`);
      return;
    }
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses a shell it does not know, in one line', () => {
    const run = radar(['completion', 'powershell'], { env: USER });
    expect([run.code, run.stderr]).toEqual([2, 'radar: radar completion needs a shell: bash | zsh | fish (not "powershell")\n']);
  });
});
