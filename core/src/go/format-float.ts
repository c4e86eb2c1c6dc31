/**
 * strconv.FormatFloat for float64 with the 'e', 'E', 'f', 'g', 'G' formats: shortest round-trip digits for
 * precision -1 and exact, round-half-even decimal rounding for explicit precisions (JavaScript's toFixed rounds
 * ties away from zero and would print `%.2f` of 0.125 as 0.13 where Go prints 0.12).
 */

interface Digits {
  /** significant decimal digits without trailing zeros ('' for zero) */
  d: string;
  /** position of the decimal point relative to the start of d */
  dp: number;
}

function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, exp] = x.toExponential().split('e');
  return { d: mant.replace('.', ''), dp: Number(exp) + 1 };
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal expansion of a finite positive double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = biased - 1075;
  }
  let d: string;
  let dp: number;
  if (e >= 0) {
    d = (mant << BigInt(e)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-e)).toString();
    dp = d.length + e;
  }
  return { d: d.replace(/0+$/, ''), dp };
}

/** Rounds to nd digits, half to even on exact ties (strconv's decimal.Round). */
function round(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return x;
  const c = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (c === 5 && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 5;
  if (!up) return { d: x.d.slice(0, nd).replace(/0+$/, ''), dp: x.dp };
  let i = nd - 1;
  while (i >= 0 && x.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

function fmtE(neg: boolean, x: Digits, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  s += x.d.length ? x.d[0] : '0';
  if (prec > 0) s += '.' + x.d.slice(1, 1 + prec).padEnd(prec, '0');
  const exp = x.d.length === 0 ? 0 : x.dp - 1;
  const a = Math.abs(exp);
  return s + fmt + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let s = neg ? '-' : '';
  if (x.dp > 0) s += x.d.slice(0, x.dp).padEnd(x.dp, '0');
  else s += '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) {
      const j = x.dp + i;
      frac += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
    s += '.' + frac;
  }
  return s;
}

/** strconv.FormatFloat(v, fmt, prec, 64) for fmt in e E f F g G (prec -1 = shortest). */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const x = Math.abs(v);
  if (fmt === 'F') fmt = 'f';
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(x);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(x);
    if (fmt === 'f') digs = round(exact, exact.dp + prec);
    else if (fmt === 'e' || fmt === 'E') digs = round(exact, prec + 1);
    else {
      if (prec === 0) prec = 1;
      digs = round(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  // %g / %G
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

/** strconv's 'x'/'X' format: `-0x1.921fb54442d11p+01` (prec -1 = shortest, else hex digits after the point). */
export function formatHexFloat(v: number, upper: boolean, prec: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const neg = v < 0 || Object.is(v, -0);
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0 && mant === 0n) {
    exp = 0;
  } else if (exp === 0) { // subnormal: normalise so the leading 1 sits at bit 52
    exp = -1022;
    while (mant < 1n << 52n) {
      mant <<= 1n;
      exp--;
    }
  } else {
    mant |= 1n << 52n;
    exp -= 1023;
  }
  let frac = mant & ((1n << 52n) - 1n); // 52 bits = 13 hex digits
  let lead = mant === 0n ? 0n : 1n;
  if (prec >= 0 && prec < 13) {
    const drop = BigInt(4 * (13 - prec));
    const half = 1n << (drop - 1n);
    const rest = frac & ((1n << drop) - 1n);
    frac >>= drop;
    if (rest > half || (rest === half && (frac & 1n) === 1n)) frac++;
    if (frac >> BigInt(4 * prec) !== 0n) { // carried into the leading digit
      frac = 0n;
      lead = 1n;
      exp++;
    }
  }
  let digits = prec >= 0 && prec < 13 ? (prec === 0 ? '' : frac.toString(16).padStart(prec, '0')) : frac.toString(16).padStart(13, '0');
  if (prec < 0) digits = digits.replace(/0+$/, '');
  else if (prec > 13) digits = digits.padEnd(prec, '0');
  const e = Math.abs(exp);
  let s = `${neg ? '-' : ''}0x${lead}${digits ? '.' + digits : ''}p${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  if (upper) s = s.toUpperCase();
  return s;
}
