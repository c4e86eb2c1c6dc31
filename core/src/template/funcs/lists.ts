/** sprig's list functions (list.go): they accept any slice and return []interface{}. */
import { anyArg, fixed, FuncSpec, intArg, variadic } from './args';
import { castToInt64 } from './cast';
import { deepEqual, isEmpty, kindOf, withGoType } from './go-values';

const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/** The slice behind a list argument, or sprig's "Cannot <verb> on type <kind>" error. */
function listArg(v: unknown, fail: (kind: string) => string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) throw new Error(NIL_DEREF); // reflect.TypeOf(nil).Kind() panics
  throw new Error(fail(kindOf(v)));
}

const cannot = (verb: string) => (kind: string) => `Cannot ${verb} on type ${kind}`;

function push(list: unknown, v: unknown): unknown[] {
  return [...listArg(list, cannot('push')), anyArg(v)];
}

function prepend(list: unknown, v: unknown): unknown[] {
  return [anyArg(v), ...listArg(list, cannot('prepend'))];
}

function first(list: unknown): unknown {
  const l = listArg(list, cannot('find first'));
  return l.length === 0 ? null : l[0];
}

function last(list: unknown): unknown {
  const l = listArg(list, cannot('find last'));
  return l.length === 0 ? null : l[l.length - 1];
}

function rest(list: unknown): unknown[] {
  return listArg(list, cannot('find rest')).slice(1);
}

function initial(list: unknown): unknown[] {
  return listArg(list, cannot('find initial')).slice(0, -1);
}

function reverse(list: unknown): unknown[] {
  return [...listArg(list, cannot('find reverse'))].reverse();
}

function compact(list: unknown): unknown[] {
  return listArg(list, cannot('compact')).filter((x) => !isEmpty(x));
}

function uniq(list: unknown): unknown[] {
  const out: unknown[] = [];
  for (const x of listArg(list, cannot('find uniq'))) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}

function without(list: unknown, ...omit: unknown[]): unknown[] {
  const o = omit.map(anyArg);
  return listArg(list, cannot('find without')).filter((x) => !o.some((y) => deepEqual(x, y)));
}

function has(needle: unknown, haystack: unknown): boolean {
  if (haystack === null || haystack === undefined) return false;
  const n = anyArg(needle);
  return listArg(haystack, cannot('find has')).some((x) => deepEqual(n, x));
}

function slice(list: unknown, ...indices: unknown[]): unknown {
  const l = listArg(list, (k) => `list should be type of slice or array but ${k}`);
  if (l.length === 0) return null;
  const start = indices.length > 0 ? Number(castToInt64(indices[0])) : 0;
  const end = indices.length > 1 ? Number(castToInt64(indices[1])) : l.length;
  if (start < 0 || end < start || end > l.length) throw new Error('reflect.Value.Slice: slice index out of bounds');
  return l.slice(start, end);
}

function concat(...lists: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const l of lists) out.push(...listArg(l, (k) => `Cannot concat type ${k} as list`));
  return out;
}

function chunk(size: number, list: unknown): unknown[][] {
  const l = listArg(list, cannot('chunk'));
  const out: unknown[][] = [];
  const count = Math.floor((l.length - 1) / size) + 1;
  for (let i = 0; i < count; i++) out.push(l.slice(i * size, (i + 1) * size));
  return out;
}

/** sprig's untilStep: the ints from start towards stop (exclusive) by step; [] when step points away. */
export function untilStep(start: number, stop: number, step: number): bigint[] {
  const v: bigint[] = withGoType([], '[]int');
  if (stop < start) {
    if (step >= 0) return v;
    for (let i = start; i > stop; i += step) v.push(BigInt(i));
    return v;
  }
  if (step <= 0) return v;
  for (let i = start; i < stop; i += step) v.push(BigInt(i));
  return v;
}

export const listFuncs: Record<string, FuncSpec> = {
  list: variadic(1, (...v) => v.map(anyArg)),
  tuple: variadic(1, (...v) => v.map(anyArg)),
  append: fixed(2, push),
  push: fixed(2, push),
  mustAppend: fixed(2, push),
  mustPush: fixed(2, push),
  prepend: fixed(2, prepend),
  mustPrepend: fixed(2, prepend),
  first: fixed(1, first),
  mustFirst: fixed(1, first),
  last: fixed(1, last),
  mustLast: fixed(1, last),
  rest: fixed(1, rest),
  mustRest: fixed(1, rest),
  initial: fixed(1, initial),
  mustInitial: fixed(1, initial),
  reverse: fixed(1, reverse),
  mustReverse: fixed(1, reverse),
  compact: fixed(1, compact),
  mustCompact: fixed(1, compact),
  uniq: fixed(1, uniq),
  mustUniq: fixed(1, uniq),
  without: variadic(2, without),
  mustWithout: variadic(2, without),
  has: fixed(2, has),
  mustHas: fixed(2, has),
  slice: variadic(2, slice),
  mustSlice: variadic(2, slice),
  concat: variadic(1, concat),
  chunk: fixed(2, (n, l) => chunk(intArg(n), l)),
  mustChunk: fixed(2, (n, l) => chunk(intArg(n), l)),
  until: fixed(1, (n) => untilStep(0, intArg(n), intArg(n) < 0 ? -1 : 1)),
  untilStep: fixed(3, (a, b, c) => untilStep(intArg(a), intArg(b), intArg(c))),
};
