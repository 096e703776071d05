// The text painter: what text means (the same role names as the dashboard's theme), turned into
// ANSI styles here and nowhere else. Colour is on only for a terminal, and off under NO_COLOR or
// --no-color (cli.md).
import type { Urgency } from '../views/urgency';

export type TextRole = 'strong' | 'title' | 'muted' | 'past' | 'offHours' | 'endOfLife' | 'urgent' | 'today' | 'alarm' | 'warning' | 'error' | 'good';

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'magenta';

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

const LOOKS: Record<TextRole, readonly Style[]> = {
  strong: ['bold'],
  title: ['bold', 'cyan'],
  muted: ['dim'],
  past: ['dim'],
  offHours: ['dim'],
  endOfLife: ['magenta'],
  urgent: ['red'],
  today: ['yellow'],
  alarm: ['red'],
  warning: ['yellow'],
  error: ['red'],
  good: ['green'],
};

export type Paint = (text: string, role: TextRole | null | undefined) => string;

export function makePaint(enabled: boolean): Paint {
  if (!enabled) return (text) => text;
  return (text, role) => (role ? LOOKS[role].reduce((result, style) => `\u001b[${CODES[style][0]}m${result}\u001b[${CODES[style][1]}m`, text) : text);
}

/** NO_COLOR (any non-empty value, no-color.org), --no-color, or output that is not a terminal. */
export function colorWanted(optionColor: boolean, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  return optionColor && isTty && !env['NO_COLOR'];
}

/** Under an hour, under a day, or past: the role of a countdown. */
export function urgencyRole(level: Urgency | null): TextRole | null {
  return level === 'within-hour' ? 'urgent' : level === 'within-day' ? 'today' : level === 'past' ? 'past' : null;
}
