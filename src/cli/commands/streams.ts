// Standard output and error at the edge of the program. A reader that stops early (`| head`)
// ends radar quietly, as it ends `cat`; a full disk or another write failure is one line on
// standard error and a non-zero exit, never an unhandled 'error' event with a stack.
import { cleanText } from '../../load/sanitize';
import { EXIT } from '../../context/exit-codes';

/** What a failed write of standard output means to the user. */
export function writeFailure(error: unknown): { quiet: true } | { quiet: false; message: string } {
  const code = (error as { code?: string } | null)?.code;
  // The reader went away: EPIPE on a pipe, ECONNRESET when standard output is a socket (as a
  // parent's stdio often is: Node's child processes get socket pairs, not pipes).
  if (code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED') return { quiet: true };
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EDQUOT' ? 'disk quota exceeded' : code === 'EIO' ? 'input/output error' : (code ?? 'write failed');
  return { quiet: false, message: `radar: cannot write standard output: ${why}\n` };
}

/**
 * Installs the handlers once, before anything is written. `exit` is process.exit in the
 * program and a spy in tests.
 */
export function guardStandardStreams(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream, exit: (code: number) => void): void {
  // A pipe is written asynchronously: whatever the reader has not taken yet waits in memory,
  // which for millions of --json rows is gigabytes. Blocking writes let the reader set the pace.
  (stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);
  stdout.on('error', (error) => {
    const failure = writeFailure(error);
    if (failure.quiet) {
      exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
      return;
    }
    try {
      stderr.write(failure.message);
    } finally {
      exit(EXIT.usage);
    }
  });
  // Nowhere left to say anything: end without a word.
  stderr.on('error', () => exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok));
}

/**
 * Messages for standard error go through the same cleaning as loaded text (a file name, an
 * argument or a parser's quote can carry escapes), keeping line breaks.
 */
export function safeForTerminal(text: string): string {
  return cleanText(text, true);
}

/** Gathers small pieces into chunks of about 64 KiB, so no single string holds the whole output. */
function chunked(write: (text: string) => void): { add: (text: string) => void; end: () => void } {
  let chunk = '';
  return {
    add(text) {
      chunk += text;
      if (chunk.length >= 65_536) {
        write(chunk);
        chunk = '';
      }
    },
    end() {
      if (chunk !== '') write(chunk);
      chunk = '';
    },
  };
}

/** Writes lines (each ended by a newline) in chunks. */
export function writeLines(write: (text: string) => void, lines: Iterable<string>): void {
  const out = chunked(write);
  for (const line of lines) out.add(`${line}\n`);
  out.end();
}

/**
 * Exactly `JSON.stringify({...head, [key]: items}, null, 2)` plus a newline, written item by
 * item: millions of items never become one string (V8 caps a string at about 512 MiB).
 */
export function writeJsonEnvelope(write: (text: string) => void, head: Record<string, unknown>, key: string, items: Iterable<unknown>): void {
  const empty = JSON.stringify({ ...head, [key]: [] }, null, 2);
  const open = empty.lastIndexOf('[]');
  const out = chunked(write);
  out.add(empty.slice(0, open + 1));
  let count = 0;
  for (const item of items) {
    out.add(`${count === 0 ? '' : ','}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`);
    count += 1;
  }
  out.add(count === 0 ? ']\n}\n' : '\n  ]\n}\n');
  out.end();
}

/** Each item converted only when it is written: no second array of millions of objects. */
export function* lazyMap<T, U>(items: Iterable<T>, convert: (item: T) => U): Generator<U> {
  for (const item of items) yield convert(item);
}
