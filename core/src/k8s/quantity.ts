/**
 * Kubernetes resource quantities (`100m`, `1Gi`, `1e3`) as apimachinery's resource.Quantity parses and re-prints
 * them: `0.1` → `100m`, `2000m` → `2`, `1.5Gi` → `1536Mi`, `1000Mi` stays. A quantity whose text is already in
 * canonical form keeps its exact original text, as Go caches it (so `+1`, `007` and `1e3` survive unchanged).
 */

type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** An exact decimal: coef × 10^exp. */
interface Dec {
  coef: bigint;
  exp: number;
}

interface Quantity {
  value: Dec;
  format: Format;
  /** The original text when Go keeps it for printing. */
  cached?: string;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_INT64 = 2n ** 63n - 1n;
const NANO = -9;

/** Error text of apimachinery for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Manifests repeat the same few quantities (`100m`, `128Mi`); parsing is pure, so results are kept (bounded). */
const CANONICAL_CACHE_LIMIT = 1024;
const canonicalCache = new Map<string, string>();

/**
 * The string Kubernetes writes for a quantity read from `text` (its JSON form: a string, or a number's JSON text).
 * Throws an Error with apimachinery's message when the text is not a quantity.
 */
export function canonicalQuantity(text: string): string {
  let canonical = canonicalCache.get(text);
  if (canonical === undefined) {
    const q = parseQuantity(text.trim());
    canonical = q.cached ?? formatQuantity(q);
    if (canonicalCache.size >= CANONICAL_CACHE_LIMIT) canonicalCache.clear();
    canonicalCache.set(text, canonical);
  }
  return canonical;
}

/** The canonical text for a quantity given as a JSON value (number or string), as Go's UnmarshalJSON reads it. */
export function canonicalQuantityValue(value: unknown): string {
  if (value === null || value === undefined) return '0';
  if (typeof value === 'number' || typeof value === 'bigint') return canonicalQuantity(String(value));
  if (typeof value === 'string') return canonicalQuantity(value);
  throw new Error(`quantity: cannot read ${typeof value} as a quantity`);
}

function parseQuantity(str: string): Quantity {
  if (str === '') throw new Error(QUANTITY_FORMAT_ERROR);
  if (str === '0') return { value: { coef: 0n, exp: 0 }, format: 'DecimalSI', cached: str };
  const m = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(str);
  if (!m) throw new Error(QUANTITY_FORMAT_ERROR);
  const negative = m[1] === '-';
  const num = m[2] === '' ? '0' : m[2];
  const denom = m[3] ?? '';
  const { base, exponent, format } = interpretSuffix(m[4]);

  const fast = parseFast(str, negative, num, denom, base, exponent, format);
  if (fast) return fast;

  // Exact decimal arithmetic, rounded up to nano units as Go's inf.Dec path does.
  let magnitude: Dec = { coef: BigInt(num + denom), exp: -denom.length };
  if (base === 10) magnitude.exp += exponent;
  else magnitude.coef *= 2n ** BigInt(exponent);
  let fmt = format;
  if (magnitude.coef !== 0n) magnitude = roundUp(magnitude, NANO).dec;
  if (fmt === 'BinarySI' && compare(magnitude, { coef: MAX_INT64, exp: 0 }) > 0) magnitude = { coef: MAX_INT64, exp: 0 };
  if (fmt === 'BinarySI' && magnitude.coef !== 0n && compare(magnitude, { coef: 1n, exp: 0 }) < 0) fmt = 'DecimalSI';
  return { value: { coef: negative ? -magnitude.coef : magnitude.coef, exp: magnitude.exp }, format: fmt };
}

/** Go's int64 fast path, including when it keeps the original text for printing. */
function parseFast(
  str: string, negative: boolean, num: string, denom: string, base: number, exponent: number, format: Format,
): Quantity | undefined {
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent < 0 || denom.length > 0) return undefined;
    mantissa = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc(Math.fround(exponent * 3) / 10) - 1;
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < NANO) return undefined;
  const shifted = num + denom;
  const parsed = BigInt(shifted);
  if (parsed > MAX_INT64) return undefined;
  const product = parsed * mantissa;
  if (product > MAX_INT64) return undefined;
  const value: Dec = { coef: negative ? -product : product, exp: base === 10 ? scale : 0 };
  const canonical = format === 'BinarySI'
    ? exponent % 10 === 0 && (parsed & 7n) !== 0n
    : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return canonical ? { value, format, cached: str } : { value, format };
}

function interpretSuffix(suffix: string): { base: number; exponent: number; format: Format } {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) {
    return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  }
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) {
    return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  }
  const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (e) {
    const parsed = BigInt(e[1]);
    if (parsed >= -(2n ** 63n) && parsed <= MAX_INT64) return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  throw new Error("unable to parse quantity's suffix");
}

/** resource.Quantity.String() for a parsed quantity without cached text. */
function formatQuantity(q: Quantity): string {
  const v = q.value;
  if (v.coef === 0n) return '0';
  let format = q.format;
  let rounded: Dec | undefined;
  if (format === 'BinarySI') {
    if (compare(v, { coef: -1024n, exp: 0 }) > 0 && compare(v, { coef: 1024n, exp: 0 }) < 0) {
      format = 'DecimalSI';
    } else {
      const r = roundUp(v, 0);
      if (r.exact) rounded = r.dec;
      else format = 'DecimalSI';
    }
  }
  if (format === 'BinarySI' && rounded) {
    let amount = rounded.coef * 10n ** BigInt(rounded.exp);
    let times = 0;
    while ((amount >= 1024n || amount <= -1024n) && amount % 1024n === 0n) {
      amount /= 1024n;
      times++;
    }
    const suffix = Object.keys(BINARY_SUFFIXES).find((k) => BINARY_SUFFIXES[k] === times * 10) ?? '';
    return amount.toString() + suffix;
  }
  // Base 10: strip trailing zeros into the exponent, then step the exponent down to a multiple of 3.
  let amount = v.coef;
  let exp = v.exp;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  while (exp % 3 !== 0) {
    amount *= 10n;
    exp--;
  }
  if (format === 'DecimalExponent') return amount.toString() + (exp === 0 ? '' : `e${exp}`);
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((k) => DECIMAL_SUFFIXES[k] === exp) ?? '';
  return amount.toString() + suffix;
}

/** Rounds away from zero to at most `-minExp` decimal places; reports whether nothing was lost. */
function roundUp(d: Dec, minExp: number): { dec: Dec; exact: boolean } {
  if (d.exp >= minExp) return { dec: d, exact: true };
  const divisor = 10n ** BigInt(minExp - d.exp);
  const negative = d.coef < 0n;
  const mag = negative ? -d.coef : d.coef;
  let q = mag / divisor;
  const exact = q * divisor === mag;
  if (!exact) q += 1n;
  return { dec: { coef: negative ? -q : q, exp: minExp }, exact };
}

function compare(a: Dec, b: Dec): number {
  const exp = Math.min(a.exp, b.exp);
  const x = a.coef * 10n ** BigInt(a.exp - exp);
  const y = b.coef * 10n ** BigInt(b.exp - exp);
  return x < y ? -1 : x > y ? 1 : 0;
}
