/**
 * Go's fmt rendering of decoded JSON values, so error texts read like apimachinery's (they embed `%v` of maps and
 * `reflect.TypeOf` names).
 */
import { goKind, type Json } from './json-value';

/** `fmt.Sprintf("%v", v)` for a value decoded by encoding/json into interface{}. */
export function formatV(v: Json): string {
  if (v === null) return '<nil>';
  if (v instanceof Map) {
    const keys = [...v.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${formatV(v.get(k) as Json)}`).join(' ')}]`;
  }
  if (Array.isArray(v)) return `[${v.map(formatV).join(' ')}]`;
  if (typeof v === 'number' || typeof v === 'bigint') return formatFloat(Number(v));
  return String(v);
}

/** `fmt.Sprintf("%s", v)`: strings as they are, anything else flagged the way fmt flags a wrong verb. */
export function formatS(v: Json): string {
  if (typeof v === 'string') return v;
  if (v === null) return '%!s(<nil>)';
  return `%!s(${goTypeOf(v)}=${formatV(v)})`;
}

/** `reflect.TypeOf(v).String()` for a decoded JSON value. */
export function goTypeOf(v: Json | undefined): string {
  if (v === undefined) return '<nil>';
  switch (goKind(v)) {
    case 'map': return 'map[string]interface {}';
    case 'slice': return '[]interface {}';
    case 'nil': return '<nil>';
    default: return goKind(v);
  }
}

/** A float64 as `%v` prints it: shortest digits, exponent form below 1e-4 or from 1e+06 on (strconv 'g', -1). */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}
