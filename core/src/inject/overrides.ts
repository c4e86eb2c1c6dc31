/**
 * Users customise injected containers by defining them in the pod (`istio-proxy` with `image: auto` …): their
 * fields win over the template's, and are recorded in an annotation so re-injection can apply them again.
 */
import { TypedDecodeError, toTypedJson } from '../k8s/typed-json';
import { AS_BUILT, goJsonMarshal } from '../go/json';
import { goJsonParse } from '../go/json-decode';
import { typedJson } from './go-data';
import { JsonObject, deepClone, findContainer, isObject, objAt, parseJsonObject, strAt } from './json-access';
import { applyOverlay, messageOf } from './overlay';
import {
  INIT_CONTAINER, VALIDATION_CONTAINER, type PodJson, containersOf, ensureAnnotations, findContainerInPod, findSidecar,
  initContainersOf, setContainerList, stringAnnotations,
} from './pod';
import { STATUS_ANNOTATION } from './status';

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
  const list = parseJsonObject(value)?.[key];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
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
    ensureAnnotations(final)[OVERRIDES_ANNOTATION] = goJsonMarshal(value, AS_BUILT);
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
