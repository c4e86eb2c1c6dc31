/**
 * sprig's numeric functions (numeric.go): integer arithmetic on int64 through cast.ToInt64, float functions
 * through cast.ToFloat64, and the *f family computed in decimal as shopspring/decimal does.
 */
import { atoi } from '../../go/strconv';
import { formatValue } from '../printf';
import { goTypeName } from '../value';
import { anyArg, ArgumentError, fixed, FuncSpec, intArg, stringArg, variadic } from './args';
import { castToFloat64, castToInt64 } from './cast';
import { untilStep } from './lists';

const int64 = (v: unknown): bigint => castToInt64(anyArg(v));
const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

function divide(a: bigint, b: bigint, op: (x: bigint, y: bigint) => bigint): bigint {
  if (b === 0n) throw new Error('runtime error: integer divide by zero');
  return wrap(op(a, b));
}

/** A float64 parameter: Go converts integer constants, so bigints are accepted too. */
function floatArg(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new ArgumentError(`wrong type for value; expected float64; got ${goTypeName(v)}`);
}

/** A decimal number coef × 10^exp, enough of shopspring/decimal for addf, subf, mulf and divf. */
interface Decimal {
  coef: bigint;
  exp: number;
}

/** decimal.NewFromFloat: the shortest decimal that round-trips to f. */
function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new Error(`Cannot create a Decimal from ${formatValue(f)}`);
  const [mant, e] = f.toExponential().split('e');
  const digits = mant.replace('.', '');
  return { coef: BigInt(digits), exp: Number(e) - (digits.replace('-', '').length - 1) };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * pow10(a.exp - exp), b.coef * pow10(b.exp - exp), exp];
}

const DIVISION_PRECISION = 16;

const decimalOps: Record<string, (a: Decimal, b: Decimal) => Decimal> = {
  add: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x + y, exp };
  },
  sub: (a, b) => {
    const [x, y, exp] = align(a, b);
    return { coef: x - y, exp };
  },
  mul: (a, b) => ({ coef: a.coef * b.coef, exp: a.exp + b.exp }),
  div: (a, b) => {
    if (b.coef === 0n) throw new Error('decimal division by 0');
    // Round a/b half away from zero to DIVISION_PRECISION decimal places.
    const shift = a.exp - b.exp + DIVISION_PRECISION;
    let num = a.coef;
    let den = b.coef;
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    if (den < 0n) [num, den] = [-num, -den];
    let q = num / den;
    const r = num % den;
    if (2n * (r < 0n ? -r : r) >= den) q += num < 0n ? -1n : 1n;
    return { coef: q, exp: -DIVISION_PRECISION };
  },
};

function decimalOp(op: string, first: unknown, rest: unknown[]): number {
  let acc = decimalFromFloat(castToFloat64(anyArg(first)));
  for (const x of rest) acc = decimalOps[op](acc, decimalFromFloat(castToFloat64(anyArg(x))));
  return Number(`${acc.coef}e${acc.exp}`);
}

/** sprig's round: rounds up from `roundOn` (default .5) at `places` decimals. */
function round(a: unknown, places: unknown, ...rOpt: unknown[]): number {
  const roundOn = rOpt.length > 0 ? floatArg(rOpt[0]) : 0.5;
  const val = castToFloat64(anyArg(a));
  const p = 10 ** Number(castToInt64(places));
  const digit = p * val;
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / p;
}

function seq(...params: unknown[]): string {
  const p = params.map(intArg);
  const join = (v: bigint[]): string => v.join(' ');
  switch (p.length) {
    case 1: {
      const inc = p[0] < 1 ? -1 : 1;
      return join(untilStep(1, p[0] + inc, inc));
    }
    case 2: {
      const step = p[1] < p[0] ? -1 : 1;
      return join(untilStep(p[0], p[1] + step, step));
    }
    case 3: {
      const [start, step, end] = p;
      const inc = end < start ? -1 : 1;
      if (end < start && step > 0) return '';
      return join(untilStep(start, end + inc, step));
    }
    default:
      return '';
  }
}

/** sprig's toDecimal: reads fmt.Sprint(v) as an octal number (unix file modes). */
function toDecimal(v: unknown): bigint {
  const s = formatValue(anyArg(v));
  const m = /^([+-]?)([0-7]+)$/.exec(s);
  if (!m) return 0n;
  const n = BigInt(`0o${m[2]}`) * (m[1] === '-' ? -1n : 1n);
  return n === BigInt.asIntN(64, n) ? n : 0n;
}

export const mathFuncs: Record<string, FuncSpec> = {
  atoi: fixed(1, (s) => atoi(stringArg(s)).value), // the error is dropped
  int: fixed(1, int64),
  int64: fixed(1, int64),
  float64: fixed(1, (v) => castToFloat64(anyArg(v))),
  add1: fixed(1, (v) => wrap(int64(v) + 1n)),
  add: variadic(1, (...vs) => vs.reduce<bigint>((a, b) => wrap(a + int64(b)), 0n)),
  sub: fixed(2, (a, b) => wrap(int64(a) - int64(b))),
  mul: variadic(2, (a, ...vs) => vs.reduce<bigint>((x, y) => wrap(x * int64(y)), int64(a))),
  div: fixed(2, (a, b) => divide(int64(a), int64(b), (x, y) => x / y)),
  mod: fixed(2, (a, b) => divide(int64(a), int64(b), (x, y) => x % y)),
  max: variadic(2, (a, ...vs) => vs.map(int64).reduce((x, y) => (y > x ? y : x), int64(a))),
  biggest: variadic(2, (a, ...vs) => vs.map(int64).reduce((x, y) => (y > x ? y : x), int64(a))),
  min: variadic(2, (a, ...vs) => vs.map(int64).reduce((x, y) => (y < x ? y : x), int64(a))),
  maxf: variadic(2, (a, ...vs) => vs.map((v) => castToFloat64(anyArg(v))).reduce((x, y) => Math.max(x, y), castToFloat64(anyArg(a)))),
  minf: variadic(2, (a, ...vs) => vs.map((v) => castToFloat64(anyArg(v))).reduce((x, y) => Math.min(x, y), castToFloat64(anyArg(a)))),
  floor: fixed(1, (v) => Math.floor(castToFloat64(anyArg(v)))),
  ceil: fixed(1, (v) => Math.ceil(castToFloat64(anyArg(v)))),
  round: variadic(3, round),
  add1f: fixed(1, (v) => decimalOp('add', v, [1n])),
  addf: variadic(1, (...vs) => decimalOp('add', 0, vs)),
  subf: variadic(2, (a, ...vs) => decimalOp('sub', a, vs)),
  mulf: variadic(2, (a, ...vs) => decimalOp('mul', a, vs)),
  divf: variadic(2, (a, ...vs) => decimalOp('div', a, vs)),
  seq: variadic(1, seq),
  toDecimal: fixed(1, toDecimal),
};
