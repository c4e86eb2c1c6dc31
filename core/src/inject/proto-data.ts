/**
 * MeshConfig and ProxyConfig (protojson, as core/src/config produces them) seen as the Go proto structs templates
 * expect: fields by Go name with zero values, enums that print their name, wrapper messages with `.GetValue`, and
 * nil-safe `GetX` getters like generated Go code (`.ProxyConfig.GetTracing.GetTlsSettings`).
 */
import { MESH_CONFIG_FIELDS, PROXY_CONFIG_FIELDS } from '../config/mesh-schema';
import type { FieldKind, FieldSpec } from '../config/proto-json';
import { GO_STRUCT, NOT_FOUND, typedMap, type GoStruct } from '../template/value';
import { isObject, type JsonObject } from './json-access';

const goName = (json: string) => json.charAt(0).toUpperCase() + json.slice(1);

/** A proto message over its protojson; `fields` describes it when known (else every key is an untyped field). */
class ProtoMessage implements GoStruct {
  readonly [GO_STRUCT] = true as const;
  readonly goTypeName: string;
  private readonly json: JsonObject;
  private readonly fields: FieldSpec[] | undefined;
  /** A typed nil pointer: fields read as zero, getters still work, toJSON is null. */
  readonly isNil: boolean;
  constructor(json: JsonObject | null, typeName: string, fields?: FieldSpec[]) {
    this.json = json ?? {};
    this.isNil = json === null;
    this.goTypeName = typeName;
    this.fields = fields;
  }

  private spec(name: string): FieldSpec | undefined | null {
    if (this.fields) return this.fields.find((f) => goName(f.json) === name);
    const key = Object.keys(this.json).find((k) => goName(k) === name);
    return key === undefined ? null : undefined;
  }

  goField(name: string): unknown {
    const spec = this.spec(name);
    if (spec === undefined) {
      if (this.fields) return NOT_FOUND;
      return null; // untyped message: an unknown field reads as nil
    }
    if (spec === null) {
      const key = Object.keys(this.json).find((k) => goName(k) === name)!;
      return untyped(this.json[key]);
    }
    return protoValue(this.json[spec.json], spec.kind, `${this.goTypeName}.${name}`);
  }

  goMethod(name: string): ((...args: unknown[]) => unknown) | undefined {
    if (name === 'String') return () => JSON.stringify(this.toJSON());
    const getter = /^Get([A-Z]\w*)$/.exec(name);
    if (!getter) return undefined;
    return () => {
      const v = this.goField(getter[1]);
      if (v === NOT_FOUND) throw new Error(`can't evaluate field ${getter[1]}`);
      // Generated getters work on nil messages; keep chains like .GetTracing.GetTlsSettings working.
      return v === null ? new ProtoMessage(null, '*v1alpha1.Message') : v;
    };
  }

  toJSON(): unknown {
    return this.isNil ? null : this.json;
  }
}

function untyped(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(untyped);
  if (isObject(v)) return new ProtoMessage(v, '*v1alpha1.Message');
  return v;
}

/** A proto enum: prints as its name (its String method); marshals as the name. */
function protoEnum(name: string, typeName: string, values: Record<string, number>): GoStruct {
  return {
    [GO_STRUCT]: true,
    goTypeName: typeName,
    goField: () => NOT_FOUND,
    goMethod: (m) => (m === 'String' ? () => name : m === 'Number' ? () => BigInt(values[name] ?? 0) : undefined),
    toJSON: () => name,
  };
}

/** google.protobuf wrapper messages (BoolValue, Int32Value): nil-safe `.GetValue` and `.Value`. */
function wrapper(value: unknown, zero: unknown, typeName: string): GoStruct {
  const present = value !== undefined && value !== null;
  const goVal = present ? (typeof value === 'number' ? BigInt(Math.trunc(value)) : value) : zero;
  return {
    [GO_STRUCT]: true,
    goTypeName: typeName,
    goField: (n) => (n === 'Value' ? goVal : NOT_FOUND),
    goMethod: (m) => (m === 'GetValue' ? () => goVal : undefined),
    toJSON: () => (present ? value : null),
  };
}

function protoValue(raw: unknown, kind: FieldKind, where: string): unknown {
  switch (kind.t) {
    case 'string': return typeof raw === 'string' ? raw : '';
    case 'int32':
    case 'uint32': return typeof raw === 'number' ? BigInt(Math.trunc(raw)) : 0n;
    case 'bool': return raw === true;
    case 'duration': return raw === undefined || raw === null ? null : duration(String(raw));
    case 'boolValue': return wrapper(raw, false, '*wrapperspb.BoolValue');
    case 'int32Value': return wrapper(raw, 0n, '*wrapperspb.Int32Value');
    case 'stringList': return Array.isArray(raw) ? raw.map(String) : [];
    case 'messageList': return Array.isArray(raw) ? raw.map(untyped) : [];
    case 'stringMap': return typedMap(isObject(raw) ? { ...(raw as Record<string, string>) } : {}, '');
    case 'message': return isObject(raw) ? new ProtoMessage(raw, `*v1alpha1.${goName(where.split('.').pop() ?? '')}`) : null;
    case 'enum': {
      const zero = Object.keys(kind.values).find((k) => kind.values[k] === 0) ?? '';
      const name = typeof raw === 'string' ? raw : typeof raw === 'number' ? (Object.keys(kind.values).find((k) => kind.values[k] === raw) ?? String(raw)) : zero;
      return protoEnum(name, enumGoType(kind.name), kind.values);
    }
    case 'typed': return isObject(raw) ? new ProtoMessage(raw, '*v1alpha1.ProxyConfig', kind.fields()) : null;
  }
  return null;
}

/** `istio.mesh.v1alpha1.ProxyConfig.InboundInterceptionMode` → `v1alpha1.ProxyConfig_InboundInterceptionMode`. */
function enumGoType(fullName: string): string {
  const parts = fullName.split('.');
  const local = parts.slice(3);
  return `v1alpha1.${local.join('_')}`;
}

/** *durationpb.Duration from protojson "1.5s". */
function duration(text: string): GoStruct {
  const m = /^(-?)(\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  const seconds = m ? BigInt(m[1] + m[2]) : 0n;
  const nanos = m && m[3] ? BigInt((m[1] + m[3].padEnd(9, '0'))) : 0n;
  return {
    [GO_STRUCT]: true,
    goTypeName: '*durationpb.Duration',
    goField: (n) => (n === 'Seconds' ? seconds : n === 'Nanos' ? nanos : NOT_FOUND),
    goMethod: (n) => (n === 'GetSeconds' ? () => seconds : n === 'GetNanos' ? () => nanos : undefined),
    toJSON: () => text,
  };
}

/** The ProxyConfig of a pod (protojson) as the template's `.ProxyConfig`. */
export function proxyConfigValue(json: JsonObject): GoStruct {
  return new ProtoMessage(json, '*v1alpha1.ProxyConfig', PROXY_CONFIG_FIELDS);
}

/** MeshConfig (protojson) as the template's `.MeshConfig`. */
export function meshConfigValue(json: JsonObject): GoStruct {
  return new ProtoMessage(json, '*v1alpha1.MeshConfig', MESH_CONFIG_FIELDS);
}
