/**
 * Block structure: mappings and sequences laid out by indentation, with scalars, block scalars and flow
 * collections as values. Anything outside the common shapes declines (see decline.ts).
 */
import { readBlockScalar } from './block-scalar';
import { decline } from './decline';
import { assignEntry } from './entries';
import { readFlowCollection } from './flow-collection';
import { plainKey, resolvePlain } from './plain-scalar';
import { checkContinuationLines, closingQuote, doubleQuotedValue, singleQuotedValue } from './quoted-scalar';
import { Source } from './source';

/** Where a line holds no more content: past the last line, or at a document marker. */
const END = -1;

/** Characters that may not start a plain scalar here (or that start what this decoder leaves alone). */
const NOT_PLAIN_START = '&*!?|>%@`#:,[]{}\'"';

export class BlockDecoder {
  private readonly src: Source;
  private readonly text: string;
  /** The line being read. */
  private line = 0;

  constructor(text: string) {
    this.src = new Source(text);
    this.text = text;
  }

  /** The first document's value. */
  document(): unknown {
    const { src } = this;
    let indent = this.nextContent();
    if (indent === END && this.line < src.lineCount) {
      // A `---` start marker alone on its line opens the document.
      if (src.ends[this.line] - src.starts[this.line] !== 3 || this.text[src.starts[this.line]] !== '-') decline('document marker');
      this.line++;
      indent = this.nextContent();
    }
    const value = indent === END ? null : this.node(this.line, indent, -1);
    this.expectEnd();
    return value;
  }

  /** After the document: only blank lines, comments and markers without content. */
  private expectEnd(): void {
    const { src } = this;
    for (; this.line < src.lineCount; this.line++) {
      if (!src.isBlankOrComment(this.line) && !src.isDocumentMarker(this.line)) decline('content after the document');
      if (src.isDocumentMarker(this.line) && src.ends[this.line] - src.starts[this.line] !== 3) decline('marker with content');
    }
  }

  /** Moves to the next line with content; returns its indentation, or END. */
  private nextContent(): number {
    const { src } = this;
    while (this.line < src.lineCount && src.isBlankOrComment(this.line)) this.line++;
    if (this.line >= src.lineCount || src.isDocumentMarker(this.line)) return END;
    return src.indent(this.line);
  }

  /** A node starting at column `col` of `line` (its first character), inside a collection indented `parentIndent`. */
  private node(line: number, col: number, parentIndent: number): unknown {
    const { text } = this;
    const pos = this.src.starts[line] + col;
    if (text[pos] === '-' && this.isSpaceOrEol(pos + 1)) return this.sequence(line, col);
    if (this.keyEnd(line, pos) !== -1) return this.mapping(line, col);
    return this.scalar(line, pos, parentIndent);
  }

  private isSpaceOrEol(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    return c === 0x20 || c === 0x0a || Number.isNaN(c);
  }

  /**
   * If a mapping key starts at `pos`: the offset of its `:` indicator; otherwise -1. Plain keys may not start with
   * an indicator character; quoted keys must close on their line.
   */
  private keyEnd(line: number, pos: number): number {
    const { text } = this;
    const lineEnd = this.src.ends[line];
    const first = text[pos];
    if (first === '"' || first === "'") {
      const close = closingQuote(text, pos);
      if (close >= lineEnd) return -1;
      let p = close + 1;
      while (text.charCodeAt(p) === 0x20) p++;
      return text.charCodeAt(p) === 0x3a && this.isSpaceOrEol(p + 1) && p < lineEnd ? p : -1;
    }
    if (NOT_PLAIN_START.includes(first) || first === '-') return -1;
    return this.scanPlain(pos, lineEnd).colon;
  }

  /**
   * Scans a plain scalar from `pos` to the line's end: the first `:` followed by a space or the line's end (-1 if
   * none) and where the text stops (a comment or the line's end), without trailing spaces.
   */
  private scanPlain(pos: number, lineEnd: number): { colon: number; stop: number } {
    const { text } = this;
    let colon = -1;
    let p = pos;
    for (; p < lineEnd; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x3a) {
        if (colon === -1 && (p + 1 === lineEnd || text.charCodeAt(p + 1) === 0x20)) colon = p;
      } else if (c === 0x23 && text.charCodeAt(p - 1) === 0x20) break;
    }
    while (p > pos && text.charCodeAt(p - 1) === 0x20) p--;
    return { colon, stop: p };
  }

  /** The key starting at `pos` (its `:` at `colon`): its property name, or undefined for `<<`. */
  private keyAt(pos: number, colon: number): string | undefined {
    const { text } = this;
    if (colon - pos > 1024) decline('long implicit key');
    const first = text[pos];
    if (first === '"' || first === "'") {
      const close = closingQuote(text, pos);
      return first === '"' ? doubleQuotedValue(text, pos, close) : singleQuotedValue(text, pos, close);
    }
    let end = colon;
    while (text.charCodeAt(end - 1) === 0x20) end--;
    return plainKey(text.slice(pos, end));
  }

  private mapping(line: number, indent: number): Record<string, unknown> {
    const { src, text } = this;
    const obj: Record<string, unknown> = {};
    for (;;) {
      const pos = src.starts[line] + indent;
      const colon = this.keyEnd(line, pos);
      if (colon === -1) decline('not a mapping key');
      const key = this.keyAt(pos, colon);
      let p = colon + 1;
      while (text.charCodeAt(p) === 0x20) p++;
      let value: unknown;
      if (p >= src.ends[line] || text[p] === '#') {
        this.line = line + 1;
        const next = this.nextContent();
        if (next > indent) value = this.node(this.line, next, indent);
        else if (next === indent && text[src.starts[this.line] + indent] === '-' && this.isSpaceOrEol(src.starts[this.line] + indent + 1)) {
          value = this.sequence(this.line, indent);
        } else value = null;
      } else {
        this.line = line;
        value = this.scalar(line, p, indent);
      }
      assignEntry(obj, key, value);
      const next = this.nextContent();
      if (next < indent) return obj;
      if (next > indent) decline('unexpected indentation in mapping');
      line = this.line;
    }
  }

  private sequence(line: number, indent: number): unknown[] {
    const { src, text } = this;
    const arr: unknown[] = [];
    for (;;) {
      let p = src.starts[line] + indent + 1;
      while (text.charCodeAt(p) === 0x20) p++;
      if (p >= src.ends[line] || text[p] === '#') {
        this.line = line + 1;
        const next = this.nextContent();
        arr.push(next > indent ? this.node(this.line, next, indent) : null);
      } else {
        this.line = line;
        arr.push(this.node(line, p - src.starts[line], indent));
      }
      const next = this.nextContent();
      if (next < indent) return arr;
      if (next > indent) decline('unexpected indentation in sequence');
      const pos = src.starts[this.line] + indent;
      if (text[pos] !== '-' || !this.isSpaceOrEol(pos + 1)) return arr;
      line = this.line;
    }
  }

  /**
   * A scalar or flow collection starting at `pos`; afterwards no line may be indented deeper than `parentIndent`
   * (that would continue a multi-line plain scalar, or be an error).
   */
  private scalar(line: number, pos: number, parentIndent: number): unknown {
    const { src, text } = this;
    const first = text[pos];
    let value: unknown;
    let end: number; // offset after the scalar on its last line
    if (first === '|' || first === '>') {
      if (parentIndent < 0) decline('block scalar at the top level');
      const block = readBlockScalar(src, line, pos, parentIndent);
      this.line = block.nextLine;
      return block.value;
    }
    if (first === '"' || first === "'") {
      const close = closingQuote(text, pos);
      const endLine = src.lineAt(close, line);
      if (endLine !== line) checkContinuationLines(text, pos, close, parentIndent);
      value = first === '"' ? doubleQuotedValue(text, pos, close) : singleQuotedValue(text, pos, close);
      line = endLine;
      end = close + 1;
    } else if (first === '{' || first === '[') {
      const flow = readFlowCollection(src, line, pos, parentIndent);
      value = flow.value;
      line = flow.line;
      end = flow.end;
    } else {
      if (NOT_PLAIN_START.includes(first) || (first === '-' && this.isSpaceOrEol(pos + 1))) decline('indicator');
      const lineEnd = src.ends[line];
      const { colon, stop } = this.scanPlain(pos, lineEnd);
      if (colon !== -1) decline('colon in plain scalar');
      value = resolvePlain(text.slice(pos, stop));
      end = lineEnd;
    }
    this.expectLineEnd(line, end);
    this.line = line + 1;
    const next = this.nextContent();
    if (next > parentIndent) decline('content indented under a scalar');
    return value;
  }

  /** The rest of the line after a value: spaces, maybe a comment. */
  private expectLineEnd(line: number, pos: number): void {
    const { text } = this;
    const lineEnd = this.src.ends[line];
    let p = pos;
    while (p < lineEnd && text.charCodeAt(p) === 0x20) p++;
    if (p < lineEnd && !(text.charCodeAt(p) === 0x23 && p > pos)) decline('text after a value');
  }
}
