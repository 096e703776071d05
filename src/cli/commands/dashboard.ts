// `radar` with no command: the interactive dashboard, or its text once (--once, or output that
// is not a terminal: cli.md). Ink and React load only here, and only when drawn.
import type { Context } from '../../context/context';
import { runOnce } from './once';

export async function runDashboardCommand(context: Context): Promise<number> {
  if (context.options.once || !context.io.stdoutIsTty) return runOnce(context);
  const { runDashboard } = await import('../../../components/run-dashboard');
  return runDashboard(context, runOnce);
}
