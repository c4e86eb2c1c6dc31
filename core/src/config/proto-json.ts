/**
 * Applying JSON onto a protobuf message kept as canonical protojson, with the semantics of the legacy Go `jsonpb`
 * unmarshaler that Istio's protomarshal.ApplyJSON/ApplyYAML use:
 * - every field present in the input REPLACES the field (messages, lists and maps are not merged);
 * - fields absent from the input, or given as null, keep their value;
 * - both the proto name (snake_case) and the JSON name are accepted; unknown fields are dropped.
 * The result is canonical output as Go's jsonpb marshaler writes it: zero scalars, empty lists and empty maps are
 * omitted, set messages (even empty) and wrappers are kept, enums by name, durations as "45s" / "1.500s", and keys in
 * the message's declaration order.
 *
 * Only the top level of a described message is typed; nested messages without a description are kept as given.
 */
import { quoteGo } from '../go/quote';

export type JsonObject = Record<string, unknown>;

export type FieldKind =
  | { t: 'string' | 'int32' | 'uint32' | 'bool' | 'duration' | 'boolValue' | 'int32Value' }
  | { t: 'stringList' | 'messageList' | 'stringMap' | 'message' }
  | { t: 'enum'; name: string; values: Record<string, number> }
  /** A nested message that has its own description. */
  | { t: 'typed'; fields: () => FieldSpec[] };

export interface FieldSpec {
  proto: string;
  json: string;
  kind: FieldKind;
  /** Members of one oneof: setting one clears the others. */
  oneof?: string;
}

export const STRING: FieldKind = { t: 'string' };
export const INT32: FieldKind = { t: 'int32' };
export const UINT32: FieldKind = { t: 'uint32' };
export const BOOL: FieldKind = { t: 'bool' };
export const DURATION: FieldKind = { t: 'duration' };
export const BOOL_VALUE: FieldKind = { t: 'boolValue' };
export const INT32_VALUE: FieldKind = { t: 'int32Value' };
export const STRING_LIST: FieldKind = { t: 'stringList' };
export const MESSAGE_LIST: FieldKind = { t: 'messageList' };
export const STRING_MAP: FieldKind = { t: 'stringMap' };
export const MESSAGE: FieldKind = { t: 'message' };

export function enumKind(name: string, values: Record<string, number>): FieldKind {
  return { t: 'enum', name, values };
}

/** Returns `base` with `input` applied (neither is modified). Throws Error with jsonpb's message on a bad value. */
export function applyJsonToMessage(base: JsonObject, input: unknown, fields: FieldSpec[]): JsonObject {
  if (input === null || input === undefined) return clone(base);
  const obj = asObject(input);
  const out: JsonObject = clone(base);
  for (const f of fields) {
    let raw: unknown = undefined;
    if (f.proto in obj) raw = obj[f.proto];
    if (f.json in obj) raw = obj[f.json];
    if (raw === undefined || raw === null) continue;
    const value = convertField(raw, f.kind);
    if (f.oneof) {
      for (const other of fields) if (other.oneof === f.oneof) delete out[other.json];
      out[f.json] = value; // a set oneof member is written even when it holds its zero value
    } else if (isZero(value, f.kind)) {
      delete out[f.json];
    } else {
      out[f.json] = value;
    }
  }
  return orderKeys(out, fields);
}

/** Puts the keys of a message in declaration order (what jsonpb writes). */
export function orderKeys(msg: JsonObject, fields: FieldSpec[]): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) if (f.json in msg) out[f.json] = msg[f.json];
  return out;
}

function convertField(raw: unknown, kind: FieldKind): unknown {
  switch (kind.t) {
    case 'stringList':
      return asArray(raw).map((v) => asString(v));
    case 'messageList':
      return asArray(raw).map((v) => (v === null ? {} : clone(asObject(v))));
    case 'stringMap': {
      const src = asObject(raw);
      const out: JsonObject = {};
      for (const k of Object.keys(src)) out[k] = asString(src[k]);
      return out;
    }
    case 'message':
      return clone(asObject(raw));
    case 'typed':
      return applyJsonToMessage({}, raw, kind.fields());
    case 'enum':
      return asEnum(raw, kind.name, kind.values);
    case 'string':
      return asString(raw);
    case 'bool':
    case 'boolValue':
      if (typeof raw !== 'boolean') throw unmarshalTypeError(raw, 'bool');
      return raw;
    case 'int32':
    case 'int32Value':
      return asInteger(raw, 'int32', -2147483648, 2147483647);
    case 'uint32':
      return asInteger(raw, 'uint32', 0, 4294967295);
    case 'duration':
      if (typeof raw !== 'string') throw unmarshalTypeError(raw, 'string');
      return formatDuration(parseGoDuration(raw, 'bad Duration: '));
  }
}

function isZero(value: unknown, kind: FieldKind): boolean {
  switch (kind.t) {
    case 'string':
      return value === '';
    case 'int32':
    case 'uint32':
      return value === 0;
    case 'bool':
      return value === false;
    case 'enum':
      return kind.values[value as string] === 0;
    case 'stringList':
    case 'messageList':
      return (value as unknown[]).length === 0;
    case 'stringMap':
      return Object.keys(value as object).length === 0;
    default:
      return false; // messages, wrappers and durations are pointers in Go: set means present
  }
}

// ---- value checks with Go's encoding/json wording ----

function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  return typeof v; // string, number, boolean
}

function unmarshalTypeError(v: unknown, goType: string): Error {
  const t = typeof v === 'boolean' ? 'bool' : jsonTypeName(v);
  return new Error(`json: cannot unmarshal ${t} into Go value of type ${goType}`);
}

function asObject(v: unknown): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw unmarshalTypeError(v, 'map[string]json.RawMessage');
  }
  return v as JsonObject;
}

function asArray(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw unmarshalTypeError(v, '[]json.RawMessage');
  return v;
}

function asString(v: unknown): string {
  if (typeof v !== 'string') throw unmarshalTypeError(v, 'string');
  return v;
}

function asInteger(v: unknown, goType: string, min: number, max: number): number {
  // jsonpb strips the quotes of a quoted number before decoding it.
  let n: number;
  if (typeof v === 'string') {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v)) {
      const bad = v === '' ? 'unexpected end of JSON input' : `invalid character '${v[0]}' looking for beginning of value`;
      throw new Error(bad);
    }
    n = Number(v);
  } else if (typeof v === 'number') {
    n = v;
  } else {
    throw unmarshalTypeError(v, goType);
  }
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`json: cannot unmarshal number ${String(v)} into Go value of type ${goType}`);
  }
  return n;
}

function asEnum(v: unknown, enumName: string, values: Record<string, number>): string {
  if (typeof v === 'string') {
    if (!(v in values)) throw new Error(`unknown value ${quoteGo(JSON.stringify(v))} for enum ${enumName}`);
    return v;
  }
  const n = asInteger(v, 'protoreflect.EnumNumber', -2147483648, 2147483647);
  const name = Object.keys(values).find((k) => values[k] === n);
  // An unknown number is accepted by Go and written back as the number.
  return name ?? (n as unknown as string);
}

/** A deep copy of a JSON value (undefined stays undefined). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

// ---- durations ----

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

/** Parses a Go duration ("1m30s", "500ms", "-1.5h") into nanoseconds, with time.ParseDuration's error text. */
export function parseGoDuration(text: string, prefix = ''): bigint {
  const fail = (): Error => new Error(`${prefix}time: invalid duration ${quoteGo(text)}`);
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw fail();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) throw fail();
    s = s.slice(m[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0];
    if (unit === undefined) throw new Error(`${prefix}time: missing unit in duration ${quoteGo(text)}`);
    const scale = UNIT_NANOS[unit];
    if (scale === undefined) throw new Error(`${prefix}time: unknown unit ${quoteGo(unit)} in duration ${quoteGo(text)}`);
    s = s.slice(unit.length);
    const whole = BigInt(m[1] === '' ? '0' : m[1]);
    const frac = m[2] ?? '';
    let fracNanos = 0n;
    if (frac !== '') fracNanos = (BigInt(frac) * scale) / 10n ** BigInt(frac.length);
    total += whole * scale + fracNanos;
  }
  return neg ? -total : total;
}

/** Writes nanoseconds the way jsonpb writes a google.protobuf.Duration: "45s", "0.500s", "1.000000001s". */
export function formatDuration(nanos: bigint): string {
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  const secs = abs / 1000000000n;
  let text = `${secs}.${(abs % 1000000000n).toString().padStart(9, '0')}`;
  for (const cut of ['000', '000', '.000']) if (text.endsWith(cut)) text = text.slice(0, -cut.length);
  return `${neg ? '-' : ''}${text}s`;
}
