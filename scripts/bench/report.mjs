// Text for the bench's report: aligned tables, milliseconds and MiB the way people read them.

export const MIB = 1024 * 1024;

/** 0.42 ms, 8.3 ms, 143 ms, 1,204 ms: enough digits to compare, no false precision. */
export function formatMs(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

export function formatMiB(bytes) {
  if (bytes === null || bytes === undefined) return 'n/a';
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 2 : 1)} MiB`;
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return formatMiB(bytes);
}

export function formatRatio(ratio) {
  return ratio === null || !Number.isFinite(ratio) ? 'n/a' : `${ratio.toFixed(2)}×`;
}

/**
 * Columns padded to their widest cell; columns listed in `right` are right-aligned. A column
 * with nothing in it (say, notes when every run went well) is left out.
 */
export function table(header, rows, { right = [], indent = '  ' } = {}) {
  const columns = header.map((_, column) => column).filter((column) => [header, ...rows].some((row) => String(row[column] ?? '') !== ''));
  const cells = [header, ...rows].map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((_, index) => Math.max(...cells.map((row) => row[index].length)));
  const line = (row) =>
    indent +
    row
      .map((text, index) => (right.includes(columns[index]) ? text.padStart(widths[index]) : text.padEnd(widths[index])))
      .join('  ')
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head), indent + widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** ✓ / ✗ for a target, or '?' when the numbers to judge it are missing. */
export function verdict(pass) {
  if (pass === null || pass === undefined) return '?';
  return pass ? '✓' : '✗';
}
