// The line under the header while a reminder waits to be dismissed: what it says, live (the
// time left counts down by the minute), how many more wait behind it, and the key that dismisses it.
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { reminderText, type Reminder } from '../src/remind/reminders';
import { truncateToWidth } from '../src/text/display-width';
import { useTheme } from './theme';
import { useClock } from './use-clock';

export interface ReminderLineProps {
  reminders: readonly Reminder[];
  /** The display zone. */
  zone: string;
  width: number;
}

export function ReminderLine({ reminders, zone, width }: ReminderLineProps): ReactNode {
  const theme = useTheme();
  const newest = reminders.at(-1);
  const text = useClock((now) => (newest === undefined ? '' : reminderText(newest, zone, now)));
  if (newest === undefined) return null;
  const more = reminders.length > 1 ? `  (+${reminders.length - 1} more)` : '';
  return <Text {...theme.styles.soon}>{truncateToWidth(`Reminder: ${text}${more} · x dismisses`, width)}</Text>;
}
