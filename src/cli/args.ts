// The command line of cli.md → a typed request. Usage errors are values, never throws, so the
// entry point prints one line and exits 2.
import { LIST_WHATS, type ListWhat, type Options } from '../context/options';
import { MAX_DAYS } from '../time/supported-range';

export type Command =
  | { name: 'dashboard' }
  | { name: 'next' }
  | { name: 'list'; what: ListWhat }
  | { name: 'validate'; sources: string[] }
  | { name: 'export'; format: 'ics' }
  | { name: 'feed'; sources: string[] }
  | { name: 'config'; args: string[] }
  | { name: 'presets' }
  | { name: 'watch' }
  | { name: 'completion'; shell: CompletionShell };

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** The commands as typed, for messages and shell completion. */
export const COMMAND_NAMES = ['next', 'list', 'validate', 'export', 'feed', 'config', 'presets', 'watch', 'completion'] as const;

export type ParsedArgs = { ok: true; command: Command; options: Options } | { ok: false; error: string };

interface OptionSpec {
  key: keyof Options;
  takesValue: boolean;
}

const OPTIONS: Record<string, OptionSpec> = {
  '-s': { key: 'sources', takesValue: true },
  '--source': { key: 'sources', takesValue: true },
  '-p': { key: 'projects', takesValue: true },
  '--project': { key: 'projects', takesValue: true },
  '--tz': { key: 'tz', takesValue: true },
  '--now': { key: 'now', takesValue: true },
  '--days': { key: 'days', takesValue: true },
  '--all': { key: 'all', takesValue: false },
  '--json': { key: 'json', takesValue: false },
  '--no-color': { key: 'color', takesValue: false },
  '--no-colour': { key: 'color', takesValue: false },
  '--offline': { key: 'offline', takesValue: false },
  '--once': { key: 'once', takesValue: false },
  '-o': { key: 'output', takesValue: true },
  '--output': { key: 'output', takesValue: true },
  '-h': { key: 'help', takesValue: false },
  '--help': { key: 'help', takesValue: false },
  '-v': { key: 'version', takesValue: false },
  '--version': { key: 'version', takesValue: false },
  '--format': { key: 'format', takesValue: true },
  '--exec': { key: 'exec', takesValue: true },
  '--notify': { key: 'notify', takesValue: false },
};

/** Every option as typed, for help and shell completion. */
export const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS);

/** Options that only mean something to one command: elsewhere they are a usage error. */
const COMMAND_ONLY_OPTIONS: readonly { key: 'format' | 'exec' | 'notify'; option: string; command: Command['name'] }[] = [
  { key: 'format', option: '--format', command: 'next' },
  { key: 'exec', option: '--exec', command: 'watch' },
  { key: 'notify', option: '--notify', command: 'watch' },
];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Options = {
    sources: [],
    projects: [],
    tz: null,
    now: null,
    days: null,
    all: false,
    json: false,
    color: true,
    offline: false,
    once: false,
    output: null,
    help: false,
    version: false,
    format: null,
    exec: null,
    notify: false,
  };
  const positional: string[] = [];
  let onlyPositional = false;

  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (onlyPositional || argument === '-' || !argument.startsWith('-')) {
      positional.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPositional = true;
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const name = equals === -1 ? argument : argument.slice(0, equals);
    const spec = OPTIONS[name];
    if (spec === undefined) return { ok: false, error: `unknown option ${name} (see radar --help)` };
    if (!spec.takesValue) {
      if (equals !== -1) return { ok: false, error: `${name} takes no value` };
      if (spec.key === 'color') options.color = false;
      else (options[spec.key] as boolean) = true;
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) value = argument.slice(equals + 1);
    else {
      value = argv[index + 1];
      index += 1;
    }
    if (value === undefined) return { ok: false, error: `${name} needs a value` };
    if (spec.key === 'sources' || spec.key === 'projects') {
      if (value === '') return { ok: false, error: `${name} needs a value` };
      options[spec.key].push(value);
    } else if (spec.key === 'days') {
      if (!/^\d+(\.\d+)?$/.test(value)) return { ok: false, error: `--days ${JSON.stringify(value)} is not a number of days (e.g. --days 30)` };
      if (Number(value) > MAX_DAYS) return { ok: false, error: `--days ${value} is too far ahead: at most ${MAX_DAYS} (a century)` };
      options.days = Number(value);
    } else {
      (options[spec.key] as string | null) = value;
    }
  }

  if (options.help || options.version) return { ok: true, command: { name: 'dashboard' }, options };

  const parsed = parseCommand(positional, options);
  if (!parsed.ok) return parsed;
  for (const only of COMMAND_ONLY_OPTIONS) {
    const given = options[only.key];
    if (given !== null && given !== false && parsed.command.name !== only.command) {
      return { ok: false, error: `${only.option} only applies to radar ${only.command}` };
    }
  }
  return parsed;
}

function parseCommand(positional: readonly string[], options: Options): ParsedArgs {
  const [name, ...rest] = positional;
  switch (name) {
    case undefined:
      return { ok: true, command: { name: 'dashboard' }, options };
    case 'next':
      return rest.length > 0 ? extra('next', rest) : { ok: true, command: { name: 'next' }, options };
    case 'list': {
      const [what, ...more] = rest;
      if (what === undefined) return { ok: false, error: `list needs what to list: ${LIST_WHATS.join(' | ')}` };
      if (!(LIST_WHATS as readonly string[]).includes(what)) {
        return { ok: false, error: `cannot list ${JSON.stringify(what)}: choose one of ${LIST_WHATS.join(', ')}` };
      }
      return more.length > 0 ? extra(`list ${what}`, more) : { ok: true, command: { name: 'list', what: what as ListWhat }, options };
    }
    case 'validate':
      return { ok: true, command: { name: 'validate', sources: rest }, options };
    case 'export': {
      const [format, ...more] = rest;
      if (format !== 'ics') return { ok: false, error: `export needs a format: ics${format === undefined ? '' : ` (not ${JSON.stringify(format)})`}` };
      return more.length > 0 ? extra('export ics', more) : { ok: true, command: { name: 'export', format: 'ics' }, options };
    }
    case 'feed':
      return { ok: true, command: { name: 'feed', sources: rest }, options };
    case 'config':
      return { ok: true, command: { name: 'config', args: rest }, options };
    case 'presets':
      return rest.length > 0 ? extra('presets', rest) : { ok: true, command: { name: 'presets' }, options };
    case 'watch':
      return rest.length > 0 ? extra('watch', rest) : { ok: true, command: { name: 'watch' }, options };
    case 'completion': {
      const [shell, ...more] = rest;
      if (shell === undefined || !(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
        return { ok: false, error: `radar completion needs a shell: ${COMPLETION_SHELLS.join(' | ')}${shell === undefined ? '' : ` (not ${JSON.stringify(shell)})`}` };
      }
      return more.length > 0 ? extra(`completion ${shell}`, more) : { ok: true, command: { name: 'completion', shell: shell as CompletionShell }, options };
    }
    default:
      return { ok: false, error: `unknown command ${JSON.stringify(name)} (commands: ${COMMAND_NAMES.join(', ')}; see radar --help)` };
  }
}

function extra(command: string, rest: string[]): ParsedArgs {
  return { ok: false, error: `${command} takes no argument ${JSON.stringify(rest[0])}` };
}
