import type { Context } from '../cli/context';
export async function runFeed(context: Context): Promise<number> {
  context.io.stderr('radar: feed is being written (issue 5)\n');
  return 2;
}
