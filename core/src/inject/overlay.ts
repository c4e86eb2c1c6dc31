/** Strategic-merging a patch into a pod, with the error texts of Istio's applyOverlay. */
import { typedDecodeError } from '../k8s/typed-json';
import { strategicMerge } from '../merge';
import { isObject, objAt } from './json-access';
import type { PodJson } from './pod';

/** The pod with `patch` applied by strategic merge (fresh objects; the inputs are left untouched). */
export function applyOverlay(target: PodJson, patch: unknown): PodJson {
  let merged: unknown;
  try {
    merged = strategicMerge({ metadata: target.metadata, spec: target.spec }, patch, 'v1.Pod');
  } catch (e) {
    throw new Error(`strategic merge: ${messageOf(e)}`);
  }
  const obj = isObject(merged) ? merged : {};
  return { metadata: objAt(obj, 'metadata') ?? {}, spec: objAt(obj, 'spec') ?? {} };
}

/** Istio decodes each merge result into a corev1.Pod: values of the wrong type fail there, with Go's message. */
export function typedPod(pod: PodJson): PodJson {
  let error: Error | undefined;
  try {
    // A check-only walk: the typed JSON itself is not needed.
    error = typedDecodeError('v1.Pod', pod);
  } catch {
    return pod;
  }
  if (error) throw new Error(`unmarshal patched pod: ${error.message}`);
  return pod;
}


export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
