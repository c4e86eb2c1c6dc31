/**
 * The JSON value model the merge works on, mirroring what Go's encoding/json decodes into `interface{}`:
 * objects become Maps (so any key, `__proto__` included, is plain data and key order is explicit), arrays stay
 * arrays, every number is a float64 (a bigint from the template value model counts as a number too).
 */

export type JsonMap = Map<string, Json>;
export type Json = null | string | number | bigint | boolean | Json[] | JsonMap;

/** The Go dynamic type of a decoded JSON value, as reflect.TypeOf would tell them apart. */
export type GoKind = 'map' | 'slice' | 'string' | 'float64' | 'bool' | 'nil';

export function goKind(v: Json): GoKind {
  if (v === null) return 'nil';
  if (v instanceof Map) return 'map';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    default: return 'float64';
  }
}

export function isMap(v: Json | undefined): v is JsonMap {
  return v instanceof Map;
}

/**
 * Go's `==` on two interface values holding decoded JSON scalars: same dynamic type and same value. Numbers compare
 * by value whatever their JavaScript representation. Go panics on comparing maps or slices; here they are equal only
 * to themselves.
 */
export function scalarEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint') && (tb === 'number' || tb === 'bigint')) return Number(a) === Number(b);
  return false;
}

/** A deep copy of a plain JSON value in the merge's model; `undefined` members of objects are left out. */
export function fromPlain(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return fromPlain((v as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(v)) return v.map(fromPlain);
  switch (typeof v) {
    case 'string': case 'number': case 'bigint': case 'boolean':
      return v;
    case 'object': {
      const m: JsonMap = new Map();
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) m.set(k, fromPlain(x));
      return m;
    }
    default:
      throw new Error(`strategic merge: a ${typeof v} is not a JSON value`);
  }
}

/** The plain JSON value (objects, arrays, scalars) for a value of the merge's model. */
export function toPlain(v: Json): unknown {
  if (v instanceof Map) {
    // A loop, not Object.fromEntries over mapped pairs: the merge's hottest allocation (two arrays per member).
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) {
      // Data, as Object.fromEntries defines it; an assignment would set the object's prototype instead.
      if (k === '__proto__') Object.defineProperty(out, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
      else out[k] = toPlain(x);
    }
    return out;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}
