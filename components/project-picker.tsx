import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { displayWidth, padToWidth, truncateToWidth } from '../src/text/display-width';
import type { ProjectChoice } from '../src/views/project-choices';
import { OverlayFrame, overlayBodyRows, overlayInnerWidth } from './overlay-frame';
import { useScrollWindow } from './table';
import { useTheme } from './theme';
import type { PickerState } from './use-dashboard-state';

export interface ProjectPickerProps {
  /** The choices matching the search, in order (searchProjectChoices). */
  matches: readonly ProjectChoice[];
  /** How many projects there are before searching. */
  total: number;
  picker: PickerState;
  width: number;
  height: number;
}

/** Rows of choices the picker shows at this height (the search line takes one of the body's). */
export function pickerPageSize(height: number): number {
  return Math.max(1, overlayBodyRows(height) - 1);
}

/**
 * `p`: choose the projects every pane shows. Typing searches ids and names, space ticks,
 * enter applies (nothing ticked means every project), esc leaves the filter as it was.
 */
export function ProjectPicker({ matches, total, picker, width, height }: ProjectPickerProps): ReactNode {
  const theme = useTheme();
  const inner = overlayInnerWidth(width);
  const rows = pickerPageSize(height);
  const offset = useScrollWindow(matches.length, rows, picker.cursor);
  const idWidth = Math.min(Math.max(8, ...matches.map((choice) => displayWidth(choice.id))), Math.floor(inner / 2));
  const chosen = picker.chosen.length === 0 ? 'none chosen: every project' : `${picker.chosen.length} chosen: ${[...picker.chosen].sort().join(', ')}`;

  return (
    <OverlayFrame width={width} height={height} footer={chosen}>
      <Text wrap="truncate">
        <Text {...theme.styles.title}>Projects</Text>
        {'  search: '}
        <Text bold>{picker.query}</Text>▏<Text {...theme.styles.muted}>{`  ${matches.length} of ${total}`}</Text>
      </Text>
      <Box flexDirection="column" height={rows}>
        {matches.length === 0 ? (
          <Text {...theme.styles.muted}>{truncateToWidth(`no project matches “${picker.query}”`, inner)}</Text>
        ) : (
          matches.slice(offset, offset + rows).map((choice, index) => {
            const here = offset + index === picker.cursor;
            const ticked = picker.chosen.includes(choice.id);
            const line = `${here ? '›' : ' '} [${ticked ? 'x' : ' '}] ${padToWidth(choice.id, idWidth)}  ${choice.name === choice.id ? '' : choice.name}`;
            return (
              <Text key={choice.id} inverse={theme.color && here} bold={ticked}>
                {padToWidth(line, inner)}
              </Text>
            );
          })
        )}
      </Box>
    </OverlayFrame>
  );
}
