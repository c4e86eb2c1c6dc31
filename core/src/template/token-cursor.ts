/**
 * The parser's view of the token list: Go's next/backup/peek with its 3-token look-ahead buffer, and the parse
 * errors phrased and positioned as Go's (the line of the most recently scanned token).
 */
import type * as A from './ast';
import { TemplateError } from './errors';
import { isKeyword, type Token, type TokenType } from './tokens';
import { quoteGo, unquote } from '../go/quote';

/** State shared by the trees of one parse (the top-level template and each define/block). */
export interface Shared {
  readonly tokens: Token[];
  index: number;
  readonly trees: Map<string, A.ListNode>;
  readonly hasFunction: (n: string) => boolean;
  readonly parseName: string;
}

/** Go's item.String() as used in "unexpected X in Y". */
function tokenString(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'error') return t.val;
  if (isKeyword(t.type)) return `<${t.val}>`;
  const chars = [...t.val];
  if (chars.length > 10) return `${quoteGo(chars.slice(0, 10).join(''))}...`;
  return quoteGo(t.val);
}

export abstract class TokenCursor {
  protected readonly buf: Token[] = [];
  protected peekCount = 0;
  /** Line of the action being parsed, for "in action started at" (0 outside actions). */
  protected actionLine = 0;

  protected readonly s: Shared;

  protected constructor(s: Shared) {
    this.s = s;
  }

  // ---- token stream (Go's next/backup/peek with a 3-token buffer)
  protected lexNext(): Token {
    const toks = this.s.tokens;
    const t = toks[Math.min(this.s.index, toks.length - 1)];
    if (this.s.index < toks.length) this.s.index++;
    return t;
  }
  protected next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.buf[0] = this.lexNext();
    return this.buf[this.peekCount];
  }
  protected backup(): void {
    this.peekCount++;
  }
  protected backup2(t1: Token): void {
    this.buf[1] = t1;
    this.peekCount = 2;
  }
  protected backup3(t2: Token, t1: Token): void {
    this.buf[1] = t1;
    this.buf[2] = t2;
    this.peekCount = 3;
  }
  protected peek(): Token {
    if (this.peekCount > 0) return this.buf[this.peekCount - 1];
    this.peekCount = 1;
    this.buf[0] = this.lexNext();
    return this.buf[0];
  }
  protected nextNonSpace(): Token {
    let t: Token;
    do t = this.next(); while (t.type === 'space');
    return t;
  }
  protected peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // ---- errors
  protected errorf(msg: string): never {
    const line = this.buf[0]?.line ?? 1;
    throw new TemplateError(`template: ${this.s.parseName}:${line}: ${msg}`, this.s.parseName, line);
  }
  protected expect(type: TokenType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }
  protected unexpected(t: Token, context: string): never {
    if (t.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.s.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }
  protected unquoteOrFail(t: Token): string {
    try {
      return unquote(t.val);
    } catch (e) {
      if (e instanceof RangeError) throw e;
      return this.errorf((e as Error).message);
    }
  }
}
