/**
 * Number constants in templates, decided as Go's parser does (strconv.ParseUint/ParseInt with base 0, then
 * ParseFloat), so that `1`, `0x1F`, `1_000`, `1e3`, `'a'` and overflowing literals get Go's types and errors.
 */
import type { NumberNode } from './ast';
import { quoteGo, unquoteChar } from '../go/quote';
import { parseFloat64, parseInt0, parseUint0 } from '../go/strconv';

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
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quoteGo(text)}`);
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
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quoteGo(text)}`);
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
