/**
 * A compact description of the Go types behind Kubernetes objects, enough to
 * (1) print an object the way Kubernetes serialises the typed struct (omitempty, empty structs, unknown fields dropped),
 * (2) apply strategic merge patch (list merge keys and patch strategies), and
 * (3) expose objects to Go templates by Go field name with Go zero values.
 */

/** A type reference: a primitive, a named struct, or a composite written Go-style. */
export type TypeRef =
  | 'string' | 'bool' | 'int32' | 'int64' | 'float64'
  | 'Quantity' | 'IntOrString' | 'Time' | 'RawExtension' | 'any'
  | `*${string}` | `[]${string}` | `map[string]${string}` | string;

export interface FieldSpec {
  /** JSON name, e.g. `containerPort`. */
  json: string;
  /** Go field name, e.g. `ContainerPort`. Embedded (inline) fields have json "" and inline: true. */
  go: string;
  type: TypeRef;
  /** `json:",omitempty"`: zero value ("" 0 false nil empty slice/map) is not written. Structs are never omitted by it. */
  omitempty?: boolean;
  /** `json:",omitzero"` (newer Kubernetes, e.g. creationTimestamp): zero struct not written. */
  omitzero?: boolean;
  /** Embedded struct whose fields are inlined (TypeMeta, ObjectMeta are not inline in objects; TypeMeta is). */
  inline?: boolean;
  /** Strategic merge patch: `patchMergeKey`. */
  mergeKey?: string;
  /** Strategic merge patch: `patchStrategy` ("merge", "replace", "retainKeys", "merge,retainKeys"). */
  patchStrategy?: string;
}

export interface StructSpec {
  /** Go type name with package, e.g. `v1.Container`. */
  name: string;
  fields: FieldSpec[];
}
