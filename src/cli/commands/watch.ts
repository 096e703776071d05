// `radar watch`: reminders without a screen, for a systemd unit, launchd or a tmux window.
// One line per reminder on standard output; sources reloaded as the dashboard does (saved
// files at once, everything every refreshMinutes); exit 0 on SIGINT or SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_DEFAULTS } from '../../config/config-store';
import type { LoadResult } from '../../load/load-sources';
import { isRemote } from '../../load/url';
import { cleanText } from '../../load/sanitize';
import { watchFiles } from '../../load/watch';
import { pruneFired, readFiredReminders, writeFiredReminders } from '../../remind/fired-state';
import { DEFAULT_LEAD_TIMES, dueReminders, nextReminderAt, reminderEnvironment, reminderLogLine, reminderText, type LeadTimes, type Reminder } from '../../remind/reminders';
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { load } from '../../context/load';

/** However far the next reminder is, look again this often: reloads and clock jumps. */
const MAX_SLEEP_MS = 30_000;
// setTimeout fires at once past 2^31-1 ms (about 24.8 days).
const MAX_TIMER_MS = 2_147_483_647;

export function leadTimesOf(context: Context): LeadTimes {
  return { ...DEFAULT_LEAD_TIMES, ...context.config.reminders };
}

/**
 * The clock of a long-running command: the real one, or with --now one that starts at that
 * moment and runs on at the real pace.
 */
export function runningClock(context: Context): () => number {
  const startedAt = context.io.clock();
  return () => context.now + (context.io.clock() - startedAt);
}

/** Keeps the last good schedule when a reload breaks a source that had loaded (as the dashboard does). */
function keepLastGood(previous: LoadResult, next: LoadResult): LoadResult {
  const broke = next.reports.some((report) => report.status === 'failed' && previous.reports.some((before) => before.source === report.source && before.status !== 'failed'));
  return broke ? { ...next, schedule: previous.schedule } : next;
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | null {
  for (const folder of (env['PATH'] ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    const candidate = path.join(folder, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Runs `sh -c <command>` with the reminder in RADAR_* variables only: never in the command line. */
function runExec(command: string, variables: Record<string, string>, context: Context): void {
  const child = spawn('sh', ['-c', command], { env: { ...context.io.env, ...variables }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) => context.io.stderr(`radar: --exec could not start sh (${error.message})\n`));
  child.on('close', (code, signal) => {
    if (code !== 0) context.io.stderr(`radar: --exec ${signal ?? `exited with ${code}`} for ${JSON.stringify(variables['RADAR_TITLE'])}\n`);
  });
}

/** A desktop notification: notify-send, osascript on macOS, else OSC 9 and OSC 777 on the terminal. */
function notify(title: string, body: string, context: Context): void {
  // Their complaints (no notification daemon…) go to radar's standard error, for the journal.
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };
  if (process.platform === 'darwin' && findOnPath('osascript', context.io.env) !== null) {
    // The text travels in the environment; the script itself is constant.
    const script = 'display notification (system attribute "RADAR_NOTIFY_BODY") with title (system attribute "RADAR_NOTIFY_TITLE")';
    spawn('osascript', ['-e', script], { ...quiet, env: { ...context.io.env, RADAR_NOTIFY_TITLE: title, RADAR_NOTIFY_BODY: body } }).on('error', () => undefined);
    return;
  }
  const notifySend = findOnPath('notify-send', context.io.env);
  if (notifySend !== null) {
    // `--` so that a title starting with "-" is not read as an option.
    spawn(notifySend, ['--app-name=radar', '--', title, body], quiet).on('error', () => undefined);
    return;
  }
  if (context.io.stdoutIsTty) {
    const clean = (text: string) => cleanText(text).replace(/;/g, ',');
    context.io.stdout(`\u001b]9;${clean(`${title}: ${body}`)}\u0007\u001b]777;notify;${clean(title)};${clean(body)}\u0007`);
  }
}

export async function runWatch(context: Context): Promise<number> {
  // Listening for the signals first: a stop that comes while the sources load is a clean stop.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const now = runningClock(context);
  const leads = leadTimesOf(context);
  const { io } = context;
  let loaded = await load(context);
  for (const report of loaded.reports) for (const error of report.errors) io.stderr(`${error}\n`);
  let fired = pruneFired(readFiredReminders(context.cacheDir), now());
  let timer: NodeJS.Timeout | null = null;

  const fire = (reminder: Reminder, at: number) => {
    io.stdout(`${reminderLogLine(reminder, context.zone, at)}\n`);
    if (context.options.exec !== null) runExec(context.options.exec, reminderEnvironment(reminder, context.zone, at), context);
    if (context.options.notify) notify(reminder.title, reminderText(reminder, context.zone, at), context);
  };

  const check = () => {
    const at = now();
    const query = { now: at, leads, fired: new Set(fired.keys()), filter: context.filter };
    const result = dueReminders(loaded.schedule, query);
    if (result.fired.size > 0) {
      fired = new Map([...pruneFired(fired, at), ...result.fired]);
      const problem = writeFiredReminders(context.cacheDir, fired, at);
      if (problem !== null) io.stderr(`radar: ${problem}\n`);
    }
    for (const reminder of result.due) fire(reminder, at);
    const upcoming = nextReminderAt(loaded.schedule, { ...query, fired: new Set(fired.keys()) }, MAX_SLEEP_MS);
    const wait = upcoming === null ? MAX_SLEEP_MS : Math.max(0, upcoming - at);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(check, Math.min(wait, MAX_SLEEP_MS, MAX_TIMER_MS));
  };

  // One reload at a time, in the order asked, as in the dashboard.
  let queue = Promise.resolve();
  const reload = (offline: boolean) => {
    queue = queue.then(async () => {
      const next = await load(context, offline || context.options.offline);
      for (const report of next.reports) for (const error of report.errors) io.stderr(`${error}\n`);
      loaded = keepLastGood(loaded, next);
      check();
    });
  };

  const stopWatching = watchFiles(
    context.sources.map((spec) => spec.source),
    () => reload(true),
  );
  const refreshMs = Math.min((context.config.refreshMinutes ?? CONFIG_DEFAULTS.refreshMinutes) * 60_000, MAX_TIMER_MS);
  const refresh = context.sources.some((spec) => isRemote(spec.source)) ? setInterval(() => reload(false), refreshMs) : null;

  check();
  // Said once everything is in place: from here on, a saved file or a signal is heard.
  const sources = context.sources.length === 1 ? '1 source' : `${context.sources.length} sources`;
  const describe = (texts: readonly string[]) => (texts.length === 0 ? 'none' : texts.join(', '));
  io.stderr(`radar watch: watching ${sources}; reminders before meetings: ${describe(leads.meetings)}, before milestones: ${describe(leads.milestones)}\n`);

  await stopped;
  stopWatching();
  if (timer !== null) clearTimeout(timer);
  if (refresh !== null) clearInterval(refresh);
  // A feed still being fetched must not keep a stopped watcher waiting for its timeout.
  setTimeout(() => process.exit(EXIT.ok), 300).unref();
  return EXIT.ok;
}
