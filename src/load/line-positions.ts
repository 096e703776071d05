// Offsets in a text → the line and column a message shows. One convention for every parser:
// lines end at "\n" (so "\r\n" too), and columns count UTF-16 code units from 1, as the yaml
// package counts them (an emoji takes two columns, a byte-order mark one).

export interface Position {
  line: number;
  column: number;
}

/** The offset where each line starts: line n (from 1) starts at index n - 1. */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function positionOf(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
