/**
 * "Why (not) injected" as markdown for one YAML document: kube-inject's verdict (the core's outcome) with Istio's
 * checks in order, what the cluster's webhook would do instead, the templates, the native-sidecar choice and the
 * resulting containers. Pure: the caller passes the core's outcome for the document and what it knows of the cluster.
 */
import { isObject, type JsonObject } from '../inject/json-access';
import { IGNORED_NAMESPACES } from '../inject/policy';
import type { InjectionSettings, KubeObject, Outcome } from '../inject/types';
import { isDecodedKind, podTemplateLocation } from '../manifest/kinds';
import { objAtPath } from './context';
import { decideInjection, type ExplainContext, type InjectionDecision } from './explain-decision';
import { namespaceMarkdown, webhookMarkdown } from './explain-webhook';
import type { PolicyVerdict } from './policy-steps';

/** The core's result for one document (the server's ChunkInjection, the CLI's DocumentReport). */
export interface DocumentInjection {
  kind?: string;
  name?: string;
  namespace?: string;
  outcome: Outcome;
  warnings: string[];
  original?: KubeObject;
  result?: KubeObject;
}

export interface ExplainOptions {
  /** Start with a one-line summary of the outcome (default true; a hover that has its own leaves it out). */
  summary?: boolean;
}

/** Markdown explaining the injection decision for the document ("" when it has no kind). */
export function explainInjection(doc: DocumentInjection, settings: InjectionSettings, context: ExplainContext = {}, options: ExplainOptions = {}): string {
  const kind = doc.kind ?? '';
  if (!kind) return '';
  const out: string[] = [];
  if (options.summary !== false) out.push(summaryLine(doc, kind), '');
  if (doc.warnings.length) out.push('istioctl prints:', ...doc.warnings.map((w) => `- ${w.trim()}`), '');
  if (kind === 'Namespace' && doc.original) {
    out.push(...namespaceMarkdown(doc.original, settings, context));
    return out.join('\n').trim();
  }
  if (!isDecodedKind(kind)) {
    out.push(`**${kind}**: kube-inject leaves this kind unchanged. Only pods and objects with a pod template (Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController, DeploymentConfig, Pod, and List items) get a sidecar.`);
    return out.join('\n').trim();
  }
  const failed = doc.outcome.kind === 'error';
  if (kind === 'List') {
    const items = Array.isArray(doc.original?.items) ? doc.original.items : [];
    const results = Array.isArray(doc.result?.items) ? doc.result.items : [];
    const before = out.length;
    items.forEach((item, i) => {
      if (!isObject(item) || !podTemplateLocation(String(item.kind))) return;
      out.push(...workloadSection(item, results[i], failed, settings, context, true), '');
    });
    if (out.length === before) out.push('No item of the List has a pod template, so kube-inject changes nothing.');
  } else if (doc.original) {
    out.push(...workloadSection(doc.original, doc.result, failed, settings, context, false));
  }
  return out.join('\n').trim();
}

/** "**Kind `ns/name`**: what happened." */
function summaryLine(doc: DocumentInjection, kind: string): string {
  const who = `**${kind}${doc.name ? ` \`${doc.namespace ? `${doc.namespace}/` : ''}${doc.name}\`` : ''}**`;
  switch (doc.outcome.kind) {
    case 'injected': return `${who}: the sidecar is injected.`;
    case 'removed': return `${who}: the previous injection is removed.`;
    case 'skipped': return `${who}: injection skips it: ${doc.outcome.reason}.`;
    case 'unchanged': return `${who}: kube-inject leaves it unchanged: ${doc.outcome.reason}.`;
    case 'error': return `${who}: injection fails: ${doc.outcome.message.trim()}`;
  }
}

function workloadSection(object: KubeObject, result: unknown, failed: boolean, settings: InjectionSettings, context: ExplainContext, listItem: boolean): string[] {
  const location = podTemplateLocation(String(object.kind));
  const resultSpec = location && !failed ? objAtPath(result, [...location.path, 'spec']) : undefined;
  const d = decideInjection(object, settings, context, resultSpec);
  if (!d) return [`**${String(object.kind)}**: kube-inject cannot find its pod template.`];
  const injectedSpec = d.kubeInject.inject ? resultSpec : undefined;
  const who = `${d.kind}${d.name ? ` \`${d.name}\`` : ''}`;
  const verdict = failed ? (d.kubeInject.inject ? 'the checks pass, but injection fails (above)' : 'skips this pod') : d.kubeInject.inject ? 'injects the sidecar' : 'skips this pod';
  const lines = [`### ${listItem ? 'List item ' : ''}${who}${d.namespace ? ` in namespace \`${d.namespace}\`` : ''}`, '', `**kube-inject (this editor, \`istioctl kube-inject\`): ${verdict}**: ${d.kubeInject.because}.`, ''];
  lines.push(...stepLines(d.kubeInject));
  if (IGNORED_NAMESPACES.includes(d.namespace) !== IGNORED_NAMESPACES.includes(d.kubeInjectNamespace)) {
    lines.push('', `kube-inject checks only a namespace written in the pod template (${d.kubeInjectNamespace ? `\`${d.kubeInjectNamespace}\`` : 'none here'}); the webhook checks the namespace the pod is created in (\`${d.namespace}\`).`);
  }
  if (d.kind === 'CronJob') {
    lines.push('', 'For a CronJob, kube-inject reads labels and annotations from the Job template (`spec.jobTemplate.metadata`); the webhook sees those of the Pod (`spec.jobTemplate.spec.template.metadata`).');
  }
  lines.push('', ...webhookMarkdown(d.webhook, d.namespace, settings.config.policy, settings.revision));
  lines.push('', ...templateLines(d), '', ...nativeLines(d));
  const spec = injectedSpec ?? (location ? objAtPath(object, [...location.path, 'spec']) : undefined);
  if (spec) lines.push('', ...containerLines(spec, injectedSpec !== undefined, listItem ? `${who}: ` : ''));
  return lines;
}

function stepLines(v: PolicyVerdict): string[] {
  return v.steps.map((s, i) => {
    const effect = s.effect === 'inject' ? ' → **inject**' : s.effect === 'skip' ? ' → **skip**' : '';
    return `${i + 1}. ${s.check}: ${s.found}${effect}`;
  });
}

function templateLines(d: InjectionDecision): string[] {
  const list = (names: string[]) => names.map((n) => `\`${n}\``).join(', ') || 'none';
  const from = d.templates.annotation !== undefined ? `from the pod's \`inject.istio.io/templates\` annotation ("${d.templates.annotation}")` : 'the default';
  const same = list(d.templates.kubeInject) === list(d.templates.webhook);
  return [`**Templates**: ${list(d.templates.kubeInject)} (${from}).${same ? '' : ` The webhook would run ${list(d.templates.webhook)} (its defaultTemplates and aliases, which kube-inject ignores).`}`];
}

function nativeLines(d: InjectionDecision): string[] {
  const choice = d.native.kubeInject ? 'yes: `istio-proxy` goes to `initContainers` with `restartPolicy: Always`' : 'no: `istio-proxy` is a regular container';
  return [`**Native sidecar**: ${choice}, because ${d.native.why}. In a cluster, istiod's ENABLE_NATIVE_SIDECARS defaults to "auto": native sidecars when every node's kubelet (or that of the pod's node) is 1.33 or newer; the annotation still wins.`];
}

function containerLines(spec: JsonObject, injected: boolean, label: string): string[] {
  const names = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]) : []).map((c) => (isObject(c) && typeof c.name === 'string' ? `\`${c.name}\`` : '(unnamed)'));
  const init = names('initContainers');
  const out = [`${label}Containers ${injected ? 'after injection' : '(unchanged)'}: ${names('containers').join(', ') || 'none'}`];
  if (init.length) out.push(`${label}Init containers: ${init.join(', ')}`);
  return out.length > 1 ? [`${out[0]}  `, out[1]] : out;
}
