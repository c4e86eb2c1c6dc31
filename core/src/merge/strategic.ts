/**
 * Strategic merge patch over JSON values, with the semantics of apimachinery's
 * strategicpatch.StrategicMergePatch (server-side application: parallel lists merged, unmatched nulls ignored).
 */
import * as errors from './errors';
import {
  applyRetainKeys, DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, directiveTarget, discardNullValues,
  mapDirectiveResult, removeDirectives, REPLACE_DIRECTIVE, SET_ELEMENT_ORDER_PREFIX, splitRetainKeysStrategy,
  validateSetElementOrder,
} from './directives';
import { elementKind, mergeListField } from './lists';
import { normalizeElementOrder, partitionByPresence } from './list-order';
import { fromPlain, goKind, isMap, toPlain, type Json, type JsonMap } from './json-value';
import type { PatchSchema } from './patch-schema';

/**
 * Applies `patch` to `original` (both JSON objects; null or undefined read as `{}`) under `schema`, the patch
 * schema of the root type. Pure: the inputs are not modified. Throws apimachinery's errors for invalid patches.
 */
export function strategicMergeWithSchema(original: unknown, patch: unknown, schema: PatchSchema): unknown {
  return toPlain(mergeMap(rootMap(original), rootMap(patch), schema));
}

function rootMap(doc: unknown): JsonMap {
  const v = fromPlain(doc);
  if (v === null) return new Map();
  if (!isMap(v)) throw errors.badJsonDoc();
  return v;
}

/** Merges `patch` into `original`, both owned by the merge (they are modified and reused in the result). */
function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (patch.has(DIRECTIVE_MARKER)) return mapDirectiveResult(patch.get(DIRECTIVE_MARKER) as Json, patch);
  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema);

  for (const [patchKey, patchV] of patch) {
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      isDeleteList = true;
      key = directiveTarget(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX) || patchKey;
    }
    if (patchV === null) {
      original.delete(key);
      continue;
    }
    const originalV = original.get(key);
    if (originalV === undefined || goKind(originalV) !== goKind(patchV)) {
      // Nothing to merge with: the patch value is taken, minus nulls and directives. A delete list adds nothing.
      if (!isDeleteList) takePatchValue(original, key, patchV);
      continue;
    }
    if (isMap(originalV)) {
      const { schema: sub, meta } = schema.forStruct(key);
      const { strategy } = splitRetainKeysStrategy(meta.strategies);
      original.set(key, strategy === REPLACE_DIRECTIVE ? patchV : mergeMap(originalV, patchV as JsonMap, sub));
    } else if (Array.isArray(originalV)) {
      const { schema: sub, meta } = schema.forSlice(key);
      const { strategy } = splitRetainKeysStrategy(meta.strategies);
      original.set(key, mergeListField(originalV, patchV, sub, strategy, meta.mergeKey, isDeleteList, mergeMap).result);
    } else {
      original.set(key, patchV);
    }
  }
  return original;
}

function takePatchValue(target: JsonMap, key: string, patchV: Json): void {
  discardNullValues(patchV);
  const { value, keep } = removeDirectives(patchV);
  if (keep) target.set(key, value);
  else target.delete(key);
}

/**
 * Processes the `$setElementOrder/<list>` directives: merges each named list with its patch list (which the main
 * loop then skips) and orders the result: `$setElementOrder` order first, then patch order, then original order.
 */
function applySetElementOrder(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
  for (const [directiveKey, order] of [...patch]) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    patch.delete(directiveKey);
    if (!Array.isArray(order)) throw errors.badArgType(errors.SLICE_TYPE, order);
    const key = directiveTarget(directiveKey, SET_ELEMENT_ORDER_PREFIX);
    const originalList = listAt(original, key);
    const patchList = listAt(patch, key);
    const { schema: sub, meta } = schema.forSlice(key);
    const { strategy } = splitRetainKeysStrategy(meta.strategies);
    validateSetElementOrder(patchList ?? [], order, meta.mergeKey);

    let merged: Json[];
    // Go orders by the original slice it holds, which the list merge may have edited in place (go-slices.ts).
    let serverOrder = originalList ?? [];
    if (originalList && patchList) {
      ({ result: merged, originalAfter: serverOrder } = mergeListField(originalList, patchList, sub, strategy, meta.mergeKey, false, mergeMap));
    } else if (originalList) {
      merged = originalList;
    } else if (patchList) {
      merged = removeDirectives(patchList).value as Json[];
    } else {
      continue;
    }
    const { present, absent } = partitionByPresence(merged, order, meta.mergeKey);
    const kind = elementKind([serverOrder, patchList ?? []]);
    original.set(key, normalizeElementOrder(present, absent, order, serverOrder, meta.mergeKey, kind));
    patch.delete(key);
  }
}

/** The list under `key`, undefined when absent; anything but a list there is an error. */
function listAt(m: JsonMap, key: string): Json[] | undefined {
  if (!m.has(key)) return undefined;
  const v = m.get(key) as Json;
  if (!Array.isArray(v)) throw errors.badArgType(errors.SLICE_TYPE, v);
  return v;
}
