import { Text } from 'ink';
import type { ReactNode } from 'react';
import { padToWidth, toSingleLine } from '../src/text/display-width';
import { useTheme, type Role } from './theme';
import { useClock } from './use-clock';

export interface LiveCellProps {
  /** Columns the cell fills exactly. */
  width: number;
  /** Default 'left'. */
  align?: 'left' | 'right';
  /** The cell's text at an instant (a countdown). Called on every tick: keep it cheap. */
  text: (now: number) => string;
  /** The cell's meaning at an instant (urgency), or null for none. Default: none. */
  role?: (now: number) => Role | null;
}

/**
 * A table cell that follows the clock on its own. It re-renders only when its text or role
 * changes, so a ticking countdown redraws one cell, not its row, pane or screen.
 */
export function LiveCell({ width, align = 'left', text, role }: LiveCellProps): ReactNode {
  const theme = useTheme();
  const value = useClock(text);
  const currentRole = useClock((now) => role?.(now) ?? '');
  const style = currentRole === '' ? {} : theme.styles[currentRole];
  return <Text {...style}>{padToWidth(toSingleLine(value), width, align)}</Text>;
}
