// Every string that comes from a source (file, stdin, remote feed) passes through here before
// it can reach the terminal: a feed must not be able to retitle the terminal (OSC), clear it or
// switch screens (CSI), ring the bell, reset it (ESC c) or disguise text with bidi overrides.
//
// The guarantee is simple to state and is what the tests check: the result contains no C0
// control character (except `\n` and `\t` when newlines are kept), no DEL, no C1 control and
// no bidi embedding/override/isolate character. Escape sequences are removed whole, so their
// parameters ("]0;pwned") do not leak into the text.

const ESC = 0x1b;
const BEL = 0x07;
const DEL = 0x7f;
/** 8-bit String Terminator (the C1 form of `ESC \`). */
const ST_8BIT = 0x9c;

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type StringKind = 'csi' | 'osc' | 'string';

/** 8-bit C1 introducers that open a sequence with a body (the rest of C1 is dropped alone). */
const C1_INTRODUCERS: ReadonlyMap<number, StringKind> = new Map([
  [0x9b, 'csi'],
  [0x9d, 'osc'],
  [0x90, 'string'], // DCS
  [0x98, 'string'], // SOS
  [0x9e, 'string'], // PM
  [0x9f, 'string'], // APC
]);

/** `ESC x` introducers with a body, by their second character. */
const ESC_INTRODUCERS: ReadonlyMap<string, StringKind> = new Map([
  ['[', 'csi'],
  [']', 'osc'],
  ['P', 'string'], // DCS
  ['X', 'string'], // SOS
  ['^', 'string'], // PM
  ['_', 'string'], // APC
]);

function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Index just past a CSI body starting at `i` (parameters, intermediates, one final byte). */
function skipCsi(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const code = s.charCodeAt(j);
    if (code >= 0x20 && code <= 0x3f) {
      j += 1; // parameter (0x30–0x3f) and intermediate (0x20–0x2f) bytes
      continue;
    }
    // A final byte ends the sequence; anything else (a control, a non-ASCII char) ends it
    // malformed: drop what was consumed and let the main loop handle that character.
    return code >= 0x40 && code <= 0x7e ? j + 1 : j;
  }
  return j;
}

/**
 * Index just past a control string (OSC, DCS, SOS, PM, APC) starting at `i`. An unterminated
 * one swallows the rest of the text, as a terminal would.
 */
function skipControlString(s: string, i: number, bellEnds: boolean): number {
  for (let j = i; j < s.length; j += 1) {
    const code = s.charCodeAt(j);
    if (code === ST_8BIT || (bellEnds && code === BEL)) return j + 1;
    if (code === ESC && s[j + 1] === '\\') return j + 2;
  }
  return s.length;
}

function skipBody(s: string, i: number, kind: StringKind): number {
  if (kind === 'csi') return skipCsi(s, i);
  return skipControlString(s, i, kind === 'osc');
}

/** Index just past an escape sequence whose ESC is at `i`. */
function skipEscape(s: string, i: number): number {
  const next = s[i + 1];
  if (next === undefined) return i + 1;
  const kind = ESC_INTRODUCERS.get(next);
  if (kind) return skipBody(s, i + 2, kind);
  // nF sequences (ESC, intermediates 0x20–0x2f, final 0x30–0x7e), e.g. `ESC ( B`, `ESC # 8`.
  let j = i + 1;
  while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j += 1;
  const final = s.charCodeAt(j);
  // Two-character sequences (ESC c resets the terminal, ESC 7 / ESC 8 save and restore the cursor).
  if (final >= 0x30 && final <= 0x7e) return j + 1;
  return j;
}

/**
 * Removes escape sequences whole and every other control character. With `keepNewlines`,
 * `\n` and `\t` survive (a lone `\r` becomes `\n`); without, they become a space.
 */
export function cleanText(s: string, keepNewlines = false): string {
  if (!UNSAFE.test(s)) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (code === ESC) {
      i = skipEscape(s, i);
      continue;
    }
    const c1Kind = C1_INTRODUCERS.get(code);
    if (c1Kind) {
      i = skipBody(s, i + 1, c1Kind);
      continue;
    }
    if (code === 0x0a || code === 0x09) {
      out += keepNewlines ? s[i] : ' ';
    } else if (code === 0x0d) {
      // CRLF is one line break; a lone CR (old Mac files) still separates lines.
      if (s.charCodeAt(i + 1) !== 0x0a) out += keepNewlines ? '\n' : ' ';
    } else if (code < 0x20 || (code >= DEL && code <= 0x9f) || isBidiControl(code)) {
      // dropped
    } else {
      out += s[i];
    }
    i += 1;
  }
  return out;
}

/** Fields whose text is prose: line breaks there are meaningful. */
function isProseKey(key: string): boolean {
  return key === 'notes' || key === 'description';
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Defines a property even when the key is `__proto__` (assignment would set the prototype). */
function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of `value` with every string cleaned, mapping keys included. Strings in lists inherit
 * the key of the mapping holding the list. Shared and circular references (YAML aliases) stay
 * shared. Values that are neither plain objects, arrays, Maps nor strings are kept as they are.
 */
export function cleanDeep<T>(value: T, keepNewlinesFor: (key: string) => boolean = isProseKey): T {
  // One memo per newline mode: a list's strings depend on the key that holds the list.
  const memo = [new Map<object, unknown>(), new Map<object, unknown>()] as const;

  const visit = (node: unknown, keepNewlines: boolean): unknown => {
    if (typeof node === 'string') return cleanText(node, keepNewlines);
    if (node === null || typeof node !== 'object') return node;
    const seen = memo[keepNewlines ? 1 : 0];
    if (seen.has(node)) return seen.get(node);

    if (Array.isArray(node)) {
      const copy: unknown[] = [];
      seen.set(node, copy);
      for (const item of node) copy.push(visit(item, keepNewlines));
      return copy;
    }
    if (node instanceof Map) {
      const copy = new Map<unknown, unknown>();
      seen.set(node, copy);
      for (const [key, item] of node) {
        const cleanKey: unknown = typeof key === 'string' ? cleanText(key) : key;
        const keep = typeof cleanKey === 'string' && keepNewlinesFor(cleanKey);
        copy.set(cleanKey, visit(item, keep));
      }
      return copy;
    }
    if (!isPlainObject(node)) return node;
    const copy: object = Object.getPrototypeOf(node) === null ? Object.create(null) : {};
    seen.set(node, copy);
    for (const key of Object.keys(node)) {
      const cleanKey = cleanText(key);
      defineOwn(copy, cleanKey, visit(node[key], keepNewlinesFor(cleanKey)));
    }
    return copy;
  };

  return visit(value, false) as T;
}
