import type { Context } from '../cli/context';
export async function runExportIcs(context: Context): Promise<number> {
  context.io.stderr('radar: export ics is being written (issue 5)\n');
  return 2;
}
