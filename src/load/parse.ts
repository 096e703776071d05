// Text → plain values, with a way back from a path in the value to a line and column in the
// text, so every later problem can be reported where the user wrote it.
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocPath } from './adapters/types';
import { indexJsonPositions } from './json-positions';
import { lineStartOffsets, positionOf, type Position } from './line-positions';

export type { Position } from './line-positions';

export interface ParseProblem extends Position {
  message: string;
  /** A path for located warnings about mappings (duplicate keys), null for syntax errors. */
  path: DocPath | null;
}

export type ParseResult =
  | { ok: true; value: unknown; locate: (path: DocPath, at?: 'key' | 'value') => Position; warnings: ParseProblem[] }
  | { ok: false; errors: ParseProblem[] };

/** Deeper than any schedule needs; keeps hostile documents from exhausting the stack. */
export const MAX_DEPTH = 64;
/** YAML aliases a document may expand: a "billion laughs" document fails fast. */
export const MAX_ALIASES = 1000;

export type TextKind = 'yaml' | 'json';

/** Chooses the parser from the file name; for stdin, from the first non-blank character. */
export function textKind(name: string, text: string): TextKind {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

export function parseText(text: string, kind: TextKind): ParseResult {
  if (kind === 'json') return parseJson(text);
  return parsePlainYaml(text) ?? parseYaml(text);
}

// Anchors, aliases and tags: documents that use them go through the careful parser, which
// caps alias expansion (js-yaml shares aliased nodes, which a billion-laughs file turns into
// an exponential walk later on).
const YAML_NODE_PROPERTIES = /(^|[\s[{,:-])[&*!][^\s]/;

/**
 * The fast path: js-yaml reads a plain document about ten times faster than the yaml
 * package (2.3 MiB: 0.2 s against 2.3 s here). Anything unusual (a syntax error, duplicate
 * keys, anchors) returns null and is read again by parseYaml, which locates every problem;
 * positions for later messages come from it too, lazily.
 */
function parsePlainYaml(text: string): ParseResult | null {
  if (YAML_NODE_PROPERTIES.test(text)) return null;
  // Where each mapping and list starts, recorded while parsing, so the origin of every item
  // costs nothing; anything finer (a scalar, a key) is located by the careful parser on demand.
  const starts = new WeakMap<object, number>();
  const opened: number[] = [];
  let value: unknown;
  try {
    value = loadYaml(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') opened.push(state.position);
        else {
          const start = opened.pop();
          const result: unknown = state.result;
          if (start !== undefined && result !== null && typeof result === 'object' && !starts.has(result)) starts.set(result, start);
        }
      },
    });
  } catch {
    return null;
  }
  if (depthProblem(value) !== null) return null;
  const careful = lazyLocate(text);
  let lineStarts: number[] | null = null;
  const locate = (path: DocPath, at: 'key' | 'value' = 'value'): Position => {
    if (at === 'value') {
      let node: unknown = value;
      for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
      const start = node !== null && typeof node === 'object' ? starts.get(node) : undefined;
      if (start !== undefined) {
        lineStarts ??= lineStartOffsets(text);
        return positionOf(lineStarts, start);
      }
    }
    return careful(path, at);
  };
  return { ok: true, value: value ?? null, locate, warnings: [] };
}

function lazyLocate(text: string): (path: DocPath, at?: 'key' | 'value') => Position {
  let located: Extract<ParseResult, { ok: true }> | null = null;
  return (path, at = 'value') => {
    if (located === null) {
      const parsed = parseYaml(text);
      if (!parsed.ok) return { line: 1, column: 1 };
      located = parsed;
    }
    return located.locate(path, at);
  };
}

function lineColumn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function parseYaml(text: string): ParseResult {
  const lineCounter = new LineCounter();
  let document;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, schema: 'core' });
  } catch (error) {
    return { ok: false, errors: [{ line: 1, column: 1, path: null, message: describeThrown(error) }] };
  }
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        ...lineColumn(text, error.pos[0]),
        path: null,
        message: firstLine(error.message),
      })),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = /alias/i.test(String(error))
      ? `too many alias expansions (more than ${MAX_ALIASES}): refusing a document that expands without bound`
      : describeThrown(error);
    return { ok: false, errors: [{ line: 1, column: 1, path: null, message }] };
  }
  const tooDeep = depthProblem(value);
  if (tooDeep !== null) return { ok: false, errors: [{ line: 1, column: 1, path: null, message: tooDeep }] };

  const warnings: ParseProblem[] = [];
  const position = (node: Node | null | undefined): Position =>
    node?.range ? toPosition(lineCounter.linePos(node.range[0])) : { line: 1, column: 1 };
  collectDuplicateKeys(document.contents, [], warnings, position);

  const locate = (path: DocPath, at: 'key' | 'value' = 'value'): Position => {
    let node: unknown = document.contents;
    let best = position(document.contents as Node | null);
    for (let index = 0; index < path.length; index += 1) {
      const segment = path[index];
      const last = index === path.length - 1;
      if (isMap(node)) {
        // The last of duplicate keys wins, as in the value.
        const pair = [...node.items].reverse().find((item) => keyText(item.key) === String(segment));
        if (!pair) return best;
        if (last && at === 'key') return position(pair.key as Node);
        node = pair.value;
        best = position((pair.value ?? pair.key) as Node);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return best;
        node = item;
        best = position(item as Node);
      } else {
        return best;
      }
    }
    return best;
  };
  return { ok: true, value, locate, warnings };
}

function toPosition(position: { line: number; col: number }): Position {
  return { line: position.line, column: position.col };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function collectDuplicateKeys(
  node: unknown,
  path: (string | number)[],
  warnings: ParseProblem[],
  position: (node: Node | null | undefined) => Position,
): void {
  if (isMap(node)) {
    const seen = new Map<string, Position>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      const here = position(pair.key as Node);
      const earlier = seen.get(key);
      if (earlier) {
        warnings.push({
          ...here,
          path: [...path, key],
          message: duplicateKeyMessage(earlier.line),
        });
      }
      seen.set(key, here);
      collectDuplicateKeys(pair.value, [...path, key], warnings, position);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => collectDuplicateKeys(item, [...path, index], warnings, position));
  }
}

function duplicateKeyMessage(earlierLine: number): string {
  return `duplicate key (also on line ${earlierLine}); the last one is used`;
}

function depthProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_DEPTH) return `nested more than ${MAX_DEPTH} levels deep`;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return null;
}

function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return `nested more than ${MAX_DEPTH} levels deep`;
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function parseJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [locateJsonError(text)] };
  }
  const tooDeep = depthProblem(value);
  if (tooDeep !== null) return { ok: false, errors: [{ line: 1, column: 1, path: null, message: tooDeep }] };
  // Every item's origin needs positions (and the parsed-file cache keeps them), so the one
  // pass that finds them runs now; it finds duplicate keys too, reported as in YAML.
  const positions = indexJsonPositions(text);
  const warnings = positions.duplicateKeys.map(({ path, position, earlierLine }): ParseProblem => ({ ...position, path, message: duplicateKeyMessage(earlierLine) }));
  return { ok: true, value, locate: positions.locate, warnings };
}

/**
 * Finds where JSON goes wrong, as "line:column: unexpected }": JSON.parse's own messages
 * differ between Node versions and do not always give a position.
 */
export function locateJsonError(text: string): ParseProblem {
  let offset = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset });
  };
  const skipSpace = () => {
    while (offset < text.length && ' \t\n\r'.includes(text[offset]!)) offset += 1;
  };
  const unexpected = (): never =>
    offset >= text.length ? fail('unexpected end of input') : fail(`unexpected ${showChar(text[offset]!)}`);
  const literal = (word: string) => {
    if (text.startsWith(word, offset)) offset += word.length;
    else unexpected();
  };
  const string = () => {
    offset += 1;
    while (offset < text.length) {
      const char = text[offset]!;
      if (char === '"') {
        offset += 1;
        return;
      }
      if (char === '\\') {
        const next = text[offset + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(offset + 2, offset + 6))) {
            offset += 1;
            fail('bad \\u escape in string');
          }
          offset += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) offset += 2;
        else {
          offset += 1;
          fail(`bad escape \\${next ?? ''} in string`);
        }
      } else if (char < ' ') fail('control character in string');
      else offset += 1;
    }
    fail('unterminated string');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(offset, offset + 400));
    if (!match) unexpected();
    offset += match![0].length;
  };
  const value = (depth: number) => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    skipSpace();
    const char = text[offset];
    if (char === '{') {
      offset += 1;
      skipSpace();
      if (text[offset] === '}') {
        offset += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[offset] !== '"') unexpected();
        string();
        skipSpace();
        if (text[offset] !== ':') unexpected();
        offset += 1;
        value(depth + 1);
        skipSpace();
        if (text[offset] === ',') offset += 1;
        else if (text[offset] === '}') {
          offset += 1;
          return;
        } else unexpected();
      }
    } else if (char === '[') {
      offset += 1;
      skipSpace();
      if (text[offset] === ']') {
        offset += 1;
        return;
      }
      for (;;) {
        value(depth + 1);
        skipSpace();
        if (text[offset] === ',') offset += 1;
        else if (text[offset] === ']') {
          offset += 1;
          return;
        } else unexpected();
      }
    } else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else unexpected();
  };
  try {
    value(0);
    skipSpace();
    if (offset < text.length) unexpected();
    return { line: 1, column: 1, path: null, message: 'not valid JSON' };
  } catch (error) {
    const at = (error as { offset?: number }).offset ?? 0;
    return { ...lineColumn(text, at), path: null, message: (error as Error).message };
  }
}

function showChar(char: string): string {
  return char >= ' ' && char !== '\u007f' ? char : `character U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `meetings[1].slots[0].time`: the path notation of every message. */
export function formatPath(path: DocPath): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(document)' : text;
}
