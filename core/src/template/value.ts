/**
 * How Go values are represented while templates run.
 *
 * Go distinguishes types that JavaScript folds together; templates observe the difference (printing, `eq`,
 * missing keys), so the representation keeps it:
 * - string → string; bool → boolean; nil → null (undefined is treated as "no value", printed `<no value>`)
 * - Go integer kinds (int, int32, int64, uint…) → bigint
 * - float64 (every number decoded from JSON/YAML, e.g. in `.Values`) → number
 * - map[string]interface{} → plain object; a missing key yields undefined, printed `<no value>`
 * - typed maps (map[string]string …) → plain object carrying the non-enumerable GO_MAP_ZERO symbol with the
 *   element type's zero value, returned for missing keys (Go returns the zero value there)
 * - slices → arrays
 * - structs (Kubernetes objects, proto messages, template data) → objects implementing GoStruct; a nil pointer to a
 *   struct whose methods must stay callable (e.g. `*wrappers.BoolValue` with `.GetValue`) → a GoStruct with goNil
 * - any array or object may carry a Go type name (withGoType) used in error texts and `%T`; without one, arrays
 *   are `[]interface {}` and objects `map[string]interface {}`
 *
 * Where Go hands out a map's zero value: the `index` builtin on a typed map returns GO_MAP_ZERO for a missing key,
 * while field syntax (`.Labels.app`) yields "no value" for every map, as Go does with the default missingkey option.
 */
export const GO_STRUCT: unique symbol = Symbol.for('istio-inject.goStruct');
export const GO_MAP_ZERO: unique symbol = Symbol.for('istio-inject.goMapZero');

/** A Go struct (or pointer to one) seen from a template: field access by Go name, and methods. */
export interface GoStruct {
  readonly [GO_STRUCT]: true;
  /** Go type name for error messages, e.g. `*v1.ObjectMeta`. */
  readonly goTypeName: string;
  /**
   * The field's value, or NOT_FOUND when the type has no such field. A nil pointer field is null (prints `<nil>`); a
   * nil interface{} field is undefined (prints `<no value>`); nil slices and maps should be empty arrays / maps.
   */
  goField(name: string): unknown;
  /** A method callable from templates (`.GetValue`, `.String`), or undefined. */
  goMethod?(name: string): ((...args: unknown[]) => unknown) | undefined;
  /**
   * The JSON value as Go's encoding/json would marshal it (used by toJson, toYaml …). Objects that come from Go
   * structs keep Go's field order; objects that come from Go maps have their keys sorted already.
   */
  toJSON(): unknown;
  /** True for a typed nil pointer: falsy, prints `<nil>`, field access fails like Go, methods stay callable. */
  readonly goNil?: boolean;
  /** fmt's `%v` (plus=false) or `%+v` (plus=true) text, e.g. `{a 1}` / `{Name:a Port:1}`; a generic form is used when absent. */
  goFormat?(plus: boolean): string;
}

/** A Go complex128 (only template constants like `1+2i` produce one). */
export class GoComplex {
  readonly re: number;
  readonly im: number;
  constructor(re: number, im: number) {
    this.re = re;
    this.im = im;
  }
}

export const NOT_FOUND: unique symbol = Symbol.for('istio-inject.notFound');

export function isGoStruct(v: unknown): v is GoStruct {
  return typeof v === 'object' && v !== null && (v as Partial<GoStruct>)[GO_STRUCT] === true;
}

/** Marks a plain object as a typed Go map whose missing keys read as `zero`. */
export function typedMap<T extends object>(obj: T, zero: unknown): T {
  Object.defineProperty(obj, GO_MAP_ZERO, { value: zero, enumerable: false });
  return obj;
}

export function mapZero(obj: object): { typed: boolean; zero: unknown } {
  return GO_MAP_ZERO in obj ? { typed: true, zero: (obj as Record<symbol, unknown>)[GO_MAP_ZERO] } : { typed: false, zero: undefined };
}

export const GO_TYPE: unique symbol = Symbol.for('istio-inject.goType');

/** Records the Go type of an array or map value (e.g. `[]string`, `map[string]string`) for messages and `%T`. */
export function withGoType<T extends object>(obj: T, goType: string): T {
  Object.defineProperty(obj, GO_TYPE, { value: goType, enumerable: false });
  return obj;
}

/** The Go type name of a template value as Go's errors and `%T` print it (`<nil>` for nil). */
export function goTypeName(v: unknown): string {
  switch (typeof v) {
    case 'string': return 'string';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'function': {
      const named = (v as unknown as Record<symbol, unknown>)[GO_TYPE];
      return typeof named === 'string' ? named : 'func(...interface {}) interface {}';
    }
    case 'object': {
      if (v === null) return '<nil>';
      if (isGoStruct(v)) return v.goTypeName;
      if (v instanceof GoComplex) return 'complex128';
      const named = (v as Record<symbol, unknown>)[GO_TYPE];
      if (typeof named === 'string') return named;
      if (Array.isArray(v)) return '[]interface {}';
      if (GO_MAP_ZERO in v) {
        const zero = (v as Record<symbol, unknown>)[GO_MAP_ZERO];
        return `map[string]${zero === null ? 'interface {}' : goTypeName(zero)}`; // a nil zero: the elements are interfaces
      }
      return 'map[string]interface {}';
    }
    default: return '<nil>';
  }
}

/** A template function: receives evaluated Go values, returns one; throws Error to fail the execution. */
export type TemplateFunc = (...args: unknown[]) => unknown;
export type FuncMap = Record<string, TemplateFunc>;

/**
 * A Go parameter type as text/template treats it: `any` = interface{} (a missing value arrives as nil), `value` =
 * reflect.Value (a missing value stays undefined), and the basic types, which Go converts constants to and checks.
 */
export type GoParamKind = 'any' | 'value' | 'string' | 'int' | 'float64' | 'bool';
/** Parameters of a Go function; `variadic` is the element type of a final `...T`. */
export interface GoSignature {
  readonly params: readonly GoParamKind[];
  readonly variadic?: GoParamKind;
}

export const GO_SIGNATURE: unique symbol = Symbol.for('istio-inject.goSignature');

/**
 * Declares the Go signature of a template function or method. Without one every parameter is a variadic
 * interface{}; with one, calls get Go's argument count check ("wrong number of args for f: want 2 got 1"), constant
 * conversion (`2` passed to a float64 parameter arrives as the number 2) and type errors ("expected integer; found
 * \"x\"", "wrong type for value; expected string; got int").
 */
export function withGoSignature<F extends TemplateFunc>(fn: F, sig: GoSignature): F {
  Object.defineProperty(fn, GO_SIGNATURE, { value: sig, enumerable: false });
  return fn;
}

export function goSignature(fn: TemplateFunc): GoSignature | undefined {
  return (fn as unknown as Record<symbol, GoSignature | undefined>)[GO_SIGNATURE];
}
