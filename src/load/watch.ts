// Local sources are watched so that saving a file updates the dashboard. We watch each file's
// folder, not the file: editors save by writing a temp file and renaming it over the original,
// which replaces the inode a file watch would be attached to.

import fs from 'node:fs';
import path from 'node:path';
import { SCHEDULE_FILE } from './schedule-files';
import { isRemote } from './url';

const DEBOUNCE_MS = 100;
/** Polling interval for sources whose folder does not exist (yet): fs.watch needs a folder. */
const POLL_MS = 500;

function isRemoteOrStdin(source: string): boolean {
  return source === '-' || isRemote(source);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realPathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/** Which file names in a watched folder concern a source (null file name: can't tell, assume yes). */
type Interest = (fileName: string | null) => boolean;

interface Subscription {
  source: string;
  interest: Interest;
}

/**
 * Calls `onChange(source)` (the path as given) shortly after a watched source changes: for a
 * file, when it is written, replaced, created or removed; for a folder, when any file it reads
 * (*.yaml, *.yml, *.json, *.ics, *.ical) changes. Calls are debounced per source (~100 ms). URLs and `-`
 * are ignored; missing files and folders are tolerated (a missing folder is polled).
 * Returns a function that stops watching.
 */
export function watchFiles(paths: string[], onChange: (path: string) => void): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const byFolder = new Map<string, Subscription[]>();
  let stopped = false;

  const changed = (source: string): void => {
    if (stopped) return;
    const pending = timers.get(source);
    if (pending) clearTimeout(pending);
    timers.set(
      source,
      setTimeout(() => {
        timers.delete(source);
        if (!stopped) onChange(source);
      }, DEBOUNCE_MS),
    );
  };

  const subscribe = (folder: string, subscription: Subscription): void => {
    const list = byFolder.get(folder) ?? [];
    list.push(subscription);
    byFolder.set(folder, list);
  };

  for (const source of new Set(paths)) {
    if (isRemoteOrStdin(source)) continue;
    const absolute = path.resolve(source);
    if (isDirectory(absolute)) {
      subscribe(absolute, { source, interest: (name) => name === null || SCHEDULE_FILE.test(name) });
      continue;
    }
    // A symlinked file changes where it really lives: watch both folders.
    const real = realPathOrNull(absolute);
    for (const file of new Set([absolute, real ?? absolute])) {
      const base = path.basename(file);
      subscribe(path.dirname(file), { source, interest: (name) => name === null || name === base });
    }
  }

  /** How to stop watching each folder right now (its watcher or its poller). */
  const closers = new Map<string, () => void>();
  const notifyAll = (subscriptions: Subscription[]): void => {
    for (const { source } of subscriptions) changed(source);
  };

  const poll = (folder: string, subscriptions: Subscription[]): void => {
    // fs.watchFile works on paths that do not exist yet and reports when they appear; then
    // we switch to a real watcher, since a file edit inside does not change the folder's stat.
    const listener = (current: fs.Stats): void => {
      notifyAll(subscriptions);
      if (stopped || !current.isDirectory()) return;
      fs.unwatchFile(folder, listener);
      attach(folder, subscriptions);
    };
    fs.watchFile(folder, { interval: POLL_MS, persistent: false }, listener);
    closers.set(folder, () => fs.unwatchFile(folder, listener));
  };

  const attach = (folder: string, subscriptions: Subscription[]): void => {
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, { persistent: false }, (_event, fileName) => {
        const name = fileName === null ? null : String(fileName);
        for (const { source, interest } of subscriptions) if (interest(name)) changed(source);
      });
    } catch {
      poll(folder, subscriptions);
      return;
    }
    // The folder was removed or became unreadable: fall back to polling it.
    watcher.on('error', () => {
      watcher.close();
      if (stopped) return;
      notifyAll(subscriptions);
      poll(folder, subscriptions);
    });
    closers.set(folder, () => watcher.close());
  };

  for (const [folder, subscriptions] of byFolder) attach(folder, subscriptions);

  return () => {
    stopped = true;
    for (const close of closers.values()) close();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
