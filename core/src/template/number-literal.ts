/**
 * Number constants in templates, decided as Go's parser does (strconv.ParseUint/ParseInt with base 0, then
 * ParseFloat), so that `1`, `0x1F`, `1_000`, `1e3`, `'a'` and overflowing literals get Go's types and errors.
 */
import type { NumberNode } from './ast';
import { unquoteChar } from '../go/quote';

const MAX_U64 = (1n << 64n) - 1n;
const MAX_I64 = (1n << 63n) - 1n;

/** strconv's underscoreOK: `_` only between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hexDigits = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hexDigits = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hexDigits && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64); undefined on any error. */
export function parseUint0(s0: string): bigint | undefined {
  if (s0 === '') return undefined;
  let s = s0;
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : '';
    if (p === 'b') { base = 2; s = s.slice(2); }
    else if (p === 'o') { base = 8; s = s.slice(2); }
    else if (p === 'x') { base = 16; s = s.slice(2); }
    else { base = 8; s = s.slice(1); }
  }
  let n = 0n;
  let underscores = false;
  const b = BigInt(base);
  for (const c of s) {
    if (c === '_') { underscores = true; continue; }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * b + BigInt(d);
    if (n > MAX_U64) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64); undefined on any error. */
export function parseInt0(s: string): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const u = parseUint0(s);
  if (u === undefined) return undefined;
  if (!neg && u > MAX_I64) return undefined;
  if (neg && u > MAX_I64 + 1n) return undefined;
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64): decimal and hex (`0x1.8p3`) forms with underscores; undefined on error or overflow. */
export function parseFloat64(s0: string): number | undefined {
  if (!underscoreOK(s0)) return undefined;
  const s = s0.replace(/_/g, '');
  let v: number;
  const hexm = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (hexm) {
    const [, sign, ip, fp = '', exp] = hexm;
    if (ip === '' && fp === '') return undefined;
    const mant = BigInt('0x' + (ip + fp || '0'));
    const e = Number(exp) - 4 * fp.length;
    v = Number(mant) * Math.pow(2, e); // exact enough for literals that fit 53 bits
    if (sign === '-') v = -v;
  } else {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
    v = Number(s);
  }
  return Number.isFinite(v) ? v : undefined;
}

type Num = { -readonly [K in keyof NumberNode]: NumberNode[K] };

/** Go's parse.newNumber; throws Error with Go's message on malformed literals. */
export function numberNode(pos: number, text: string, type: 'number' | 'charConstant' | 'complex'): NumberNode {
  const n: Num = {
    kind: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false,
    int: 0n, uint: 0n, float: 0, complex: [0, 0],
  };
  if (type === 'charConstant') {
    const { value, next } = unquoteChar(text, 1, text.charCodeAt(0));
    if (text.slice(next) !== "'") throw new Error(`malformed character constant: ${text}`);
    n.int = n.uint = BigInt(value);
    n.float = value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (type === 'complex') {
    // split "re±imi" at the sign that does not belong to an exponent
    let k = 1;
    while (k < text.length && !((text[k] === '+' || text[k] === '-') && !/[eEpP]/.test(text[k - 1]))) k++;
    const re = k < text.length ? parseFloat64(text.slice(0, k)) : undefined;
    const im = text.endsWith('i') ? parseFloat64(text.slice(k, -1)) : undefined;
    if (re === undefined || im === undefined) throw new Error('syntax error scanning complex number');
    n.isComplex = true;
    n.complex = [re, im];
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = [0, f];
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint0(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint = u;
  }
  const i = parseInt0(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int = i;
    if (i === 0n) {
      n.isUint = true; // "-0"
      n.uint = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = Number(n.int);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(n.uint);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${JSON.stringify(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
  return n;
}

function simplifyComplex(n: Num): void {
  n.isFloat = n.complex[1] === 0;
  if (!n.isFloat) return;
  const f = n.complex[0];
  n.float = f;
  n.isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
  if (n.isInt) n.int = BigInt(f);
  n.isUint = Number.isInteger(f) && f >= 0 && f < 2 ** 64;
  if (n.isUint) n.uint = BigInt(f);
}
