/**
 * spf13/cast v1.10 number conversions, as sprig's int, int64, float64 and the arithmetic functions use them:
 * anything unconvertible quietly becomes 0.
 */
import { parseFloat64, parseInt0 } from '../../go/strconv';

const INT64_MIN = -(1n << 63n);

/** Go's float64 → int64 conversion (truncation; out of range gives the amd64 "indefinite" value). */
function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast drops the fraction of a decimal string ("1.9" → "1") before parsing it as an integer. */
function trimDecimal(s: string): string {
  if (!s.includes('.')) return s;
  const m = /^([-+]?\d*)(\.\d*)?$/.exec(s);
  if (!m) return s;
  return m[1] === '' ? '0' : m[1] === '-' || m[1] === '+' ? `${m[1]}0` : m[1];
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
      return v === '' ? 0n : (parseInt0(trimDecimal(v)) ?? 0n);
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
      return v === '' ? 0 : (parseFloat64(v) ?? 0);
    default:
      return 0;
  }
}
