/**
 * A block-style YAML writer with the layout decisions of go-yaml v2's emitter (a libyaml port): 2-space indent,
 * sequences inside mappings not indented, `{}`/`[]` for empty collections, scalars wrapped at spaces once a line
 * passes 80 columns, and the same choice among plain, single-quoted, double-quoted and literal styles.
 *
 * The writer keeps libyaml's cursor state (column, whether the last thing written was whitespace or indentation)
 * because those decide where spaces and line breaks go.
 */
import { codePoints, isBreak, isPrintable, isSpace, scalarInfo, type ScalarInfo } from './go-yaml-scalar';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
/** A longer mapping key is written in the explicit `? key` form. */
const MAX_SIMPLE_KEY_BYTES = 128;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/**
 * Writes one document (trailing newline, no `---`) from a stream of calls in document order, as yaml.Marshal
 * does: `beginMapping`, then `key` and the value for each entry, `end`; `beginSequence`, then `item` and the value
 * for each item, `end`; `scalar` for leaves. Values are written as they come, without building a tree first.
 */
export class GoYamlWriter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  /** The finished document. */
  finish(): string {
    this.writeIndent();
    return this.out;
  }

  /** A scalar value (never a key); `style` is the one requested, the writer falls back as libyaml does. */
  scalar(value: string, style: ScalarStyle): void {
    this.writeScalar(scalarInfo(value), value, style, false);
  }

  /**
   * A scalar that is plain whatever the column (numbers, booleans, null: no spaces, indicators or special
   * characters), written without analysis.
   */
  plainWord(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  /** `valueOfMapping`: the sequence is a mapping value, so it stays at the key's indentation ("key:\n- item"). */
  beginSequence(valueOfMapping: boolean): void {
    this.pushIndent(false, valueOfMapping && !this.indention);
  }

  item(): void {
    this.writeIndent();
    this.indicator('-', true, false, true);
  }

  beginMapping(): void {
    this.pushIndent(false, false);
  }

  key(key: string, style: ScalarStyle): void {
    this.writeIndent();
    const info = scalarInfo(key);
    if (!info.multiline && info.utf8Length <= MAX_SIMPLE_KEY_BYTES) {
      this.writeScalar(info, key, style, true);
      this.indicator(':', false, false, false);
    } else {
      this.indicator('?', true, false, true);
      this.writeScalar(info, key, style, false);
      this.writeIndent();
      this.indicator(':', true, false, true);
    }
  }

  /** Closes the innermost sequence or mapping. */
  end(): void {
    this.popIndent();
  }

  emptySequence(): void {
    this.emptyFlow('[', ']');
  }

  emptyMapping(): void {
    this.emptyFlow('{', '}');
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private writeScalar(info: ScalarInfo, text: string, requested: ScalarStyle, simpleKey: boolean): void {
    const style = chooseStyle(requested, info, simpleKey);
    this.pushIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.plain(info, text, allowBreaks);
    else if (style === 'single') this.singleQuoted(info, text, allowBreaks);
    else if (style === 'double') this.doubleQuoted(info, text, allowBreaks);
    else this.literal(codePoints(text));
    this.popIndent();
  }

  /**
   * The common case: text that the style writes unchanged (`copyable`: no escaping or quote doubling), and no fold
   * because every space comes before the width is passed (a fold happens only at a space once the column is past
   * 80). Then it is copied whole.
   */
  private copiedWhole(copyable: boolean, info: ScalarInfo, text: string, allowBreaks: boolean): boolean {
    if (!copyable || (allowBreaks && info.lastSpace >= 0 && this.column + info.lastSpace > BEST_WIDTH)) return false;
    this.put(text);
    return true;
  }

  private plain(info: ScalarInfo, text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!this.copiedWhole(info.copyPlain, info, text, allowBreaks)) this.quotedBody(codePoints(text), allowBreaks, false, true);
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(info: ScalarInfo, text: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    if (!this.copiedWhole(info.copySingle, info, text, allowBreaks)) this.quotedBody(codePoints(text), allowBreaks, true, false);
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** Shared body of plain and single-quoted scalars: folding at spaces past the width, breaks doubled. */
  private quotedBody(chars: number[], allowBreaks: boolean, single: boolean, foldAtEnds: boolean): void {
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (isSpace(c)) {
        const inside = foldAtEnds || (i > 0 && i < chars.length - 1);
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && !isSpace(chars[i + 1])) {
          this.writeIndent();
        } else {
          this.writeChar(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (single && c === 0x27) this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
  }

  private doubleQuoted(info: ScalarInfo, text: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    if (!this.copiedWhole(info.copyDouble, info, text, allowBreaks)) this.doubleQuotedBody(codePoints(text), allowBreaks);
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuotedBody(chars: number[], allowBreaks: boolean): void {
    // libyaml escapes every character of a string that starts with a byte order mark.
    const startsWithBom = chars[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put(escape(c));
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else {
          this.writeChar(c);
        }
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
  }

  private literal(chars: number[]): void {
    this.indicator('|', true, false, false);
    if (isSpace(chars[0]) || isBreak(chars[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(chars);
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private pushIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Text without astral characters or breaks: each UTF-16 unit is a character, and a column. */
  private put(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  private writeChar(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) {
      this.putBreak();
    } else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }
}

function chooseStyle(requested: ScalarStyle, a: ScalarInfo, simpleKey: boolean): ScalarStyle {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (a.length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Block scalar chomping: `-` strip (no final break), `+` keep (several final breaks), none for exactly one. */
function chompIndicator(chars: number[]): string {
  const n = chars.length;
  if (n === 0 || !isBreak(chars[n - 1])) return '-';
  if (n === 1 || isBreak(chars[n - 2])) return '+';
  return '';
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escape(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return '\\' + short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}
