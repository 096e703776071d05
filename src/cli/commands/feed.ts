// `radar feed <source>… [-o file]`: the sources merged into one normalized format-v1 JSON feed.
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { load, reportLoad } from '../../context/load';
import { feedText, scheduleToFeed } from '../../export/feed';
import { writeOutput } from './output';

const CALENDAR_FEED_DAYS = 180;

export async function runFeed(context: Context): Promise<number> {
  const loaded = await load(context);
  const code = reportLoad(context, loaded);
  // An empty feed written over a good one would empty every reader's schedule.
  if (code === EXIT.nothingLoaded) return code;
  // Imported calendar events are written occurrence by occurrence over --days (default 180).
  const days = context.options.days ?? CALENDAR_FEED_DAYS;
  const feed = scheduleToFeed(loaded.schedule, { from: context.now, to: context.now + days * 86_400_000 });
  for (const warning of feed.warnings) context.io.stderr(`radar: feed: ${warning}\n`);
  const problem = writeOutput(context, feedText(feed));
  if (problem !== null) {
    context.io.stderr(`radar: ${problem}\n`);
    return EXIT.usage;
  }
  return code;
}
