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
import { goTypeName, rootTypeFor, type TypeRef } from './schema';
import { shapeOf, type Shape, type ShapeField, type StructShape } from './typed-shape';

/** A value Go's JSON decoder refuses for the field's type. */
export class TypedDecodeError extends Error {}

/**
 * The JSON value Go writes for `value` decoded into type `type` (a schema TypeRef such as `appsv1.Deployment`).
 * `undefined` stands for an absent value.
 */
export function toTypedJson(type: TypeRef, value: unknown): unknown {
  return encode(shapeOf(type), value, newWalk(type, true));
}

/**
 * The TypedDecodeError Go's decoder would report for `value` decoded into `type`, or undefined when it decodes.
 * Same verdict and message as `toTypedJson` throwing, without building the JSON.
 */
export function typedDecodeError(type: TypeRef, value: unknown): TypedDecodeError | undefined {
  try {
    encode(shapeOf(type), value, newWalk(type, false));
    return undefined;
  } catch (e) {
    if (e instanceof TypedDecodeError) return e;
    throw e;
  }
}

/** One walk: where it is (for error messages, pushed and popped as fields are entered) and whether it builds output. */
interface Walk {
  root: string;
  path: string[];
  build: boolean;
}

function newWalk(type: TypeRef, build: boolean): Walk {
  return { root: type.replace(/^\*/, '').replace(/^\w+\./, ''), path: [], build };
}

function encode(shape: Shape, value: unknown, walk: Walk): unknown {
  // Go values from the template layer (GoStruct) stand for their JSON form.
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  // Every type decodes an absent value to its zero value without complaint, so a check-only walk stops here.
  if (!walk.build && (value === null || value === undefined)) return undefined;
  switch (shape.tag) {
    case 'ptr':
      return value === null || value === undefined ? null : encode(shape.elem, value, walk);
    case 'slice':
      return encodeSlice(shape, value, walk);
    case 'map':
      return encodeMap(shape, value, walk);
    case 'string':
      return encodeString(value, walk);
    case 'bool':
      if (value === null || value === undefined) return false;
      if (typeof value !== 'boolean') throw mismatch(value, walk, 'bool');
      return value;
    case 'int':
      return encodeInt(value, walk, shape.type);
    case 'float64':
      if (value === null || value === undefined) return 0;
      if (typeof value !== 'number' && typeof value !== 'bigint') throw mismatch(value, walk, 'float64');
      return value;
    case 'Quantity':
      return quantity(value, walk);
    case 'IntOrString':
      return intOrString(value, walk);
    case 'Time':
      return time(value, walk);
    case 'RawExtension':
      return rawExtension(value, walk.build);
    case 'any':
      return value ?? null;
    case 'struct':
      return encodeStruct(shape, value, walk);
  }
}

/**
 * encoding/json's isEmptyValue (what omitempty drops), judged on the encoded value: it mirrors the input's
 * emptiness for every type (a non-nil pointer is never empty, even to false or 0; structs never are).
 */
function isEmpty(shape: Shape, out: unknown): boolean {
  switch (shape.tag) {
    case 'ptr':
    case 'any':
      return out === null;
    case 'slice':
      return out === null || (out as unknown[]).length === 0;
    case 'map':
      return out === null || isEmptyObject(out as Record<string, unknown>);
    case 'string':
      return out === '';
    case 'bool':
      return out === false;
    case 'int':
    case 'float64':
      return Number(out) === 0;
    default:
      return false;
  }
}

/** omitzero: the zero value; for metav1.Time that is the zero time, written `null`. */
function isZero(shape: Shape, out: unknown): boolean {
  return shape.tag === 'Time' ? out === null : isEmpty(shape, out);
}

/** The JSON object for a struct; null/absent decodes to the zero struct. */
function encodeStruct(shape: StructShape, value: unknown, walk: Walk): Record<string, unknown> | undefined {
  if (value !== null && value !== undefined && !isPlainObject(value)) throw mismatch(value, walk, shape.type);
  const input = (value ?? {}) as Record<string, unknown>;
  const assigned = needsFolding(shape, input) ? assignFolded(shape, input) : undefined;
  const out: Record<string, unknown> | undefined = walk.build ? {} : undefined;
  for (const field of shape.fields) {
    const v = assigned ? assigned.get(field) : ownValue(input, field);
    // Absent values decode to the zero value without error: nothing to check, and often nothing to write.
    if ((v === null || v === undefined) && (!out || field.omittedWhenAbsent)) continue;
    walk.path.push(field.json);
    const enc = encode(field.shape, v, walk);
    walk.path.pop();
    if (!out) continue;
    if (field.omitempty && isEmpty(field.shape, enc)) continue;
    if (field.omitzero && isZero(field.shape, enc)) continue;
    out[field.json] = enc;
  }
  return out;
}

function ownValue(input: Record<string, unknown>, field: ShapeField): unknown {
  if (!field.primary || (field.shadowsPrototype && !Object.hasOwn(input, field.json))) return undefined;
  return input[field.json];
}

/** True when some key reaches a field only case-insensitively (rare: the usual keys match exactly or not at all). */
function needsFolding(shape: StructShape, input: Record<string, unknown>): boolean {
  for (const key in input) {
    if (!shape.exact.has(key) && shape.folded.has(key.toLowerCase()) && Object.hasOwn(input, key)) return true;
  }
  return false;
}

/** Go's decoder matches keys exactly or else case-insensitively; keys arrive sorted, the last match wins. */
function assignFolded(shape: StructShape, input: Record<string, unknown>): Map<ShapeField, unknown> {
  const assigned = new Map<ShapeField, unknown>();
  for (const key of Object.keys(input).sort()) {
    const field = shape.exact.get(key) ?? shape.folded.get(key.toLowerCase());
    if (field && input[key] !== undefined) assigned.set(field, input[key]);
  }
  return assigned;
}

function encodeSlice(shape: Shape & { tag: 'slice' }, value: unknown, walk: Walk): unknown[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw mismatch(value, walk, shape.type);
  if (!walk.build) {
    for (const v of value) encode(shape.elem, v, walk);
    return null;
  }
  return value.map((v) => encode(shape.elem, v, walk));
}

function encodeMap(shape: Shape & { tag: 'map' }, value: unknown, walk: Walk): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (!isPlainObject(value)) throw mismatch(value, walk, shape.type);
  const out: Record<string, unknown> | null = walk.build ? {} : null;
  for (const k of Object.keys(value)) {
    const v = value[k];
    if (v === undefined) continue;
    const enc = encode(shape.elem, v, walk);
    if (out) out[k] = enc;
  }
  return out;
}

function isEmptyObject(o: Record<string, unknown>): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return false;
  return true;
}

/** Strings, plus the scalars sigs.k8s.io/yaml turns into strings for string-typed targets. */
function encodeString(value: unknown, walk: Walk): string {
  if (value === null || value === undefined) return '';
  const s = goStringOf(value);
  if (s === undefined) throw mismatch(value, walk, 'string');
  return s;
}

/**
 * A scalar as sigs.k8s.io/yaml writes it when the Go field it fills is a string (`port: 80` into a string field
 * reads "80", `true` reads "true"); undefined for values it leaves alone (maps, lists, null).
 */
export function goStringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  // go-yaml reads integers up to uint64's range as integers; past it only a float can hold them.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 64 ? BigInt(value).toString() : formatFloat32(value);
  if (value instanceof Date) return dateText(value);
  return undefined;
}

function encodeInt(value: unknown, walk: Walk, type: 'int32' | 'int64'): number | bigint {
  if (value === null || value === undefined) return 0;
  const bits = type === 'int32' ? 32 : 64;
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
  else throw mismatch(value, walk, type);
  if (BigInt.asIntN(bits, n) !== n) throw mismatch(value, walk, type);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

function quantity(value: unknown, walk: Walk): string {
  try {
    return canonicalQuantityValue(value);
  } catch (e) {
    throw new TypedDecodeError(`${(e as Error).message} (at ${describe(walk)})`);
  }
}

/** intstr.IntOrString: JSON strings stay strings, numbers must be int32; null is the zero value 0. */
function intOrString(value: unknown, walk: Walk): unknown {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value;
  return encodeInt(value, walk, 'int32');
}

/** metav1.Time: RFC 3339 in, UTC whole seconds out; the zero time is `null`. */
function time(value: unknown, walk: Walk): string | null {
  if (value === null || value === undefined) return null;
  const s = value instanceof Date ? value.toISOString() : value;
  if (typeof s !== 'string') throw mismatch(value, walk, 'v1.Time');
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:(Z)|([-+])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) throw new TypedDecodeError(`parsing time "${s}" as "2006-01-02T15:04:05Z07:00": cannot parse (at ${describe(walk)})`);
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
function rawExtension(value: unknown, build: boolean): unknown {
  if (isPlainObject(value)) {
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    const root = typeof value.kind === 'string' ? rootTypeFor(apiVersion, value.kind) : undefined;
    if (root) return encode(shapeOf(root), value, newWalk(root, build));
  }
  return value ?? null;
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

function mismatch(value: unknown, walk: Walk, type: string): TypedDecodeError {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object'
    : typeof value === 'boolean' ? 'bool' : typeof value === 'string' ? 'string' : `number ${String(value)}`;
  return new TypedDecodeError(`json: cannot unmarshal ${kind} into Go struct field ${describe(walk)} of type ${goTypeName(type)}`);
}

function describe(walk: Walk): string {
  return [walk.root, ...walk.path].join('.');
}
