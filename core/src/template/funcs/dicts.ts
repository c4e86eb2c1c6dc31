/**
 * sprig's dict functions (dict.go). Go ranges over maps in random order; `keys`, `values` and the merge functions
 * visit keys sorted instead, which is one of Go's possible orders and keeps output stable.
 */
import { goTypeName, isGoStruct, mapZero, typedMap } from '../value';
import { anyArg, fixed, FuncSpec, mapArg, stringArg, variadic } from './args';
import { strval } from './go-fmt';
import { hasKey, isEmpty, isGoMap, setKey, sortedKeys, withGoType } from './go-values';

function nilMapWrite(): Error {
  return new Error('assignment to entry in nil map');
}

function dict(...v: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < v.length; i += 2) setKey(out, strval(anyArg(v[i])), i + 1 < v.length ? anyArg(v[i + 1]) : '');
  return out;
}

function get(d: unknown, key: unknown): unknown {
  const m = mapArg(d);
  const k = stringArg(key);
  return m && hasKey(m, k) ? m[k] : '';
}

function set(d: unknown, key: unknown, value: unknown): Record<string, unknown> {
  const m = mapArg(d);
  const k = stringArg(key);
  if (!m) throw nilMapWrite();
  setKey(m, k, anyArg(value));
  return m;
}

function unset(d: unknown, key: unknown): Record<string, unknown> | null {
  const m = mapArg(d);
  const k = stringArg(key);
  if (m) delete m[k];
  return m;
}

function pick(d: unknown, ...keys: unknown[]): Record<string, unknown> {
  const m = mapArg(d) ?? {};
  const out: Record<string, unknown> = {};
  for (const k of keys.map(stringArg)) if (hasKey(m, k)) setKey(out, k, m[k]);
  return out;
}

function omit(d: unknown, ...keys: unknown[]): Record<string, unknown> {
  const m = mapArg(d) ?? {};
  const drop = new Set(keys.map(stringArg));
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(m)) if (!drop.has(k)) setKey(out, k, m[k]);
  return out;
}

/**
 * mergo's map merge as sprig calls it: nested maps merge recursively (in place); otherwise a dst value is
 * replaced when it is missing or empty, or always with `overwrite` (then even by empty or nil src values).
 */
export function mergeInto(dst: Record<string, unknown>, src: Record<string, unknown>, overwrite: boolean): void {
  for (const key of sortedKeys(src)) {
    const s = src[key];
    const present = hasKey(dst, key);
    const d = dst[key];
    if (s === null || s === undefined) {
      if (overwrite) setKey(dst, key, null);
      continue;
    }
    if (isGoMap(s) && isGoMap(d)) {
      mergeInto(d, s, overwrite);
      if (!isEmpty(d)) continue;
    }
    if (overwrite || !present || isEmpty(d)) setKey(dst, key, s);
  }
}

function merge(overwrite: boolean) {
  return (d: unknown, ...srcs: unknown[]): unknown => {
    const dst = mapArg(d) ?? {};
    for (const src of srcs.map(mapArg)) if (src) mergeInto(dst, src, overwrite);
    return dst;
  };
}

/** copystructure.Copy: maps and slices are copied deeply; structs are immutable values here. */
export function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setKey(out, k, deepCopy(v[k]));
    const { typed, zero } = mapZero(v);
    return typed ? typedMap(out, zero) : out;
  }
  return v;
}

function dig(...ps: unknown[]): unknown {
  if (ps.length < 3) throw new Error('dig needs at least three arguments');
  let m = ps[ps.length - 1];
  const def = anyArg(ps[ps.length - 2]);
  const path = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw new Error(`interface conversion: interface {} is ${goTypeName(k)}, not string`);
    return k;
  });
  for (let i = 0; ; i++) {
    if (!isGoMap(m) || isGoStruct(m) || goTypeName(m) !== 'map[string]interface {}') {
      throw new Error(`interface conversion: interface {} is ${goTypeName(m)}, not map[string]interface {}`);
    }
    if (!hasKey(m, path[i])) return def;
    if (i === path.length - 1) return m[path[i]];
    m = m[path[i]];
  }
}

export const dictFuncs: Record<string, FuncSpec> = {
  dict: variadic(1, dict),
  get: fixed(2, get),
  set: fixed(3, set),
  unset: fixed(2, unset),
  hasKey: fixed(2, (d, k) => {
    const m = mapArg(d);
    return m !== null && hasKey(m, stringArg(k));
  }),
  pluck: variadic(2, (key, ...ds) => {
    const k = stringArg(key);
    return ds.map(mapArg).filter((m) => m && hasKey(m, k)).map((m) => (m as Record<string, unknown>)[k]);
  }),
  keys: variadic(1, (...ds) => withGoType(ds.map(mapArg).flatMap((m) => (m ? sortedKeys(m) : [])), '[]string')),
  values: fixed(1, (d) => {
    const m = mapArg(d) ?? {};
    return sortedKeys(m).map((k) => m[k]);
  }),
  pick: variadic(2, pick),
  omit: variadic(2, omit),
  merge: variadic(2, merge(false)),
  mustMerge: variadic(2, merge(false)),
  mergeOverwrite: variadic(2, merge(true)),
  mustMergeOverwrite: variadic(2, merge(true)),
  deepCopy: fixed(1, (v) => deepCopy(anyArg(v))),
  mustDeepCopy: fixed(1, (v) => deepCopy(anyArg(v))),
  dig: variadic(1, dig),
};
