/**
 * Flow collections (`{a: 1, b: "x"}`, `[a, b]`, nested), possibly spread over several lines as templates write
 * them. Pairs inside sequences, keys without values, anchors, tags and empty entries are left to the `yaml` package.
 */
import { decline } from './decline';
import { assignEntry } from './entries';
import { plainKey, resolvePlain } from './plain-scalar';
import { checkContinuationLines, closingQuote, doubleQuotedValue, singleQuotedValue } from './quoted-scalar';
import type { Source } from './source';

export interface FlowResult {
  value: unknown;
  /** Offset just after the closing bracket. */
  end: number;
  /** The line that offset is on. */
  line: number;
}

/**
 * Reads the flow collection opening at `offset` on `line`. Lines it continues on must be indented deeper than
 * `parentIndent`; only its final closing bracket may sit at `parentIndent`.
 */
export function readFlowCollection(src: Source, line: number, offset: number, parentIndent: number): FlowResult {
  const reader = new FlowReader(src, line, offset, parentIndent);
  const value = reader.collection();
  return { value, end: reader.pos, line: reader.line };
}

/** Characters that end a plain scalar inside a flow collection. */
function endsFlowPlain(code: number): boolean {
  return code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d; // , [ ] { }
}

class FlowReader {
  pos: number;
  line: number;
  private depth = 0;
  private readonly src: Source;
  private readonly text: string;
  private readonly parentIndent: number;

  constructor(src: Source, line: number, pos: number, parentIndent: number) {
    this.src = src;
    this.text = src.text;
    this.line = line;
    this.pos = pos;
    this.parentIndent = parentIndent;
  }

  collection(): unknown {
    const open = this.text[this.pos++];
    this.depth++;
    const value = open === '{' ? this.mapping() : this.sequence();
    this.depth--;
    return value;
  }

  private mapping(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.skipSpace();
    while (this.text[this.pos] !== '}') {
      const key = this.key();
      this.skipSpace();
      const ch = this.text[this.pos];
      const value = ch === ',' || ch === '}' ? null : this.value();
      assignEntry(obj, key, value);
      if (!this.separator('}')) break;
    }
    this.pos++;
    return obj;
  }

  private sequence(): unknown[] {
    const arr: unknown[] = [];
    this.skipSpace();
    while (this.text[this.pos] !== ']') {
      arr.push(this.value());
      if (!this.separator(']')) break;
    }
    this.pos++;
    return arr;
  }

  /** After an entry: a comma (true, more may follow) or the closing bracket (false). */
  private separator(close: string): boolean {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === close) return false;
    if (ch !== ',') decline('flow entry not followed by a comma');
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ',') decline('empty flow entry');
    return this.text[this.pos] !== close;
  }

  /** A key and its `:`; undefined for a merge key. */
  private key(): string | undefined {
    const { text } = this;
    const ch = text[this.pos];
    const start = this.pos;
    let key: string | undefined;
    if (ch === '"' || ch === "'") {
      key = this.quoted(false);
      while (text.charCodeAt(this.pos) === 0x20) this.pos++;
      if (text[this.pos] !== ':') decline('flow key without value');
      this.pos++;
    } else {
      key = plainKey(this.plain());
      if (text[this.pos] !== ':') decline('flow key without value');
      const after = text.charCodeAt(this.pos + 1);
      if (after !== 0x20 && after !== 0x0a && !Number.isNaN(after)) decline('flow key colon');
      this.pos++;
    }
    if (this.pos - start > 1024) decline('long implicit key');
    return key;
  }

  private value(): unknown {
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') return this.collection();
    if (ch === '"' || ch === "'") {
      const value = this.quoted(true);
      return value;
    }
    return resolvePlain(this.plain());
  }

  private quoted(multiLine: boolean): string {
    const { src, text } = this;
    const start = this.pos;
    const end = closingQuote(text, start);
    const endLine = src.lineAt(end, this.line);
    if (endLine !== this.line) {
      if (!multiLine) decline('multi-line flow key');
      checkContinuationLines(text, start, end, this.parentIndent);
      this.line = endLine;
    }
    this.pos = end + 1;
    return text[start] === '"' ? doubleQuotedValue(text, start, end) : singleQuotedValue(text, start, end);
  }

  /** A plain scalar on one line; leaves pos at what ended it. */
  private plain(): string {
    const { text } = this;
    const start = this.pos;
    const first = text[start];
    if ('&*!?|>%@`#:,]}'.includes(first)) decline('flow indicator');
    if (first === '-') {
      const next = text.charCodeAt(start + 1);
      if (next === 0x20 || next === 0x0a || Number.isNaN(next) || endsFlowPlain(next)) decline('dash in flow');
    }
    const lineEnd = this.src.ends[this.line];
    let p = start;
    while (p < lineEnd) {
      const c = text.charCodeAt(p);
      if (endsFlowPlain(c)) break;
      if (c === 0x3a) { // :
        const n = text.charCodeAt(p + 1);
        if (n === 0x20 || p + 1 === lineEnd) break;
        if (endsFlowPlain(n)) decline('colon before flow indicator');
      } else if (c === 0x23 && text.charCodeAt(p - 1) === 0x20) break; // comment
      p++;
    }
    const c = text.charCodeAt(p);
    if (c === 0x5b || c === 0x7b) decline('bracket inside flow plain scalar');
    this.pos = p;
    let end = p;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    return text.slice(start, end);
  }

  /** Skips spaces, comments and line breaks, checking the indentation of each new line. */
  private skipSpace(): void {
    const { src, text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20) this.pos++;
      else if (c === 0x23) {
        if (this.pos > src.starts[this.line] && text.charCodeAt(this.pos - 1) !== 0x20) decline('comment not after a space');
        this.pos = src.ends[this.line];
      } else if (c === 0x0a) {
        this.line++;
        if (this.line >= src.lineCount) decline('unterminated flow collection');
        if (src.isDocumentMarker(this.line)) decline('document marker in flow collection');
        const indent = src.indent(this.line);
        this.pos = src.starts[this.line] + indent;
        if (src.isBlankOrComment(this.line)) continue;
        if (indent <= this.parentIndent) {
          const ch = text[this.pos];
          const closingAtParent = indent === this.parentIndent && this.depth === 1 && (ch === '}' || ch === ']');
          if (!closingAtParent) decline('flow collection continues too far left');
        }
      } else if (Number.isNaN(c)) decline('unterminated flow collection');
      else return;
    }
  }
}
