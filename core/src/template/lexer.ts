/**
 * Tokenizer for Go text/template source. It follows Go's lexer state by state, because parse errors, trim markers
 * (`{{- ` / ` -}}`) and line numbers in messages all depend on exactly where Go splits tokens.
 */
import { quoteGo, unicodeLabel } from '../go/quote';

import { KEYWORDS, type Token, type TokenType } from './tokens';

const LEFT = '{{';
const RIGHT = '}}';
const SPACE_CHARS = ' \t\r\n';
const EOF = -1;

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
const ALNUM = /^[\p{L}\p{Nd}_]$/u;
export function isAlphaNumeric(c: number): boolean {
  if (c < 0) return false;
  if (c < 0x80) {
    return c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  }
  return ALNUM.test(String.fromCodePoint(c));
}
function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1));
}
function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === '-';
}

export interface LexOptions {
  /** `break` / `continue` are keywords unless the FuncMap defines functions with those names (as in Go). */
  breakOK: boolean;
  continueOK: boolean;
}

/** Lexes the whole input; the list ends with an `eof` or an `error` token. */
export function lex(input: string, opts: LexOptions): Token[] {
  return new Lexer(input, opts).run();
}

type State = ((l: Lexer) => State) | null;

class Lexer {
  readonly tokens: Token[] = [];
  pos = 0;
  start = 0;
  width = 0;
  parenDepth = 0;
  private readonly lineStarts: number[] = [0];

  readonly input: string;
  readonly opts: LexOptions;

  constructor(input: string, opts: LexOptions) {
    this.input = input;
    this.opts = opts;
    for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  run(): Token[] {
    let state: State = lexText;
    while (state) state = state(this);
    return this.tokens;
  }

  lineAt(pos: number): number {
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const c = this.input.codePointAt(this.pos)!;
    this.width = c > 0xffff ? 2 : 1;
    this.pos += this.width;
    return c;
  }
  peek(): number {
    const c = this.next();
    this.backup();
    return c;
  }
  backup(): void {
    this.pos -= this.width;
  }
  emit(type: TokenType): void {
    this.tokens.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.lineAt(this.start) });
    this.start = this.pos;
  }
  ignore(): void {
    this.start = this.pos;
  }
  accept(valid: string): boolean {
    const c = this.next();
    if (c >= 0 && valid.includes(String.fromCodePoint(c))) return true;
    this.backup();
    return false;
  }
  acceptRun(valid: string): void {
    for (;;) {
      const c = this.next();
      if (c < 0 || !valid.includes(String.fromCodePoint(c))) break;
    }
    this.backup();
  }
  errorf(msg: string): State {
    this.tokens.push({ type: 'error', pos: this.start, val: msg, line: this.lineAt(this.start) });
    return null;
  }
  atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return { delim: true, trim: true };
    if (this.input.startsWith(RIGHT, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }
  /** Go's atTerminator: may an identifier end here? */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF: case 0x2e: case 0x2c: case 0x7c: case 0x3a: case 0x29: case 0x28: return true;
    }
    return r === RIGHT.charCodeAt(0);
  }
  spaceRunLength(from: number, dir: 1 | -1): number {
    let n = 0;
    if (dir === 1) while (from + n < this.input.length && SPACE_CHARS.includes(this.input[from + n])) n++;
    else while (from - n - 1 >= this.start && SPACE_CHARS.includes(this.input[from - n - 1])) n++;
    return n;
  }
}

function lexText(l: Lexer): State {
  l.width = 0;
  const x = l.input.indexOf(LEFT, l.pos);
  if (x >= 0) {
    l.pos = x;
    const trim = hasLeftTrimMarker(l.input, x + LEFT.length) ? l.spaceRunLength(x, -1) : 0;
    l.pos -= trim;
    if (l.pos > l.start) l.emit('text');
    l.pos += trim;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) l.emit('text');
  l.emit('eof');
  return null;
}

function lexLeftDelim(l: Lexer): State {
  l.pos += LEFT.length;
  const afterMarker = hasLeftTrimMarker(l.input, l.pos) ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.emit('leftDelim');
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(l: Lexer): State {
  l.pos += 2;
  const i = l.input.indexOf('*/', l.pos);
  if (i < 0) return l.errorf('unclosed comment');
  l.pos = i + 2;
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trim) l.pos += 2;
  l.pos += RIGHT.length;
  if (trim) l.pos += l.spaceRunLength(l.pos, 1);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): State {
  const trim = hasRightTrimMarker(l.input, l.pos);
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  l.emit('rightDelim');
  if (trim) {
    l.pos += l.spaceRunLength(l.pos, 1);
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): State {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(); // the space may start a " -}}"
    return lexSpace;
  }
  switch (r) {
    case 0x3d: l.emit('assign'); return lexInsideAction; // =
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      l.emit('declare');
      return lexInsideAction;
    case 0x7c: l.emit('pipe'); return lexInsideAction;
    case 0x22: return lexQuote;
    case 0x60: return lexRawQuote;
    case 0x24: return lexVariable;
    case 0x27: return lexChar;
    case 0x28: l.emit('leftParen'); l.parenDepth++; return lexInsideAction;
    case 0x29:
      l.emit('rightParen');
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf(`unexpected right paren ${unicodeLabel(r)}`);
      return lexInsideAction;
  }
  if (r === 0x2e) { // '.': a field unless a digit follows
    if (l.pos < l.input.length) {
      const c = l.input.charCodeAt(l.pos);
      if (c < 0x30 || c > 0x39) return lexField;
    }
    l.backup();
    return lexNumber;
  }
  if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7e && r >= 0x20) {
    l.emit('char');
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${unicodeLabel(r)}`);
}

function lexSpace(l: Lexer): State {
  let n = 0;
  while (isSpace(l.peek())) {
    l.next();
    n++;
  }
  // A space followed by "-}}" belongs to the trim-marked closing delimiter.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT, l.pos - 1 + 2)) {
    l.backup();
    if (n === 1) return lexRightDelim;
  }
  l.emit('space');
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): State {
  let r: number;
  do r = l.next(); while (isAlphaNumeric(r));
  l.backup();
  const word = l.input.slice(l.start, l.pos);
  if (!l.atTerminator()) return l.errorf(`bad character ${unicodeLabel(r)}`);
  if (KEYWORDS.has(word)) {
    if ((word === 'break' && !l.opts.breakOK) || (word === 'continue' && !l.opts.continueOK)) l.emit('identifier');
    else l.emit(word as TokenType);
  } else if (word === 'true' || word === 'false') {
    l.emit('bool');
  } else {
    l.emit('identifier');
  }
  return lexInsideAction;
}

function lexField(l: Lexer): State {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): State {
  if (l.atTerminator()) {
    l.emit('variable');
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): State {
  if (l.atTerminator()) {
    l.emit(type === 'variable' ? 'variable' : 'dot');
    return lexInsideAction;
  }
  let r: number;
  do r = l.next(); while (isAlphaNumeric(r));
  l.backup();
  if (!l.atTerminator()) return l.errorf(`bad character ${unicodeLabel(r)}`);
  l.emit(type);
  return lexInsideAction;
}

function lexChar(l: Lexer): State {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant');
    if (r === 0x27) break;
  }
  l.emit('charConstant');
  return lexInsideAction;
}

function lexNumber(l: Lexer): State {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quoteGo(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${quoteGo(l.input.slice(l.start, l.pos))}`);
    }
    l.emit('complex');
  } else {
    l.emit('number');
  }
  return lexInsideAction;
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexQuote(l: Lexer): State {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string');
    if (r === 0x22) break;
  }
  l.emit('string');
  return lexInsideAction;
}

function lexRawQuote(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) break;
  }
  l.emit('rawString');
  return lexInsideAction;
}
