/**
 * Merging two lists under a field's patch strategy: replaced unless the strategy is "merge"; merged lists of maps
 * match items by merge key (and honour `$patch: delete|replace` items), merged lists of scalars are unioned, and
 * `$deleteFromPrimitiveList` lists remove scalars. The result's order is list-order.ts's.
 */
import * as errors from './errors';
import { DELETE_DIRECTIVE, DIRECTIVE_MARKER, MERGE_DIRECTIVE, REPLACE_DIRECTIVE } from './directives';
import { formatV } from './go-format';
import { goKind, scalarEqual, type Json, type JsonMap } from './json-value';
import { decodedCapacity, deduplicateInPlace, removeAt } from './go-slices';
import { findByMergeKey, normalizeElementOrder, partitionByPresence, type ItemKind } from './list-order';
import type { PatchSchema } from './patch-schema';

/** Merges a patch map into an original list item (strategic.ts's mergeMap). */
export type MergeItem = (original: JsonMap, patch: JsonMap, schema: PatchSchema) => JsonMap;

/** The outcome of merging a list field. */
export interface ListMerge {
  result: Json[];
  /**
   * The original list as Go code still holding it sees it afterwards (see go-slices.ts); $setElementOrder orders by
   * this view.
   */
  originalAfter: Json[];
}

/**
 * Merges list `patch` into list `original` for a field with strategy `strategy` (a delete list is merged whatever
 * the strategy). `schema` is the elements' schema.
 */
export function mergeListField(original: Json, patch: Json, schema: PatchSchema, strategy: string, mergeKey: string,
  isDeleteList: boolean, mergeItem: MergeItem): ListMerge {
  if (!Array.isArray(original)) throw errors.badArgType(errors.SLICE_TYPE, original);
  if (!Array.isArray(patch)) throw errors.badArgType(errors.SLICE_TYPE, patch);
  if (strategy === MERGE_DIRECTIVE || isDeleteList) return mergeList(original, patch, schema, mergeKey, isDeleteList, mergeItem);
  return { result: patch, originalAfter: original };
}

function mergeList(original: Json[], patch: Json[], schema: PatchSchema, mergeKey: string, isDeleteList: boolean,
  mergeItem: MergeItem): ListMerge {
  if (original.length === 0 && patch.length === 0) return { result: original, originalAfter: original };
  const kind = elementKind([original, patch]);
  if (kind === 'scalar') {
    if (isDeleteList) return { result: original.filter((v) => !patch.some((d) => scalarEqual(d, v))), originalAfter: original };
    const both = [...original, ...patch];
    const length = deduplicateInPlace(both);
    // `append(original, patch...)` reuses the original's array when it has room, so the de-duplication shows through.
    const fits = original.length + patch.length <= decodedCapacity(original.length);
    const originalAfter = fits ? both.slice(0, original.length) : original;
    return { result: ordered(both.slice(0, length), patch, originalAfter, mergeKey, kind), originalAfter };
  }
  if (!mergeKey) throw new Error(`cannot merge lists without merge key for ${schema.name()}`);
  const backing = [...original];
  const { length, patchItems, replacement } = applySpecialItems(backing, patch, mergeKey);
  const server = replacement ?? backing.slice(0, length);
  const merged = mergeByKey(server, patchItems, mergeKey, schema, mergeItem);
  if (!replacement) {
    // Appended items fill the slots that deletions freed (the original's capacity is at least its length).
    for (let at = length; at < merged.length && at < original.length; at++) backing[at] = merged[at] as Json;
  }
  return { result: ordered(merged, patchItems, server, mergeKey, kind), originalAfter: backing };
}

function ordered(merged: Json[], patchItems: Json[], serverOrder: Json[], mergeKey: string, kind: ItemKind): Json[] {
  const { present, absent } = partitionByPresence(merged, patchItems, mergeKey);
  return normalizeElementOrder(present, absent, patchItems, serverOrder, mergeKey, kind);
}

/**
 * The kind shared by every element of the lists; mixed kinds, nested lists, null elements and lists with no
 * elements at all are errors.
 */
export function elementKind(lists: Json[][]): ItemKind {
  let first: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = goKind(v);
      if (first === undefined) {
        // Go would crash on a null element (reflect.TypeOf(nil).Kind()); report it instead.
        if (k === 'nil') throw new Error('list elements must not be null');
        if (k === 'slice') throw errors.noListOfLists();
        first = k;
      } else if (k !== first) {
        throw new Error(`list element types are not identical: ${formatV(lists)}`);
      }
    }
  }
  if (first === undefined) throw new Error('no elements in any of the given slices');
  return first === 'map' ? 'map' : 'scalar';
}

/**
 * Handles the `$patch` items of a merge list: `delete` removes the original items with that merge key (in place in
 * `backing`, Go-style), `replace` makes the rest of the patch list the whole result. Returns the original's new
 * length, the plain patch items, and the replacement list if any.
 */
function applySpecialItems(backing: Json[], patch: Json[], mergeKey: string):
  { length: number; patchItems: Json[]; replacement?: Json[] } {
  let length = backing.length;
  const plain: Json[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonMap;
    if (!item.has(DIRECTIVE_MARKER)) {
      plain.push(item);
      continue;
    }
    const directive = item.get(DIRECTIVE_MARKER) as Json;
    if (directive === DELETE_DIRECTIVE) {
      if (!item.has(mergeKey)) throw errors.noMergeKey(item, mergeKey);
      const value = item.get(mergeKey) as Json;
      // Every original item with that key goes (findByMergeKey also checks that all are maps).
      for (let at = findByMergeKey(backing.slice(0, length), mergeKey, value); at >= 0;
        at = findByMergeKey(backing.slice(0, length), mergeKey, value)) {
        removeAt(backing, length, at);
        length--;
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true; // keep scanning: the other directive items must still be dropped
    } else if (directive === MERGE_DIRECTIVE) {
      throw new Error('merging lists cannot yet be specified in the patch');
    } else {
      throw errors.badPatchType(directive, item);
    }
  }
  return replace ? { length, patchItems: [], replacement: plain } : { length, patchItems: plain };
}

/**
 * Merges each patch item into the item with the same merge key (searching items appended earlier too), or appends
 * it, unchanged, when there is none.
 */
function mergeByKey(server: Json[], patchItems: Json[], mergeKey: string, schema: PatchSchema, mergeItem: MergeItem): Json[] {
  const merged = [...server];
  for (const v of patchItems) {
    const item = v as JsonMap;
    if (!item.has(mergeKey)) throw errors.noMergeKey(item, mergeKey);
    const at = findByMergeKey(merged, mergeKey, item.get(mergeKey) as Json);
    if (at >= 0) merged[at] = mergeItem(merged[at] as JsonMap, item, schema);
    else merged.push(item);
  }
  return merged;
}
