// `radar feed <source>… [-o file]`: the sources merged into one normalized format-v1 JSON feed.
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { load, reportLoad } from '../../context/load';
import { feedText, scheduleToFeed } from '../../export/feed';
import { writeOutput } from './output';

export async function runFeed(context: Context): Promise<number> {
  const loaded = await load(context);
  const code = reportLoad(context, loaded);
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
