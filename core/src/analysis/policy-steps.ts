/**
 * Istio's injectRequired as a list of checks, in its order, with the one that decides: what the core's policy
 * (core/src/inject/policy.ts) computes, told step by step. Pure.
 */
import { IGNORED_NAMESPACES, SIDECAR_INJECT, selectorMatches, type PolicyConfig } from '../inject/policy';
import type { JsonObject } from '../inject/json-access';
import { stringMap } from '../inject/json-access';
import type { LabelSelector } from '../inject/types';

/** One check of the policy: what it looked at in this pod and what it did. */
export interface PolicyStep {
  check: string;
  found: string;
  /** 'inject' / 'skip': this check decided; 'continue': it did not apply. */
  effect: 'inject' | 'skip' | 'continue';
}

export interface PolicyVerdict {
  inject: boolean;
  steps: PolicyStep[];
  /** One sentence: why (the deciding check). */
  because: string;
}

const code = (s: string) => `\`${s}\``;

/**
 * The decision for a pod with this spec and metadata in `namespace` ("" = none known) under `policy`. The result's
 * `inject` equals injectRequired(policy, spec, { ...metadata, namespace }); `kubeInject` only words the steps for
 * kube-inject's fixed policy.
 */
export function policyVerdict(policy: PolicyConfig, spec: JsonObject, metadata: JsonObject, namespace: string, kubeInject = false): PolicyVerdict {
  const steps: PolicyStep[] = [];
  const decide = (inject: boolean, step: Omit<PolicyStep, 'effect'>, because: string): PolicyVerdict => {
    steps.push({ ...step, effect: inject ? 'inject' : 'skip' });
    return { inject, steps, because };
  };
  if (spec.hostNetwork === true) {
    return decide(false, { check: 'host networking', found: '`hostNetwork: true`' }, 'the pod uses host networking: a sidecar\'s iptables rules would change the node\'s routing');
  }
  steps.push({ check: 'host networking', found: 'not used', effect: 'continue' });

  const nsCheck = `ignored namespaces (${IGNORED_NAMESPACES.join(', ')})`;
  if (IGNORED_NAMESPACES.includes(namespace)) {
    return decide(false, { check: nsCheck, found: `namespace ${code(namespace)}` }, `Istio never injects into the system namespace ${code(namespace)}`);
  }
  steps.push({ check: nsCheck, found: namespace ? `namespace ${code(namespace)}` : kubeInject ? 'none in the pod (template) metadata' : 'unknown', effect: 'continue' });

  const labels = stringMap(metadata, 'labels');
  const annotations = stringMap(metadata, 'annotations');
  const fromLabel = Object.prototype.hasOwnProperty.call(labels, SIDECAR_INJECT);
  const value = fromLabel ? labels[SIDECAR_INJECT] : annotations[SIDECAR_INJECT] ?? '';
  const where = fromLabel ? 'label' : 'annotation';
  const injectCheck = `${code(SIDECAR_INJECT)} label, else annotation`;
  let explicit: boolean | undefined;
  if (value === 'true' || value === 'false') {
    explicit = value === 'true';
    steps.push({ check: injectCheck, found: `${where} ${code(`"${value}"`)}`, effect: explicit ? 'inject' : 'skip' });
  } else {
    const found = value === '' ? (fromLabel ? 'empty label' : 'absent') : `${where} ${code(`"${value}"`)}: neither "true" nor "false", so the policy decides`;
    steps.push({ check: injectCheck, found, effect: 'continue' });
  }

  let bySelector: { inject: boolean; index: number; selector: LabelSelector } | undefined;
  if (explicit === undefined) {
    const never = matching(policy.neverInjectSelector, labels);
    const always = never === undefined ? matching(policy.alwaysInjectSelector, labels) : undefined;
    if (never !== undefined) bySelector = { inject: false, index: never, selector: policy.neverInjectSelector[never] };
    else if (always !== undefined) bySelector = { inject: true, index: always, selector: policy.alwaysInjectSelector[always] };
  }
  const selectorCheck = 'neverInjectSelector, then alwaysInjectSelector (pod labels)';
  if (explicit !== undefined) steps.push({ check: selectorCheck, found: `not consulted: the ${where} decides`, effect: 'continue' });
  else if (bySelector) {
    const list = bySelector.inject ? 'alwaysInjectSelector' : 'neverInjectSelector';
    steps.push({ check: selectorCheck, found: `${list}[${bySelector.index}] ${code(JSON.stringify(bySelector.selector))} matches`, effect: bySelector.inject ? 'inject' : 'skip' });
  } else steps.push({ check: selectorCheck, found: kubeInject ? 'kube-inject ignores them' : selectorCount(policy), effect: 'continue' });

  const decided = explicit ?? bySelector?.inject;
  const policyName = String(policy.policy);
  const policyFound = (text: string) => (kubeInject ? `${text} (kube-inject's; it ignores the injector config's)` : text);
  if (policyName !== 'enabled' && policyName !== 'disabled') {
    return decide(false, { check: 'policy', found: code(policyName) }, `the injector policy ${code(policyName)} is neither "enabled" nor "disabled", which turns injection off`);
  }
  if (decided !== undefined) {
    steps.push({ check: 'policy', found: policyFound(`${code(policyName)}: not consulted`), effect: 'continue' });
    const because = explicit !== undefined
      ? `the pod's ${code(SIDECAR_INJECT)} ${where} is "${value}"`
      : `the pod's labels match ${bySelector?.inject ? 'alwaysInjectSelector' : 'neverInjectSelector'}[${bySelector?.index}]`;
    return { inject: decided, steps, because };
  }
  const on = policyName === 'enabled';
  return decide(on, { check: 'policy', found: policyFound(code(policyName)) }, `nothing in the pod decides, so the policy ${code(policyName)} does`);
}

function matching(selectors: LabelSelector[], labels: Record<string, string>): number | undefined {
  const i = selectors.findIndex((s) => selectorMatches(s, labels));
  return i < 0 ? undefined : i;
}

function selectorCount(policy: PolicyConfig): string {
  const n = policy.neverInjectSelector.length + policy.alwaysInjectSelector.length;
  return n === 0 ? 'none configured' : `none of ${n} matches`;
}
