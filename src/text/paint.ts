// A few ANSI styles for text output. Colour is on only for a terminal, and off under
// NO_COLOR or --no-color (cli.md).
import type { Urgency } from '../views/urgency';

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'magenta';

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

export type Paint = (text: string, ...styles: (Style | false | null | undefined)[]) => string;

export function makePaint(enabled: boolean): Paint {
  if (!enabled) return (text) => text;
  return (text, ...styles) =>
    styles.reduce<string>((result, style) => (style ? `\u001b[${CODES[style][0]}m${result}\u001b[${CODES[style][1]}m` : result), text);
}

/** NO_COLOR (any non-empty value, no-color.org), --no-color, or output that is not a terminal. */
export function colorWanted(optionColor: boolean, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  return optionColor && isTty && !env['NO_COLOR'];
}

/** Urgency's colour in text output: red under an hour, yellow under a day, dim once past. */
export function urgencyStyle(level: Urgency | null): Style | null {
  return level === 'within-hour' ? 'red' : level === 'within-day' ? 'yellow' : level === 'past' ? 'dim' : null;
}
