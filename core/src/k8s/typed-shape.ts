/**
 * Type references compiled once into shapes for the typed JSON walk: the walk then dispatches on a small tag
 * instead of re-parsing `[]`, `map[string]` and `*` prefixes, and a struct's JSON fields (inline structs spliced
 * in) and key lookups are built once per struct instead of once per object.
 */
import { jsonFields, structSpec, type TypeRef } from './schema';

export type Shape =
  | { tag: 'ptr'; elem: Shape }
  | { tag: 'slice'; elem: Shape; type: TypeRef }
  | { tag: 'map'; elem: Shape; type: TypeRef }
  | { tag: 'string' | 'bool' | 'float64' | 'Quantity' | 'IntOrString' | 'Time' | 'RawExtension' | 'any' }
  | { tag: 'int'; type: 'int32' | 'int64' }
  | StructShape;

export interface StructShape {
  tag: 'struct';
  type: TypeRef;
  /** JSON fields in Go's marshalling order; filled on first use so recursive types compile. */
  fields: ShapeField[];
  /** JSON name → the first field with that name (the one encoding/json decodes into). */
  exact: Map<string, ShapeField>;
  /** Lower-cased JSON name → the first field matching it case-insensitively. */
  folded: Map<string, ShapeField>;
  compiled: boolean;
}

export interface ShapeField {
  json: string;
  shape: Shape;
  omitempty: boolean;
  omitzero: boolean;
  /** False for a later field repeating an earlier field's JSON name: the decoder never fills it. */
  primary: boolean;
  /** Absent or null, the field is not written at all (its zero value is dropped by omitempty/omitzero). */
  omittedWhenAbsent: boolean;
  /** The JSON name is also an Object.prototype member (`constructor`…), so reading it must check own keys. */
  shadowsPrototype: boolean;
}

/** Types whose zero value encoding/json counts as empty (omitempty drops it); structs and these others never are. */
const EMPTY_ZERO_TAGS = new Set(['ptr', 'slice', 'map', 'string', 'bool', 'int', 'float64', 'any']);

function omittedWhenAbsent(shape: Shape, omitempty: boolean, omitzero: boolean): boolean {
  if (EMPTY_ZERO_TAGS.has(shape.tag)) return omitempty || omitzero;
  // The zero metav1.Time is not empty (omitempty writes null) but is zero.
  return omitzero && shape.tag === 'Time';
}

const SIMPLE_TAGS = new Set(['string', 'bool', 'float64', 'Quantity', 'IntOrString', 'Time', 'RawExtension', 'any']);
const shapes = new Map<TypeRef, Shape>();

/** The compiled shape of `type`; throws for a name the schema does not know (as the typed walk always did). */
export function shapeOf(type: TypeRef): Shape {
  let shape = shapes.get(type);
  if (shape === undefined) {
    shape = compile(type);
    shapes.set(type, shape);
  }
  if (shape.tag === 'struct' && !shape.compiled) fillStruct(shape);
  return shape;
}

function compile(type: TypeRef): Shape {
  if (type.startsWith('*')) return { tag: 'ptr', elem: shapeOf(type.slice(1)) };
  if (type.startsWith('[]')) return { tag: 'slice', elem: shapeOf(type.slice(2)), type };
  if (type.startsWith('map[string]')) return { tag: 'map', elem: shapeOf(type.slice('map[string]'.length)), type };
  if (type === 'int32' || type === 'int64') return { tag: 'int', type };
  if (SIMPLE_TAGS.has(type)) return { tag: type as 'string' };
  if (!structSpec(type)) throw new Error(`typed-json: unknown type ${type}`);
  return { tag: 'struct', type, fields: [], exact: new Map(), folded: new Map(), compiled: false };
}

function fillStruct(shape: StructShape): void {
  // Marked first: a struct reachable from its own fields sees this shape and finishes compiling later.
  shape.compiled = true;
  for (const f of jsonFields(shape.type)) {
    const fieldShape = shapeOf(f.type);
    const omitempty = !!f.omitempty;
    const omitzero = !!f.omitzero;
    const field: ShapeField = {
      json: f.json, shape: fieldShape, omitempty, omitzero, primary: !shape.exact.has(f.json),
      omittedWhenAbsent: omittedWhenAbsent(fieldShape, omitempty, omitzero), shadowsPrototype: f.json in Object.prototype,
    };
    shape.fields.push(field);
    if (field.primary) shape.exact.set(f.json, field);
    const lower = f.json.toLowerCase();
    if (!shape.folded.has(lower)) shape.folded.set(lower, field);
  }
}
