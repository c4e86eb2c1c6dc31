/**
 * The patch directives of strategic merge patch: `$patch`, `$retainKeys`, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>`, and the clean-up of directives and nulls in values the patch adds verbatim.
 */
import { quoteGo } from '../go/quote';
import * as errors from './errors';
import { formatV } from './go-format';
import { isMap, scalarEqual, type Json, type JsonMap } from './json-value';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_STRATEGY = 'retainKeys';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

/** A patch map carrying `$patch`: `replace` stands for itself (minus the marker), `delete` for an empty map. */
export function mapDirectiveResult(directive: Json, patch: JsonMap): JsonMap {
  if (directive === REPLACE_DIRECTIVE) {
    patch.delete(DIRECTIVE_MARKER);
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return new Map();
  throw errors.badPatchType(directive, patch);
}

export function containsDirectiveMarker(item: Json): boolean {
  return isMap(item) && item.has(DIRECTIVE_MARKER);
}

/**
 * Strips directive-bearing maps out of a value the patch adds as is: a map holding `$patch` is dropped (keep=false),
 * and so are such maps nested in it or in lists. Modifies `v` in place.
 */
export function removeDirectives(v: Json): { value: Json; keep: boolean } {
  if (isMap(v)) {
    if (v.has(DIRECTIVE_MARKER)) return { value: null, keep: false };
    // Deleting or re-setting the member being visited is safe while iterating a Map: no copy of the entries needed.
    for (const [k, x] of v) {
      const r = removeDirectives(x);
      if (r.keep) v.set(k, r.value);
      else v.delete(k);
    }
    return { value: v, keep: true };
  }
  if (Array.isArray(v)) {
    const kept: Json[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r.keep) kept.push(r.value);
    }
    return { value: kept, keep: true };
  }
  return { value: v, keep: true };
}

/** Removes null members from maps anywhere in `v` (null list elements stay). Modifies `v` in place. */
export function discardNullValues(v: Json): void {
  if (isMap(v)) {
    for (const [k, x] of v) {
      if (x === null) v.delete(k);
      else discardNullValues(x);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNullValues(x);
  }
}

/**
 * Applies `$retainKeys` of `patch` to `original`: every key of the patch must be listed (nulls and list directives
 * excepted), and the original loses the keys not listed. Consumes the directive.
 */
export function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!patch.has(RETAIN_KEYS_DIRECTIVE)) return;
  const list = patch.get(RETAIN_KEYS_DIRECTIVE) as Json;
  patch.delete(RETAIN_KEYS_DIRECTIVE);
  if (!Array.isArray(list)) throw errors.badPatchFormatForRetainKeys();
  const retained = new Set(list.filter((k): k is string => typeof k === 'string'));
  for (const [k, v] of patch) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!retained.has(k)) throw errors.badPatchFormatForRetainKeys();
  }
  for (const k of [...original.keys()]) if (!retained.has(k)) original.delete(k);
}

/** The list name after `<prefix>/` in a directive key. */
export function directiveTarget(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw errors.badPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw errors.badPatchFormatForSetElementOrderList();
    throw new Error(`fail to find unknown prefix ${quoteGo(prefix)} in ${key}\n`);
  }
  return key.slice(slash + 1);
}

/**
 * Splits a field's patch strategies into the retainKeys flag and the other strategy ("merge", "replace" or "").
 */
export function splitRetainKeysStrategy(strategies: string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    const only = strategies[0] as string;
    return only === RETAIN_KEYS_STRATEGY ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: only };
  }
  if (strategies.length === 2) {
    const [a, b] = strategies as [string, string];
    if (a === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: b };
    if (b === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: a };
  }
  throw new Error(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

/** Splits a merge list's patch items into the ones to keep and the `$patch: delete` ones. */
export function splitDeleteItems(list: Json[]): { keep: Json[]; toDelete: Json[] } {
  const keep: Json[] = [];
  const toDelete: Json[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errors.badArgType(errors.MAP_TYPE, v);
    if (v.get(DIRECTIVE_MARKER) === DELETE_DIRECTIVE) toDelete.push(v);
    else keep.push(v);
  }
  return { keep, toDelete };
}

/**
 * Checks a `$setElementOrder` list against the patch list it orders: the patch items (deletions and directive items
 * aside) must appear in the order list, in the same relative order.
 */
export function validateSetElementOrder(patchList: Json[], orderList: Json[], mergeKey: string): void {
  if (orderList.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? splitDeleteItems(patchList).keep : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < orderList.length) {
    const item = items[p] as Json;
    if (containsDirectiveMarker(item)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, orderList[o] as Json, mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= orderList.length) {
    throw new Error(`The order in patch list:\n${formatV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${formatV(orderList)}\n`);
  }
}

function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (!mergeKey) return scalarEqual(left, right);
  if (!isMap(left)) throw errors.badArgType(errors.MAP_TYPE, left);
  if (!isMap(right)) throw errors.badArgType(errors.MAP_TYPE, right);
  if (!left.has(mergeKey)) throw errors.noMergeKey(left, mergeKey);
  if (!right.has(mergeKey)) throw errors.noMergeKey(right, mergeKey);
  return scalarEqual(left.get(mergeKey), right.get(mergeKey));
}
