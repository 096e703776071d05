import type { Context } from '../src/cli/context';
import { runOnce } from '../src/cli/once';
export async function runDashboard(context: Context): Promise<number> {
  return runOnce(context);
}
