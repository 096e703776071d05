// The one frame of every overlay (details, help, sources, the project picker): a rounded
// border in the focus colour, the body, and a footer line saying how to scroll and close.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { truncateToWidth } from '../src/text/display-width';
import { useTheme } from './theme';

/** Rows inside an overlay of `height`: the frame and the footer take three. */
export function overlayBodyRows(height: number): number {
  return Math.max(1, height - 3);
}

/** Columns inside an overlay of `width`: the frame and its padding take four. */
export function overlayInnerWidth(width: number): number {
  return Math.max(1, width - 4);
}

/** How far a body of `lines` scrolls in an overlay of `height` (0 when it all fits). */
export function overlayMaxScroll(lines: number, height: number): number {
  return Math.max(0, lines - overlayBodyRows(height));
}

export interface OverlayFrameProps {
  width: number;
  height: number;
  /** The footer's words after the scroll hint ('esc closes'). */
  footer: string;
  /** Lines below the body's end: the footer says `↓ j more` first. Default false. */
  more?: boolean;
  children: ReactNode;
}

export function OverlayFrame({ width, height, footer, more = false, children }: OverlayFrameProps): ReactNode {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.styles.focus.color} paddingX={1}>
      <Box flexDirection="column" height={overlayBodyRows(height)}>
        {children}
      </Box>
      <Text wrap="truncate" {...theme.styles.muted}>
        {truncateToWidth(`${more ? '↓ j more · ' : ''}${footer}`, overlayInnerWidth(width))}
      </Text>
    </Box>
  );
}
