// `radar config` and loadConfig, always in a temp folder: never the user's real config.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConfigCommand } from '../../src/cli/commands/config';
import { loadConfig, parseWorkHours } from '../../src/config/config-store';

let configDir: string;
let workDir: string;

beforeEach(() => {
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-config-'));
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'radar-work-'));
});

afterEach(() => {
  fs.rmSync(configDir, { recursive: true, force: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});

function radarConfig(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runConfigCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    configDir,
    cwd: workDir,
  });
  return { code, stdout, stderr };
}

const configFile = (): string => path.join(configDir, 'config.json');

/** The file's bytes and modification time: what "left exactly as it was" means. */
function fingerprint(file: string): { bytes: string; mtimeMs: number } {
  return { bytes: fs.readFileSync(file).toString('base64'), mtimeMs: fs.statSync(file).mtimeMs };
}

describe('radar config set, get, unset', () => {
  it('a zone set is read back, listed, and gone again after unset', () => {
    expect(radarConfig('set', 'zone', 'Europe/Berlin')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(radarConfig('get', 'zone').stdout).toBe('Europe/Berlin\n');
    expect(radarConfig('list').stdout).toContain('zone = Europe/Berlin\n');
    expect(loadConfig({ configDir })).toEqual({ config: { zone: 'Europe/Berlin' }, path: configFile(), problem: null });

    expect(radarConfig('unset', 'zone').code).toBe(0);
    expect(loadConfig({ configDir }).config).toEqual({});
    expect(radarConfig('list').stdout).toMatch(/^zone = .+ \(default: system zone\)$/m);
  });

  it('every key round-trips with its proper type', () => {
    expect(radarConfig('set', 'sources', 'nova.yaml', 'https://releases.openstack.org/feed.json').code).toBe(0);
    expect(radarConfig('set', 'projects', 'nova', 'neutron').code).toBe(0);
    expect(radarConfig('set', 'workHours', '9:30-17:00').code).toBe(0);
    expect(radarConfig('set', 'refreshMinutes', '5').code).toBe(0);
    expect(radarConfig('set', 'bell', 'false').code).toBe(0);
    expect(loadConfig({ configDir }).config).toEqual({
      // Relative paths are stored absolute, so they mean the same from any folder.
      sources: [path.join(workDir, 'nova.yaml'), 'https://releases.openstack.org/feed.json'],
      projects: ['nova', 'neutron'],
      workHours: '09:30-17:00',
      refreshMinutes: 5,
      bell: false,
    });
    expect(radarConfig('get', 'projects').stdout).toBe('nova, neutron\n');
    expect(radarConfig('get', 'refreshMinutes').stdout).toBe('5\n');
    expect(radarConfig('get', 'bell').stdout).toBe('false\n');
  });

  it('unset keys show their defaults in list and get', () => {
    const { code, stdout } = radarConfig('list');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(1)).toEqual([
      'sources = (default: demo data)',
      'presets = (default: the shipped ones; see radar presets)',
      'projects = (default: all projects)',
      'workHours = 08:00-18:00 (default)',
      'refreshMinutes = 15 (default)',
      'bell = true (default)',
      'reminders = {"meetings":["10m"],"milestones":["7d","1d"]} (default)',
      '',
    ]);
    expect(radarConfig('get', 'workHours').stdout).toBe('08:00-18:00\n');
    expect(radarConfig('get', 'sources').stdout).toBe('\n');
    // Reading never creates the file.
    expect(fs.existsSync(configFile())).toBe(false);
  });

  it('radar config path prints where the file lives', () => {
    expect(radarConfig('path')).toEqual({ code: 0, stdout: `${configFile()}\n`, stderr: '' });
  });

  it('the zone name is accepted in any case and stored in its proper spelling', () => {
    radarConfig('set', 'zone', 'america/new_york');
    expect(radarConfig('get', 'zone').stdout).toBe('America/New_York\n');
  });
});

describe('several project ids, sources with options, presets', () => {
  it.each([['nova,neutron'], ['nova neutron'], ['nova, neutron']])('projects given as %j are two ids, printed back the same way by get and list', (...words) => {
    const split = words[0]!.split(' ');
    expect(radarConfig('set', 'projects', ...split).code).toBe(0);
    expect(loadConfig({ configDir }).config.projects).toEqual(['nova', 'neutron']);
    const got = radarConfig('get', 'projects').stdout;
    expect(radarConfig('list').stdout).toContain(`projects = ${got}`);
    // What get prints, set takes back unchanged.
    expect(radarConfig('set', 'projects', ...got.trim().split(' ')).code).toBe(0);
    expect(loadConfig({ configDir }).config.projects).toEqual(['nova', 'neutron']);
  });

  it('a source with options is given as JSON, stored with its path made absolute, and listed as JSON', () => {
    const entry = { source: 'team.ics', project: 'nova', zone: 'europe/berlin', name: 'Nova team' };
    expect(radarConfig('set', 'sources', '@openstack', JSON.stringify(entry)).code).toBe(0);
    expect(loadConfig({ configDir }).config.sources).toEqual(['@openstack', { source: path.join(workDir, 'team.ics'), project: 'nova', zone: 'Europe/Berlin', name: 'Nova team' }]);
    expect(radarConfig('get', 'sources').stdout).toBe(`@openstack, {"source":${JSON.stringify(path.join(workDir, 'team.ics'))},"project":"nova","zone":"Europe/Berlin","name":"Nova team"}\n`);
  });

  it.each([
    [['{"source": "team.ics", "zone": "Mars/Phobos"}'], /zone "Mars\/Phobos" is not a known IANA time zone/],
    [['{"source": "team.ics", "project": "Nova Team"}'], /project "Nova Team" is not a project id/],
    [['{"source": "team.ics", "colour": "red"}'], /unknown option "colour" \(a source has source, project, zone, name\)/],
    [['{"project": "nova"}'], /needs "source"/],
    [['{"source": "team.ics"'], /is not valid JSON/],
    [['@nosuchpreset'], /unknown preset "@nosuchpreset" \(known: @kubernetes, @nodejs, @openstack, @python/],
  ])('sources %j is refused with exit code 2, saying why', (words, message) => {
    const run = radarConfig('set', 'sources', ...words);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(configFile())).toBe(false);
  });

  it('a preset is added by name, then usable in sources; the whole map can be given as JSON', () => {
    expect(radarConfig('set', 'presets', 'mycorp', 'https://intranet.example/radar.json', 'team.yaml').code).toBe(0);
    expect(radarConfig('set', 'sources', '@mycorp').code).toBe(0);
    expect(loadConfig({ configDir }).config).toEqual({
      presets: { mycorp: ['https://intranet.example/radar.json', path.join(workDir, 'team.yaml')] },
      sources: ['@mycorp'],
    });
    expect(radarConfig('set', 'presets', '{"python": ["https://mirror.example/python-releases.json"]}').code).toBe(0);
    expect(loadConfig({ configDir }).config.presets).toEqual({ python: ['https://mirror.example/python-releases.json'] });
    expect(radarConfig('get', 'presets').stdout).toBe('{"python":["https://mirror.example/python-releases.json"]}\n');
  });

  it.each([
    [['{"My Corp": ["https://a.example/x.json"]}'], /"My Corp" is not a preset name/],
    [['mycorp', '@python'], /a preset lists paths and URLs, not other presets/],
    [['{"mycorp": "https://a.example/x.json"}'], /presets.mycorp must be a non-empty list/],
    [['mycorp', 'http://intranet.example/x.json'], /plain http is only allowed on loopback/],
    [['mycorp'], /needs its sources/],
  ])('presets %j is refused with exit code 2', (words, message) => {
    const run = radarConfig('set', 'presets', ...words);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('every value is checked', () => {
  it('radar config set zone Mars/Phobos is refused with exit code 2, naming the zone', () => {
    const { code, stdout, stderr } = radarConfig('set', 'zone', 'Mars/Phobos');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('radar config: zone "Mars/Phobos" is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)\n');
    expect(fs.existsSync(configFile())).toBe(false);
  });

  it.each([
    ['18:00-08:00', 'the start must be before the end'],
    ['09:00-09:00', 'the start must be before the end'],
    ['9-17', 'must look like HH:MM-HH:MM'],
    ['08:00-24:30', 'does not exist'],
    ['08:61-18:00', 'does not exist'],
  ])('work hours %s are refused: %s', (value, reason) => {
    const { code, stderr } = radarConfig('set', 'workHours', value);
    expect(code).toBe(2);
    expect(stderr).toContain(`workHours "${value}"`);
    expect(stderr).toContain(reason);
    expect(stderr.split('\n')).toHaveLength(2); // one line
  });

  it('work hours are parsed into minutes after midnight', () => {
    expect(parseWorkHours('08:00-18:30')).toEqual({ startMinute: 480, endMinute: 1110 });
  });

  it.each([
    [['refreshMinutes', '0'], 'refreshMinutes 0 must be a whole number of minutes, 1 or more'],
    [['refreshMinutes', '1.5'], 'refreshMinutes "1.5" must be a whole number'],
    [['bell', 'maybe'], 'bell "maybe" must be true or false'],
    [['projects', 'Nova'], 'projects: "Nova" is not a project id'],
    [['sources', 'http://example.org/feed.json'], 'plain http is only allowed on loopback'],
    [['sources', '-'], 'standard input ("-") can only be given on the command line'],
    [['sources'], 'sources needs at least one value'],
    [['zone', 'Europe/Berlin', 'UTC'], 'zone takes exactly one value'],
    [['zone', '+01:00'], 'zone "+01:00" is not a known IANA time zone'],
  ])('radar config set %j is refused with exit code 2', (args, message) => {
    const { code, stderr } = radarConfig('set', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(fs.existsSync(configFile())).toBe(false);
  });

  it('an unknown key or subcommand is a usage error that says what exists', () => {
    const key = radarConfig('set', 'colour', 'red');
    expect(key.code).toBe(2);
    expect(key.stderr).toBe('radar config: unknown key "colour" (keys: zone, sources, presets, projects, workHours, refreshMinutes, bell, reminders)\n');
    const sub = radarConfig('remove', 'zone');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toMatch(/^radar config: unknown subcommand "remove" \(use list, get <key>/);
    expect(radarConfig('get').code).toBe(2);
  });

  it('reminders take lead times per kind, as JSON; a kind left out keeps its default', () => {
    expect(radarConfig('set', 'reminders', '{"meetings": ["15m", "2m"]}').code).toBe(0);
    expect(radarConfig('get', 'reminders').stdout).toBe('{"meetings":["15m","2m"],"milestones":["7d","1d"]}\n');
    for (const [value, message] of [
      ['{"meetings": ["10 minutes"]}', 'radar config: reminders.meetings: "10 minutes" is not a lead time (<n>m, <n>h or <n>d, e.g. 10m, 2h, 7d)\n'],
      ['{"meetings": "10m"}', 'radar config: reminders.meetings must be a list of lead times, e.g. {"meetings": ["10m"], "milestones": ["7d", "1d"]}\n'],
      ['{"priorities": ["1d"]}', 'radar config: reminders: unknown kind "priorities" (kinds: meetings, milestones)\n'],
      ['10m', `radar config: reminders takes a JSON object, e.g. '{"meetings": ["10m"], "milestones": ["7d", "1d"]}'\n`],
    ]) {
      expect(radarConfig('set', 'reminders', value!)).toEqual({ code: 2, stdout: '', stderr: message });
    }
    expect(radarConfig('get', 'reminders').stdout).toBe('{"meetings":["15m","2m"],"milestones":["7d","1d"]}\n');
  });

  it('a source path that does not exist is saved with a note', () => {
    const { code, stderr } = radarConfig('set', 'sources', 'later.yaml');
    expect(code).toBe(0);
    expect(stderr).toContain('does not exist (yet)');
  });
});

describe('a corrupted config file', () => {
  it('that is not JSON is reported once with where it breaks, ignored, and left byte for byte as it was', () => {
    fs.writeFileSync(configFile(), '{\n  "zone": "Europe/Berlin",\n}\n');
    const before = fingerprint(configFile());

    const loaded = loadConfig({ configDir });
    expect(loaded.config).toEqual({});
    expect(loaded.problem).toMatch(new RegExp(`^${configFile().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: the config file is not valid JSON`));
    expect(loaded.problem).toMatch(/it is ignored$/);
    expect(loaded.problem?.includes('\n')).toBe(false);

    const list = radarConfig('list');
    expect(list.code).toBe(0);
    expect(list.stderr.split('\n')).toHaveLength(2);
    expect(fingerprint(configFile())).toEqual(before);
  });

  it('is never overwritten by set or unset: they refuse with exit code 1', () => {
    fs.writeFileSync(configFile(), 'zone: Europe/Berlin  # someone wrote YAML here\n');
    const before = fingerprint(configFile());

    const set = radarConfig('set', 'zone', 'UTC');
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/not valid JSON .*; not changing it: fix or remove it first\n$/);
    const unset = radarConfig('unset', 'zone');
    expect(unset.code).toBe(1);
    expect(fingerprint(configFile())).toEqual(before);
  });

  it('with an invalid value keeps the valid keys, reports the bad one, and is not touched', () => {
    const text = '{"zone": "Mars/Phobos", "refreshMinutes": 5, "colour": "red"}';
    fs.writeFileSync(configFile(), text);
    const before = fingerprint(configFile());
    const { config, problem } = loadConfig({ configDir });
    expect(config).toEqual({ refreshMinutes: 5 });
    expect(problem).toBe(`${configFile()}: zone "Mars/Phobos" is not a known IANA time zone (e.g. Europe/Berlin, America/New_York, UTC); unknown key "colour"; these settings are ignored`);
    expect(fingerprint(configFile())).toEqual(before);
  });

  it('with an invalid value can be fixed with radar config set, keeping everything else', () => {
    fs.writeFileSync(configFile(), '{"zone": "Mars/Phobos", "refreshMinutes": 5}');
    expect(radarConfig('set', 'zone', 'UTC').code).toBe(0);
    expect(loadConfig({ configDir })).toEqual({ config: { zone: 'UTC', refreshMinutes: 5 }, path: configFile(), problem: null });
  });

  it('holding a JSON list instead of an object is reported and ignored', () => {
    fs.writeFileSync(configFile(), '["Europe/Berlin"]');
    const { config, problem } = loadConfig({ configDir });
    expect(config).toEqual({});
    expect(problem).toContain('must hold a JSON object');
  });

  it('an empty file is simply an empty config', () => {
    fs.writeFileSync(configFile(), '');
    expect(loadConfig({ configDir })).toEqual({ config: {}, path: configFile(), problem: null });
    expect(radarConfig('set', 'bell', 'false').code).toBe(0);
    expect(loadConfig({ configDir }).config).toEqual({ bell: false });
  });

  it('escape sequences in a hand-edited file are not echoed to the terminal', () => {
    fs.writeFileSync(configFile(), JSON.stringify({ zone: 'Mars\u001b]0;pwned\u0007', 'x\u001b[2J': 1 }));
    const { problem } = loadConfig({ configDir });
    expect(problem).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('writes', () => {
  it('unset of a key that is not set does not create the file', () => {
    expect(radarConfig('unset', 'zone').code).toBe(0);
    expect(fs.existsSync(configFile())).toBe(false);
  });

  it('the written file is plain, readable JSON', () => {
    radarConfig('set', 'zone', 'Asia/Kolkata');
    expect(fs.readFileSync(configFile(), 'utf8')).toBe('{\n  "zone": "Asia/Kolkata"\n}\n');
  });

  it('RADAR_CONFIG_DIR moves the config (so tests and sandboxes never touch the real one)', () => {
    const saved = process.env['RADAR_CONFIG_DIR'];
    process.env['RADAR_CONFIG_DIR'] = configDir;
    try {
      expect(loadConfig().path).toBe(configFile());
    } finally {
      if (saved === undefined) delete process.env['RADAR_CONFIG_DIR'];
      else process.env['RADAR_CONFIG_DIR'] = saved;
    }
  });
});
