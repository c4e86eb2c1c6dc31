/**
 * YAML exactly as sigs.k8s.io/yaml `Marshal` writes it: the value is turned into JSON, read back by go-yaml v2 as
 * generic data (so JSON numbers become ints or floats, and map order is lost), and written by go-yaml v2 with sorted
 * keys. This is what `kubectl`/`istioctl` print and what Helm's and Istio's `toYaml` produce.
 */
import { GoYamlWriter, type ScalarStyle } from './go-yaml-emitter';
import { needsQuotes } from './go-yaml-resolve';
import { compareGoYamlKeys } from './go-yaml-sort';

/**
 * The YAML document sigs.k8s.io/yaml.Marshal produces for a JSON-compatible value (plain objects, arrays, strings,
 * numbers, bigints as Go integers, booleans, null; objects with `toJSON` are converted first). Ends with a newline.
 * Throws for values JSON cannot hold (NaN, Infinity).
 */
export function marshalGoYaml(value: unknown): string {
  const w = new GoYamlWriter();
  write(w, value, false);
  return w.finish();
}

const INT64_MIN = -(2n ** 63n);
const UINT64_LIMIT = 2n ** 64n;

function write(w: GoYamlWriter, value: unknown, valueOfMapping: boolean): void {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (value === null || value === undefined) return w.plainWord('null');
  switch (typeof value) {
    case 'boolean':
      return w.plainWord(value ? 'true' : 'false');
    case 'bigint':
      return w.plainWord(integerText(value));
    case 'number':
      return w.plainWord(numberText(value));
    case 'string':
      return w.scalar(value, stringStyle(value));
    case 'object':
      if (Array.isArray(value)) return writeSequence(w, value, valueOfMapping);
      return writeMapping(w, value as Record<string, unknown>);
    default:
      throw new Error(`marshalGoYaml: unsupported value of type ${typeof value}`);
  }
}

function writeSequence(w: GoYamlWriter, items: unknown[], valueOfMapping: boolean): void {
  if (items.length === 0) return w.emptySequence();
  w.beginSequence(valueOfMapping);
  for (const item of items) {
    w.item();
    write(w, item, false);
  }
  w.end();
}

function writeMapping(w: GoYamlWriter, obj: Record<string, unknown>): void {
  // JSON drops undefined members (Go has none); keep that so callers can use undefined for "absent".
  const keys = definedKeys(obj).sort(compareGoYamlKeys);
  if (keys.length === 0) return w.emptyMapping();
  w.beginMapping();
  for (const k of keys) {
    w.key(k, stringStyle(k));
    write(w, obj[k], true);
  }
  w.end();
}

/** The object's keys without those holding undefined (rare, so the common case makes no second array). */
function definedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  for (const k of keys) {
    if (obj[k] === undefined) return keys.filter((key) => obj[key] !== undefined);
  }
  return keys;
}

/** go-yaml's choice for a Go string: literal block if multi-line, quoted if it would read back as another type. */
function stringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  return needsQuotes(s) ? 'double' : 'plain';
}

/** A Go integer as it survives the JSON round trip: exact within int64/uint64, a float beyond. */
function integerText(n: bigint): string {
  if (n >= INT64_MIN && n < UINT64_LIMIT) return n.toString();
  return formatGoFloat(Number(n));
}

/**
 * A JavaScript number as encoding/json writes a float64 and go-yaml reads it back: integral values below 1e21
 * are written without exponent and read as integers; the rest are floats printed with Go's `%g`.
 */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`marshalGoYaml: unsupported value ${n}`);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return integerText(BigInt(n));
  return formatGoFloat(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form when the exponent is < -4 or >= 6. */
export function formatGoFloat(f: number): string {
  if (Object.is(f, -0)) return '-0';
  if (f === 0) return '0';
  const [mantissa, expText] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
