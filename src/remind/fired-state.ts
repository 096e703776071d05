// Which reminders have fired, kept in the cache folder so a restart never fires one twice.
// The file is radar's own: replaced in one step (a crash leaves the old file or the new one,
// never half of each), pruned of events that have started, and read with suspicion: anything
// that is not what radar writes is ignored.
import fs from 'node:fs';
import path from 'node:path';
import { fileErrorWords } from '../files/error-words';
import { writeFileAtomically } from '../files/write-atomically';
import { readTextFile } from '../files/read-regular-file';

const FILE_NAME = 'reminders-fired.json';
const FORMAT = 1;
/** A key is radar's own short text; anything much longer was not written by radar. */
const MAX_KEY_LENGTH = 2_000;

/** Reminder key → the instant its event starts (epoch ms), for pruning. */
export type FiredReminders = ReadonlyMap<string, number>;

export function firedStatePath(cacheDir: string): string {
  return path.join(cacheDir, FILE_NAME);
}

/** The fired reminders on record, or none when the file is missing, corrupt or tampered with. */
export function readFiredReminders(cacheDir: string): Map<string, number> {
  const fired = new Map<string, number>();
  let parsed: unknown;
  try {
    const read = readTextFile(firedStatePath(cacheDir));
    if (!read.ok) return fired;
    parsed = JSON.parse(read.text);
  } catch {
    return fired;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FORMAT) return fired;
  const entries = (parsed as { fired?: unknown }).fired;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return fired;
  for (const [key, start] of Object.entries(entries)) {
    if (key.length <= MAX_KEY_LENGTH && typeof start === 'number' && Number.isFinite(start)) fired.set(key, start);
  }
  return fired;
}

/** Only what can still matter: reminders of events that have not started by `now`. */
export function pruneFired(fired: FiredReminders, now: number): Map<string, number> {
  return new Map([...fired].filter(([, start]) => start > now));
}

/**
 * Writes the fired set (pruned at `now`, merged with what the file holds) atomically. Returns a message when the cache folder
 * cannot be written: reminders still work, they may only fire again after a restart.
 */
export function writeFiredReminders(cacheDir: string, fired: FiredReminders, now: number): string | null {
  const file = firedStatePath(cacheDir);
  // What another radar (the dashboard beside `radar watch`) remembered since is kept too.
  const merged = new Map([...readFiredReminders(cacheDir), ...fired]);
  const body = { format: FORMAT, fired: Object.fromEntries(pruneFired(merged, now)) };
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    writeFileAtomically(file, `${JSON.stringify(body)}\n`);
    return null;
  } catch (error) {
    return `cannot remember fired reminders in ${file} (${fileErrorWords(error)}); they may fire again after a restart`;
  }
}

/** Where the dashboard keeps its fired reminders: the cache folder, or memory in tests. */
export interface FiredStore {
  read(): Map<string, number>;
  /** Null, or the message to show when they could not be kept. */
  remember(fired: FiredReminders, now: number): string | null;
}

export function cacheFiredStore(cacheDir: string): FiredStore {
  return { read: () => readFiredReminders(cacheDir), remember: (fired, now) => writeFiredReminders(cacheDir, fired, now) };
}

export function memoryFiredStore(): FiredStore {
  let kept = new Map<string, number>();
  return {
    read: () => new Map(kept),
    remember: (fired, now) => {
      kept = pruneFired(new Map([...kept, ...fired]), now);
      return null;
    },
  };
}
