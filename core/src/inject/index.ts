/**
 * The injection pipeline: what `istioctl kube-inject` does to one Kubernetes object.
 *
 * Order (Istio's IntoObject → injectPod): locate the pod → hostNetwork skip → pod ProxyConfig → injectRequired →
 * strip a previous injection → run templates and strategic-merge them → re-apply user container overrides →
 * post-process (cluster env, Prometheus merge, probe rewriting, status annotation, container order) → write back.
 */
import { UNMARSHAL_PREFIX } from '../config/injector-config';
import { rootTypeFor } from '../k8s/schema';
import { typedDecodeError as typedDecodeErrorOf } from '../k8s/typed-json';
import { compileTemplates } from './compile';
import { quoteGo } from '../go/quote';
import { isObject, strAt } from './json-access';
import { IGNORED_NAMESPACES, KUBE_INJECT_POLICY, injectRequired } from './policy';
import { type PodJson, stringAnnotations } from './pod';
import { reapplyOverwrittenContainers } from './overrides';
import { postProcessPod } from './postprocess';
import { messageOf } from './overlay';
import { type CompiledTemplate, type InjectionParams, meshAndProxyConfig, runTemplates } from './render';
import { uninjectPod } from './uninject';
import type { InjectionSettings, KubeObject, ObjectResult } from './types';
import { locatePod } from './workload';
import { InjectionMemo, RenderMemo } from './memo';

export type { InjectionSettings, KubeObject, ObjectResult, Outcome, InjectorConfig } from './types';

/** How closely to follow istioctl kube-inject versus the cluster's injection webhook. */
export interface InjectorOptions {
  /**
   * Honour the injector config like the webhook does: its `policy`, never/alwaysInjectSelector, defaultTemplates,
   * aliases and injectedAnnotations. Off by default: kube-inject ignores them (policy "enabled", template "sidecar").
   */
  webhookPolicy?: boolean;
}

/** Injects Kubernetes objects with one configuration; made by createInjector. */
export interface Injector {
  /** Injects one object (a List: each item). Pure; never throws: failures come back as an `error` outcome. */
  inject(obj: KubeObject): ObjectResult;
}

/** An injector for these settings; templates are parsed once here. */
export function createInjector(settings: InjectionSettings, options: InjectorOptions = {}): Injector {
  const compiled = compileTemplates(settings.config.templates);
  const ctx: Context = { settings, templates: compiled.templates, webhook: options.webhookPolicy === true, memo: new InjectionMemo(), renders: new RenderMemo() };
  const inject = (obj: KubeObject): ObjectResult => {
    if (compiled.error !== undefined) return { outcome: { kind: 'error', message: compiled.error }, object: obj, warnings: [] };
    try {
      return injectObject(obj, ctx);
    } catch (e) {
      return { outcome: { kind: 'error', message: messageOf(e) }, object: obj, warnings: [] };
    }
  };
  return { inject };
}

interface Context {
  settings: InjectionSettings;
  templates: ReadonlyMap<string, CompiledTemplate>;
  webhook: boolean;
  /** Injected pods by their input: re-injecting a workload whose pod did not change skips the templates. */
  memo: InjectionMemo;
  renders: RenderMemo;
}

function injectObject(obj: KubeObject, ctx: Context): ObjectResult {
  const { settings, templates, webhook } = ctx;
  if (strAt(obj, 'kind') === 'List') return injectList(obj, ctx);
  const decodeError = typedDecodeError(obj);
  if (decodeError !== undefined) return { outcome: { kind: 'error', message: decodeError }, object: obj, warnings: [] };
  const located = locatePod(obj);
  if (!located.ok) {
    if ('error' in located) return { outcome: { kind: 'error', message: located.error }, object: obj, warnings: [] };
    return { outcome: { kind: 'unchanged', reason: located.unchanged }, object: obj, warnings: [] };
  }
  const { pod, typeMeta, deployMeta, writeBack } = located.target;
  const name = strAt(pod.metadata, 'name') || deployMeta.name;
  const fullName = deployMeta.namespace !== '' ? `${deployMeta.namespace}/${name}` : name;
  const who = typeMeta.kind !== '' ? `${typeMeta.kind} ${quoteGo(fullName)}` : quoteGo(fullName);

  if (pod.spec.hostNetwork === true) {
    const warning = `===> Skipping injection because ${who} has host networking enabled\n`;
    return { outcome: { kind: 'skipped', reason: 'host networking is enabled' }, object: obj, warnings: [warning] };
  }
  const { mesh, proxyConfig } = meshAndProxyConfig(settings.mesh, stringAnnotations(pod));
  const policy = webhook ? settings.config : KUBE_INJECT_POLICY;
  if (!injectRequired(policy, pod.spec, pod.metadata, IGNORED_NAMESPACES)) {
    const warning = `===> Skipping injection because ${who} has sidecar injection disabled\n`;
    return { outcome: { kind: 'skipped', reason: 'sidecar injection is disabled for this pod' }, object: obj, warnings: [warning] };
  }
  const params: InjectionParams = {
    pod,
    typeMeta,
    deployMeta,
    settings,
    templates,
    defaultTemplates: webhook && settings.config.defaultTemplates.length > 0 ? settings.config.defaultTemplates : ['sidecar'],
    aliases: webhook ? settings.config.aliases : {},
    injectedAnnotations: webhook ? settings.config.injectedAnnotations : {},
    mesh,
    proxyConfig,
    nativeSidecar: settings.nativeSidecars,
    proxyEnvs: new Map(),
    renders: ctx.renders,
  };
  const key = ctx.memo.keyOf(located.target);
  let injected = key === undefined ? undefined : ctx.memo.get(key);
  if (!injected) {
    injected = injectPod(params);
    if (key !== undefined) ctx.memo.set(key, injected);
  }
  return { outcome: { kind: 'injected' }, object: writeBack(injected), warnings: [] };
}

/** istioctl decodes each object into its Go type first; values that type rejects fail the document. */
function typedDecodeError(obj: KubeObject): string | undefined {
  const root = rootTypeFor(strAt(obj, 'apiVersion'), strAt(obj, 'kind'));
  if (root === undefined) return undefined;
  let error: Error | undefined;
  try {
    // A check-only walk: the typed JSON itself is not needed here.
    error = typedDecodeErrorOf(root, obj);
  } catch {
    return undefined;
  }
  return error && `${UNMARSHAL_PREFIX}${error.message}`;
}

function injectList(list: KubeObject, ctx: Context): ObjectResult {
  const items = Array.isArray(list.items) ? list.items : [];
  const warnings: string[] = [];
  let injectedAny = false;
  const out: unknown[] = [];
  for (const item of items) {
    if (!isObject(item)) {
      out.push(item);
      continue;
    }
    const r = injectObject(item, ctx);
    if (r.outcome.kind === 'error') return { outcome: r.outcome, object: list, warnings: [...warnings, ...r.warnings] };
    if (r.outcome.kind === 'injected') injectedAny = true;
    warnings.push(...r.warnings);
    out.push(r.object);
  }
  const object = { ...list, items: out };
  return injectedAny
    ? { outcome: { kind: 'injected' }, object, warnings }
    : { outcome: { kind: 'unchanged', reason: 'no item of the List was injected' }, object, warnings };
}

/** Istio's injectPod for kube-inject: the injected pod, or an Error with Istio's wording. */
function injectPod(params: InjectionParams): PodJson {
  let merged: PodJson;
  let templatePod: PodJson;
  try {
    ({ merged, templatePod } = runTemplates(params));
  } catch (e) {
    throw new Error(`failed to run injection template: ${messageOf(e)}`);
  }
  try {
    merged = reapplyOverwrittenContainers(merged, params.pod, templatePod, params.proxyConfig);
  } catch (e) {
    throw new Error(`failed to re apply container: ${messageOf(e)}`);
  }
  try {
    postProcessPod(merged, templatePod, params);
  } catch (e) {
    throw new Error(`failed to process pod: ${messageOf(e)}`);
  }
  return merged;
}

/**
 * Removes a previous injection using the object's `sidecar.istio.io/status` annotation: the injected containers,
 * init containers, volumes and pull secrets, and the annotation. Objects without it come back unchanged.
 */
export function removeInjection(obj: KubeObject): ObjectResult {
  try {
    if (strAt(obj, 'kind') === 'List') {
      const items = Array.isArray(obj.items) ? obj.items : [];
      const results = items.map((i) => (isObject(i) ? removeInjection(i) : undefined));
      const changed = results.some((r) => r?.outcome.kind === 'removed');
      const object = { ...obj, items: items.map((i, n) => results[n]?.object ?? i) };
      return changed
        ? { outcome: { kind: 'removed' }, object, warnings: [] }
        : { outcome: { kind: 'unchanged', reason: 'no item of the List carries an injection' }, object: obj, warnings: [] };
    }
    const located = locatePod(obj);
    if (!located.ok) {
      const reason = 'error' in located ? located.error : located.unchanged;
      return { outcome: { kind: 'unchanged', reason }, object: obj, warnings: [] };
    }
    const stripped = uninjectPod(located.target.pod, located.target.deployMeta.name);
    if (!stripped) return { outcome: { kind: 'unchanged', reason: 'not injected: no valid sidecar.istio.io/status annotation' }, object: obj, warnings: [] };
    return { outcome: { kind: 'removed' }, object: located.target.writeBack(stripped), warnings: [] };
  } catch (e) {
    return { outcome: { kind: 'error', message: messageOf(e) }, object: obj, warnings: [] };
  }
}
