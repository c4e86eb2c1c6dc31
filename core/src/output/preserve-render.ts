/** Writing new YAML text in the style of the file it goes into (indent width, sequence indentation, line breaks). */
import { Document, isMap, isSeq, visit } from 'yaml';
import type { Node } from 'yaml';
import { manifestStringifyOptions } from '../manifest/yaml-options';
import { columnOf, indentAllLines, indentFollowingLines } from './preserve-text';

export interface FileStyle {
  /** Spaces per nesting level of maps. */
  indent: number;
  /** Whether block sequences under a key are indented (`key:\n  - a`) rather than at the key's column (`key:\n- a`). */
  indentSeq: boolean;
  eol: '\n' | '\r\n';
}

type ScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * The style a document is written in, read from its block collections; yaml's defaults where it shows none.
 * `range` is the document's part of `text`, where its line breaks are looked at.
 */
export function detectStyle(text: string, doc: Document, range: { start: number; end: number }): FileStyle {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range || !(isMap(value) || isSeq(value)) || value.flow) return;
      const keyCol = columnOf(text, key.range[0]);
      const valueCol = columnOf(text, value.range[0]);
      if (isMap(value) && indent === undefined && valueCol > keyCol) indent = valueCol - keyCol;
      if (isSeq(value) && indentSeq === undefined) indentSeq = valueCol > keyCol;
      if (indent !== undefined && indentSeq !== undefined) return visit.BREAK;
      return undefined;
    },
  });
  const firstBreak = text.indexOf('\n', range.start);
  const crlf = firstBreak > range.start && firstBreak < range.end && text[firstBreak - 1] === '\r';
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, eol: crlf ? '\r\n' : '\n' };
}

/** The text `value` would have as a whole YAML document in this style, without its final line break. */
function render(value: unknown, style: FileStyle, scalarType?: ScalarType): string {
  const opts = manifestStringifyOptions(style.indent, style.indentSeq);
  const doc = new Document(value, opts);
  if (scalarType && typeof value === 'string') {
    (doc.contents as { type?: string }).type = scalarType;
  }
  return doc.toString(opts).replace(/\n$/, '');
}

function withEol(text: string, style: FileStyle): string {
  return style.eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}

/**
 * A scalar written on one line, in `type` (quoting) when yaml can keep it; undefined when it needs several lines.
 */
export function renderInlineScalar(value: unknown, style: FileStyle, type?: string): string | undefined {
  const keep = type === 'PLAIN' || type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? type : undefined;
  const out = render(value, style, keep);
  return out.includes('\n') ? undefined : out;
}

/** What follows `key:` for `value` when the key is at column `keyCol`: " scalar", " {}", or the indented block. */
export function renderAfterKey(value: unknown, style: FileStyle, keyCol: number): string {
  const out = render({ k: value }, style);
  return withEol(indentFollowingLines(out.slice(2), keyCol), style);
}

/** A new `key: value` entry as whole lines at column `col`, with the final line break. */
export function renderPairLines(key: string, value: unknown, style: FileStyle, col: number): string {
  return withEol(indentAllLines(render({ [key]: value }, style), col) + '\n', style);
}

/** The line `key:` of a new entry whose value follows on the next lines, at column `col`. */
export function renderKeyLine(key: string, style: FileStyle, col: number): string {
  return withEol(' '.repeat(col) + render({ [key]: [] }, style).replace(/ \[\]$/, '') + '\n', style);
}

/** A new `- item` entry as whole lines with its dash at column `col`, with the final line break. */
export function renderItemLines(value: unknown, style: FileStyle, col: number): string {
  return withEol(indentAllLines(render([value], style), col) + '\n', style);
}

/** `- item` placed where a dash at column `col` stands: later lines indented, no final line break. */
export function renderItemInPlace(value: unknown, style: FileStyle, col: number): string {
  return withEol(indentFollowingLines(render([value], style), col), style);
}

/** A whole value placed at column `col` (a document's root), no final line break. */
export function renderInPlace(value: unknown, style: FileStyle, col: number): string {
  return withEol(indentFollowingLines(render(value, style), col), style);
}

/**
 * A collection in flow style on one line, for flow collections the user wrote; `padded` gives `{ a: 1 }`, and
 * `quote` the quoting of its strings (as the user quoted them all).
 */
export function renderFlow(value: unknown, style: FileStyle, padded: boolean, quote?: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'): string {
  const opts = {
    ...manifestStringifyOptions(style.indent, style.indentSeq),
    collectionStyle: 'flow' as const,
    flowCollectionPadding: padded,
    ...(quote ? { defaultStringType: quote } : {}),
  };
  return new Document(value, opts).toString(opts).replace(/\n$/, '');
}

