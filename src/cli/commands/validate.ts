// `radar validate [source…]`: every diagnostic of every source, located, and a summary line.
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { load } from '../../context/load';
import { formatDiagnostic, type Diagnostic } from '../../model/types';
import { paintFor } from './tables';

export async function runValidate(context: Context): Promise<number> {
  const loaded = await load(context);
  const paint = paintFor(context);
  const diagnostics: Diagnostic[] = inLineOrder(loaded.diagnostics);
  for (const diagnostic of diagnostics) {
    context.io.stdout(
      diagnostic.severity === 'error' ? `${paint(formatDiagnostic(diagnostic), 'error')}\n` : `${paint(formatDiagnostic({ ...diagnostic, message: `warning: ${diagnostic.message}` }), 'warning')}\n`,
    );
  }
  // Folders and unreadable sources report errors that are not diagnostics of a parsed text.
  const located = new Set(diagnostics.map(formatDiagnostic));
  for (const report of loaded.reports) {
    for (const error of report.errors) if (!located.has(error)) context.io.stdout(`${paint(error, 'error')}\n`);
  }
  const errors = loaded.reports.reduce((sum, report) => sum + report.errors.length, 0);
  const warnings = loaded.reports.reduce((sum, report) => sum + report.warnings.length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = `${plural(loaded.reports.length, 'source')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  context.io.stdout(`${errors > 0 ? paint(summary, 'error') : paint(summary, 'good')}\n`);
  return errors > 0 ? EXIT.sourceErrors : EXIT.ok;
}

/**
 * Each file's problems from its first line to its last, as an editor would walk them; files
 * keep the order they were loaded in (the sort is stable).
 */
function inLineOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const diagnostic of diagnostics) if (!fileOrder.has(diagnostic.source)) fileOrder.set(diagnostic.source, fileOrder.size);
  return [...diagnostics].sort((a, b) => fileOrder.get(a.source)! - fileOrder.get(b.source)! || a.line - b.line || a.column - b.column);
}
