import stringWidth from 'string-width';

// Terminal columns, not UTF-16 code units: '新星' is 2 characters but 4 columns, '🚀' is 2 code
// units and 2 columns, 'é' written as e + combining accent is 2 code units and 1 column.
// Everything here is called for every visible cell on every frame, so plain ASCII (almost every
// cell) skips grapheme segmentation entirely.

const printableAscii = /^[\x20-\x7e]*$/;
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]+/g;
const ellipsis = '…';
const ellipsisWidth = 1;

// Created on first use: building a segmenter costs milliseconds at start-up.
let graphemes: Intl.Segmenter | null = null;

/** Columns `s` occupies in a terminal (emoji and CJK count 2, combining marks 0). */
export function displayWidth(s: string): number {
  return printableAscii.test(s) ? s.length : stringWidth(s);
}

/**
 * Makes `s` safe to draw as one line of a cell: tabs, newlines and escape characters
 * (which could move the cursor or recolour the terminal) each become a single space.
 */
export function toSingleLine(s: string): string {
  return printableAscii.test(s) ? s : s.replace(controlCharacters, ' ');
}

/**
 * Cuts `s` to at most `width` columns, ending in '…' when anything was cut. Never splits a
 * grapheme; a wide character that would straddle the limit is dropped, so the result can be one
 * column short (the caller pads). `width` ≤ 0 gives ''.
 */
export function truncateToWidth(s: string, width: number): string {
  return fitToWidth(s, width).text;
}

/** Truncates `s` (see `truncateToWidth`) then pads it with spaces to exactly `width` columns. */
export function padToWidth(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fitted = fitToWidth(s, width);
  if (fitted.width >= width) return fitted.text;
  const padding = ' '.repeat(width - fitted.width);
  return align === 'left' ? fitted.text + padding : padding + fitted.text;
}

interface Fitted {
  text: string;
  width: number;
}

function fitToWidth(s: string, width: number): Fitted {
  if (!(width > 0)) return { text: '', width: 0 };
  const columns = Math.floor(width);

  if (printableAscii.test(s)) {
    if (s.length <= columns) return { text: s, width: s.length };
    return { text: s.slice(0, columns - ellipsisWidth) + ellipsis, width: columns };
  }

  const fullWidth = stringWidth(s);
  if (fullWidth <= columns) return { text: s, width: fullWidth };

  const budget = columns - ellipsisWidth;
  let used = 0;
  let end = 0;
  for (const { segment, index } of (graphemes ??= new Intl.Segmenter()).segment(s)) {
    const segmentWidth = stringWidth(segment);
    if (used + segmentWidth > budget) break;
    used += segmentWidth;
    end = index + segment.length;
  }
  return { text: s.slice(0, end) + ellipsis, width: used + ellipsisWidth };
}
