/** Line arithmetic on the original text, for edits that take or leave whole lines. */
import type { Node, YAMLSeq } from 'yaml';
import { nodeContentEnd } from '../manifest/paths';

/** A text edit: replace [start, end) of the whole text with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Thrown when the minimal edit cannot be made safely; the caller then rewrites a larger part. */
export class CannotPreserve extends Error {}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset just past the line break of the line where content ending at `pos` ends (or the end of the text). */
export function endOfLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

export function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** Whether only spaces precede `pos` on its line. */
export function firstOnLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, pos), pos));
}

/** End of a node's own text, without the line breaks, blank lines or comments yaml counts after it. */
export function contentEnd(text: string, node: Node): number {
  const start = node.range?.[0] ?? 0;
  let end = nodeContentEnd(node);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Indent every line after the first by `col` spaces (for text placed at column `col`). */
export function indentFollowingLines(block: string, col: number): string {
  if (col === 0) return block;
  const pad = ' '.repeat(col);
  return block.replace(/\n(?=.)/g, `\n${pad}`);
}

/** Indent every line by `col` spaces. */
export function indentAllLines(block: string, col: number): string {
  return ' '.repeat(col) + indentFollowingLines(block, col);
}

/** Offsets of each item's dash: the first is where the sequence starts, the others begin a line at the same column. */
export function itemDashes(text: string, seq: YAMLSeq): number[] {
  const first = seq.range![0];
  const col = columnOf(text, first);
  return seq.items.map((item, i) => {
    if (i === 0) return first;
    const node = item as Node | null;
    if (!node?.range) throw new CannotPreserve('sequence item without a position');
    for (let line = lineStart(text, node.range[0]); line > first; line = lineStart(text, line - 1)) {
      if (text[line + col] === '-' && /^[ ]*$/.test(text.slice(line, line + col))) return line + col;
    }
    throw new CannotPreserve('sequence item dash not found');
  });
}

/** Apply non-overlapping edits (offsets into `text`); insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
    }
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Edits by position; at one offset, insertions come before a replacement starting there. Stable otherwise. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || zeroWidthFirst(a.e, b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function zeroWidthFirst(a: TextEdit, b: TextEdit): number {
  return (a.end === a.start ? 0 : 1) - (b.end === b.start ? 0 : 1);
}
