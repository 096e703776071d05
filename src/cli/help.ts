// `radar --help`: every command and option of cli.md, with an example each.
export const HELP = `radar — the release calendar of your open-source project, in your terminal

Usage
  radar [options]                     the dashboard (interactive)
  radar --once [options]              the four panes printed once as text
  radar next [options]                the next meeting, on one line
  radar list <what> [options]         what: milestones | meetings | priorities | gaps | projects
  radar validate <source>...          check sources, print every problem
  radar export ics [options]          iCalendar (RFC 5545) of meetings and milestones, fit to subscribe to
  radar feed <source>... [-o <file>]  one normalized JSON feed from the sources
  radar config [list | get <key> | set <key> <value> | unset <key> | path]
  radar presets [--json]              the named sources (@openstack, @python, …) and what each reads
  radar watch [--exec <command>] [--notify]  headless: one line per reminder until interrupted
  radar completion <bash | zsh | fish>       a shell completion script

Options
  -s, --source <source>       a file (YAML, JSON, iCalendar), a folder, an https:// or webcal:// URL,
                              @<preset>, or - for stdin (repeatable)
  -p, --project <id>          only these projects, plus cross-project milestones (repeatable)
      --tz <zone>             display zone, e.g. Europe/London (default: config zone, else the system's)
      --now <date-time>       act as if it were this moment, e.g. 2015-08-11T21:44:57Z
      --days <n>              how far ahead to look (default 14 for meetings, 180 for milestones)
      --all                   list: include past milestones and closed priorities
      --json                  list, next: print JSON
      --no-color              no colour (also with NO_COLOR or when output is not a terminal)
      --offline               never touch the network; use cached copies of feeds
      --once                  print the dashboard once and exit
      --format <template>     next: the line to print, from {title} {in} {local} {time} {date} {where} {project} {url}
      --exec <command>        watch: run with sh -c for each reminder, which it finds in RADAR_* variables
      --notify                watch: a desktop notification for each reminder
  -o, --output <file>         feed, export: write to this file instead of standard output
  -h, --help                  this help
  -v, --version               the version

Examples (they work from any folder)
  radar -s @python -s @nodejs
  radar next -s @openstack --tz Asia/Tokyo
  radar next --format {title}:{in} -p nova
  radar list projects -s @openstack
  radar list meetings --days 7 --json
  radar --once --now 2027-02-15T12:00:00Z --tz Europe/London
  radar validate @kubernetes
  radar config set projects nova,neutron
  radar config set zone Europe/Berlin

Exit codes: 0 success, 1 a source has errors, 2 usage error, 3 no source could be loaded.
Keys in the dashboard: press ? for the list.
`;
