// Every colour the dashboard uses, by what it means. Colour carries meaning (urgency, past,
// off-hours, alarms); under NO_COLOR or --no-color the plain theme keeps only bold and
// underline, and the components add words or marks where colour alone would have said it.
import { createContext, useContext } from 'react';
import { urgency } from '../src/views/urgency';

export type Role =
  /** The schedule's name and the pane titles. */
  | 'title'
  /** Less important text: labels, hints, separators. */
  | 'muted'
  /** Under an hour away. */
  | 'urgent'
  /** Under a day away. */
  | 'today'
  /** Over (past milestones, skipped meetings). */
  | 'past'
  /** The next meeting is 10 minutes away or less. */
  | 'soon'
  /** A meeting is on right now. */
  | 'now'
  /** Outside the user's work hours. */
  | 'offHours'
  /** An end of life or of support (milestone kind eol), marked "EOL" in words too. */
  | 'endOfLife'
  /** "no plan", "blocked": stands out. */
  | 'alarm'
  /** "needs owner", skip reasons, week-53 notes. */
  | 'warning'
  /** Source errors. */
  | 'error'
  /** Sources that loaded. */
  | 'good'
  /** The border and title of the pane with the keyboard. */
  | 'focus'
  /** The border of the other panes. */
  | 'border'
  /** Key names in the help overlay and the hints line. */
  | 'key';

/** The subset of Ink's <Text> props a role maps to. */
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  dimColor?: boolean;
  bold?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface Theme {
  /** Whether colours, dim and inverse may be used at all. */
  color: boolean;
  styles: Record<Role, TextStyle>;
}

export const colorTheme: Theme = {
  color: true,
  styles: {
    title: { bold: true, color: 'cyan' },
    muted: { dimColor: true },
    urgent: { color: 'red' },
    today: { color: 'yellow' },
    past: { dimColor: true },
    soon: { bold: true, color: 'black', backgroundColor: 'yellow' },
    now: { bold: true, color: 'black', backgroundColor: 'green' },
    offHours: { color: 'magenta' },
    endOfLife: { color: 'magenta' },
    alarm: { bold: true, color: 'red' },
    warning: { color: 'yellow' },
    error: { color: 'red' },
    good: { color: 'green' },
    focus: { color: 'cyan', bold: true },
    border: { color: 'gray' },
    key: { bold: true, color: 'cyan' },
  },
};

export const plainTheme: Theme = {
  color: false,
  styles: {
    title: { bold: true },
    muted: {},
    urgent: {},
    today: {},
    past: {},
    soon: { bold: true },
    now: { bold: true },
    offHours: {},
    endOfLife: {},
    alarm: { bold: true },
    warning: {},
    error: { bold: true },
    good: {},
    focus: { bold: true },
    border: {},
    key: { bold: true },
  },
};

export function themeFor(color: boolean): Theme {
  return color ? colorTheme : plainTheme;
}

/** The role for something `milliseconds` away: under an hour, under a day, or past. */
export function urgencyRole(milliseconds: number): Role | null {
  const level = urgency(milliseconds);
  return level === 'within-hour' ? 'urgent' : level === 'within-day' ? 'today' : level === 'past' ? 'past' : null;
}

export const ThemeContext = createContext<Theme>(colorTheme);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
