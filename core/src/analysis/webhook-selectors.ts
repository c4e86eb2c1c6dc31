/**
 * Which of the cluster's injection webhooks would be called for a pod, the way `istioctl x check-inject` reads
 * MutatingWebhookConfigurations: each Istio configuration's namespaceSelector against the namespace's labels and
 * objectSelector against the pod's, with check-inject's reasons. Pure: the configurations arrive as JSON.
 */
import { isObject, type JsonObject } from '../inject/json-access';

type Labels = Record<string, string>;

/** The verdict for one MutatingWebhookConfiguration (check-inject's table row). */
export interface WebhookVerdict {
  name: string;
  /** Its `istio.io/rev` label ("" when absent). */
  revision: string;
  injected: boolean;
  reason: string;
}

export interface WebhookCheck {
  verdicts: WebhookVerdict[];
  /** check-inject's errors: no Istio webhook at all, or more than one that injects. */
  error?: string;
}

export const NO_WEBHOOKS = 'ERROR: no Istio injection hooks present.';
export const MULTIPLE_WEBHOOKS = 'ERROR: multiple webhooks will inject, which can lead to errors';

const INJECTION_LABEL = 'istio-injection';
const DEACTIVATED = { key: 'istio.io/deactivated', value: 'never-match' };

/**
 * Evaluates every Istio MutatingWebhookConfiguration (one with a webhook named `*istio.io`) for a pod with these
 * labels in a namespace with these labels. Verdicts are sorted by configuration name.
 *
 * One deliberate difference from istioctl: when both selectors of a webhook match without naming a label (e.g. only
 * DoesNotExist expressions), Kubernetes calls that webhook, so it counts as injecting; istioctl moves on.
 */
export function checkInjectWebhooks(configs: readonly unknown[], podLabels: Labels, namespaceLabels: Labels): WebhookCheck {
  const verdicts: WebhookVerdict[] = [];
  for (const config of configs) {
    if (!isObject(config)) continue;
    const hooks = (Array.isArray(config.webhooks) ? config.webhooks : []).filter(isObject);
    if (!hooks.some((h) => typeof h.name === 'string' && h.name.endsWith('istio.io'))) continue;
    const metadata = isObject(config.metadata) ? config.metadata : {};
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    verdicts.push({
      name: typeof metadata.name === 'string' ? metadata.name : '',
      revision: typeof labels['istio.io/rev'] === 'string' ? labels['istio.io/rev'] : '',
      ...matchStatus(hooks, podLabels, namespaceLabels),
    });
  }
  verdicts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (verdicts.length === 0) return { verdicts, error: NO_WEBHOOKS };
  return verdicts.filter((v) => v.injected).length > 1 ? { verdicts, error: MULTIPLE_WEBHOOKS } : { verdicts };
}

/** The first webhook of the configuration that decides, else why none matched. */
function matchStatus(hooks: JsonObject[], podLabels: Labels, nsLabels: Labels): { injected: boolean; reason: string } {
  for (const hook of hooks) {
    const ns = matchedSelector(hook.namespaceSelector, nsLabels);
    const pod = matchedSelector(hook.objectSelector, podLabels);
    if (ns.matched && pod.matched) {
      if (ns.label && pod.label) return { injected: true, reason: `Namespace label ${ns.label} matches, and pod label ${pod.label} matches` };
      if (ns.label) {
        const all = ns.label.includes('kubernetes.io/metadata.name') ? ' (Automatic injection is enabled in all namespaces).' : '';
        return { injected: true, reason: `Namespace label ${ns.label} matches${all}` };
      }
      if (pod.label) return { injected: true, reason: `Pod label ${pod.label} matches` };
      return { injected: true, reason: `Namespace and pod selectors of webhook ${String(hook.name)} match` };
    }
    if (ns.matched) {
      const blocked = blockingPodLabel(hook.objectSelector, podLabels);
      if (blocked) return { injected: false, reason: `Pod has ${blocked} label, preventing injection` };
    } else if (pod.matched) {
      const v = nsLabels[INJECTION_LABEL];
      if (v !== undefined && v !== 'enabled') return { injected: false, reason: `Namespace has ${INJECTION_LABEL}=${v} label, preventing injection` };
    }
  }
  return { injected: false, reason: noMatchReason(hooks) };
}

/** A pod label that a DoesNotExist or NotIn expression of the objectSelector rules out, as `key=value`. */
function blockingPodLabel(selector: unknown, podLabels: Labels): string | undefined {
  for (const e of expressionsOf(selector)) {
    if (!has(podLabels, e.key)) continue;
    const v = podLabels[e.key];
    if (e.operator === 'DoesNotExist' || (e.operator === 'NotIn' && e.values.includes(v))) return `${e.key}=${v}`;
  }
  return undefined;
}

function noMatchReason(hooks: JsonObject[]): string {
  if (hooks.some((h) => isNeverMatch(h.namespaceSelector) && isNeverMatch(h.objectSelector))) {
    return 'The injection webhook is deactivated, and will never match labels.';
  }
  const inLabels = (selector: unknown) => expressionsOf(selector).filter((e) => e.operator === 'In').flatMap((e) => e.values.map((v) => `${e.key}=${v}`));
  const ns = hooks.flatMap((h) => inLabels(h.namespaceSelector));
  const pod = hooks.flatMap((h) => inLabels(h.objectSelector));
  return `No matching namespace labels (${ns.join(', ')}) or pod labels (${pod.join(', ')})`;
}

/** The selector Istio installs to switch a webhook off. */
function isNeverMatch(selector: unknown): boolean {
  if (!isObject(selector) || expressionsOf(selector).length > 0 || !isObject(selector.matchLabels)) return false;
  const entries = Object.entries(selector.matchLabels);
  return entries.length === 1 && entries[0][0] === DEACTIVATED.key && entries[0][1] === DEACTIVATED.value;
}

interface Expression { key: string; operator: string; values: string[] }

function expressionsOf(selector: unknown): Expression[] {
  const list = isObject(selector) && Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return list.filter(isObject).map((e) => ({
    key: typeof e.key === 'string' ? e.key : '',
    operator: typeof e.operator === 'string' ? e.operator : '',
    values: Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [],
  }));
}

/**
 * Whether a webhook selector matches, and the `key=value` of the first In/NotIn expression whose key the labels
 * have. An absent selector matches everything (as the API server treats it); an invalid one matches nothing.
 */
export function matchedSelector(selector: unknown, labels: Labels): { matched: boolean; label: string } {
  if (selector === undefined || selector === null) return { matched: true, label: '' };
  if (!labelSelectorMatches(selector, labels)) return { matched: false, label: '' };
  const named = expressionsOf(selector).find((e) => (e.operator === 'In' || e.operator === 'NotIn') && has(labels, e.key));
  return { matched: true, label: named ? `${named.key}=${labels[named.key]}` : '' };
}

/**
 * Kubernetes' LabelSelector semantics (metav1.LabelSelectorAsSelector): an empty selector matches everything; an
 * expression with a wrong number of values or an unknown operator makes the selector invalid, matching nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (!has(labels, k) || labels[k] !== v) return false;
  for (const e of expressionsOf(selector)) {
    const present = has(labels, e.key);
    switch (e.operator) {
      case 'In':
      case 'NotIn': {
        if (e.values.length === 0) return false;
        const inSet = present && e.values.includes(labels[e.key]);
        if (e.operator === 'In' ? !inSet : inSet) return false;
        break;
      }
      case 'Exists':
      case 'DoesNotExist':
        if (e.values.length > 0 || present !== (e.operator === 'Exists')) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function has(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
