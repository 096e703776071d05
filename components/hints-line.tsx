import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { hintsFor, type KeyContext } from './keymap';
import { useTheme } from './theme';

export interface HintsLineProps {
  /** What the keyboard is talking to: the hints are that context's keys. */
  context: KeyContext;
  width: number;
}

/** The bottom line: the main keys of the moment, read from the key map. */
function Hints({ context, width }: HintsLineProps): ReactNode {
  const theme = useTheme();
  const hints = hintsFor(context);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {hints.map(({ keys, hint }, index) => (
          <Text key={`${keys} ${hint}`}>
            {index > 0 ? '  ' : ''}
            <Text {...theme.styles.key}>{keys}</Text> <Text {...theme.styles.muted}>{hint}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}

export const HintsLine = memo(Hints);
