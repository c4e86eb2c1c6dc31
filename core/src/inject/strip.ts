/** Undoing a previous injection: before re-injection (Istio's stripPod) and for `removeInjection`. */
import { deepClone, objAt } from './json-access';
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
