/**
 * The parts of Go's fmt and strconv that template functions rely on: `%v` (fmt.Sprint), `%q` (strconv.Quote) and
 * float formatting. Go strings are bytes; here they are JS strings, so byte-level helpers go through UTF-8.
 */
import { isGoStruct } from '../value';
import { isGoMap, isNilStruct, sortedKeys } from './go-values';

/** strconv.FormatFloat(f, 'g', -1, 64), which is what `%v` prints for a float64. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 6) {
    // Shortest %g switches to exponent form at precision 6; Go writes at least two exponent digits.
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    out = `${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

/** Go's `%v` of one value. */
export function formatV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'number':
      return formatFloatG(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
  }
  if (Array.isArray(v)) return `[${v.map(formatV).join(' ')}]`;
  if (isGoStruct(v)) {
    if (isNilStruct(v)) return '<nil>';
    if (v.goFormat) return v.goFormat(false);
    const str = v.goMethod?.('String');
    if (str) return formatV(str());
    const json = v.toJSON();
    const fields = isGoMap(json) ? Object.values(json).map(formatV).join(' ') : formatV(json);
    return `${v.goTypeName.startsWith('*') ? '&' : ''}{${fields}}`;
  }
  if (isGoMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${formatV(v[k])}`).join(' ')}]`;
  return String(v);
}

/** fmt.Sprint: operands are separated by a space when neither side is a string. */
export function sprint(...args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatV(a);
  });
  return out;
}

/** sprig's strval: strings as they are, Stringers via String(), everything else `%v`. */
export function strval(v: unknown): string {
  return formatV(v);
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** strconv.Quote (what `%q` does to a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
      default:
    }
    if (ch === ' ' || !NON_PRINTABLE.test(ch)) {
      out += ch;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += `\\x${hex(cp, 2)}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate is not valid UTF-8: Go sees the replacement rune
    } else if (cp < 0x10000) {
      out += `\\u${hex(cp, 4)}`;
    } else {
      out += `\\U${hex(cp, 8)}`;
    }
  }
  return `${out}"`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as Go would have them). */
export function utf8Encode(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/** Decodes UTF-8; each invalid byte becomes U+FFFD (how Go's range over a string sees it). */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b < 0xe0) {
      need = 1;
      cp = b & 31;
      min = 0x80;
    } else if (b >= 0xe0 && b < 0xf0) {
      need = 2;
      cp = b & 15;
      min = 0x800;
    } else if (b >= 0xf0 && b < 0xf5) {
      need = 3;
      cp = b & 7;
      min = 0x10000;
    }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 63);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}

/** Go's len(s): the number of UTF-8 bytes. */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Go's s[start:end] on the UTF-8 bytes of s. */
export function byteSlice(s: string, start: number, end?: number): string {
  const bytes = utf8Encode(s);
  return utf8Decode(bytes.slice(start, end ?? bytes.length));
}

/** Go's time.Duration.String, e.g. 1h2m3.5s, 1.5ms, 0s. */
export function goDurationString(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  const frac = (value: bigint, unit: bigint): string => {
    const whole = value / unit;
    const rest = (value % unit).toString().padStart(unit.toString().length - 1, '0').replace(/0+$/, '');
    return rest ? `${whole}.${rest}` : `${whole}`;
  };
  if (u < 1000000000n) {
    if (u < 1000n) return `${sign}${u}ns`;
    if (u < 1000000n) return `${sign}${frac(u, 1000n)}µs`;
    return `${sign}${frac(u, 1000000n)}ms`;
  }
  let out = `${frac(u % 60000000000n, 1000000000n)}s`;
  u /= 60000000000n;
  if (u > 0n) {
    out = `${u % 60n}m${out}`;
    u /= 60n;
    if (u > 0n) out = `${u}h${out}`;
  }
  return sign + out;
}
