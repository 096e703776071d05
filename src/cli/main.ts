// Entry point: arguments → command. Bad input ends as one line on stderr and an exit code,
// never a stack trace.
import packageJson from '../../package.json';
import { COMMAND_NAMES, COMPLETION_SHELLS, OPTION_NAMES, parseArgs } from './args';
import { resolveContext, type Io } from '../context/context';
import { EXIT } from '../context/exit-codes';
import { HELP } from './help';
import { guardStandardStreams, safeForTerminal } from './commands/streams';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`radar: ${parsed.error}\n`);
    return EXIT.usage;
  }
  const { command, options } = parsed;
  if (options.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  if (command.name === 'completion') {
    const { completionScript } = await import('./commands/completion');
    io.stdout(completionScript(command.shell, { commands: COMMAND_NAMES, options: OPTION_NAMES, shells: COMPLETION_SHELLS }));
    return EXIT.ok;
  }
  if (command.name === 'config') {
    const { runConfigCommand } = await import('./commands/config');
    return runConfigCommand(command.args, { stdout: io.stdout, stderr: io.stderr });
  }

  if (command.name === 'presets') {
    const { runPresets } = await import('./commands/presets');
    return runPresets(options.json, io);
  }

  const explicit = command.name === 'validate' || command.name === 'feed' ? command.sources : [];
  const resolved = resolveContext(options, io, explicit);
  if (!resolved.ok) {
    io.stderr(`radar: ${resolved.error}\n`);
    return EXIT.usage;
  }
  const context = resolved.context;
  // A feed is published for others: the demo schedule written out by mistake would look real.
  if (command.name === 'feed' && context.usingDemo) {
    io.stderr('radar: radar feed needs a source: radar feed <source>... (or configured sources; see radar --help)\n');
    return EXIT.usage;
  }
  if (context.sources.length === 0) {
    io.stderr('radar: no source given, none configured, and the demo data is missing; try radar -s <file>\n');
    return EXIT.nothingLoaded;
  }

  switch (command.name) {
    // Each command loads only its own code: `radar next` runs in shell prompts.
    case 'list':
      return (await import('./commands/list')).runList(context, command.what);
    case 'next':
      return (await import('./commands/next')).runNext(context);
    case 'validate':
      return (await import('./commands/validate')).runValidate(context);
    case 'export':
      return (await import('./commands/export-ics')).runExportIcs(context);
    case 'feed':
      return (await import('./commands/feed')).runFeed(context);
    case 'watch':
      return (await import('./commands/watch')).runWatch(context);
    case 'dashboard':
      // Output not a terminal: behave as --once (cli.md). Input not a terminal (a schedule piped
      // in with -s -): the dashboard reads keys from /dev/tty, or falls back to --once.
      return (await import('./commands/dashboard')).runDashboardCommand(context);
  }
}

guardStandardStreams(process.stdout, process.stderr, (code) => process.exit(code));

const io: Io = {
  stdout: (text) => void process.stdout.write(text),
  // Messages quote file names, arguments and parsers' findings: none may carry an escape.
  stderr: (text) => void process.stderr.write(safeForTerminal(text)),
  stdoutIsTty: Boolean(process.stdout.isTTY),
  stdinIsTty: Boolean(process.stdin.isTTY),
  env: process.env,
  readStdin,
  clock: () => Date.now(),
  columns: process.stdout.columns ?? (Number(process.env['COLUMNS']) || null),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so plainly, with the detail for a bug report.
    process.stderr.write(safeForTerminal(`radar: internal error: ${error instanceof Error ? error.message : String(error)}\n`));
    if (process.env['RADAR_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 70;
  },
);
