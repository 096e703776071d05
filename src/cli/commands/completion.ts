// `radar completion bash|zsh|fish`: a script for the shell, generated from the same tables
// the argument parser reads (handed over by the entry point), so completion never offers what
// radar refuses. Project ids and
// presets come from radar itself at completion time (`radar list projects --json`,
// `radar presets --json`), kept five minutes; a radar without such a command completes nothing.
import { CONFIG_KEYS } from '../../config/config-store';
import { LIST_WHATS } from '../../context/options';

/** What the argument parser accepts. */
export interface CommandLine {
  commands: readonly string[];
  options: readonly string[];
  shells: readonly string[];
}

const KINDS = LIST_WHATS;
const CONFIG_SUBCOMMANDS = ['list', 'get', 'set', 'unset', 'path'];

const CACHE_SECONDS = 300;

/** The IANA zones this Node knows, for --tz. */
function zones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set(['UTC', ...supported])].sort();
}

const words = (list: readonly string[]) => list.join(' ');

function bash({ commands, options, shells }: CommandLine): string {
  return `# radar completion for bash. Load it with: source <(radar completion bash)
# or save it as ~/.local/share/bash-completion/completions/radar
_radar_zones='${words(zones())}'

# Keeps the output of a radar command in _radar_value_<name>, ${CACHE_SECONDS} s per argument list;
# empty if it fails. Called directly, never in $(…), whose assignments would be lost.
_radar_refresh() {
  local name=$1; shift
  local key="$*" keyvar=_radar_key_$name atvar=_radar_at_$name valuevar=_radar_value_$name
  if [[ \${!keyvar-} != "$key" || -z \${!atvar-} || $((SECONDS - \${!atvar})) -ge ${CACHE_SECONDS} ]]; then
    local output=
    command -v radar >/dev/null 2>&1 && output=$(radar "$@" 2>/dev/null)
    printf -v "$valuevar" '%s' "$output"
    printf -v "$keyvar" '%s' "$key"
    printf -v "$atvar" '%s' "$SECONDS"
  fi
}

_radar() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local command= sub= i word sources=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    case $word in
      -s|--source) sources+=(-s "\${COMP_WORDS[i+1]}"); ((i++)) ;;
      -p|--project|--tz|--now|--days|-o|--output|--format|--exec) ((i++)) ;;
      -*) ;;
      *) if [[ -z $command ]]; then command=$word; elif [[ -z $sub ]]; then sub=$word; fi ;;
    esac
  done
  COMPREPLY=()
  case $prev in
    --tz) COMPREPLY=($(compgen -W "$_radar_zones" -- "$cur")); return ;;
    -p|--project)
      _radar_refresh projects list projects --json "\${sources[@]}"
      COMPREPLY=($(compgen -W "$(sed -n 's/^ *"id": "\\([^"]*\\)",\\{0,1\\}$/\\1/p' <<<"$_radar_value_projects")" -- "$cur"))
      return ;;
    -s|--source)
      if [[ $cur == @* ]]; then
        _radar_refresh presets presets --json
        COMPREPLY=($(compgen -W "$(sed -n 's/^    "\\([^"]*\\)": .*$/@\\1/p' <<<"$_radar_value_presets")" -- "$cur"))
      else COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; fi
      return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --now|--days|--format|--exec) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W '${words(options)}' -- "$cur"))
    return
  fi
  case $command in
    '') COMPREPLY=($(compgen -W '${words(commands)}' -- "$cur")) ;;
    list) [[ -z $sub ]] && COMPREPLY=($(compgen -W '${words(KINDS)}' -- "$cur")) ;;
    export) [[ -z $sub ]] && COMPREPLY=($(compgen -W 'ics' -- "$cur")) ;;
    completion) [[ -z $sub ]] && COMPREPLY=($(compgen -W '${words(shells)}' -- "$cur")) ;;
    config)
      if [[ -z $sub ]]; then COMPREPLY=($(compgen -W '${words(CONFIG_SUBCOMMANDS)}' -- "$cur"))
      elif [[ $prev == "$sub" && ( $sub == get || $sub == set || $sub == unset ) ]]; then
        COMPREPLY=($(compgen -W '${words(CONFIG_KEYS)}' -- "$cur"))
      fi ;;
    validate|feed) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
  esac
}
complete -F _radar radar
`;
}

function zsh({ commands, options, shells }: CommandLine): string {
  return `#compdef radar
# radar completion for zsh. Load it with: source <(radar completion zsh)
# or save it as _radar in a folder of your $fpath (then run compinit).
# Keeps the output of a radar command in _radar_value_<name>, ${CACHE_SECONDS} s per argument list.
_radar_refresh() {
  local name=$1; shift
  local key="$*"
  if [[ \${(P)\${:-_radar_key_$name}} != "$key" || -z \${(P)\${:-_radar_at_$name}} || $((SECONDS - \${(P)\${:-_radar_at_$name}})) -ge ${CACHE_SECONDS} ]]; then
    local output=
    (( $+commands[radar] )) && output=$(radar "$@" 2>/dev/null)
    typeset -g _radar_value_$name="$output" _radar_key_$name="$key" _radar_at_$name=$SECONDS
  fi
}

_radar() {
  local -a zones sources
  zones=(${words(zones())})
  local command= sub= i word
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    case $word in
      -s|--source) sources+=(-s "\${words[i+1]}"); ((i++)) ;;
      -p|--project|--tz|--now|--days|-o|--output|--format|--exec) ((i++)) ;;
      -*) ;;
      *) if [[ -z $command ]]; then command=$word; elif [[ -z $sub ]]; then sub=$word; fi ;;
    esac
  done
  local prev=\${words[CURRENT-1]} cur=\${words[CURRENT]}
  case $prev in
    --tz) compadd -a zones; return ;;
    -p|--project)
      _radar_refresh projects list projects --json $sources
      compadd -- \${(f)"$(sed -n 's/^ *"id": "\\([^"]*\\)",\\{0,1\\}$/\\1/p' <<<"$_radar_value_projects")"}
      return ;;
    -s|--source)
      if [[ $cur == @* ]]; then
        _radar_refresh presets presets --json
        compadd -- \${(f)"$(sed -n 's/^    "\\([^"]*\\)": .*$/@\\1/p' <<<"$_radar_value_presets")"}
      else _files; fi
      return ;;
    -o|--output) _files; return ;;
    --now|--days|--format|--exec) return ;;
  esac
  if [[ $cur == -* ]]; then compadd -- ${words(options)}; return; fi
  case $command in
    '') compadd -- ${words(commands)} ;;
    list) [[ -z $sub ]] && compadd -- ${words(KINDS)} ;;
    export) [[ -z $sub ]] && compadd -- ics ;;
    completion) [[ -z $sub ]] && compadd -- ${words(shells)} ;;
    config)
      if [[ -z $sub ]]; then compadd -- ${words(CONFIG_SUBCOMMANDS)}
      elif [[ $prev == (get|set|unset) ]]; then compadd -- ${words(CONFIG_KEYS)}; fi ;;
    validate|feed) _files ;;
  esac
}
if (( $+functions[compdef] )); then compdef _radar radar; fi
`;
}

function fish({ commands, options, shells }: CommandLine): string {
  const noCommand = `not __fish_seen_subcommand_from ${words(commands)}`;
  const lines = [
    '# radar completion for fish. Load it with: radar completion fish | source',
    '# or save it as ~/.config/fish/completions/radar.fish',
    'function __radar_cached --description "radar output, kept a few minutes"',
    '    set -l name $argv[1]',
    '    set -l key (string join " " -- $argv[2..-1])',
    '    set -l now (date +%s)',
    `    if not set -q __radar_at_$name; or test "$key" != "$__radar_key_$name"; or test (math $now - $__radar_at_$name) -ge ${CACHE_SECONDS}`,
    '        set -g __radar_value_$name (command -q radar; and radar $argv[2..-1] 2>/dev/null)',
    '        set -g __radar_key_$name $key',
    '        set -g __radar_at_$name $now',
    '    end',
    '    set -l value __radar_value_$name',
    '    printf "%s\\n" $$value',
    'end',
    'function __radar_projects',
    '    __radar_cached projects list projects --json | string replace -rf \'^ *"id": "([^"]*)",?$\' \'$1\'',
    'end',
    'function __radar_presets',
    "    __radar_cached presets presets --json | string replace -rf '^    \"([^\"]*)\": .*$' '@$1'",
    'end',
    'complete -c radar -f',
    `complete -c radar -n '${noCommand}' -a '${words(commands)}'`,
    `complete -c radar -n '__fish_seen_subcommand_from list' -a '${words(KINDS)}'`,
    `complete -c radar -n '__fish_seen_subcommand_from export' -a 'ics'`,
    `complete -c radar -n '__fish_seen_subcommand_from completion' -a '${words(shells)}'`,
    `complete -c radar -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from ${words(CONFIG_SUBCOMMANDS)}' -a '${words(CONFIG_SUBCOMMANDS)}'`,
    `complete -c radar -n '__fish_seen_subcommand_from get set unset' -a '${words(CONFIG_KEYS)}'`,
    `complete -c radar -n '__fish_seen_subcommand_from validate feed' -F`,
    `complete -c radar -s s -l source -r -F -a '(__radar_presets)' -d 'a file, folder, URL or @preset'`,
    `complete -c radar -s p -l project -x -a '(__radar_projects)' -d 'only this project'`,
    `complete -c radar -l tz -x -a '${words(zones())}' -d 'display zone'`,
    `complete -c radar -l now -x -d 'act as if it were this moment'`,
    `complete -c radar -l days -x -d 'how far ahead to look'`,
    `complete -c radar -s o -l output -r -F -d 'write to this file'`,
    `complete -c radar -l format -x -d 'next: the line to print'`,
    `complete -c radar -l exec -x -d 'watch: command to run per reminder'`,
  ];
  const described = new Set(['-s', '--source', '-p', '--project', '--tz', '--now', '--days', '-o', '--output', '--format', '--exec']);
  for (const option of options) {
    if (described.has(option)) continue;
    lines.push(option.startsWith('--') ? `complete -c radar -l ${option.slice(2)}` : `complete -c radar -s ${option.slice(1)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish', line: CommandLine): string {
  switch (shell) {
    case 'bash':
      return bash(line);
    case 'zsh':
      return zsh(line);
    case 'fish':
      return fish(line);
  }
}
