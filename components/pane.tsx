import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { displayWidth, truncateToWidth } from '../src/text/display-width';
import { Table, type Column } from './table';
import { useTheme } from './theme';

export interface PaneProps<T> {
  /** 'Meetings'. */
  title: string;
  /** The pane's rows, from the selectors (already filtered). */
  data: readonly T[];
  /** Stable between renders (useMemo), or every visible row re-renders. */
  columns: readonly Column<T>[];
  /** Terminal columns of the whole pane, borders included. */
  width: number;
  /** Terminal rows of the whole pane, borders included (at least 4 to show a row). */
  height: number;
  /** Index of the selected row, -1 for none. */
  selected: number;
  /** Whether the pane has the keyboard. */
  focused: boolean;
  /** The pane's text filter ('' for none). */
  filterText: string;
  /** The filter is being typed: a cursor follows it. Default false. */
  editing?: boolean;
  /** Shown when there are no rows. */
  emptyText: string;
}

const FRAME = {
  idle: { topLeft: '╭', top: '─', topRight: '╮', side: '│', bottomLeft: '╰', bottom: '─', bottomRight: '╯' },
  focused: { topLeft: '┏', top: '━', topRight: '┓', side: '┃', bottomLeft: '┗', bottom: '━', bottomRight: '┛' },
};

/**
 * One pane: a frame whose top edge carries the title, the position ("3/12") and the text
 * filter, around a Table that draws only the rows in view. The focused pane has a heavy frame,
 * which still shows without colour. The frame is drawn here rather than with Ink's borders:
 * ink 6.8 misplaces the content of a box whose borderStyle changes while borderTop is false.
 */
function PaneFrame<T>({ title, data, columns, width, height, selected, focused, filterText, editing = false, emptyText }: PaneProps<T>): ReactNode {
  const theme = useTheme();
  if (width < 8 || height < 3) return null;
  const frame = focused ? FRAME.focused : FRAME.idle;
  const frameStyle = focused ? theme.styles.focus : theme.styles.border;
  const position = `${data.length === 0 ? 0 : selected + 1}/${data.length}`;
  const filter = editing ? ` /${filterText}▏` : filterText === '' ? '' : ` /${filterText}`;
  const label = truncateToWidth(` ${title} ${position}${filter} `, width - 4);
  const fill = Math.max(0, width - 3 - displayWidth(label));
  const inside = height - 2;
  const side = Array.from({ length: inside }, () => frame.side).join('\n');

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text {...frameStyle}>{frame.topLeft + frame.top}</Text>
        <Text bold={focused} color={theme.color && focused ? frameStyle.color : undefined}>
          {label}
        </Text>
        <Text {...frameStyle}>{frame.top.repeat(fill) + frame.topRight}</Text>
      </Text>
      <Box flexDirection="row" height={inside}>
        <Text {...frameStyle}>{side}</Text>
        <Box width={width - 2} height={inside} paddingX={1} flexDirection="column">
          <Table data={data} columns={columns} width={width - 4} height={Math.max(0, inside - 1)} selected={selected} focused={focused} color={theme.color} emptyText={emptyText} />
        </Box>
        <Text {...frameStyle}>{side}</Text>
      </Box>
      <Text {...frameStyle}>{frame.bottomLeft + frame.bottom.repeat(Math.max(0, width - 2)) + frame.bottomRight}</Text>
    </Box>
  );
}

export const Pane = memo(PaneFrame) as typeof PaneFrame;
