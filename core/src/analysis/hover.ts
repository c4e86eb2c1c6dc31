/** hoverAt: what an Istio key, a reserved port, the proxy's UID or the document's kind means for injection. */
import type { Injector } from '../inject';
import { parseInjectionStatus, STATUS_ANNOTATION } from '../inject/status';
import type { InjectionSettings, KubeObject, Outcome } from '../inject/types';
import { isDecodedKind, podTemplateLocation } from '../manifest/kinds';
import { parseManifest } from '../manifest/parse';
import { injectManifest } from '../run/inject-manifest';
import { keyFacts, statusText, type KeyFacts, type KeyType } from './catalogue';
import { isObj, objAtPath } from './context';
import { nodeAt } from './node-at';
import { RESERVED_PORTS } from './reserved';
import type { HoverInfo } from './types';

const PORT_FIELDS = new Set(['containerPort', 'port', 'targetPort', 'hostPort']);

/** Hover for the scalar at `offset` of one YAML document, or undefined when there is nothing Istio-specific to say. */
export function hoverAt(docText: string, offset: number, injector: Injector, settings: InjectionSettings): HoverInfo | undefined {
  const doc = parseManifest(docText).documents[0];
  if (!doc || doc.yaml.errors.length > 0) return undefined;
  const hit = nodeAt(doc.yaml, offset);
  if (!hit) return undefined;
  const { path, range } = hit;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1 && last === 'kind' && !hit.onKey && typeof hit.value === 'string') {
    return { markdown: kindHover(docText, hit.value, injector), ...range };
  }
  if (path[path.length - 3] === 'metadata' && (parent === 'annotations' || parent === 'labels')) {
    const facts = keyFacts(parent === 'annotations' ? 'annotation' : 'label', String(last));
    return facts ? { markdown: keyHover(facts, parent === 'annotations' ? 'annotation' : 'label'), ...range } : undefined;
  }
  if (hit.onKey) return undefined;
  if (typeof last === 'string' && PORT_FIELDS.has(last)) {
    const purpose = RESERVED_PORTS.get(Number(hit.value));
    if (purpose) return { markdown: `**Port ${Number(hit.value)}** is reserved by Istio's sidecar: ${purpose}. Applications in an injected pod should not use it.`, ...range };
  }
  if (last === 'runAsUser' && Number(hit.value) === settings.proxyUID) {
    return {
      markdown: `**UID ${settings.proxyUID}** is the sidecar proxy's user. The iptables rules let this UID's traffic through uncaptured (so the proxy does not capture itself): an application running as it bypasses the mesh.`,
      ...range,
    };
  }
  return undefined;
}

function keyHover(f: KeyFacts, type: KeyType): string {
  const lines = [`**${f.name}** (Istio ${type}, ${statusText(f)})`, '', f.description];
  if (f.values) lines.push('', `Values: ${f.values.map((v) => `\`${v}\``).join(', ')}`);
  if (f.default) lines.push('', `Default: ${f.default}`);
  const where = f.resources.includes('Any') ? 'any resource' : f.resources.map((r) => (r === 'Pod' ? 'Pod (pod template of a workload)' : r)).join(', ');
  lines.push('', `Applies to: ${where}`);
  return lines.join('\n');
}

function kindHover(docText: string, kind: string, injector: Injector): string {
  if (!isDecodedKind(kind)) {
    return `**${kind}**: kube-inject leaves this kind unchanged. Only pods and objects with a pod template (Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController, DeploymentConfig, Pod, and List items) get a sidecar.`;
  }
  const report = injectManifest(docText, injector).documents[0];
  if (!report) return `**${kind}**`;
  return `**${kind}**: ${outcomeSummary(report.outcome, report.result)}`;
}

/** One paragraph on what the core does with the document. */
function outcomeSummary(outcome: Outcome, result: KubeObject | undefined): string {
  switch (outcome.kind) {
    case 'injected':
      return `kube-inject adds Istio's sidecar. ${addedParts(result)}`.trim();
    case 'skipped':
      return `kube-inject skips this pod: ${outcome.reason}.`;
    case 'unchanged':
      return `kube-inject leaves this document unchanged: ${outcome.reason}.`;
    case 'error':
      return `kube-inject fails on this document: ${outcome.message.trim()}`;
    default:
      return '';
  }
}

/** What the status annotation of the injected pod(s) lists. */
function addedParts(result: KubeObject | undefined): string {
  if (!result) return '';
  const pods = result.kind === 'List' && Array.isArray(result.items) ? result.items.filter(isObj) : [result];
  const parts = new Set<string>();
  for (const obj of pods) {
    const location = podTemplateLocation(String(obj.kind));
    if (!location) continue;
    const annotations = objAtPath(obj, [...location.path, 'metadata', 'annotations']);
    const raw = annotations?.[STATUS_ANNOTATION];
    const status = parseInjectionStatus(typeof raw === 'string' ? raw : undefined);
    if (!status) continue;
    const list = (what: string, names: string[] | null) => {
      if (names?.length) parts.add(`${what}: ${names.map((n) => `\`${n}\``).join(', ')}`);
    };
    list('containers', status.containers);
    list('init containers', status.initContainers);
    list('volumes', status.volumes);
  }
  return parts.size ? `It adds ${[...parts].join('; ')}.` : '';
}
