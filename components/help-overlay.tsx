import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth, padToWidth } from '../src/text/display-width';
import { helpSections } from './keymap';
import { OverlayFrame, overlayBodyRows, overlayInnerWidth, overlayMaxScroll } from './overlay-frame';
import { useTheme } from './theme';

export interface HelpOverlayProps {
  width: number;
  height: number;
  /** Lines scrolled off the top (j/k). */
  scroll: number;
}

type HelpLine = { kind: 'title'; text: string } | { kind: 'row'; keys: string; help: string } | { kind: 'blank' };

/** Every section of the key map, one line per binding. */
function helpLines(): HelpLine[][] {
  return helpSections().map((section) => [{ kind: 'title', text: section.title }, ...section.rows.map((row): HelpLine => ({ kind: 'row', keys: row.keys, help: row.help })), { kind: 'blank' }]);
}

/** Two columns from 140 terminal columns up, split between sections. */
function layout(width: number): HelpLine[][] {
  const sections = helpLines();
  if (width < 140) return [sections.flat()];
  const total = sections.reduce((sum, section) => sum + section.length, 0);
  let left: HelpLine[] = [];
  let index = 0;
  while (index < sections.length && left.length + sections[index]!.length <= Math.ceil(total / 2)) {
    left = [...left, ...sections[index]!];
    index += 1;
  }
  if (left.length === 0) left = sections[index++] ?? [];
  return [left, sections.slice(index).flat()];
}

/** How far the help can scroll at this size (0 when it all fits). */
export function helpMaxScroll(width: number, height: number): number {
  const longest = Math.max(...layout(width).map((column) => column.length));
  return overlayMaxScroll(longest, height);
}

/** `?`: every key, generated from the key map, in one or two columns; scrolls when it does not fit. */
export function HelpOverlay({ width, height, scroll }: HelpOverlayProps): ReactNode {
  const theme = useTheme();
  const columns = layout(width);
  const inner = overlayInnerWidth(width);
  const columnWidth = Math.floor((inner - (columns.length - 1) * 3) / columns.length);
  const visible = overlayBodyRows(height);
  const offset = Math.min(scroll, helpMaxScroll(width, height));
  const more = offset < helpMaxScroll(width, height);

  const renderLine = (line: HelpLine | undefined, keyWidth: number, key: string): ReactNode => {
    if (line === undefined || line.kind === 'blank') return <Text key={key}>{' '.repeat(columnWidth)}</Text>;
    if (line.kind === 'title') {
      return (
        <Text key={key} {...theme.styles.title}>
          {padToWidth(line.text, columnWidth)}
        </Text>
      );
    }
    return (
      <Text key={key}>
        <Text {...theme.styles.key}>{padToWidth(line.keys, keyWidth)}</Text>
        {padToWidth(`  ${line.help}`, columnWidth - keyWidth)}
      </Text>
    );
  };

  return (
    <OverlayFrame width={width} height={height} more={more} footer="esc closes · --now pins the clock; without it countdowns tick live">
      <Box flexDirection="row" height={visible}>
        {columns.map((column, columnIndex) => {
          const keyWidth = Math.min(Math.max(...column.map((line) => (line.kind === 'row' ? displayWidth(line.keys) : 0))), Math.floor(columnWidth / 2));
          return (
            <Box key={columnIndex} flexDirection="column" width={columnWidth} marginLeft={columnIndex === 0 ? 0 : 3}>
              {column.slice(offset, offset + visible).map((line, index) => renderLine(line, keyWidth, String(index)))}
            </Box>
          );
        })}
      </Box>
    </OverlayFrame>
  );
}
