/**
 * Go type facts about template values (see ../value.ts, whose goTypeName gives type names): kind names, sprig's
 * emptiness, reflect.DeepEqual, Go's map-key order, and safe map writes.
 */
import { compareGoStrings } from '../../go/utf8';
import { isGoMap, isTrue } from '../truth';
import { GO_MAP_ZERO, goTypeName, isGoStruct, mapZero, NOT_FOUND, withGoType } from '../value';

export { isGoMap };

/** True for maps typed map[string]string (typedMap with a string zero value, or recorded as such). */
export function isStringMap(v: unknown): v is Record<string, string> {
  return isGoMap(v) && ((GO_MAP_ZERO in v && typeof mapZero(v).zero === 'string') || goTypeName(v) === 'map[string]string');
}

export { withGoType };

/** reflect.Kind name of a value, as sprig's kindOf reports it (`invalid` for nil). */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'invalid';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func';
    default:
  }
  if (Array.isArray(v)) return 'slice';
  if (isGoStruct(v)) return v.goTypeName.startsWith('*') ? 'ptr' : 'struct';
  return 'map';
}

/**
 * sprig's `empty`: zero numbers, false, empty strings/slices/maps, nil and nil pointers; structs never are. sprig
 * adapted it from text/template's truth, and it is exactly its negation.
 */
export function isEmpty(v: unknown): boolean {
  return !isTrue(v);
}

/** reflect.DeepEqual over template values: types must match (int 1 ≠ float64 1), NaN ≠ NaN. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return a === a || typeof a !== 'number';
  if (typeof a !== typeof b) return false;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isGoStruct(a) || isGoStruct(b)) {
    if (!isGoStruct(a) || !isGoStruct(b) || a.goTypeName !== b.goTypeName) return false;
    return deepEqual(a.toJSON(), b.toJSON());
  }
  if (goTypeName(a) !== goTypeName(b)) return false;
  const ka = Object.keys(a as object);
  const rb = b as Record<string, unknown>;
  if (ka.length !== Object.keys(rb).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual((a as Record<string, unknown>)[k], rb[k]));
}

/** A map's keys in Go's order (by UTF-8 bytes, i.e. by code point). */
export function sortedKeys(m: object): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Writes a map entry without ever touching the prototype (a key may be `__proto__`). */
export function setKey(m: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}

export function hasKey(m: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/** A struct field by Go name, or the same field of plain Kubernetes JSON by its JSON name; undefined if absent. */
export function fieldOf(obj: unknown, goName: string, jsonName: string): unknown {
  if (isGoStruct(obj)) {
    const v = obj.goField(goName);
    return v === NOT_FOUND ? undefined : v;
  }
  return isGoMap(obj) ? obj[jsonName] : undefined;
}
