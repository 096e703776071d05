// Where each value and key of a JSON text is, from one pass over the text: what lets every item
// and problem of a JSON source carry a line and column. JSON.parse gives the values; this pass
// gives their places, at about the cost of a second JSON.parse, where reading the text again
// with the yaml package took seconds on a large feed. Places are the yaml package's (which
// located JSON before): a value at its first character (the opening quote of a string, the
// bracket of a list), a key at its opening quote; lines and columns as in line-positions.ts.
// Duplicate keys are found on the way. No recursion: any depth costs a few array slots.
import type { DocPath } from './adapters/types';
import { lineStartOffsets, positionOf, type Position } from './line-positions';

export interface DuplicateKey {
  /** The path of the later key, whose value is the one used. */
  path: DocPath;
  /** Where that later key is. */
  position: Position;
  /** The line of the same key's occurrence just before it. */
  earlierLine: number;
}

export interface JsonPositions {
  /** Where the value at `path` (or its key) is; for a path that leads nowhere, the deepest value on it. */
  locate: (path: DocPath, at?: 'key' | 'value') => Position;
  duplicateKeys: DuplicateKey[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BYTE_ORDER_MARK = 0xfeff;
/** Up to this many members, a mapping or list is searched member by member instead of through a table. */
const FEW = 8;

const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Indexes a text JSON.parse accepted (a leading byte-order mark is skipped, and counted as a
 * column as the yaml package does). Were the text not JSON, indexing stops where it stops
 * making sense, and paths beyond are located at the deepest value found.
 */
export function indexJsonPositions(text: string): JsonPositions {
  const length = text.length;
  // Values are numbered in document order. A value's members follow it, and `after` is the
  // number after its last descendant, so the next member starts there.
  let capacity = 1024;
  let valueStart = new Int32Array(capacity);
  let keyStart = new Int32Array(capacity);
  let after = new Int32Array(capacity);
  let count = 0;
  const grow = () => {
    capacity *= 2;
    const larger = (old: Int32Array) => {
      const copy = new Int32Array(capacity);
      copy.set(old);
      return copy;
    };
    valueStart = larger(valueStart);
    keyStart = larger(keyStart);
    after = larger(after);
  };
  /** Offsets of keys written with escapes (rare): only these need decoding to compare. */
  const escapedKeys = new Set<number>();
  let lineStarts: number[] | null = null;
  const position = (offset: number): Position => positionOf((lineStarts ??= lineStartOffsets(text)), offset);

  // Where the next backslash is, so that finding the end of a string is one indexOf for the
  // closing quote; only strings with escapes are read character by character.
  let nextBackslash = -1;
  const endOfEscapedString = (start: number): number => {
    for (let index = start + 1; index < length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) return index;
    }
    return -1;
  };
  /** Set by stringEnd: whether the string it ended has escapes. */
  let hadEscape = false;
  /** The offset of the quote closing the string that opens at `start`, or -1. */
  const stringEnd = (start: number): number => {
    const quote = text.indexOf('"', start + 1);
    if (nextBackslash !== length && nextBackslash <= start) {
      nextBackslash = text.indexOf('\\', start + 1);
      if (nextBackslash === -1) nextBackslash = length;
    }
    hadEscape = quote !== -1 && nextBackslash < quote;
    return hadEscape ? endOfEscapedString(start) : quote;
  };
  /** The key whose quotes are at `start` and `end`, with its escapes read; as written, were it not JSON. */
  const unescapedKey = (start: number, end: number): string => {
    const written = text.slice(start, end + 1);
    try {
      return JSON.parse(written) as string;
    } catch {
      return written.slice(1, -1);
    }
  };
  const decodeKey = (offset: number): string => (escapedKeys.has(offset) ? unescapedKey(offset, endOfEscapedString(offset)) : text.slice(offset + 1, text.indexOf('"', offset + 1)));
  const skipSpace = (from: number): number => {
    let index = from;
    while (index < length && isJsonSpace(text.charCodeAt(index))) index += 1;
    return index;
  };

  // The open mappings and lists, innermost last; for mappings, the keys read so far (decoded),
  // to find duplicates, and past a few keys a table of them.
  const openIds: number[] = [];
  const openKeyBase: number[] = [];
  const openKeyTables: (Map<string, number> | null)[] = [];
  const keyOffsets: number[] = [];
  const keyNames: string[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  /** The key of the value about to be read, or -1 outside a mapping. */
  let pendingKey = -1;

  const indexAmongItems = (list: number, item: number): number => {
    let index = 0;
    for (let member = list + 1; member !== item; member = after[member]!) index += 1;
    return index;
  };
  const openPath = (): (string | number)[] =>
    openIds.slice(1).map((id, level) => {
      const parent = openIds[level]!;
      return text.charCodeAt(valueStart[parent]!) === OPEN_BRACE ? decodeKey(keyStart[id]!) : indexAmongItems(parent, id);
    });
  const noteKey = (offset: number, name: string) => {
    const level = openIds.length - 1;
    const base = openKeyBase[level]!;
    let table = openKeyTables[level]!;
    let earlier: number | undefined;
    if (table !== null) earlier = table.get(name);
    else {
      for (let index = keyNames.length - 1; index >= base && earlier === undefined; index -= 1) {
        if (keyNames[index] === name) earlier = keyOffsets[index];
      }
      if (keyNames.length - base >= FEW) {
        table = new Map();
        for (let index = base; index < keyNames.length; index += 1) table.set(keyNames[index]!, keyOffsets[index]!);
        openKeyTables[level] = table;
      }
    }
    if (earlier !== undefined) {
      duplicateKeys.push({ path: [...openPath(), name], position: position(offset), earlierLine: position(earlier).line });
    }
    if (table !== null) table.set(name, offset);
    else {
      keyOffsets.push(offset);
      keyNames.push(name);
    }
  };
  /** Reads `"key" :` at `from`; the offset of the value after it, or -1. */
  const readKey = (from: number): number => {
    if (text.charCodeAt(from) !== QUOTE) return -1;
    const end = stringEnd(from);
    if (end === -1) return -1;
    if (hadEscape) escapedKeys.add(from);
    pendingKey = from;
    noteKey(from, hadEscape ? unescapedKey(from, end) : text.slice(from + 1, end));
    const colon = skipSpace(end + 1);
    return text.charCodeAt(colon) === COLON ? skipSpace(colon + 1) : -1;
  };

  let offset = skipSpace(text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0);
  scanning: for (;;) {
    // A value starts at `offset`.
    if (offset >= length) break;
    if (count === capacity) grow();
    const id = count;
    count += 1;
    valueStart[id] = offset;
    keyStart[id] = pendingKey;
    // A mapping or list moves this past its members when it closes.
    after[id] = id + 1;
    pendingKey = -1;
    const first = text.charCodeAt(offset);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      openIds.push(id);
      openKeyBase.push(keyNames.length);
      openKeyTables.push(null);
      offset = skipSpace(offset + 1);
      const next = text.charCodeAt(offset);
      if (first === OPEN_BRACE && next !== CLOSE_BRACE) {
        offset = readKey(offset);
        if (offset === -1) break;
        continue;
      }
      if (first === OPEN_BRACKET && next !== CLOSE_BRACKET) continue;
      // Empty: closed just below.
    } else if (first === QUOTE) {
      const end = stringEnd(offset);
      if (end === -1) break;
      offset = end + 1;
    } else {
      // A number, true, false or null: it runs to the next delimiter.
      const start = offset;
      while (offset < length) {
        const code = text.charCodeAt(offset);
        if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isJsonSpace(code)) break;
        offset += 1;
      }
      if (offset === start) break;
    }
    // After a value: close what ends here, then on to the next member.
    for (;;) {
      offset = skipSpace(offset);
      if (openIds.length === 0) break scanning;
      const code = text.charCodeAt(offset);
      const level = openIds.length - 1;
      const inMapping = text.charCodeAt(valueStart[openIds[level]!]!) === OPEN_BRACE;
      if (code === COMMA) {
        offset = skipSpace(offset + 1);
        if (inMapping) {
          offset = readKey(offset);
          if (offset === -1) break scanning;
        }
        continue scanning;
      }
      if (code !== (inMapping ? CLOSE_BRACE : CLOSE_BRACKET)) break scanning;
      after[openIds.pop()!] = count;
      const base = openKeyBase.pop()!;
      openKeyTables.pop();
      keyOffsets.length = base;
      keyNames.length = base;
      offset += 1;
    }
  }
  // Anything left open (only in a text that is not JSON) ends with the last value found.
  for (const id of openIds) after[id] = count;

  const itemTables = new Map<number, Int32Array>();
  const memberTables = new Map<number, Map<string, number>>();
  const membersOf = (id: number): number[] => {
    const members: number[] = [];
    for (let member = id + 1; member < after[id]!; member = after[member]!) members.push(member);
    return members;
  };
  const itemAt = (list: number, index: number): number => {
    if (!Number.isInteger(index) || index < 0) return -1;
    let table = itemTables.get(list);
    if (table === undefined) {
      let item = list + 1;
      for (let walked = 0; walked < FEW; walked += 1) {
        if (item >= after[list]!) return -1;
        if (walked === index) return item;
        item = after[item]!;
      }
      table = Int32Array.from(membersOf(list));
      itemTables.set(list, table);
    }
    return index < table.length ? table[index]! : -1;
  };
  /** The member of a mapping named `name`: the last one, as in the parsed value. */
  const memberNamed = (mapping: number, name: string): number => {
    let table = memberTables.get(mapping);
    if (table === undefined) {
      // A name without quotes or backslashes is found in the text as it is written, unless
      // the key was written with escapes.
      const plain = !name.includes('"') && !name.includes('\\');
      let found = -1;
      let members = 0;
      for (let member = mapping + 1; member < after[mapping]! && members <= FEW; member = after[member]!) {
        members += 1;
        const key = keyStart[member]!;
        const same = plain && !escapedKeys.has(key) ? text.startsWith(name, key + 1) && text.charCodeAt(key + 1 + name.length) === QUOTE : decodeKey(key) === name;
        if (same) found = member;
      }
      if (members <= FEW) return found;
      table = new Map();
      for (const member of membersOf(mapping)) table.set(decodeKey(keyStart[member]!), member);
      memberTables.set(mapping, table);
    }
    return table.get(name) ?? -1;
  };

  const locate = (path: DocPath, at: 'key' | 'value' = 'value'): Position => {
    if (count === 0) return { line: 1, column: 1 };
    let node = 0;
    for (let index = 0; index < path.length; index += 1) {
      const segment = path[index]!;
      const opening = text.charCodeAt(valueStart[node]!);
      if (opening === OPEN_BRACE) {
        const member = memberNamed(node, String(segment));
        if (member === -1) break;
        if (at === 'key' && index === path.length - 1) return position(keyStart[member]!);
        node = member;
      } else if (opening === OPEN_BRACKET && typeof segment === 'number') {
        const item = itemAt(node, segment);
        if (item === -1) break;
        node = item;
      } else break;
    }
    return position(valueStart[node]!);
  };
  return { locate, duplicateKeys };
}
