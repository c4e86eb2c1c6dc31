/**
 * The order of a merged list, as apimachinery decides it: the items the patch names keep the patch's order (or the
 * `$setElementOrder` order), the items only the original has keep theirs, and the two runs are interleaved using
 * the original's order where both items are known to it. Items new to the original therefore come out ahead of the
 * original-only items that follow them (a sidecar added to `containers: [app]` lands before `app`).
 */
import * as errors from './errors';
import { splitDeleteItems } from './directives';
import { isMap, scalarEqual, type Json } from './json-value';

/** Whether list items are maps (matched by merge key) or scalars (matched by value). */
export type ItemKind = 'map' | 'scalar';

/**
 * Sorts `patchItems` by `patchOrder` and `serverOnly` by `serverOrder`, then interleaves them (see file comment).
 */
export function normalizeElementOrder(patchItems: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[],
  mergeKey: string, kind: ItemKind): Json[] {
  const patchSorted = sortByOrder(patchItems, patchOrder, mergeKey, kind);
  const serverSorted = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return interleave(serverSorted, patchSorted, serverOrder, mergeKey, kind);
}

/**
 * Splits `merged` into the items present in `partitionBy` (by merge key, or by value for scalars when `mergeKey`
 * is "") and the others, each in `merged`'s order.
 */
export function partitionByPresence(merged: Json[], partitionBy: Json[], mergeKey: string): { present: Json[]; absent: Json[] } {
  const present: Json[] = [];
  const absent: Json[] = [];
  for (const v of merged) {
    let found: boolean;
    if (!mergeKey) {
      found = partitionBy.some((p) => scalarEqual(p, v));
    } else {
      if (!isMap(v)) throw errors.badArgType(errors.MAP_TYPE, v);
      if (!v.has(mergeKey)) throw errors.noMergeKey(v, mergeKey);
      found = findByMergeKey(partitionBy, mergeKey, v.get(mergeKey) as Json) >= 0;
    }
    (found ? present : absent).push(v);
  }
  return { present, absent };
}

/** Index of the first map in `list` whose `mergeKey` equals `value`; every element must be a map. */
export function findByMergeKey(list: Json[], mergeKey: string, value: Json): number {
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as Json;
    if (!isMap(item)) throw new Error(`value for key ${i} is not a map`);
    if (item.has(mergeKey) && scalarEqual(item.get(mergeKey), value)) return i;
  }
  return -1;
}

/**
 * Stable sort by position in `order`; for maps every item and order entry must carry the merge key, and
 * `$patch: delete` items go last.
 */
function sortByOrder(items: Json[], order: Json[], mergeKey: string, kind: ItemKind): Json[] {
  let toSort = items;
  let toDelete: Json[] = [];
  if (kind === 'map') {
    for (const list of [items, order]) {
      for (const item of list) {
        if (!isMap(item)) throw errors.badArgType(errors.MAP_TYPE, item);
        if (!item.has(mergeKey)) throw errors.noMergeKey(item, mergeKey);
      }
    }
    ({ keep: toSort, toDelete } = splitDeleteItems(items));
  }
  // apimachinery's comparator answers "less" whenever either item is missing from `order`; the insertion sort
  // below is what Go's sort.SliceStable runs on lists of up to 20 items, so even that case comes out the same.
  const sorted = toSort.map((item) => ({ item, at: indexIn(order, item, mergeKey, kind) }));
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0; j--) {
      const a = sorted[j] as { item: Json; at: number };
      const b = sorted[j - 1] as { item: Json; at: number };
      if (a.at >= 0 && b.at >= 0 && a.at >= b.at) break;
      [sorted[j], sorted[j - 1]] = [b, a];
    }
  }
  return [...sorted.map((s) => s.item), ...toDelete];
}

/**
 * Merges two runs, taking from `left` (original-only items) only while its head is known to precede the head of
 * `right` (patch items) in `serverOrder`; an item unknown to `serverOrder` is taken from `right` at once.
 */
function interleave(left: Json[], right: Json[], serverOrder: Json[], mergeKey: string, kind: ItemKind): Json[] {
  const at = (item: Json): number => indexIn(serverOrder, item, mergeKey, kind);
  const leftAt = left.map(at);
  const rightAt = right.map(at);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const li = leftAt[i] ?? -1;
    const ri = rightAt[j] ?? -1;
    if (j >= right.length || (i < left.length && li >= 0 && ri >= 0 && li < ri)) out.push(left[i++] as Json);
    else out.push(right[j++] as Json);
  }
  return out;
}

/** Position of `v` in `list`: by merge key value for maps (a missing key reads as null), by value otherwise. */
function indexIn(list: Json[], v: Json, mergeKey: string, kind: ItemKind): number {
  const key = (item: Json): Json | undefined => (kind === 'map' ? (isMap(item) ? (item.get(mergeKey) ?? null) : null) : item);
  const wanted = key(v);
  return list.findIndex((item) => scalarEqual(key(item), wanted));
}
