/**
 * Go's fmt rendering of decoded JSON values, so error texts read like apimachinery's (they embed `%v` of maps and
 * `reflect.TypeOf` names).
 */
import { formatFloat } from '../go/format-float';
import { compareGoStrings } from '../go/utf8';
import { goKind, type Json } from './json-value';

/** `fmt.Sprintf("%v", v)` for a value decoded by encoding/json into interface{}. */
export function formatV(v: Json): string {
  if (v === null) return '<nil>';
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${formatV(v.get(k) as Json)}`).join(' ')}]`;
  }
  if (Array.isArray(v)) return `[${v.map(formatV).join(' ')}]`;
  if (typeof v === 'number' || typeof v === 'bigint') return formatFloat(Number(v), 'g', -1); // every JSON number is a float64
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
