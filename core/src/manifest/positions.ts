/** Offsets ↔ line/column. Offsets are UTF-16 string offsets, as in VS Code's text model. */
import type { LineCol } from './types';

/** Start offsets of each line of a text, for repeated position look-ups. */
export interface LineIndex {
  readonly lineStarts: readonly number[];
  readonly length: number;
}

export function buildLineIndex(text: string): LineIndex {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { lineStarts, length: text.length };
}

/** The 1-based line and column of `offset` (clamped to the text). */
export function positionAt(index: LineIndex, offset: number): LineCol {
  const at = Math.max(0, Math.min(offset, index.length));
  const starts = index.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: at - starts[lo] + 1 };
}

/** The offset of a 1-based line and column (clamped to the text). */
export function offsetAt(index: LineIndex, pos: LineCol): number {
  const line = Math.max(1, Math.min(pos.line, index.lineStarts.length));
  return Math.min(index.length, index.lineStarts[line - 1] + Math.max(0, pos.col - 1));
}

/** One-off conversion; build a LineIndex when converting many offsets of the same text. */
export function offsetToLineCol(text: string, offset: number): LineCol {
  return positionAt(buildLineIndex(text), offset);
}
