// `radar next`: one line for a status bar or a prompt, or --json. Called on every refresh of
// a prompt, so it imports nothing it does not need.
import { nextLine } from '../../views/cells';
import { envelope, nextJson } from '../../views/json-items';
import { nextOccurrence } from '../../views/meetings';
import { nextFields, parseNextFormat, renderNextFormat } from '../../views/next-format';
import type { Context } from '../../context/context';
import { EXIT } from '../../context/exit-codes';
import { inTheNextDays, loadForCommand } from '../../context/load';
import { DEFAULT_DAYS } from '../../context/options';

export async function runNext(given: Context): Promise<number> {
  const template = given.options.format === null ? null : parseNextFormat(given.options.format);
  if (template !== null && 'error' in template) {
    given.io.stderr(`radar: ${template.error}\n`);
    return EXIT.usage;
  }
  // Nothing loaded is not "no meeting": a status bar shows nothing rather than a false calm.
  const started = await loadForCommand(given, { stopWhenNothingLoaded: true });
  if ('exit' in started) return started.exit;
  const { loaded, code, context } = started;
  const days = context.options.days ?? DEFAULT_DAYS.meetings;
  const next = nextOccurrence(loaded.schedule, context.now, days, context.filter);
  if (context.options.json) {
    const item = next === null ? null : nextJson(next, context.zone, context.now);
    context.io.stdout(`${JSON.stringify(envelope(context.now, context.zone, loaded.reports, 'item', item), null, 2)}\n`);
  } else if (template !== null) {
    // With no meeting ahead a template has nothing to fill: the bar stays empty.
    if (next !== null) context.io.stdout(`${renderNextFormat(template.parts, nextFields(next, context.zone, context.now))}\n`);
  } else {
    context.io.stdout(next === null ? `No meeting in ${inTheNextDays(days)}\n` : `${nextLine(next, context.zone, context.now)}\n`);
  }
  return code;
}
