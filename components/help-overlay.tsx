import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth, padToWidth, truncateToWidth } from '../src/text/display-width';
import { helpSections } from './keymap';
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
  return helpSections().map((section) => [
    { kind: 'title', text: section.title },
    ...section.rows.map((row): HelpLine => ({ kind: 'row', keys: row.keys, help: row.help })),
    { kind: 'blank' },
  ]);
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

/** Lines inside the frame: the frame and the footer line take three. */
function bodyHeight(height: number): number {
  return Math.max(1, height - 3);
}

/** How far the help can scroll at this size (0 when it all fits). */
export function helpMaxScroll(width: number, height: number): number {
  const longest = Math.max(...layout(width).map((column) => column.length));
  return Math.max(0, longest - bodyHeight(height));
}

/** `?`: every key, generated from the key map, in one or two columns; scrolls when it does not fit. */
export function HelpOverlay({ width, height, scroll }: HelpOverlayProps): ReactNode {
  const theme = useTheme();
  const columns = layout(width);
  const inner = width - 4;
  const columnWidth = Math.floor((inner - (columns.length - 1) * 3) / columns.length);
  const visible = bodyHeight(height);
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
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.styles.focus.color} paddingX={1}>
      <Box flexDirection="row" height={visible}>
        {columns.map((column, columnIndex) => {
          const keyWidth = Math.min(
            Math.max(...column.map((line) => (line.kind === 'row' ? displayWidth(line.keys) : 0))),
            Math.floor(columnWidth / 2),
          );
          return (
            <Box key={columnIndex} flexDirection="column" width={columnWidth} marginLeft={columnIndex === 0 ? 0 : 3}>
              {column.slice(offset, offset + visible).map((line, index) => renderLine(line, keyWidth, String(index)))}
            </Box>
          );
        })}
      </Box>
      <Text wrap="truncate" {...theme.styles.muted}>
        {truncateToWidth(`${more ? '↓ j more · ' : ''}esc closes · --now pins the clock; without it countdowns tick live`, inner)}
      </Text>
    </Box>
  );
}
