/**
 * What injection does to the merged pod after the templates ran: user overrides of injected containers, proxy env
 * fixes, Prometheus merge, probe rewriting, the status annotation and container order (Istio's injectPod steps).
 */
import { dumpAppProbers, mergeOrAppendProbers, rewriteProbes, shouldRewriteAppHTTPProbers } from './app-probe';
import { TypedDecodeError, toTypedJson } from '../k8s/typed-json';
import { goJson } from './go-json';
import { goJsonParse } from './go-json-decode';
import { typedJson } from './go-data';
import { JsonObject, deepClone, findContainer, isObject, objAt, strAt } from './json-access';
import {
  ENABLE_CORE_DUMP_CONTAINER, INIT_CONTAINER, PROXY_CONTAINER, VALIDATION_CONTAINER, type PodJson,
  containersOf, ensureAnnotations, ensureLabels, findContainerInPod, findSidecar, hasContainer, initContainersOf,
  modifyContainers, setContainerList, stringAnnotations,
} from './pod';
import { applyPrometheusMerge, applySecurePrometheusAnnotation } from './prometheus';
import type { InjectionParams } from './render';
import { applyOverlay, messageOf } from './render';
import { STATUS_ANNOTATION, injectionStatusValue } from './status';

export const OVERRIDES_ANNOTATION = 'proxy.istio.io/overrides';
const AUTO_IMAGE = 'auto';

interface Overrides {
  containers: JsonObject[];
  initContainers: JsonObject[];
}

/**
 * Decodes the overrides annotation like Go's json.Unmarshal into Istio's overrides struct (`inject.podOverrides`),
 * throwing Go's error text for malformed JSON or values of the wrong type.
 */
function parseOverrides(value: string | undefined): Overrides {
  if (value === undefined) return { containers: [], initContainers: [] };
  const raw = goJsonParse(value);
  if (raw === null) return { containers: [], initContainers: [] };
  if (!isObject(raw)) throw new Error(`json: cannot unmarshal ${jsonKind(raw)} into Go value of type inject.podOverrides`);
  const list = (key: 'containers' | 'initContainers'): JsonObject[] => {
    const v = raw[key];
    if (v === undefined || v === null) return [];
    const where = `Go struct field podOverrides.${key}`;
    if (!Array.isArray(v)) throw new Error(`json: cannot unmarshal ${jsonKind(v)} into ${where} of type []v1.Container`);
    return v.map((c) => {
      if (c === null) return {};
      if (!isObject(c)) throw new Error(`json: cannot unmarshal ${jsonKind(c)} into ${where} of type v1.Container`);
      try {
        toTypedJson('v1.Container', c);
      } catch (e) {
        if (e instanceof TypedDecodeError) throw new Error(e.message.replace('Go struct field Container.', `${where}.`));
      }
      return c;
    });
  };
  return { containers: list('containers'), initContainers: list('initContainers') };
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return typeof v === 'string' ? 'string' : 'object';
}

/** Puts back user overrides of injected containers that stripping removed, so templates see the same pod again. */
export function reinsertOverrides(pod: PodJson): PodJson {
  const overrides = parseOverrides(stringAnnotations(pod)[OVERRIDES_ANNOTATION]);
  if (overrides.containers.length === 0 && overrides.initContainers.length === 0) return pod;
  const out: PodJson = { metadata: pod.metadata, spec: deepClone(pod.spec) };
  const containers = containersOf(out);
  for (const c of overrides.containers) if (!findContainer(strAt(c, 'name'), containers)) containers.push(c);
  out.spec.containers = containers;
  const inits = initContainersOf(out);
  for (const c of overrides.initContainers) if (!findContainer(strAt(c, 'name'), inits)) inits.push(c);
  setContainerList(out, 'initContainers', inits);
  return out;
}

/** Names from the status annotation, read leniently (Istio's parseStatus). */
function statusNames(value: string, key: string): string[] {
  try {
    const raw: unknown = JSON.parse(value);
    const list = isObject(raw) ? raw[key] : undefined;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A user may define istio-proxy (or another injected container) in the pod to customise it: the user's fields win
 * over the template's. Overrides are recorded in an annotation so re-injection can apply them again.
 */
export function reapplyOverwrittenContainers(final: PodJson, original: PodJson, templatePod: PodJson, proxyConfig: JsonObject): PodJson {
  const annotations = stringAnnotations(original);
  const existing = parseOverrides(annotations[OVERRIDES_ANNOTATION]);
  const status = annotations[STATUS_ANNOTATION];
  const alreadyInjected = status !== undefined;
  const injectedContainers = alreadyInjected ? statusNames(status, 'containers') : [];
  const injectedInits = alreadyInjected ? statusNames(status, 'initContainers') : [];
  const recorded: Overrides = { containers: [], initContainers: [] };

  const overlayOf = (match: JsonObject): JsonObject => {
    const overlay = typedJson(deepClone(match), 'v1.Container') as JsonObject;
    if (overlay.image === AUTO_IMAGE) delete overlay.image; // "auto": keep the injected image
    return overlay;
  };
  for (const c of containersOf(templatePod)) {
    const name = strAt(c, 'name');
    if (injectedContainers.includes(name)) continue;
    const match = findContainer(name, existing.containers) ?? findContainer(name, containersOf(original));
    if (!match) continue;
    const overlay = overlayOf(match);
    recorded.containers.push(overlay);
    try {
      final = applyOverlay(final, { spec: { containers: [overlay] } });
    } catch (e) {
      throw new Error(`failed to apply sidecar container: ${messageOf(e)}`);
    }
  }
  for (const c of initContainersOf(templatePod)) {
    const name = strAt(c, 'name');
    if (injectedInits.includes(name)) continue;
    const match = findContainer(name, existing.initContainers) ?? findContainerInPod(name, original);
    if (!match) continue;
    const overlay = overlayOf(match);
    recorded.initContainers.push(overlay);
    try {
      final = applyOverlay(final, { spec: { initContainers: [overlay] } });
    } catch (e) {
      throw new Error(`failed to apply sidecar init container: ${messageOf(e)}`);
    }
  }
  if (!alreadyInjected && (recorded.containers.length > 0 || recorded.initContainers.length > 0)) {
    const value: JsonObject = {};
    if (recorded.containers.length > 0) value.containers = recorded.containers;
    if (recorded.initContainers.length > 0) value.initContainers = recorded.initContainers;
    ensureAnnotations(final)[OVERRIDES_ANNOTATION] = goJson(value);
  }
  adjustInitContainerUser(final, original, proxyConfig);
  return final;
}

/**
 * When the user's istio-proxy runs as another uid/gid, the iptables init (or CNI validation) container must follow:
 * its `-u` argument and, for validation, its securityContext. TPROXY requires the proxy to keep uid 0.
 */
function adjustInitContainerUser(final: PodJson, original: PodJson, proxyConfig: JsonObject): void {
  const user = findSidecar(original);
  const sc = objAt(user, 'securityContext');
  const runAsUser = sc?.runAsUser;
  const runAsGroup = sc?.runAsGroup;
  const hasUser = runAsUser !== undefined && runAsUser !== null;
  const hasGroup = runAsGroup !== undefined && runAsGroup !== null;
  if (!user || !sc || (!hasUser && !hasGroup)) return;

  const inits = initContainersOf(final);
  const init = findContainer(INIT_CONTAINER, inits) ?? findContainer(VALIDATION_CONTAINER, inits);
  if (!init) return;
  const tproxy = proxyConfig.interceptionMode === 'TPROXY' || stringAnnotations(final)['sidecar.istio.io/interceptionMode'] === 'TPROXY';
  if (tproxy && hasUser) {
    const sidecarSc = objAt(findSidecar(final), 'securityContext');
    if (sidecarSc) sidecarSc.runAsUser = 0;
  }
  if (!tproxy && init.name === VALIDATION_CONTAINER) {
    const initSc = isObject(init.securityContext) ? init.securityContext : (init.securityContext = {});
    if (hasUser) (initSc as JsonObject).runAsUser = runAsUser;
    if (hasGroup) (initSc as JsonObject).runAsGroup = runAsGroup;
  }
  if (!hasUser || runAsUser === 0) return;
  const args = Array.isArray(init.args) ? init.args : [];
  const i = args.indexOf('-u');
  if (i >= 0) args[i + 1] = String(runAsUser);
}

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
