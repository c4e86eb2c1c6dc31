/**
 * fmt's value printer: one argument under one verb with the current flags, recursing into slices, maps and structs
 * the way Go's fmt does (including the `%!verb(type=value)` form for verbs a type does not support).
 */
import { formatFloat, formatHexFloat } from '../go/format-float';
import { canBackquote, isPrint, quoteGo, quoteGoASCII, quoteRune } from '../go/quote';
import { compareGoStrings, runeCount, utf8Encode } from '../go/utf8';
import { GoComplex, GoStruct, goTypeName, isGoStruct } from './value';

/** fmt's per-verb formatting state. */
export interface Flags {
  plus: boolean; minus: boolean; sharp: boolean; space: boolean; zero: boolean;
  plusV: boolean; sharpV: boolean;
  widPresent: boolean; precPresent: boolean; wid: number; prec: number;
}
export function noFlags(): Flags {
  return {
    plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false,
    widPresent: false, precPresent: false, wid: 0, prec: 0,
  };
}

/** What fmt prints for a pointer nested in a container (Go prints a real, run-dependent address). */
const PLACEHOLDER_ADDRESS = '0xc000010000';

/** Accumulates fmt output in `buf`; `f` holds the flags of the verb being printed. */
export class Printer {
  buf = '';
  f: Flags = noFlags();
  derefPointer = false;

  // ---- padding
  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? '0' : ' ').repeat(n) : '';
  }
  pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.buf += s;
      return;
    }
    const w = f.wid - runeCount(s);
    if (!f.minus) this.buf += this.padding(w) + s;
    else this.buf += s + ' '.repeat(Math.max(w, 0));
  }
  private padNoZero(s: string): void {
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = z;
  }

  // ---- values
  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  private printValue(v: unknown, verb: string, depth: number): void {
    switch (typeof v) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'bigint': return this.fmtInteger(v, verb);
      case 'number': return this.fmtFloat(v, verb);
      case 'string': return this.fmtString(v, verb);
      case 'function':
        if (verb === 'v' || verb === 'p') this.pad(PLACEHOLDER_ADDRESS);
        else this.badVerb(verb, v);
        return;
    }
    if (v === null || v === undefined) { // nil inside a container
      if (this.f.sharpV && depth > 0) this.buf += 'interface {}(nil)';
      else if (verb === 'v' || depth > 0) this.buf += '<nil>';
      else this.badVerb(verb, v);
      return;
    }
    if (isGoStruct(v)) return this.fmtStruct(v, verb, depth);
    if (v instanceof GoComplex) return this.fmtComplex(v, verb);
    const sharpV = this.f.sharpV;
    if (Array.isArray(v)) {
      this.buf += sharpV ? goTypeName(v) + '{' : '[';
      v.forEach((e, i) => {
        if (i > 0) this.buf += sharpV ? ', ' : ' ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += sharpV ? '}' : ']';
      return;
    }
    if (typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      this.buf += sharpV ? goTypeName(v) + '{' : 'map[';
      Object.keys(obj).sort(compareGoStrings).forEach((k, i) => {
        if (i > 0) this.buf += sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.buf += ':';
        this.printValue(obj[k], verb, depth + 1);
      });
      this.buf += sharpV ? '}' : ']';
      return;
    }
    this.buf += '?';
  }

  private fmtStruct(v: GoStruct, verb: string, depth: number): void {
    if ((verb === 'v' || verb === 's' || verb === 'x' || verb === 'X' || verb === 'q') && !this.f.sharpV) {
      if (v.goNil) {
        this.pad('<nil>');
        return;
      }
      const m = v.goMethod?.('Error') ?? v.goMethod?.('String');
      if (m) {
        this.fmtString(String(m()), verb);
        return;
      }
    }
    const isPtr = v.goTypeName.startsWith('*');
    if (v.goNil) {
      if (verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, v);
      return;
    }
    if (isPtr && depth > 0) {
      if (verb === 'v') this.pad(PLACEHOLDER_ADDRESS);
      else this.badVerb(verb, v);
      return;
    }
    if (isPtr && !this.derefPointer) this.buf += '&';
    if (v.goFormat) {
      this.buf += v.goFormat(this.f.plusV);
      return;
    }
    const json = v.toJSON();
    const fields = json !== null && typeof json === 'object' ? Object.entries(json as Record<string, unknown>) : [];
    this.buf += '{';
    fields.forEach(([k, val], i) => {
      if (i > 0) this.buf += ' ';
      if (this.f.plusV) this.buf += k.charAt(0).toUpperCase() + k.slice(1) + ':';
      this.printValue(typeof val === 'number' && Number.isInteger(val) ? BigInt(val) : val, verb, depth + 1);
    });
    this.buf += '}';
  }

  private fmtComplex(v: GoComplex, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb, v);
    const plus = this.f.plus;
    this.buf += '(';
    this.fmtFloat(v.re, verb);
    this.f.plus = true; // the imaginary part always has a sign
    this.fmtFloat(v.im, verb);
    this.buf += 'i)';
    this.f.plus = plus;
  }

  private badVerb(verb: string, v: unknown): void {
    this.buf += `%!${verb}(`;
    if (v === null || v === undefined) this.buf += '<nil>';
    else {
      this.buf += goTypeName(v) + '=';
      this.printArg(v, 'v');
    }
    this.buf += ')';
  }

  // ---- strings
  private fmtS(s: string): void {
    this.pad(this.truncate(s));
  }
  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return [...s].slice(0, this.f.prec).join('');
  }
  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v': return this.f.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case 's': return this.fmtS(s);
      case 'x': return this.fmtSx(s, false);
      case 'X': return this.fmtSx(s, true);
      case 'q': return this.fmtQ(s);
      default: return this.badVerb(verb, s);
    }
  }
  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(this.f.plus ? quoteGoASCII(s) : quoteGo(s));
  }
  private fmtSx(s: string, upper: boolean): void {
    const f = this.f;
    let bytes = utf8Encode(s);
    if (f.precPresent && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
    const n = bytes.length;
    if (n === 0) {
      if (f.widPresent) this.buf += this.padding(f.wid);
      return;
    }
    let width = 2 * n;
    if (f.space) width = (f.sharp ? width * 2 : width) + n - 1;
    else if (f.sharp) width += 2;
    const pre = upper ? '0X' : '0x';
    let out = f.sharp ? pre : '';
    bytes.forEach((b, i) => {
      if (f.space && i > 0) out += ' ' + (f.sharp ? pre : '');
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    const padN = f.widPresent && f.wid > width ? f.wid - width : 0;
    this.buf += f.minus ? out + this.padding(padN) : this.padding(padN) + out;
  }

  // ---- numbers
  private fmtInteger(v: bigint, verb: string): void {
    switch (verb) {
      case 'v': case 'd': return this.fmtInt(v, 10, verb, false);
      case 'b': return this.fmtInt(v, 2, verb, false);
      case 'o': case 'O': return this.fmtInt(v, 8, verb, false);
      case 'x': return this.fmtInt(v, 16, verb, false);
      case 'X': return this.fmtInt(v, 16, verb, true);
      case 'c': return this.pad(String.fromCodePoint(validRune(v)));
      case 'q': return this.pad(quoteRune(validRune(v), this.f.plus));
      case 'U': return this.fmtUnicode(v);
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': default: return this.badVerb(verb, v);
    }
  }
  private fmtInt(v: bigint, base: number, verb: string, upper: boolean): void {
    const f = this.f;
    const negative = v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const z = f.zero;
        f.zero = false;
        this.buf += this.padding(f.wid);
        f.zero = z;
        return;
      }
    } else if (f.zero && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    this.padNoZero(digits);
  }
  private fmtUnicode(v: bigint): void {
    const f = this.f;
    const u = BigInt.asUintN(64, v);
    let prec = 4;
    if (f.precPresent && f.prec > 4) prec = f.prec;
    let s = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
    if (f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    this.padNoZero(s);
  }
  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v': return this.fmtF(v, 'g', -1);
      case 'g': case 'G': case 'x': case 'X': return this.fmtF(v, verb, -1);
      case 'f': case 'F': case 'e': case 'E': return this.fmtF(v, verb, 6);
      default: return this.badVerb(verb, v);
    }
  }
  private fmtF(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = verb === 'x' || verb === 'X' ? formatHexFloat(v, verb === 'X', prec) : formatFloat(v, verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.padNoZero(num);
      return;
    }
    if (f.sharp) num = sharpFloat(num, verb, prec);
    if (f.plus || num[0] !== '+') {
      if (f.zero && f.widPresent && f.wid > num.length) {
        this.buf += num[0] + this.padding(f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn) return 0xfffd;
  const n = Number(v);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}

/** The `#` flag on floats: always a decimal point; %g keeps trailing zeros. */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = verb === 'g' || verb === 'G' || verb === 'v' ? (prec === -1 ? 6 : prec) : 0;
  let tail = '';
  let body = num;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    tail = body.slice(e);
    body = body.slice(0, e);
  }
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === '.') continue;
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes('.')) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  while (digits-- > 0) body += '0';
  return body + tail;
}

