/**
 * Go's strconv quoting rules (Quote, QuoteToASCII, QuoteRune, Unquote, UnquoteChar, IsPrint): templates observe them
 * in `%q`, in parse error texts and when reading string/char literals; Go error texts embed `%q` of inputs.
 *
 * Known gap: JavaScript strings cannot hold Go's invalid-UTF-8 byte strings, so `"\xff"` in a literal becomes U+00FF.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(c));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(c: number, quote: number, asciiOnly: boolean): string {
  if (c === quote || c === 0x5c) return '\\' + String.fromCharCode(c);
  if (asciiOnly ? c < 0x80 && isPrint(c) : isPrint(c)) return String.fromCodePoint(c);
  switch (c) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (c < 0x20 || c === 0x7f) return '\\x' + hex(c, 2);
  if (c >= 0xd800 && c <= 0xdfff) return '\\ufffd'; // lone surrogate: Go would see invalid UTF-8
  if (c < 0x10000) return '\\u' + hex(c, 4);
  return '\\U' + hex(c, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  let out = q;
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, asciiOnly);
  return out + q;
}

/** strconv.Quote */
export function quoteGo(s: string): string {
  return quoteWith(s, 0x22, false);
}
/** strconv.QuoteToASCII */
export function quoteGoASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}
/** strconv.QuoteRune (QuoteRuneToASCII when asciiOnly). */
export function quoteRune(c: number, asciiOnly = false): string {
  if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) || c < 0) c = 0xfffd;
  return quoteWith(String.fromCodePoint(c), 0x27, asciiOnly);
}
/** strconv.CanBackquote */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x60 || c === 0xfeff) return false;
    if (c < 0x20 && c !== 0x09) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

/** fmt's `%#U`: `U+0041 'A'` (the quoted rune only when printable). */
export function unicodeLabel(c: number): string {
  const base = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(c) ? `${base} '${String.fromCodePoint(c)}'` : base;
}

export class SyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

/** strconv.UnquoteChar: decodes one (possibly escaped) character of `s` starting at `i`. */
export function unquoteChar(s: string, i: number, quote: number): { value: number; next: number } {
  const c = s.codePointAt(i);
  if (c === undefined) throw new SyntaxError();
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new SyntaxError();
  if (c !== 0x5c) return { value: c, next: i + (c > 0xffff ? 2 : 1) };
  if (i + 1 >= s.length) throw new SyntaxError();
  const e = s[i + 1];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { value: simple[e], next: i + 2 };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = s.slice(i + 2, i + 2 + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 16);
    if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) throw new SyntaxError();
    return { value: v, next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new SyntaxError();
    return { value: v, next: i + 4 };
  }
  if ((e === "'" || e === '"') && e.charCodeAt(0) === quote) return { value: quote, next: i + 2 };
  throw new SyntaxError();
}

/** strconv.Unquote for "…", `…` and '…' literals; throws SyntaxError ("invalid syntax"). */
export function unquote(s: string): string {
  if (s.length < 2) throw new SyntaxError();
  const q = s[0];
  if (q !== s[s.length - 1]) throw new SyntaxError();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError();
    return body.includes('\r') ? body.replace(/\r/g, '') : body;
  }
  if (q !== '"' && q !== "'") throw new SyntaxError();
  if (!body.includes('\\') && !body.includes(q) && !body.includes('\n')) {
    if (q === '"') return body;
    if ([...body].length === 1) return body;
  }
  let out = '';
  let count = 0;
  for (let i = 0; i < body.length;) {
    if (body[i] === '\n') throw new SyntaxError();
    const { value, next } = unquoteChar(body, i, q.charCodeAt(0));
    out += String.fromCodePoint(value);
    count++;
    i = next;
    if (q === "'" && count > 1) throw new SyntaxError();
  }
  if (q === "'" && count !== 1) throw new SyntaxError();
  return out;
}
