/**
 * spf13/cast v1.10 number conversions, as sprig's int, int64, float64 and the arithmetic functions use them:
 * anything unconvertible quietly becomes 0.
 */
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's float64 → int64 conversion (truncation; out of range gives the amd64 "indefinite" value). */
function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** strconv.ParseInt(s, 0, 64): base prefixes 0x 0o 0b and a leading 0 (octal), underscores between digits. */
export function parseGoInt(s: string): bigint | undefined {
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let prefixed = false;
  const lower = body.toLowerCase();
  if (lower.startsWith('0x')) [base, prefixed] = [16, true];
  else if (lower.startsWith('0b')) [base, prefixed] = [2, true];
  else if (lower.startsWith('0o')) [base, prefixed] = [8, true];
  else if (body.length > 1 && body[0] === '0') base = 8;
  if (prefixed) body = body.slice(2);
  if (body.includes('_')) {
    // An underscore must sit between digits, or right after a base prefix.
    const ok = prefixed || base === 8 ? /^_?[0-9a-z]+(_[0-9a-z]+)*$/i.test(body) : /^[0-9]+(_[0-9]+)*$/.test(body);
    if (!ok) return undefined;
    body = body.replace(/_/g, '');
  }
  if (body === '') return undefined;
  let n = 0n;
  for (const ch of body.toLowerCase()) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  n = neg ? -n : n;
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** cast drops the fraction of a decimal string ("1.9" → "1") before parsing it as an integer. */
function trimDecimal(s: string): string {
  if (!s.includes('.')) return s;
  const m = /^([-+]?\d*)(\.\d*)?$/.exec(s);
  if (!m) return s;
  return m[1] === '' ? '0' : m[1] === '-' || m[1] === '+' ? `${m[1]}0` : m[1];
}

/** strconv.ParseFloat(s, 64), or undefined when s is not a Go float literal. */
export function parseGoFloat(s: string): number | undefined {
  const t = s.toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const unsigned = t.replace(/^[+-]/, '');
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Infinity;
  if (unsigned === 'nan') return NaN;
  if (/^[+-]?(\d+(_\d+)*\.?(\d+(_\d+)*)?|\.\d+(_\d+)*)(e[+-]?\d+)?$/.test(t)) {
    const f = Number(t.replace(/_/g, ''));
    return Number.isFinite(f) ? f : undefined; // out of range is an error for ParseFloat
  }
  if (/^[+-]?0x[0-9a-f_]*\.?[0-9a-f_]*p[+-]?\d+$/.test(t)) return parseHexFloat(t.replace(/_/g, ''));
  return undefined;
}

function parseHexFloat(t: string): number {
  const m = /^([+-]?)0x([0-9a-f]*)\.?([0-9a-f]*)p([+-]?\d+)$/.exec(t) as RegExpExecArray;
  const mant = parseInt(`${m[2]}${m[3]}` || '0', 16);
  return (m[1] === '-' ? -1 : 1) * mant * 2 ** (Number(m[4]) - 4 * m[3].length);
}

/** cast.ToInt64 (also cast.ToInt: Go's int is 64 bits wide). */
export function castToInt64(v: unknown): bigint {
  if (v === null || v === undefined) return 0n;
  switch (typeof v) {
    case 'bigint':
      return BigInt.asIntN(64, v);
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return v === '' ? 0n : (parseGoInt(trimDecimal(v)) ?? 0n);
    default:
  }
  return 0n; // maps, slices and structs do not convert
}

/** cast.ToFloat64. */
export function castToFloat64(v: unknown): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'bigint':
      return Number(v);
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return v === '' ? 0 : (parseGoFloat(v) ?? 0);
    default:
      return 0;
  }
}
