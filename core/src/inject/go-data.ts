/**
 * Kubernetes JSON seen as Go values: templates read `.Spec.Containers`, `.ObjectMeta.Annotations` … by Go field
 * name and expect Go zero values for absent fields; the schema (core/src/k8s/schema.ts) says which type each is.
 * Also marshals plain JSON the way Go's encoding/json writes the typed struct (field order, omitempty).
 */
import { canonicalQuantityValue } from '../k8s/quantity';
import { elemType, fieldByGo, goTypeName, isStructType, jsonFields, type TypeRef } from '../k8s/schema';
import { GO_STRUCT, NOT_FOUND, typedMap, type GoStruct } from '../template/value';
import { isObject, type JsonObject } from './json-access';

const INT_TYPES = new Set(['int32', 'int64', 'int', 'uint32', 'uint64', 'int8', 'int16', 'uint8', 'uint16']);

/** The Go zero value of a type, in the template value model. */
export function goZero(type: TypeRef): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (INT_TYPES.has(type)) return 0n;
  if (type === 'float64') return 0;
  if (type.startsWith('*') || type === 'any' || type === 'RawExtension') return null;
  if (type.startsWith('[]')) return [];
  if (type.startsWith('map[string]')) return typedMap({}, goZero(elemType(type)!));
  if (isStructType(type)) return k8sValue({}, type);
  if (type === 'IntOrString') return intOrString(0);
  if (type === 'Quantity' || type === 'Time') return null;
  return null;
}

/** Converts a JSON value of Go type `type` to the template value model. */
export function k8sValue(raw: unknown, type: TypeRef): unknown {
  if (raw === undefined || raw === null) return goZero(type);
  if (type.startsWith('*')) return k8sValue(raw, type.slice(1));
  if (type.startsWith('[]')) {
    const elem = type.slice(2);
    return Array.isArray(raw) ? raw.map((x) => k8sValue(x, elem)) : [];
  }
  if (type.startsWith('map[string]')) {
    const elem = type.slice('map[string]'.length);
    const out: Record<string, unknown> = {};
    if (isObject(raw)) for (const [k, v] of Object.entries(raw)) out[k] = k8sValue(v, elem);
    return typedMap(out, goZero(elem));
  }
  if (type === 'string') return typeof raw === 'string' ? raw : String(raw);
  if (type === 'bool') return raw === true;
  if (INT_TYPES.has(type)) return typeof raw === 'number' && Number.isInteger(raw) ? BigInt(raw) : typeof raw === 'bigint' ? raw : 0n;
  if (type === 'float64') return typeof raw === 'number' ? raw : 0;
  if (type === 'IntOrString') return intOrString(raw);
  if (isStructType(type)) return isObject(raw) ? new K8sStruct(raw, type) : goZero(type);
  return raw; // Quantity, Time, RawExtension, any: kept as written
}

/** A Kubernetes struct over its JSON object. */
class K8sStruct implements GoStruct {
  readonly [GO_STRUCT] = true as const;
  readonly goTypeName: string;
  private readonly json: JsonObject;
  private readonly type: string;
  constructor(json: JsonObject, type: string) {
    this.json = json;
    this.type = type;
    this.goTypeName = goTypeName(type);
  }

  goField(name: string): unknown {
    const f = fieldByGo(this.type, name);
    if (!f) return NOT_FOUND;
    if (f.inline) return k8sValue(this.json, f.type);
    return k8sValue(this.json[f.json], f.type);
  }

  goMethod(name: string): ((...args: unknown[]) => unknown) | undefined {
    const getter = /^Get([A-Z]\w*)$/.exec(name);
    if (getter && fieldByGo(this.type, getter[1])) return () => this.goField(getter[1]);
    return undefined;
  }

  toJSON(): unknown {
    return typedJson(this.json, this.type);
  }
}

/** intstr.IntOrString: prints and marshals as its int or string. */
function intOrString(raw: unknown): GoStruct {
  const isInt = typeof raw === 'number';
  const value = isInt ? raw : typeof raw === 'string' ? raw : 0;
  return {
    [GO_STRUCT]: true,
    goTypeName: 'intstr.IntOrString',
    goField: (name) => {
      if (name === 'Type') return isInt ? 0n : 1n;
      if (name === 'IntVal') return isInt ? BigInt(value as number) : 0n;
      if (name === 'StrVal') return isInt ? '' : value;
      return NOT_FOUND;
    },
    goMethod: (name) => (name === 'String' ? () => String(value) : name === 'IntValue' ? () => (isInt ? BigInt(value as number) : 0n) : undefined),
    toJSON: () => value,
  };
}

/** A struct-typed JSON object as Go would re-marshal it: schema field order, omitempty applied, unknown keys dropped. */
export function typedJson(raw: unknown, type: TypeRef): unknown {
  if (type.startsWith('*')) return raw === undefined || raw === null ? null : typedJson(raw, type.slice(1));
  if (type.startsWith('[]')) return Array.isArray(raw) ? raw.map((x) => typedJson(x, type.slice(2))) : null;
  if (type.startsWith('map[string]')) {
    if (!isObject(raw)) return null;
    const out: JsonObject = {};
    for (const k of Object.keys(raw).sort()) out[k] = typedJson(raw[k], type.slice('map[string]'.length));
    return out;
  }
  if (isStructType(type)) {
    const obj = isObject(raw) ? raw : {};
    const out: JsonObject = {};
    for (const f of jsonFields(type)) {
      const v = typedJson(obj[f.json], f.type);
      if (f.omitempty && isEmptyValue(v, f.type)) continue;
      if (f.omitzero && (v === null || (isObject(v) && Object.keys(v).length === 0))) continue;
      out[f.json] = v;
    }
    return out;
  }
  if (raw === undefined || raw === null) return zeroJson(type);
  if (type === 'Quantity') {
    try {
      return canonicalQuantityValue(raw);
    } catch {
      return raw; // Go would have refused the object earlier; keep what the user wrote
    }
  }
  return raw;
}

function zeroJson(type: TypeRef): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (INT_TYPES.has(type) || type === 'float64') return 0;
  if (type === 'IntOrString') return 0;
  return null;
}

/** encoding/json's omitempty test (structs are never empty). */
function isEmptyValue(v: unknown, type: TypeRef): boolean {
  if (v === null || v === undefined) return true;
  if (type.startsWith('*')) return false; // a set pointer is never empty, even to false or 0
  if (isStructType(type) && !type.startsWith('*')) return false;
  if (v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v) && (type.startsWith('map[string]'))) return Object.keys(v).length === 0;
  return false;
}
