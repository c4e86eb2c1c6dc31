/**
 * Literal (`|`) and folded (`>`) block scalars with chomping (`-`, `+`). Explicit indentation indicators, leading
 * blank lines deeper than the first text line and keep-chomped empty scalars are left to the `yaml` package.
 */
import { decline } from './decline';
import type { Source } from './source';

export interface BlockScalar {
  value: string;
  /** The first line after the scalar. */
  nextLine: number;
}

/**
 * Reads the block scalar whose header starts at `offset` on `line`. Its text lines must be indented deeper than
 * `parentIndent` (the indentation of the collection holding it).
 */
export function readBlockScalar(src: Source, line: number, offset: number, parentIndent: number): BlockScalar {
  const { text } = src;
  const folded = text[offset] === '>';
  let p = offset + 1;
  let chomp = '';
  if (text[p] === '-' || text[p] === '+') chomp = text[p++];
  const afterHeader = p;
  while (p < src.ends[line] && text.charCodeAt(p) === 0x20) p++;
  if (p < src.ends[line] && !(text[p] === '#' && p > afterHeader)) decline('block scalar header');

  // The first text line sets the indentation; blank lines before it may not be deeper.
  let first = line + 1;
  let leadingBlankMax = 0;
  while (first < src.lineCount && src.isBlank(first)) {
    leadingBlankMax = Math.max(leadingBlankMax, src.indent(first));
    first++;
  }
  const indent = first < src.lineCount ? src.indent(first) : -1;
  if (indent <= parentIndent) {
    if (chomp === '+') decline('empty kept block scalar');
    return { value: '', nextLine: first };
  }
  if (leadingBlankMax > indent) decline('deep leading blank line in block scalar');

  let last = first; // last text line
  let next = first + 1;
  while (next < src.lineCount) {
    if (src.isBlank(next)) {
      next++;
      continue;
    }
    if (src.indent(next) < indent) break;
    last = next++;
  }
  for (let i = last + 1; i < next; i++) if (src.indent(i) > indent) decline('deep trailing blank line in block scalar');

  let value = '\n'.repeat(first - line - 1);
  value += folded ? foldLines(src, first, last, indent) : literalLines(src, first, last, indent);
  if (chomp === '') value += '\n';
  else if (chomp === '+') {
    // Each trailing blank line ends in a kept line break, except a last line the text does not end.
    const unterminated = next === src.lineCount && next - 1 > last && !src.text.endsWith('\n');
    value += '\n'.repeat(next - last - (unterminated ? 1 : 0));
  }
  return { value, nextLine: next };
}

function lineText(src: Source, line: number, indent: number): string {
  const start = src.starts[line] + indent;
  const end = src.ends[line];
  return start < end ? src.text.slice(start, end) : '';
}

function literalLines(src: Source, first: number, last: number, indent: number): string {
  let out = lineText(src, first, indent);
  for (let i = first + 1; i <= last; i++) out += '\n' + lineText(src, i, indent);
  return out;
}

/**
 * Folding as the `yaml` package does it: a break between two plain text lines is a space, blank lines between them
 * are breaks, and lines indented deeper than the scalar keep their breaks.
 */
function foldLines(src: Source, first: number, last: number, indent: number): string {
  let out = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = first; i <= last; i++) {
    const lineIndent = src.indent(i);
    const blank = src.isBlank(i);
    if (lineIndent > indent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      out += sep + lineText(src, i, indent);
      sep = '\n';
      prevMoreIndented = true;
    } else if (blank) {
      if (sep === '\n') out += '\n';
      else sep = '\n';
    } else {
      out += sep + lineText(src, i, indent);
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  return out;
}
