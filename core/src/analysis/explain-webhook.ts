/** The "in a cluster" part of the explanation: namespace labels, the webhooks' selectors, the injector's policy. */
import { objAt, stringMap } from '../inject/json-access';
import type { InjectionSettings, KubeObject } from '../inject/types';
import { webhookConfigurations, type ExplainContext, type WebhookDecision } from './explain-decision';
import type { PolicyVerdict } from './policy-steps';
import { checkInjectWebhooks, type WebhookCheck } from './webhook-selectors';

const LABEL_HINT = '`istio-injection=enabled` or `istio.io/rev=<revision>` on the namespace, or `sidecar.istio.io/inject="true"` on the pod';

/** Markdown lines; `namespace` is the pod's namespace ("" when the manifest does not say). */
export function webhookMarkdown(w: WebhookDecision, namespace: string, policy: string, revision: string): string[] {
  const verdict = w.inject ? 'would inject' : 'would not inject';
  const unknownNamespace = !w.namespace && w.source === 'install';
  const headline = unknownNamespace
    ? `**In a cluster (the injection webhook): ${verdict}, if the namespace has no Istio labels.**`
    : `**In a cluster (the injection webhook): ${verdict}.**`;
  const lines = [headline, '', 'kube-inject injects regardless of namespace labels; the webhook is only called when a webhook\'s namespace and object selectors match, and then applies the injector\'s own policy.', ''];
  lines.push(`- ${namespaceLine(w, namespace)}`);
  const whose = w.source === 'cluster' ? 'from the cluster' : `an install of revision \`${revision || 'default'}\` creates`;
  lines.push(`- Webhooks ${whose} (as \`istioctl x check-inject\` reads them):`);
  lines.push(...checkTable(w.check));
  if (!w.called) lines.push(`- No webhook is called, so the pod is created without a sidecar. To have it injected, use ${LABEL_HINT}.`);
  else lines.push(`- Then the injector's policy (\`${policy}\`, with its neverInjectSelector/alwaysInjectSelector): ${policyText(w.policy)}.`);
  return lines;
}

function namespaceLine(w: WebhookDecision, namespace: string): string {
  if (w.namespace) {
    const labels = Object.entries(w.namespace.labels).map(([k, v]) => `\`${k}=${v}\``).join(', ') || 'none';
    return `Namespace \`${w.namespace.name}\` (labels from ${w.namespace.source}): ${labels}.`;
  }
  if (!namespace) return 'The manifest names no namespace: the pod lands in the one it is applied to, whose labels are unknown here (evaluated as having none).';
  return `Namespace \`${namespace}\`: its labels are unknown here (no Namespace document in this file, no cluster), so it is evaluated as having none.`;
}

function policyText(v: PolicyVerdict): string {
  const deciding = v.steps.find((s) => s.effect !== 'continue');
  return `${v.inject ? 'injects' : 'skips'}, because ${v.because}${deciding && deciding.check !== 'policy' ? ` (${deciding.check})` : ''}`;
}

/** check-inject's table (indented under a list item) and its error. */
function checkTable(check: WebhookCheck): string[] {
  const lines = ['', '  | webhook | revision | injects | reason |', '  |---|---|---|---|'];
  for (const v of check.verdicts) lines.push(`  | ${v.name} | ${v.revision} | ${v.injected ? '✔' : '✘'} | ${v.reason} |`);
  lines.push('');
  if (check.error) lines.push(`- ⚠ ${check.error}`);
  return lines;
}

/** On a Namespace: which webhooks its labels select for pods without Istio labels of their own. */
export function namespaceMarkdown(namespace: KubeObject, settings: InjectionSettings, context: ExplainContext): string[] {
  const metadata = objAt(namespace, 'metadata') ?? {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const labels = { ...(name ? { 'kubernetes.io/metadata.name': name } : {}), ...stringMap(metadata, 'labels') };
  const check = checkInjectWebhooks(webhookConfigurations(settings, context), {}, labels);
  const verdict = check.verdicts.some((v) => v.injected) ? 'the injection webhook is called' : 'no injection webhook is called';
  return [
    `**In a cluster**: for pods created in ${name ? `\`${name}\`` : 'this namespace'} without Istio labels of their own, ${verdict} (labels: ${Object.entries(labels).map(([k, v]) => `\`${k}=${v}\``).join(', ')}):`,
    ...checkTable(check),
    `- Pods can still opt in or out with the \`sidecar.istio.io/inject\` label; \`istio-injection=disabled\` turns injection off for the whole namespace.`,
  ];
}
