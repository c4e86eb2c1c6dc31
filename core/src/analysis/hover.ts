/**
 * hoverAt: what an Istio key, a reserved port or the proxy's UID means; on a kind, why the workload is (not) injected;
 * on an injected pod's istio-proxy, the sidecar's anatomy.
 */
import type { Injector } from '../inject';
import { PROXY_CONTAINER } from '../inject/pod';
import { parseInjectionStatus, STATUS_ANNOTATION } from '../inject/status';
import type { InjectionSettings, KubeObject, Outcome } from '../inject/types';
import { isDecodedKind, podTemplateLocation } from '../manifest/kinds';
import { parseManifest } from '../manifest/parse';
import { injectManifest } from '../run/inject-manifest';
import { isObject } from '../inject/json-access';
import { actsOnKind, actsOnPods, keyFacts, statusText, type KeyFacts, type KeyType } from './catalogue';
import { anatomyOfPod } from './anatomy-document';
import { objAtPath } from './context';
import { explainInjection } from './explain';
import { nodeAt } from './node-at';
import { RESERVED_PORTS } from './reserved';
import type { HoverInfo } from './types';

const PORT_FIELDS = new Set(['containerPort', 'port', 'targetPort', 'hostPort']);
/** The kind hover has its own first line (outcomeSummary). */
const NO_SUMMARY = { summary: false };

/** Hover for the scalar at `offset` of one YAML document, or undefined when there is nothing Istio-specific to say. */
export function hoverAt(docText: string, offset: number, injector: Injector, settings: InjectionSettings): HoverInfo | undefined {
  const doc = parseManifest(docText).documents[0];
  if (!doc || doc.yaml.errors.length > 0) return undefined;
  const hit = nodeAt(doc.yaml, offset);
  if (!hit) return undefined;
  const { path, range } = hit;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'kind' && !hit.onKey && typeof hit.value === 'string') {
    if (path.length === 1) return { markdown: kindHover(docText, hit.value, injector, settings), ...range };
    const item = path.length === 3 && path[0] === 'items' ? objAtPath(doc.value, path.slice(0, 2)) : undefined;
    if (item) return { markdown: itemKindHover(item, hit.value, injector, settings), ...range };
  }
  if (last === 'name' && hit.value === PROXY_CONTAINER && !hit.onKey && (path[path.length - 3] === 'containers' || path[path.length - 3] === 'initContainers')) {
    const markdown = proxyHover(doc.value, path.slice(0, -4), settings);
    if (markdown) return { markdown, ...range };
  }
  if (path[path.length - 3] === 'metadata' && (parent === 'annotations' || parent === 'labels')) {
    const type: KeyType = parent === 'annotations' ? 'annotation' : 'label';
    const facts = keyFacts(type, String(last));
    if (!facts) return undefined;
    const note = placementNote(facts, ownerKind(doc.value, path.slice(0, -3)));
    return { markdown: keyHover(facts, type) + note, ...range };
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

/** The kind whose own metadata holds the key, or 'pod' for a pod template's metadata. */
function ownerKind(value: unknown, ownerPath: readonly (string | number)[]): string {
  if (ownerPath[ownerPath.length - 1] === 'template') return 'pod';
  const kind = objAtPath(value, ownerPath)?.kind;
  return typeof kind === 'string' ? kind : '';
}

/** A warning line when the key sits on a workload's own metadata, where Istio does not read pod keys. */
function placementNote(f: KeyFacts, owner: string): string {
  if (owner === 'pod' || owner === 'Pod' || !actsOnPods(f) || actsOnKind(f, owner) || !podTemplateLocation(owner)) return '';
  return `\n\nOn the ${owner}'s own metadata it does nothing: Istio reads it from the pod template.`;
}

function keyHover(f: KeyFacts, type: KeyType): string {
  const lines = [`**${f.name}** (Istio ${type}, ${statusText(f)})`, '', f.description];
  if (f.values) lines.push('', `Values: ${f.values.map((v) => `\`${v}\``).join(', ')}`);
  if (f.default) lines.push('', `Default: ${f.default}`);
  const where = f.resources.includes('Any') ? 'any resource' : f.resources.map((r) => (r === 'Pod' ? 'Pod (pod template of a workload)' : r)).join(', ');
  lines.push('', `Applies to: ${where}`);
  return lines.join('\n');
}

function kindHover(docText: string, kind: string, injector: Injector, settings: InjectionSettings): string {
  // Only the outcome is needed: no istioctl printing.
  const report = isDecodedKind(kind) ? injectManifest(docText, injector, { print: false }).documents[0] : undefined;
  if (!report) return explainInjection({ kind, outcome: { kind: 'unchanged', reason: '' }, warnings: [] }, settings, {}, NO_SUMMARY);
  return `**${kind}**: ${outcomeSummary(report.outcome, report.result)}\n\n${explainInjection(report, settings, {}, NO_SUMMARY)}`;
}

/** A List item: the core injects each item on its own. */
function itemKindHover(item: KubeObject, kind: string, injector: Injector, settings: InjectionSettings): string {
  if (!isDecodedKind(kind) || kind === 'List') return kindHover('', kind, injector, settings);
  const r = injector.inject(item);
  const explained = explainInjection({ kind, outcome: r.outcome, warnings: r.warnings, original: item, result: r.object }, settings, {}, NO_SUMMARY);
  return `**${kind}** (List item): ${outcomeSummary(r.outcome, r.object)}\n\n${explained}`;
}

/** The sidecar's anatomy, on the istio-proxy container of an already-injected pod (one with the status annotation). */
function proxyHover(value: unknown, podPath: readonly (string | number)[], settings: InjectionSettings): string | undefined {
  const pod = objAtPath(value, podPath);
  const annotations = objAtPath(pod, ['metadata', 'annotations']);
  if (!pod || typeof annotations?.[STATUS_ANNOTATION] !== 'string') return undefined;
  return anatomyOfPod(pod, settings);
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
  const pods = result.kind === 'List' && Array.isArray(result.items) ? result.items.filter(isObject) : [result];
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
