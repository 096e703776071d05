import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { displayWidth, truncateToWidth } from '../src/text/display-width';
import { useTheme } from './theme';

export interface Tab {
  key: string;
  title: string;
  count: number;
}

export interface TabBarProps {
  tabs: readonly Tab[];
  /** Key of the tab shown. */
  active: string;
  /** Terminal columns; the bar is cut with "…" rather than wrapped. */
  width: number;
}

/**
 * Below 120 columns one pane is shown at a time; this bar names all four with their counts and
 * the key that shows each. The active tab is inverse, or in [brackets] without colour.
 */
function TabBarLine({ tabs, active, width }: TabBarProps): ReactNode {
  const theme = useTheme();
  let used = 0;
  const parts: ReactNode[] = [];
  tabs.forEach((tab, index) => {
    const isActive = tab.key === active;
    const text = ` ${index + 1} ${tab.title} ${tab.count} `;
    const shown = theme.color ? text : isActive ? `[${text.trim()}]` : ` ${text.trim()} `;
    const separator = index === 0 ? '' : ' ';
    const room = width - used - displayWidth(separator);
    if (room <= 0) return;
    const fitted = truncateToWidth(shown, room);
    used += displayWidth(separator) + displayWidth(fitted);
    parts.push(
      <Text key={tab.key}>
        {separator}
        <Text inverse={theme.color && isActive} bold={isActive} dimColor={theme.color && !isActive}>
          {fitted}
        </Text>
      </Text>,
    );
  });
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">{parts}</Text>
    </Box>
  );
}

export const TabBar = memo(TabBarLine);
