/**
 * Patch metadata lookups over the Kubernetes type schema: for a JSON key of a struct, the field's type and its
 * `patchStrategy` / `patchMergeKey` tags. Mirrors apimachinery's PatchMetaFromStruct, including its errors for keys
 * the struct does not have (raised only where both documents hold a map or list under such a key).
 */
import { quoteGo } from '../go/quote';
import type { FieldSpec, StructSpec, TypeRef } from '../k8s/schema-types';

export interface PatchMeta {
  /** The `patchStrategy` tag split at commas (`[""]` when untagged, as Go's strings.Split gives). */
  strategies: string[];
  /** The `patchMergeKey` tag, "" when untagged. */
  mergeKey: string;
}

export interface FieldLookup {
  schema: PatchSchema;
  meta: PatchMeta;
}

/** The schema of one value being merged: its Go type and how to look up its fields. */
export interface PatchSchema {
  /** Go reflect.Kind of the type ("struct", "ptr", "map", "string" …), used in error texts. */
  name(): string;
  /** The field under JSON key `key` of this struct type (a pointer is followed). */
  forStruct(key: string): FieldLookup;
  /** Like forStruct, for a list field: the returned schema is that of the list's elements. */
  forSlice(key: string): FieldLookup;
}

/** Finds a struct of the type schema by name (`v1.Container`). */
export type StructLookup = (name: string) => StructSpec | undefined;

/** Struct types the schema keeps opaque (they marshal as scalars); Go sees no JSON fields in them. */
const OPAQUE_STRUCTS = new Set(['Quantity', 'IntOrString', 'Time', 'RawExtension']);
const SCALARS = new Set(['string', 'bool', 'int32', 'int64', 'float64']);

/** The PatchSchema of Go type `type`, resolving struct names with `lookup`. */
export function patchSchema(type: TypeRef, lookup: StructLookup): PatchSchema {
  const forStruct = (key: string): FieldLookup & { type: TypeRef } => {
    const struct = type.startsWith('*') ? type.slice(1) : type;
    if (kindOf(struct) !== 'struct') {
      throw new Error(`merging an object in json but data type is not struct, instead is: ${kindOf(struct)}`);
    }
    const field = findField(struct, key, lookup);
    if (!field) {
      throw new Error(`unable to find api field in struct ${struct.slice(struct.lastIndexOf('.') + 1)} for the json field ${quoteGo(key)}`);
    }
    return {
      type: field.type,
      schema: patchSchema(field.type, lookup),
      meta: { strategies: (field.patchStrategy ?? '').split(','), mergeKey: field.mergeKey ?? '' },
    };
  };
  return {
    name: () => kindOf(type),
    forStruct: (key) => {
      const { schema, meta } = forStruct(key);
      return { schema, meta };
    },
    forSlice: (key) => {
      const { type: fieldType, meta } = forStruct(key);
      let elem: TypeRef;
      if (fieldType.startsWith('[]')) {
        elem = fieldType.slice(2);
        if (elem.startsWith('[]')) throw new Error('unexpected slice of slice');
      } else if (fieldType.startsWith('*')) {
        // A pointer field merged as a list: apimachinery uses the pointee (or the pointee's elements).
        elem = fieldType.slice(1);
        if (elem.startsWith('[]')) elem = elem.slice(2);
      } else {
        throw new Error(`expected slice or array type, but got: ${kindOf(type)}`);
      }
      return { schema: patchSchema(elem, lookup), meta };
    },
  };
}

function kindOf(type: TypeRef): string {
  if (type.startsWith('*')) return 'ptr';
  if (type.startsWith('[]')) return 'slice';
  if (type.startsWith('map[')) return 'map';
  if (type === 'any') return 'interface';
  if (SCALARS.has(type)) return type;
  return 'struct';
}

/**
 * The field encoding/json would decode `key` into: an exact name match first, else the first case-insensitive one
 * in field order.
 */
function findField(struct: string, key: string, lookup: StructLookup): FieldSpec | undefined {
  const fields = jsonFields(struct, lookup);
  const lower = key.toLowerCase();
  return fields.find((f) => f.json === key) ?? fields.find((f) => f.json.toLowerCase() === lower);
}

/** Flattened field lists per lookup and struct name (the schema is static). */
const fieldCache = new WeakMap<StructLookup, Map<string, FieldSpec[]>>();

function jsonFields(struct: string, lookup: StructLookup): FieldSpec[] {
  let cache = fieldCache.get(lookup);
  if (!cache) fieldCache.set(lookup, (cache = new Map()));
  let fields = cache.get(struct);
  if (!fields) cache.set(struct, (fields = flattenFields(struct, lookup)));
  return fields;
}

function flattenFields(struct: string, lookup: StructLookup): FieldSpec[] {
  if (OPAQUE_STRUCTS.has(struct)) return [];
  const spec = lookup(struct);
  if (!spec) throw new Error(`strategic merge: type ${struct} is not in the Kubernetes type schema`);
  // Embedded structs' fields take the embedding field's place, unless a shallower field has the same name.
  const direct = new Set(spec.fields.filter((f) => !f.inline).map((f) => f.json));
  return spec.fields.flatMap((f) => (f.inline
    ? jsonFields(f.type.replace(/^\*/, ''), lookup).filter((p) => !direct.has(p.json))
    : [f]));
}
