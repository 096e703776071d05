// The line under the header while a reminder waits to be dismissed: what it says, live (the
// time left counts down by the minute), how many more wait behind it (the soonest event first), and the key that dismisses it.
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { reminderText, soonestReminder, type Reminder } from '../src/remind/reminders';
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
  // The most urgent first: a meeting in 8 minutes before a freeze in 6 days.
  const shown = soonestReminder(reminders);
  const text = useClock((now) => (shown === undefined ? '' : reminderText(shown, zone, now)));
  if (shown === undefined) return null;
  const more = reminders.length > 1 ? `  (+${reminders.length - 1} more)` : '';
  return <Text {...theme.styles.soon}>{truncateToWidth(`Reminder: ${text}${more} · x dismisses`, width)}</Text>;
}
