/** Whether a pod gets a sidecar: Istio's injectRequired. */
import type { InjectorConfig, LabelSelector } from './types';
import { JsonObject, boolAt, stringMap } from './json-access';

/** Kubernetes system namespaces Istio never injects into. */
export const IGNORED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

export const SIDECAR_INJECT = 'sidecar.istio.io/inject';

export interface PolicyConfig {
  policy: InjectorConfig['policy'] | string;
  neverInjectSelector: LabelSelector[];
  alwaysInjectSelector: LabelSelector[];
}

/** kube-inject checks with policy "enabled" and no selectors, whatever the injector config says. */
export const KUBE_INJECT_POLICY: PolicyConfig = { policy: 'enabled', neverInjectSelector: [], alwaysInjectSelector: [] };

/**
 * Whether injection is required for a pod with this metadata and spec. The `sidecar.istio.io/inject` label wins over
 * the annotation of the same name; values other than "true"/"false" fall back to the policy.
 */
export function injectRequired(config: PolicyConfig, spec: JsonObject, metadata: JsonObject, ignored = IGNORED_NAMESPACES): boolean {
  if (boolAt(spec, 'hostNetwork')) return false;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  if (ignored.includes(namespace)) return false;

  const labels = stringMap(metadata, 'labels');
  const annotations = stringMap(metadata, 'annotations');
  let selector = annotations[SIDECAR_INJECT] ?? '';
  if (Object.prototype.hasOwnProperty.call(labels, SIDECAR_INJECT)) selector = labels[SIDECAR_INJECT];

  let useDefault = false;
  let inject = false;
  if (selector === 'true') inject = true;
  else if (selector !== 'false') useDefault = true;

  if (useDefault && config.neverInjectSelector.some((s) => selectorMatches(s, labels))) {
    inject = false;
    useDefault = false;
  }
  if (useDefault && config.alwaysInjectSelector.some((s) => selectorMatches(s, labels))) {
    inject = true;
    useDefault = false;
  }
  if (config.policy === 'disabled') return useDefault ? false : inject;
  if (config.policy === 'enabled') return useDefault ? true : inject;
  return false; // an unknown policy disables injection
}

/** metav1.LabelSelector semantics; an empty or invalid selector matches nothing here (Istio skips those). */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push((l) => has(l, k) && l[k] === v);
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (values.length === 0) return false;
        reqs.push((l) => has(l, e.key) && values.includes(l[e.key]));
        break;
      case 'NotIn':
        if (values.length === 0) return false;
        reqs.push((l) => !has(l, e.key) || !values.includes(l[e.key]));
        break;
      case 'Exists':
        if (values.length > 0) return false;
        reqs.push((l) => has(l, e.key));
        break;
      case 'DoesNotExist':
        if (values.length > 0) return false;
        reqs.push((l) => !has(l, e.key));
        break;
      default:
        return false;
    }
  }
  return reqs.length > 0 && reqs.every((r) => r(labels));
}

function has(m: Record<string, string>, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, k);
}
