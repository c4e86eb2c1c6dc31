/** Running the selected injection templates and merging their output into the pod (Istio's RunTemplate). */
import { meshForPod } from '../config/proxy-config';
import { yamlToJson } from '../config/yaml-json';
import { quoteGo } from '../go/quote';
import { trimSpace } from '../go/strings';
import type { GoStruct } from '../template/value';
import { isObject, objAt, strAt, type JsonObject } from './json-access';
import { PROXY_CONTAINER, type PodJson, containersOf, findContainerInPod, initContainersOf, moveContainer, setContainerList, stringAnnotations } from './pod';
import { applyOverlay, messageOf, typedPod } from './overlay';
import { reinsertOverrides } from './overrides';
import { stripPod } from './strip';
import { sidecarTemplateData } from './template-data';
import type { InjectionSettings } from './types';
import { validateAnnotations } from './validate';
import type { RenderMemo } from './memo';

/** A parsed template, ready to run. */
export interface CompiledTemplate {
  execute(data: GoStruct): string;
}

/** What one injection needs besides the pod (Istio's InjectionParameters as kube-inject fills them). */
export interface InjectionParams {
  pod: PodJson;
  typeMeta: { kind: string; apiVersion: string };
  deployMeta: { name: string; namespace: string };
  settings: InjectionSettings;
  templates: ReadonlyMap<string, CompiledTemplate>;
  /** Template names used when the pod does not pick its own (kube-inject: ["sidecar"]). */
  defaultTemplates: string[];
  aliases: Record<string, string[]>;
  /** Annotations added after injection (the webhook's injectedAnnotations; kube-inject: none). */
  injectedAnnotations: Record<string, string>;
  /** The mesh config with the pod's `proxy.istio.io/config` applied. */
  mesh: JsonObject;
  proxyConfig: JsonObject;
  nativeSidecar: boolean;
  /** Env vars forced onto istio-proxy (ISTIO_META_CLUSTER_ID, ISTIO_META_NETWORK), filled by runTemplates. */
  proxyEnvs: Map<string, string>;
  /** The injector's decoded template outputs, reused when the templates print a text seen before. */
  renders?: RenderMemo;
}

export const TEMPLATES_ANNOTATION = 'inject.istio.io/templates';
export const NATIVE_SIDECAR_ANNOTATION = 'sidecar.istio.io/nativeSidecar';
const NETWORK_LABEL = 'topology.istio.io/network';

/** The mesh and ProxyConfig a pod is injected with. */
export function meshAndProxyConfig(mesh: JsonObject, annotations: Record<string, string>): { mesh: JsonObject; proxyConfig: JsonObject } {
  const podMesh = meshForPod(mesh, annotations);
  const pc = podMesh.defaultConfig;
  return { mesh: podMesh, proxyConfig: isObject(pc) ? pc : {} };
}

/** Template names for the pod: its `inject.istio.io/templates` annotation or the defaults, with aliases expanded. */
export function selectTemplates(pod: PodJson, defaults: string[], aliases: Record<string, string[]>): string[] {
  const annotation = stringAnnotations(pod)[TEMPLATES_ANNOTATION];
  const names = annotation !== undefined ? annotation.split(',').map(trimSpace) : defaults;
  return names.flatMap((n) => (Object.prototype.hasOwnProperty.call(aliases, n) ? aliases[n] : [n]));
}

/**
 * Renders the templates for the pod. Returns the original pod with every template merged in, and the pod made of
 * the template output alone (it tells what injection added). Throws Error with Istio's texts.
 */
export function runTemplates(params: InjectionParams): { merged: PodJson; templatePod: PodJson } {
  const { pod, settings } = params;
  const invalid = validateAnnotations(stringAnnotations(pod));
  if (invalid !== undefined) throw new Error(invalid);

  const global = objAt(settings.values, 'global') ?? {};
  const cluster = strAt(objAt(global, 'multiCluster'), 'clusterName');
  let network = strAt(global, 'network');
  const labels = objAt(pod.metadata, 'labels');
  if (labels && typeof labels[NETWORK_LABEL] === 'string') network = labels[NETWORK_LABEL] as string;
  if (cluster !== '') params.proxyEnvs.set('ISTIO_META_CLUSTER_ID', cluster);
  if (network !== '') params.proxyEnvs.set('ISTIO_META_NETWORK', network);

  const statusPort = Number(params.proxyConfig.statusPort ?? 0);
  const stripped = reinsertOverrides(stripPod(pod, statusPort));
  const data = sidecarTemplateData({
    typeMeta: params.typeMeta,
    deployMeta: params.deployMeta,
    pod: stripped,
    proxyConfig: params.proxyConfig,
    mesh: params.mesh,
    values: settings.values,
    revision: settings.revision,
    nativeSidecars: params.nativeSidecar,
    proxyUID: settings.proxyUID,
    proxyGID: settings.proxyGID,
    compliancePolicy: settings.compliancePolicy,
  });

  // Every merge below returns fresh objects; only the container move edits `merged` in place, on a shallow copy.
  let merged: PodJson = { metadata: pod.metadata, spec: { ...pod.spec } };
  let templatePod: PodJson = { metadata: {}, spec: {} };
  let printed = '';
  for (const name of selectTemplates(pod, params.defaultTemplates, params.aliases)) {
    const tmpl = params.templates.get(name);
    if (!tmpl) throw new Error(`requested template ${quoteGo(name)} not found; have ${[...params.templates.keys()].sort().join(', ')}`);
    const text = tmpl.execute(data);
    printed += `${name}\u0000${text}\u0000`;
    const known = params.renders?.get(printed);
    let patch: JsonObject;
    if (known) ({ patch, templatePod } = known);
    else {
      ({ patch, templatePod } = decodeRender(text, templatePod));
      params.renders?.set(printed, { patch, templatePod });
    }
    // A user-customised istio-proxy sits in `containers`; with native sidecars the template puts it in
    // `initContainers`, so move the user's container there before merging.
    let native = params.nativeSidecar;
    const nativeAnnotation = stringAnnotations(merged)[NATIVE_SIDECAR_ANNOTATION];
    if (nativeAnnotation === 'true') native = true;
    else if (nativeAnnotation === 'false') native = false;
    if (native && findContainerInPod(PROXY_CONTAINER, { metadata: {}, spec: { initContainers: templatePod.spec.initContainers } }) &&
      containersOf(merged).some((c) => c.name === PROXY_CONTAINER)) {
      const [containers, inits] = moveContainer(containersOf(merged), initContainersOf(merged), PROXY_CONTAINER);
      merged.spec.containers = containers;
      setContainerList(merged, 'initContainers', inits);
    }
    try {
      merged = applyOverlay(merged, patch); // the same patch decoded into the same type: no new decode errors
    } catch (e) {
      throw new Error(`failed parsing generated injected YAML (check Istio sidecar injector configuration): ${messageOf(e)}`);
    }
  }
  return { merged, templatePod };
}

/** A template's printed text decoded and merged into the template pod so far, type-checked as Istio does. */
function decodeRender(text: string, templatePod: PodJson): { patch: JsonObject; templatePod: PodJson } {
  // Istio decodes the output twice (once per merge in runTemplates); decoding once gives the same patch. A text that
  // is not a YAML mapping is apimachinery's "invalid JSON document" for both merges.
  let patch: unknown = undefined;
  try {
    patch = yamlToJson(text) ?? {};
  } catch {
    patch = undefined;
  }
  if (!isObject(patch)) throw new Error('failed applying injection overlay: strategic merge: invalid JSON document');
  try {
    return { patch, templatePod: typedPod(applyOverlay(templatePod, patch)) };
  } catch (e) {
    throw new Error(`failed applying injection overlay: ${messageOf(e)}`);
  }
}
