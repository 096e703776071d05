import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { displayWidth, truncateToWidth } from '../src/text/display-width';
import { hintsFor, type KeyContext } from './keymap';
import { useTheme, type Role } from './theme';

export interface HintsLineProps {
  /** What the keyboard is talking to: the hints are that context's keys. */
  context: KeyContext;
  /** What the last key did, when it acted out of sight ("zone: UTC", "reloaded 06:12:04"). */
  notice: { text: string; role: Role | null } | null;
  width: number;
}

const GAP = '  ';

/** Kept whatever else has to go: with help, every other key can still be found; and quit. */
const ALWAYS = ['?', 'q'];

/** The hints that fit in `width` columns, in the key map's order, `?` and `q` first to stay. */
export function fittingHints(hints: readonly { keys: string; hint: string }[], width: number): { keys: string; hint: string }[] {
  const widthOf = (hint: { keys: string; hint: string }) => displayWidth(`${hint.keys} ${hint.hint}`);
  const kept = new Set<{ keys: string; hint: string }>();
  let used = -GAP.length;
  for (const hint of [...hints.filter((one) => ALWAYS.includes(one.keys)), ...hints]) {
    if (kept.has(hint)) continue;
    const more = GAP.length + widthOf(hint);
    if (used + more > width) continue;
    used += more;
    kept.add(hint);
  }
  return hints.filter((hint) => kept.has(hint));
}

/** The bottom line: a notice if there is one, then the main keys of the moment, from the key map. */
function Hints({ context, notice, width }: HintsLineProps): ReactNode {
  const theme = useTheme();
  const noticeText = notice === null ? '' : truncateToWidth(notice.text, width);
  const room = width - displayWidth(noticeText) - (noticeText === '' ? 0 : GAP.length);
  const hints = fittingHints(hintsFor(context), room);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {notice === null ? null : <Text {...(notice.role === null ? {} : theme.styles[notice.role])}>{`${noticeText}${hints.length > 0 ? GAP : ''}`}</Text>}
        {hints.map(({ keys, hint }, index) => (
          <Text key={`${keys} ${hint}`}>
            {index > 0 ? GAP : ''}
            <Text {...theme.styles.key}>{keys}</Text> <Text {...theme.styles.muted}>{hint}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}

export const HintsLine = memo(Hints);
