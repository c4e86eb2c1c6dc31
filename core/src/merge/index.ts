/**
 * Kubernetes strategic merge patch, as Istio's injector applies rendered templates to pods
 * (apimachinery's strategicpatch.StrategicMergePatch).
 */
import { structSpec } from '../k8s/schema';
import { patchSchema, type PatchSchema } from './patch-schema';
import { strategicMergeWithSchema } from './strategic';

export { patchSchema, type PatchSchema, type PatchMeta, type StructLookup } from './patch-schema';
export { strategicMergeWithSchema } from './strategic';

const rootSchemas = new Map<string, PatchSchema>();

/**
 * Applies strategic merge patch `patch` to `original` (JSON objects; null reads as `{}`), with the patch strategies
 * and merge keys of Kubernetes type `rootType` (e.g. `v1.Pod`). Returns a new JSON value and leaves the inputs
 * untouched. Throws an Error with apimachinery's text when the patch is invalid.
 *
 * Key order: the original's keys keep their places and new keys follow in patch order (Go's output sorts keys;
 * Istio's typed round trip discards key order anyway).
 */
export function strategicMerge(original: unknown, patch: unknown, rootType: string): unknown {
  let schema = rootSchemas.get(rootType);
  if (!schema) {
    if (!structSpec(rootType)) throw new Error(`strategic merge: unknown root type ${rootType}`);
    schema = patchSchema(rootType, structSpec);
    rootSchemas.set(rootType, schema);
  }
  return strategicMergeWithSchema(original, patch, schema);
}
