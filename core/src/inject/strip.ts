/** Undoing a previous injection: before re-injection (Istio's stripPod) and for `removeInjection`. */
import { JsonObject, deepClone, isObject, objAt } from './json-access';
import { PodJson, containersOf, initContainersOf, modifyContainers, setContainerList } from './pod';
import { clearPrometheusAnnotations, prometheusPort } from './prometheus';
import { STATUS_ANNOTATION, parseInjectionStatus } from './status';

/**
 * The pod without the containers a previous injection added, its status annotation, and Prometheus annotations that
 * point at the agent. Returns the pod itself when it carries no (valid) status annotation.
 */
export function stripPod(pod: PodJson, statusPort: number): PodJson {
  const annotations = objAt(pod.metadata, 'annotations');
  const raw = annotations?.[STATUS_ANNOTATION];
  const status = parseInjectionStatus(typeof raw === 'string' ? raw : undefined);
  if (!status) return pod;
  const out: PodJson = { metadata: deepClone(pod.metadata), spec: deepClone(pod.spec) };
  let containers = containersOf(out);
  for (const name of status.containers ?? []) containers = modifyContainers(containers, name, 'remove');
  if (status.containers?.length) out.spec.containers = containers;
  let inits = initContainersOf(out);
  for (const name of status.initContainers ?? []) inits = modifyContainers(inits, name, 'remove');
  if (status.initContainers?.length) setContainerList(out, 'initContainers', inits);
  if (prometheusPort(out) === String(statusPort)) clearPrometheusAnnotations(out);
  const outAnnotations = objAt(out.metadata, 'annotations');
  if (outAnnotations) delete outAnnotations[STATUS_ANNOTATION];
  return out;
}

/**
 * Removes everything the status annotation lists (containers, init containers, volumes, pull secrets) plus the
 * annotation itself. Returns undefined when the pod was not injected.
 */
export function uninjectPod(pod: PodJson): PodJson | undefined {
  const annotations = objAt(pod.metadata, 'annotations');
  const raw = annotations?.[STATUS_ANNOTATION];
  const status = parseInjectionStatus(typeof raw === 'string' ? raw : undefined);
  if (!status) return undefined;
  const out: PodJson = { metadata: deepClone(pod.metadata), spec: deepClone(pod.spec) };
  removeNamed(out.spec, 'containers', status.containers, false);
  removeNamed(out.spec, 'initContainers', status.initContainers, true);
  removeNamed(out.spec, 'volumes', status.volumes, true);
  removeNamed(out.spec, 'imagePullSecrets', status.imagePullSecrets, true);
  const a = objAt(out.metadata, 'annotations')!;
  delete a[STATUS_ANNOTATION];
  if (Object.keys(a).length === 0) delete out.metadata.annotations;
  return out;
}

function removeNamed(spec: JsonObject, key: string, names: string[] | null, dropEmpty: boolean): void {
  const list = spec[key];
  if (!names || names.length === 0 || !Array.isArray(list)) return;
  const kept = list.filter((x) => !(isObject(x) && typeof x.name === 'string' && names.includes(x.name)));
  if (kept.length === 0 && dropEmpty) delete spec[key];
  else spec[key] = kept;
}
