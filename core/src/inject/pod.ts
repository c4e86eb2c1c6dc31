/** The pod being injected, as plain JSON, and the container-list operations injection needs. */
import { JsonObject, arrAt, ensureObj, findContainer, isObject, objAt } from './json-access';

export const PROXY_CONTAINER = 'istio-proxy';
export const INIT_CONTAINER = 'istio-init';
export const VALIDATION_CONTAINER = 'istio-validation';
export const ENABLE_CORE_DUMP_CONTAINER = 'enable-core-dump';

/** A Pod reduced to what injection touches: metadata and spec (plain, mutable JSON). */
export interface PodJson {
  metadata: JsonObject;
  spec: JsonObject;
}

export function annotationsOf(pod: PodJson): Record<string, unknown> {
  return objAt(pod.metadata, 'annotations') ?? {};
}

/** Annotations as Go's map[string]string: non-string values are ignored. */
export function stringAnnotations(pod: PodJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(annotationsOf(pod))) if (typeof v === 'string') out[k] = v;
  return out;
}

export function ensureAnnotations(pod: PodJson): JsonObject {
  return ensureObj(pod.metadata, 'annotations');
}

export function ensureLabels(pod: PodJson): JsonObject {
  return ensureObj(pod.metadata, 'labels');
}

export function containersOf(pod: PodJson): JsonObject[] {
  return arrAt(pod.spec, 'containers').filter(isObject);
}

export function initContainersOf(pod: PodJson): JsonObject[] {
  return arrAt(pod.spec, 'initContainers').filter(isObject);
}

/** Sets a container list; Go drops an empty list (omitempty) except for `containers`, which is required. */
export function setContainerList(pod: PodJson, key: 'containers' | 'initContainers', list: JsonObject[]): void {
  if (list.length === 0 && key === 'initContainers') delete pod.spec[key];
  else pod.spec[key] = list;
}

/** The container named `name` among containers, then init containers. */
export function findContainerInPod(name: string, pod: PodJson): JsonObject | undefined {
  return findContainer(name, arrAt(pod.spec, 'containers')) ?? findContainer(name, arrAt(pod.spec, 'initContainers'));
}

export function findSidecar(pod: PodJson): JsonObject | undefined {
  return findContainerInPod(PROXY_CONTAINER, pod);
}

export function hasContainer(list: unknown[], name: string): boolean {
  return findContainer(name, list) !== undefined;
}

export type Reorder = 'first' | 'last' | 'remove';

/** Moves the (last) container named `name` first or last, or removes every container of that name. */
export function modifyContainers(list: JsonObject[], name: string, how: Reorder): JsonObject[] {
  const rest: JsonObject[] = [];
  let match: JsonObject | undefined;
  for (const c of list) {
    if (c.name !== name) rest.push(c);
    else match = c;
  }
  if (!match) return rest;
  if (how === 'first') return [match, ...rest];
  if (how === 'last') return [...rest, match];
  return rest;
}

/** Moves the first container named `name` from one list to the end of the other. */
export function moveContainer(from: JsonObject[], to: JsonObject[], name: string): [JsonObject[], JsonObject[]] {
  const i = from.findIndex((c) => c.name === name);
  if (i < 0) return [from, to];
  const moved = from[i];
  return [[...from.slice(0, i), ...from.slice(i + 1)], [...to, moved]];
}
