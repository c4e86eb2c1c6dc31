/**
 * What injection does to the merged pod after the templates ran and user overrides were applied: proxy env fixes,
 * Prometheus merge, probe rewriting, the status annotation and container order (Istio's postProcessPod).
 */
import { dumpAppProbers, mergeOrAppendProbers, rewriteProbes, shouldRewriteAppHTTPProbers } from './app-probe';
import { isObject, objAt, strAt } from './json-access';
import {
  ENABLE_CORE_DUMP_CONTAINER, INIT_CONTAINER, PROXY_CONTAINER, VALIDATION_CONTAINER, type PodJson,
  containersOf, ensureAnnotations, ensureLabels, findSidecar, hasContainer, initContainersOf,
  modifyContainers, setContainerList, stringAnnotations,
} from './pod';
import { applyPrometheusMerge, applySecurePrometheusAnnotation } from './prometheus';
import type { InjectionParams } from './render';
import { STATUS_ANNOTATION, injectionStatusValue } from './status';

/** The rest of Istio's postProcessPod, in its order. Throws for unusable Prometheus scrape settings. */
export function postProcessPod(pod: PodJson, templatePod: PodJson, params: InjectionParams): void {
  ensureAnnotations(pod);
  ensureLabels(pod);
  overwriteClusterInfo(pod, params.proxyEnvs);
  const statusPort = Number(params.proxyConfig.statusPort ?? 0);
  applyPrometheusMerge(pod, params.mesh, statusPort);
  applySecurePrometheusAnnotation(pod);
  applyRewrite(pod, params, statusPort);
  if (params.proxyEnvs.has('ISTIO_META_NETWORK')) ensureLabels(pod)['topology.istio.io/network'] = params.proxyEnvs.get('ISTIO_META_NETWORK');
  const annotations = ensureAnnotations(pod);
  annotations[STATUS_ANNOTATION] = injectionStatusValue(templatePod.spec, params.settings.revision);
  for (const [k, v] of Object.entries(params.injectedAnnotations)) annotations[k] = v;
  reorderPod(pod, params);
}

/** Forces the cluster/network env vars onto istio-proxy (replacing the template's), sorted by name. */
function overwriteClusterInfo(pod: PodJson, envs: Map<string, string>): void {
  const sidecar = findSidecar(pod);
  if (!sidecar || envs.size === 0) return;
  const env = (Array.isArray(sidecar.env) ? sidecar.env : []).filter((e) => !(isObject(e) && envs.has(strAt(e, 'name'))));
  for (const key of [...envs.keys()].sort()) env.push({ name: key, value: envs.get(key) });
  sidecar.env = env;
}

function applyRewrite(pod: PodJson, params: InjectionParams, statusPort: number): void {
  const sidecar = findSidecar(pod);
  if (!sidecar) return;
  const annotations = stringAnnotations(pod);
  const fromValues = wrapperTrue(objAt(params.settings.values, 'sidecarInjectorWebhook')?.rewriteAppHTTPProbe);
  if (!shouldRewriteAppHTTPProbers(annotations, fromValues)) return;
  const probers = dumpAppProbers(pod, statusPort);
  if (probers !== '') {
    const env = (Array.isArray(sidecar.env) ? sidecar.env : []).filter(isObject);
    sidecar.env = mergeOrAppendProbers(annotations[STATUS_ANNOTATION] !== undefined, env, probers);
  }
  rewriteProbes(pod, annotations, statusPort);
}

/**
 * istio-proxy goes last among containers (so `kubectl exec` picks the app) or first when the app must wait for it.
 * With native sidecars, init containers run istio-init/validation, then the proxy, then the rest; otherwise the
 * validation container runs first and istio-init last.
 */
function reorderPod(pod: PodJson, params: InjectionParams): void {
  const holdFromMesh = objAt(params.mesh, 'defaultConfig')?.holdApplicationUntilProxyStarts;
  const holdFromValues = objAt(objAt(objAt(params.settings.values, 'global'), 'proxy'), 'holdApplicationUntilProxyStarts');
  const hold = wrapperTrue(holdFromMesh) || wrapperTrue(holdFromValues);
  pod.spec.containers = modifyContainers(containersOf(pod), PROXY_CONTAINER, hold ? 'first' : 'last');
  let inits = initContainersOf(pod);
  if (hasContainer(inits, PROXY_CONTAINER)) {
    inits = modifyContainers(inits, ENABLE_CORE_DUMP_CONTAINER, 'first');
    inits = modifyContainers(inits, PROXY_CONTAINER, 'first');
    inits = modifyContainers(inits, VALIDATION_CONTAINER, 'first');
    inits = modifyContainers(inits, INIT_CONTAINER, 'first');
  } else {
    inits = modifyContainers(inits, VALIDATION_CONTAINER, 'first');
    inits = modifyContainers(inits, INIT_CONTAINER, 'last');
    inits = modifyContainers(inits, ENABLE_CORE_DUMP_CONTAINER, 'last');
  }
  setContainerList(pod, 'initContainers', inits);
}

/** A BoolValue as protojson (`true`) or as a values entry (`true`, or `{value: true}`). */
function wrapperTrue(v: unknown): boolean {
  return v === true || (isObject(v) && v.value === true);
}
