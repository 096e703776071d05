// Text → plain values, with a way back from a path in the value to a line and column in the
// text, so every later problem can be reported where the user wrote it.
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { DocPath } from './adapters/types';
import { indexJsonPositions } from './json-positions';
import { lineStartOffsets, positionOf, type Position } from './line-positions';
import { cleanText } from './sanitize';

export type { Position } from './line-positions';

export interface ParseProblem extends Position {
  message: string;
  /** A path for located warnings about mappings (duplicate keys), null for syntax errors. */
  path: DocPath | null;
}

export type ParseResult = { ok: true; value: unknown; locate: (path: DocPath, at?: 'key' | 'value') => Position; warnings: ParseProblem[] } | { ok: false; errors: ParseProblem[] };

/** Deeper than any schedule needs; keeps hostile documents from exhausting the stack. */
export const MAX_DEPTH = 64;
/** YAML aliases a document may expand: a "billion laughs" document fails fast. */
export const MAX_ALIASES = 1000;
/**
 * Nodes that aliases may add, all aliases together: an alias costs what it expands to (a list
 * of 100,000 items aliased 999 times is 100 million nodes to validate), not 1.
 */
export const MAX_ALIAS_NODES = 100_000;
/** The tags of plain YAML; `!!binary`, `!!timestamp`, `!custom` are not schedule values. */
const PLAIN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export type TextKind = 'yaml' | 'json';

/** Chooses the parser from the file name; for stdin, from the first non-blank character. */
export function textKind(name: string, text: string): TextKind {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

export function parseText(withBom: string, kind: TextKind): ParseResult {
  // Editors on Windows start UTF-8 files with a byte-order mark; it is not part of the text.
  const text = withBom.charCodeAt(0) === 0xfeff ? withBom.slice(1) : withBom;
  if (kind === 'json') return parseJson(text);
  return parsePlainYaml(text) ?? parseYaml(text);
}

// Anchors, aliases and tags: documents that use them go through the careful parser, which
// caps alias expansion (js-yaml shares aliased nodes, which a billion-laughs file turns into
// an exponential walk later on).
// Explicit keys (`? [a, b]`) and collection keys in flow mappings (`{[a]: b}`) too: the careful
// parser refuses them, where js-yaml would turn the key into text.
const YAML_NODE_PROPERTIES = /(^|[\s[{,:-])[&*!][^\s]|(^|\n)[ \t]*(- +)*\?(\s|$)|\{\s*[[{]/;

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
  // Too deep or amplified through shared nodes: the careful parser says where.
  if (valueProblem(value) !== null) return null;
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
  let located: ((path: DocPath, at?: 'key' | 'value') => Position) | null = null;
  return (path, at = 'value') => {
    // Only positions are wanted here: the text already parsed, so no values, no checks.
    if (located === null) {
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, schema: 'core' });
      located = documentLocator(document, (node) => (node?.range ? toPosition(lineCounter.linePos(node.range[0])) : { line: 1, column: 1 }));
    }
    return located(path, at);
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
      errors: document.errors.map((error) => ({ ...lineColumn(text, error.pos[0]), path: null, message: yamlErrorInWords(error, text) })),
    };
  }
  const position = (node: Node | null | undefined): Position => (node?.range ? toPosition(lineCounter.linePos(node.range[0])) : { line: 1, column: 1 });
  // Before toJS: what the aliases expand to, self-references, keys and tags radar cannot use.
  const structural = structureProblem(document, position);
  if (structural !== null) return { ok: false, errors: [structural] };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = /alias/i.test(String(error)) ? `too many alias expansions (more than ${MAX_ALIASES}): refusing a document that expands without bound` : describeThrown(error);
    return { ok: false, errors: [{ line: 1, column: 1, path: null, message }] };
  }
  const tooDeep = valueProblem(value);
  if (tooDeep !== null) return { ok: false, errors: [{ line: 1, column: 1, path: null, message: tooDeep }] };

  const warnings: ParseProblem[] = [];
  collectDuplicateKeys(document.contents, [], warnings, position);

  const locate = documentLocator(document, position);
  return { ok: true, value, locate, warnings };
}

/** Where a path of the value was written, from the document as the careful parser composed it. */
function documentLocator(document: Document.Parsed, position: (node: Node | null | undefined) => Position): (path: DocPath, at?: 'key' | 'value') => Position {
  return (path: DocPath, at: 'key' | 'value' = 'value'): Position => {
    let node: unknown = document.contents;
    let best = position(document.contents as Node | null);
    for (let index = 0; index < path.length; index += 1) {
      const segment = path[index];
      const last = index === path.length - 1;
      if (isMap(node)) {
        // The last of duplicate keys wins, as in the value.
        // Keys are compared as the loader cleaned them (a key with an escape in it).
        const pair = [...node.items].reverse().find((item) => cleanText(keyText(item.key)) === String(segment));
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
}

function toPosition(position: { line: number; col: number }): Position {
  return { line: position.line, column: position.col };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function collectDuplicateKeys(node: unknown, path: (string | number)[], warnings: ParseProblem[], position: (node: Node | null | undefined) => Position): void {
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

/**
 * Too deep, circular, or larger than written through shared nodes (aliases): each object is
 * measured once, so this costs what the text costs, not what it expands to.
 */
function valueProblem(value: unknown): string | null {
  const measured = new Map<object, { height: number; size: number }>();
  const inProgress = new Set<object>();
  let problem: string | null = null;
  let unique = 0;
  const measure = (node: unknown, depth: number): { height: number; size: number } => {
    if (node === null || typeof node !== 'object') return { height: 0, size: 1 };
    const known = measured.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) {
      problem ??= 'an alias refers to a node that contains it: the document would never end';
      return { height: 0, size: 1 };
    }
    if (depth > MAX_DEPTH) {
      problem ??= `nested more than ${MAX_DEPTH} levels deep`;
      return { height: 0, size: 1 };
    }
    inProgress.add(node);
    unique += 1;
    let height = 0;
    let size = 1;
    for (const child of Object.values(node)) {
      // A scalar belongs to the one object holding it: written once, counted once.
      if (child === null || typeof child !== 'object') unique += 1;
      const inner = measure(child, depth + 1);
      height = Math.max(height, inner.height + 1);
      size = Math.min(size + inner.size, Number.MAX_SAFE_INTEGER);
      if (problem !== null) break;
    }
    inProgress.delete(node);
    const result = { height, size };
    measured.set(node, result);
    return result;
  };
  const { size } = measure(value, 0);
  if (problem !== null) return problem;
  if (size - unique > MAX_ALIAS_NODES * 2) return aliasBudgetText();
  return null;
}

function aliasBudgetText(): string {
  return `aliases here expand the document by more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes: refusing a document that grows without bound when read`;
}

/**
 * Walks the document as written, counting what each alias expands to (memoized per node, so
 * a billion-laughs file costs its length) and stopping at the first alias past the budget,
 * a collection used as a key, or a tag that is not plain YAML. Located where the user wrote it.
 */
function structureProblem(document: Document.Parsed, position: (node: Node | null | undefined) => Position): ParseProblem | null {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  let aliasNodes = 0;
  const fail = (node: unknown, message: string): never => {
    throw Object.assign(new Error(message), { at: position(isNode(node) ? node : null) });
  };
  const sizeOf = (node: unknown, depth: number): number => {
    if (depth > MAX_DEPTH) fail(node, `nested more than ${MAX_DEPTH} levels deep`);
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (target === undefined) return 1;
      if (inProgress.has(target)) fail(node, `the alias *${cleanText(node.source)} refers to a node that contains it: the document would never end`);
      const expanded = sizeOf(target, depth);
      aliasNodes += expanded;
      if (aliasNodes > MAX_ALIAS_NODES) fail(node, aliasBudgetText());
      return expanded;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (isNode(node) && node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      fail(node, `the tag ${cleanText(tag)} is not supported: write the value as plain text`);
    }
    let size = 1;
    inProgress.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isCollection(pair.key)) fail(pair.key, 'a key must be plain text, not a list or a mapping');
        size += sizeOf(pair.key, depth + 1) + sizeOf(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) size += isPair(item) ? sizeOf(item.key, depth + 1) + sizeOf(item.value, depth + 1) : sizeOf(item, depth + 1);
    }
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  try {
    sizeOf(document.contents, 0);
    return null;
  } catch (error) {
    const at = (error as { at?: Position }).at;
    if (at === undefined) throw error;
    return { ...at, path: null, message: (error as Error).message };
  }
}

/**
 * The YAML parser's findings in radar's words: what is wrong and how to fix it, not the
 * parser's internals ("please use YAML.parseAllDocuments()").
 */
function yamlErrorInWords(error: YAMLError, text: string): string {
  const found = text.slice(error.pos[0], error.pos[0] + 1);
  const shown = found === '' ? 'the end of the file' : showChar(found);
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'a second YAML document (after ---): a schedule file holds one document';
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      // "Flow sequence in block collection must be sufficiently indented and end with a ]"
      const flow = /^Flow (sequence|mapping)/.exec(error.message);
      if (flow !== null) {
        return flow[1] === 'sequence'
          ? 'a list opened with [ is not closed with ] (or its next lines are not indented under its key)'
          : 'a mapping opened with { is not closed with } (or its next lines are not indented under its key)';
      }
      if (error.code === 'BAD_INDENT') return 'this line is not indented like the lines around it';
      const closing = /\]/.test(error.message) ? ']' : /\}/.test(error.message) ? '}' : /"/.test(error.message) ? '"' : /'/.test(error.message) ? "'" : null;
      if (closing === ']' || closing === '}') {
        return `a ${closing === ']' ? 'list opened with [' : 'mapping opened with {'} is not closed with ${closing} (or its lines are not indented under its key)`;
      }
      if (closing !== null) return `a quoted value is not closed with ${closing}`;
      return 'something is missing here (a ":" after a key, or a closing bracket or quote)';
    }
    case 'UNEXPECTED_TOKEN':
      return `unexpected ${shown} here`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line (is a ":" or a closing quote missing above?)';
    case 'TAB_AS_INDENT':
      return 'a tab indents this line: YAML indents with spaces';
    case 'BAD_DQ_ESCAPE':
      return 'a backslash escape in a double-quoted value that YAML does not know (write \\\\ for a backslash)';
    case 'BAD_SCALAR_START':
      return `a plain value cannot start with ${shown}: put the value in quotes`;
    case 'BLOCK_IN_FLOW':
      return 'an indented block inside [ ] or { }: write the value on the same line, or drop the brackets';
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1024 characters';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `an alias (*name) to an anchor (&name) that is not defined above it, or with properties of its own`;
    case 'DUPLICATE_KEY':
      return 'a key written twice in the same mapping';
    case 'IMPOSSIBLE':
    case 'BAD_COLLECTION_TYPE':
    case 'BAD_DIRECTIVE':
    case 'TAG_RESOLVE_FAILED':
    default:
      if (/call stack/i.test(error.message)) return `nested more than ${MAX_DEPTH} levels deep`;
      return `not valid YAML here (${cleanText(firstLine(error.message)).replace(/^[A-Z]/, (c) => c.toLowerCase())})`;
  }
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
  const tooDeep = valueProblem(value);
  if (tooDeep !== null) return { ok: false, errors: [{ line: 1, column: 1, path: null, message: tooDeep }] };
  // Every item's origin needs positions (and the parsed-file cache keeps them), so the one
  // pass that finds them runs now; it finds duplicate keys too, reported as in YAML.
  const positions = indexJsonPositions(text);
  const warnings = positions.duplicateKeys.map(({ path, position, earlierLine }): ParseProblem => ({ ...position, path, message: duplicateKeyMessage(earlierLine) }));
  return { ok: true, value, locate: positions.locate, warnings };
}

/**
 * Finds where JSON goes wrong, as "line:column: expected \",\" or \"}\" after the value, found …":
 * JSON.parse's own messages
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
  /** What was found where something else was expected, in words. */
  const unexpected = (expected = 'a value (text in double quotes, a number, true, false, null, [ or {)'): never =>
    offset >= text.length ? fail(`the text ends where ${expected} was expected`) : fail(`expected ${expected}, found ${showChar(text[offset]!)}`);
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
        if (text[offset] === '}') fail('a comma before } (JSON allows no trailing comma)');
        if (text[offset] !== '"') unexpected('a key in double quotes');
        string();
        skipSpace();
        if (text[offset] !== ':') unexpected('":" after the key');
        offset += 1;
        value(depth + 1);
        skipSpace();
        if (text[offset] === ',') offset += 1;
        else if (text[offset] === '}') {
          offset += 1;
          return;
        } else unexpected('"," or "}" after the value');
      }
    } else if (char === '[') {
      offset += 1;
      skipSpace();
      if (text[offset] === ']') {
        offset += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[offset] === ']') fail('a comma before ] (JSON allows no trailing comma)');
        value(depth + 1);
        skipSpace();
        if (text[offset] === ',') offset += 1;
        else if (text[offset] === ']') {
          offset += 1;
          return;
        } else unexpected('"," or "]" after the value');
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
    if (offset < text.length) fail(`more text after the end of the JSON value: ${showChar(text[offset]!)}`);
    return { line: 1, column: 1, path: null, message: 'not valid JSON' };
  } catch (error) {
    const at = (error as { offset?: number }).offset ?? 0;
    return { ...lineColumn(text, at), path: null, message: (error as Error).message };
  }
}

/** A character as a message may quote it: visible ones in quotes, the rest by code point. */
function showChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Controls (C0, DEL, C1), bidi and other format characters, separators, unpaired surrogates.
  const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u.test(char) || /\s/.test(char);
  return invisible ? `character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(char);
}

/** `meetings[1].slots[0].time`: the path notation of every message. */
export function formatPath(path: DocPath): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(document)' : text;
}
