/**
 * strconv's number parsing: ParseUint/ParseInt with base 0 (Go literal prefixes and underscores), ParseFloat, Atoi
 * and ParseBool.
 */
import { quoteGo } from './quote';

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

const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/**
 * strconv.ParseFloat(s, 64): decimal and hex (`0x1.8p3`) forms with underscores, and Inf/Infinity/NaN in any case;
 * undefined on error or overflow.
 */
export function parseFloat64(s0: string): number | undefined {
  const inf = INFINITY.exec(s0);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s0)) return NaN;
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

/**
 * strconv.Atoi: `value` is what Go returns (0 on a syntax error, the clamped int64 when out of range) and `error`
 * the text of the error Go returns with it, e.g. `strconv.Atoi: parsing "x": invalid syntax`.
 */
export function atoi(s: string): { value: bigint; error?: string } {
  const fail = (value: bigint, why: string) => ({ value, error: `strconv.Atoi: parsing ${quoteGo(s)}: ${why}` });
  if (!/^[+-]?\d+$/.test(s)) return fail(0n, 'invalid syntax');
  const n = BigInt(s);
  if (n > MAX_I64) return fail(MAX_I64, 'value out of range');
  if (n < -MAX_I64 - 1n) return fail(-MAX_I64 - 1n, 'value out of range');
  return { value: n };
}

const TRUE_TEXTS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_TEXTS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** strconv.ParseBool; undefined where Go returns an error. */
export function parseBool(s: string): boolean | undefined {
  if (TRUE_TEXTS.includes(s)) return true;
  if (FALSE_TEXTS.includes(s)) return false;
  return undefined;
}
