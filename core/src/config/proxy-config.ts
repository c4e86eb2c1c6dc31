/**
 * The ProxyConfig a pod is injected with by `istioctl kube-inject`: the mesh's defaultConfig merged with the pod's
 * `proxy.istio.io/config` annotation. The webhook would also layer ProxyConfig custom resources in between; those
 * live in the cluster, and kube-inject (like this library) has none of them.
 */
import { applyProxyConfig } from './mesh';
import type { JsonObject } from './proto-json';

export const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';

/**
 * The mesh config as the templates of one pod see it: `mesh` itself, or a copy whose defaultConfig carries the pod's
 * annotation (YAML or JSON). Throws Error "could not parse proxy config: …" for a bad annotation, as Istio does.
 */
export function meshForPod(mesh: JsonObject, podAnnotations: Record<string, string> | undefined): JsonObject {
  const annotation = podAnnotations?.[PROXY_CONFIG_ANNOTATION];
  if (annotation === undefined) return mesh;
  return applyProxyConfig(annotation, mesh);
}

/** The pod's ProxyConfig (protojson): meshForPod(...).defaultConfig. */
export function proxyConfigForPod(mesh: JsonObject, podAnnotations: Record<string, string> | undefined): JsonObject {
  const pc = meshForPod(mesh, podAnnotations).defaultConfig;
  return typeof pc === 'object' && pc !== null ? (pc as JsonObject) : {};
}
