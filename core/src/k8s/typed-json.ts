/**
 * Kubernetes' round trip of a YAML object through its Go type: what `json.Marshal` writes after
 * `sigs.k8s.io/yaml.Unmarshal` decoded the object into the typed struct. Unknown fields disappear, omitempty
 * zero values disappear, non-pointer structs are always written (`resources: {}`), absent non-omitempty slices
 * and maps become `null`, quantities are canonicalised and timestamps normalised to UTC seconds.
 *
 * Scalars the YAML decoder produced with the "wrong" type are converted as sigs.k8s.io/yaml does before JSON
 * decoding: numbers and booleans in string fields become strings (`version: 1.10` → "1.1"). Mismatches Go's
 * decoder rejects throw a TypedDecodeError with Go's message.
 */
import { canonicalQuantityValue } from './quantity';
import { elemType, goTypeName, jsonFields, rootTypeFor, structSpec, type FieldSpec, type TypeRef } from './schema';

/** A value Go's JSON decoder refuses for the field's type. */
export class TypedDecodeError extends Error {}

interface Encoded {
  value: unknown;
  /** encoding/json's isEmptyValue: what omitempty drops. */
  empty: boolean;
}

const NIL: Encoded = { value: null, empty: true };

/**
 * The JSON value Go writes for `value` decoded into type `type` (a schema TypeRef such as `appsv1.Deployment`).
 * `undefined` stands for an absent value.
 */
export function toTypedJson(type: TypeRef, value: unknown): unknown {
  return encode(type, value, { root: type.replace(/^\*/, '').replace(/^\w+\./, ''), path: [] }).value;
}

interface Where {
  root: string;
  path: string[];
}

function encode(type: TypeRef, value: unknown, where: Where): Encoded {
  // Go values from the template layer (GoStruct) stand for their JSON form.
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (type.startsWith('*')) {
    // A non-nil pointer is never empty, even to false or 0.
    return value === null || value === undefined ? NIL : { value: encode(type.slice(1), value, where).value, empty: false };
  }
  if (type.startsWith('[]')) return encodeSlice(elemType(type) as string, value, where, type);
  if (type.startsWith('map[string]')) return encodeMap(elemType(type) as string, value, where, type);
  switch (type) {
    case 'string':
      return encodeString(value, where);
    case 'bool':
      if (value === null || value === undefined) return { value: false, empty: true };
      if (typeof value !== 'boolean') throw mismatch(value, where, type);
      return { value, empty: !value };
    case 'int32':
    case 'int64':
      return encodeInt(value, where, type);
    case 'float64':
      if (value === null || value === undefined) return { value: 0, empty: true };
      if (typeof value !== 'number' && typeof value !== 'bigint') throw mismatch(value, where, type);
      return { value, empty: Number(value) === 0 };
    case 'Quantity':
      return { value: quantity(value, where), empty: false };
    case 'IntOrString':
      return { value: intOrString(value, where), empty: false };
    case 'Time':
      return { value: time(value, where), empty: false };
    case 'RawExtension':
      return { value: rawExtension(value), empty: false };
    case 'any':
      return value === null || value === undefined ? NIL : { value, empty: false };
    default:
      return { value: encodeStruct(type, value, where), empty: false };
  }
}

/** The JSON object for a struct; null/absent decodes to the zero struct. */
function encodeStruct(type: string, value: unknown, where: Where): Record<string, unknown> {
  if (!structSpec(type)) throw new Error(`typed-json: unknown type ${type}`);
  if (value !== null && value !== undefined && !isPlainObject(value)) throw mismatch(value, where, type);
  const input = (value ?? {}) as Record<string, unknown>;
  const fields = jsonFields(type);
  // Go's decoder matches keys exactly or else case-insensitively; keys arrive sorted, the last match wins.
  const assigned = new Map<FieldSpec, unknown>();
  for (const key of Object.keys(input).sort()) {
    const field = fields.find((f) => f.json === key) ?? fields.find((f) => f.json.toLowerCase() === key.toLowerCase());
    if (field && input[key] !== undefined) assigned.set(field, input[key]);
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const enc = encode(field.type, assigned.get(field), { root: where.root, path: [...where.path, field.json] });
    if (field.omitempty && enc.empty) continue;
    if (field.omitzero && isZero(field.type, enc)) continue;
    out[field.json] = enc.value;
  }
  return out;
}

function encodeSlice(elem: TypeRef, value: unknown, where: Where, type: string): Encoded {
  if (value === null || value === undefined) return NIL;
  if (!Array.isArray(value)) throw mismatch(value, where, type);
  return { value: value.map((v) => encode(elem, v, where).value), empty: value.length === 0 };
}

function encodeMap(elem: TypeRef, value: unknown, where: Where, type: string): Encoded {
  if (value === null || value === undefined) return NIL;
  if (!isPlainObject(value)) throw mismatch(value, where, type);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = encode(elem, v, where).value;
  }
  return { value: out, empty: Object.keys(out).length === 0 };
}

/** Strings, plus the scalars sigs.k8s.io/yaml turns into strings for string-typed targets. */
function encodeString(value: unknown, where: Where): Encoded {
  if (value === null || value === undefined) return { value: '', empty: true };
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else if (typeof value === 'bigint') s = value.toString();
  else if (typeof value === 'number') s = Number.isInteger(value) ? BigInt(value).toString() : formatFloat32(value);
  else if (value instanceof Date) s = dateText(value);
  else throw mismatch(value, where, 'string');
  return { value: s, empty: s === '' };
}

function encodeInt(value: unknown, where: Where, type: 'int32' | 'int64'): Encoded {
  if (value === null || value === undefined) return { value: 0, empty: true };
  const bits = type === 'int32' ? 32 : 64;
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
  else throw mismatch(value, where, type);
  if (BigInt.asIntN(bits, n) !== n) throw mismatch(value, where, type);
  return { value: Number.isSafeInteger(Number(n)) ? Number(n) : n, empty: n === 0n };
}

function quantity(value: unknown, where: Where): string {
  try {
    return canonicalQuantityValue(value);
  } catch (e) {
    throw new TypedDecodeError(`${(e as Error).message} (at ${describe(where)})`);
  }
}

/** intstr.IntOrString: JSON strings stay strings, numbers must be int32; null is the zero value 0. */
function intOrString(value: unknown, where: Where): unknown {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value;
  return encodeInt(value, where, 'int32').value;
}

/** metav1.Time: RFC 3339 in, UTC whole seconds out; the zero time is `null`. */
function time(value: unknown, where: Where): string | null {
  if (value === null || value === undefined) return null;
  const s = value instanceof Date ? value.toISOString() : value;
  if (typeof s !== 'string') throw mismatch(value, where, 'v1.Time');
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:(Z)|([-+])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) throw new TypedDecodeError(`parsing time "${s}" as "2006-01-02T15:04:05Z07:00": cannot parse (at ${describe(where)})`);
  const [, y, mo, d, h, mi, sec, , sign, oh, om] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  if (sign) ms -= (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const iso = new Date(ms).toISOString();
  return iso.slice(0, 19) + 'Z';
}

/**
 * Best effort for a YAML 1.1 timestamp a JavaScript parser turned into a Date: go-yaml keeps such scalars as the
 * original string, which is no longer known; the common date-only form is restored exactly.
 */
function dateText(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
}

/** A List item: objects of the decoded kinds are typed (istioctl re-decodes them), others pass through as raw JSON. */
function rawExtension(value: unknown): unknown {
  if (isPlainObject(value)) {
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    const root = typeof value.kind === 'string' ? rootTypeFor(apiVersion, value.kind) : undefined;
    if (root) return toTypedJson(root, value);
  }
  return value ?? null;
}

function isZero(type: TypeRef, enc: Encoded): boolean {
  if (type === 'Time') return enc.value === null;
  return enc.empty;
}

/** strconv.FormatFloat(f, 'g', -1, 32): shortest float32 digits, exponent form outside [1e-4, 1e6). */
function formatFloat32(f: number): string {
  const target = Math.fround(f);
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const [m, e] = Math.abs(target).toExponential(p - 1).split('e');
    if (Math.fround(Number(`${m}e${e}`)) === Math.abs(target)) {
      digits = m.replace('.', '').replace(/0+$/, '') || '0';
      exp = Number(e);
      break;
    }
  }
  const sign = target < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mismatch(value: unknown, where: Where, type: string): TypedDecodeError {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object'
    : typeof value === 'boolean' ? 'bool' : typeof value === 'string' ? 'string' : `number ${String(value)}`;
  return new TypedDecodeError(`json: cannot unmarshal ${kind} into Go struct field ${describe(where)} of type ${goTypeName(type)}`);
}

function describe(where: Where): string {
  return [where.root, ...where.path].join('.');
}
