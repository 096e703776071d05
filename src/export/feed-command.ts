// `radar feed <source>… [-o file]`: the sources merged into one normalized format-v1 JSON feed.
import type { Context } from '../cli/context';
import { EXIT, load } from '../cli/run-load';
import { loadExitCode, writeOutput } from './command-output';
import { feedText, scheduleToFeed } from './feed';

export async function runFeed(context: Context): Promise<number> {
  const loaded = await load(context);
  const code = loadExitCode(context, loaded);
  // An empty feed written over a good one would empty every reader's schedule.
  if (code === EXIT.nothingLoaded) return code;
  const feed = scheduleToFeed(loaded.schedule);
  for (const warning of feed.warnings) context.io.stderr(`radar: feed: ${warning}\n`);
  const problem = writeOutput(context, feedText(feed));
  if (problem !== null) {
    context.io.stderr(`radar: ${problem}\n`);
    return EXIT.usage;
  }
  return code;
}
