// `s`: every source with its state and age, and every error and warning it has, located, in
// full (the header has room for one): broken saves, offline feeds, merge warnings.
import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { SourceReport } from '../src/model/types';
import { toSingleLine, truncateToWidth } from '../src/text/display-width';
import { sourceLabel, sourceStateText } from '../src/views/source-state';
import { OverlayFrame, overlayBodyRows, overlayInnerWidth, overlayMaxScroll } from './overlay-frame';
import { useTheme, type Role } from './theme';
import { useWallClock } from './use-clock';

export interface SourcesSettings {
  reports: readonly SourceReport[];
  /** Feeds whose first fetch is under way. */
  pending: readonly string[];
  /** A broken source's last good data is on screen. */
  keptLastGood: boolean;
}

interface SourceLine {
  text: string;
  role: Role | null;
  heading?: boolean;
}

/** The state of one source in words, as the header says it. */
export function sourceState(report: SourceReport, pending: readonly string[], wallNow: number): string {
  return pending.includes(report.source) ? `${sourceLabel(report.source)}: loading…` : sourceStateText(report, wallNow);
}

export function sourceRole(report: SourceReport, pending: readonly string[]): Role | null {
  if (pending.includes(report.source)) return 'muted';
  if (report.status === 'failed' || report.errors.length > 0) return 'error';
  if (report.status === 'cached' || report.warnings.length > 0) return 'warning';
  return null;
}

/** The lines of the sources view, before cutting to the width. */
/** `wallNow`: the real time, for ages. */
export function sourceLines({ reports, pending, keptLastGood }: SourcesSettings, wallNow: number, warningMark: string): SourceLine[] {
  const lines: SourceLine[] = [{ text: `Sources (${reports.length})`, role: null, heading: true }];
  if (keptLastGood) lines.push({ text: 'A source broke: the panes show its last good data.', role: 'warning' });
  for (const report of reports) {
    const loading = pending.includes(report.source);
    const problems = loading ? [] : report.errors;
    lines.push({ text: '', role: null });
    lines.push({ text: sourceState(report, pending, wallNow), role: sourceRole(report, pending), heading: true });
    if (report.source !== sourceLabel(report.source)) lines.push({ text: `  ${report.source}`, role: 'muted' });
    if (report.detail !== null && report.status === 'cached') lines.push({ text: `  network: ${report.detail}`, role: 'warning' });
    for (const error of problems) lines.push({ text: `  ✖ ${error}`, role: 'error' });
    for (const warning of report.warnings) lines.push({ text: `  ${warningMark} ${warning}`, role: 'warning' });
    if (problems.length === 0 && report.warnings.length === 0 && !loading) lines.push({ text: '  no errors, no warnings', role: 'muted' });
  }
  return lines;
}

/** The lines as drawn `width` columns wide: a long message goes on under its start. */
function wrapped(lines: readonly SourceLine[], width: number): SourceLine[] {
  return lines.flatMap((line) => {
    const text = toSingleLine(line.text);
    const out: SourceLine[] = [];
    let rest = text;
    let first = true;
    do {
      const room = first ? width : width - 4;
      const piece = cutAt(rest, Math.max(8, room));
      out.push({ ...line, text: first ? piece : `    ${piece}` });
      rest = rest.slice(piece.length).trimStart();
      first = false;
    } while (rest !== '');
    return out;
  });
}

/** The longest start of `text` that fits `width` columns, ending at a space when one is near. */
function cutAt(text: string, width: number): string {
  const fitted = truncateToWidth(text, width);
  if (!fitted.endsWith('…')) return fitted;
  const head = fitted.slice(0, -1);
  const space = head.lastIndexOf(' ');
  return space > width / 2 ? head.slice(0, space) : head;
}

export function sourcesMaxScroll(settings: SourcesSettings, width: number, height: number): number {
  // Ages change words, never the number of lines: any instant will do.
  return overlayMaxScroll(wrapped(sourceLines(settings, 0, '!'), overlayInnerWidth(width)).length, height);
}

export interface SourcesViewProps extends SourcesSettings {
  width: number;
  height: number;
  scroll: number;
}

export function SourcesView({ width, height, scroll, ...settings }: SourcesViewProps): ReactNode {
  const theme = useTheme();
  const wallNow = useWallClock((now) => now);
  const inner = overlayInnerWidth(width);
  const lines = wrapped(sourceLines(settings, wallNow, theme.color ? '⚠' : '!'), inner);
  const visible = overlayBodyRows(height);
  const offset = Math.min(scroll, overlayMaxScroll(lines.length, height));
  return (
    <OverlayFrame width={width} height={height} more={offset + visible < lines.length} footer="esc closes · r reloads">
      {lines.slice(offset, offset + visible).map((line, index) => {
        const style = line.heading && line.role === null ? theme.styles.title : line.role === null ? {} : theme.styles[line.role];
        return (
          <Text key={index} wrap="truncate" bold={line.heading === true}>
            <Text {...style}>{line.text === '' ? ' ' : line.text}</Text>
          </Text>
        );
      })}
    </OverlayFrame>
  );
}
