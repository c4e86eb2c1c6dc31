/**
 * Annotations and labels: misplaced, unknown, invalid, deprecated or alpha Istio keys. Invalid values are judged by
 * the core's own validator (same texts), and reported as errors only when the core indeed failed on the document.
 */
import { SIDECAR_INJECT } from '../inject/policy';
import { STATUS_ANNOTATION, parseInjectionStatus } from '../inject/status';
import { validateAnnotations } from '../inject/validate';
import type { YamlPath } from '../manifest/paths';
import type { TextRange } from '../manifest/types';
import { isObject } from '../inject/json-access';
import { actsOnKind, actsOnPods, isIstioKey, keyFacts, keysOf, type KeyType } from './catalogue';
import { type AnalysisContext, type Workload, add, keyRange, objAtPath, valueRange } from './context';
import { moveKey } from './fixes';
import { closest } from './suggest';
import type { Fix } from './types';

const PROXY_CONFIG = 'proxy.istio.io/config';
/** Kinds that never carry pods, where a pod key is a plain mistake (unknown kinds may embed pod templates). */
const POD_LESS_KINDS = new Set(['Namespace', 'Service', 'ServiceAccount', 'ConfigMap', 'Secret', 'Ingress']);
const MAPS: readonly [string, KeyType][] = [['annotations', 'annotation'], ['labels', 'label']];

/** Keys of the pod (template) metadata: where Istio reads them. */
export function checkPodMetadata(ctx: AnalysisContext, w: Workload): void {
  // An injected pod carries the keys injection wrote: status hints there would be noise about Istio's own output.
  const injected = isInjected(w.metadata);
  for (const [map, type] of MAPS) {
    const entries = w.metadata[map];
    if (!isObject(entries)) continue;
    for (const [name, value] of Object.entries(entries)) {
      const path = [...w.podPath, 'metadata', map, name];
      checkKeyCommon(ctx, type, name, value, path, { quiet: injected, onPod: true });
      notForPods(ctx, type, name, path);
      if (typeof value !== 'string') continue;
      if (type === 'annotation' && ctx.outcome?.kind === 'error') checkValidValue(ctx, name, value, path);
      if (name === SIDECAR_INJECT && value !== 'true' && value !== 'false') {
        const at = valueRange(ctx, path);
        if (at) add(ctx, 'ignored-value', `${SIDECAR_INJECT} is "${value}", neither "true" nor "false": Istio ignores it and follows the injector policy.`, at);
      }
    }
  }
}

/** Keys of a workload's own metadata (Deployment, Job…): Istio's pod keys do nothing there. */
export function checkObjectMetadata(ctx: AnalysisContext, w: Workload | undefined, objectPath: YamlPath, kind: string): void {
  const metadata = objAtPath(ctx.value, [...objectPath, 'metadata']) ?? {};
  for (const [map, type] of MAPS) {
    const entries = metadata[map];
    if (!isObject(entries)) continue;
    for (const [name, value] of Object.entries(entries)) {
      const path = [...objectPath, 'metadata', map, name];
      checkKeyCommon(ctx, type, name, value, path, { quiet: false, onPod: kind === 'Pod' });
      const facts = keyFacts(type, name);
      if (!facts || !actsOnPods(facts) || actsOnKind(facts, kind)) continue;
      const at = keyRange(ctx, path);
      if (!at) continue;
      if (!w) {
        if (POD_LESS_KINDS.has(kind)) add(ctx, 'misplaced-key', `${name} does nothing on a ${kind}: Istio reads it from pods.${kind === 'Namespace' ? ' For a namespace, label it istio-injection=enabled or istio.io/rev=<revision>.' : ''}`, at);
        continue;
      }
      const fix = moveToPodFix(ctx, w, map, name);
      add(ctx, 'misplaced-key', `${name} does nothing on the ${kind}'s own metadata: Istio reads it from the pod template (spec.template.metadata.${map}).`, at, fix ? { fixes: [fix] } : {});
    }
  }
}

/**
 * Keys for other kinds put on a pod: annotations only (Istio's labels also serve as selectors on pods, so one on a
 * pod is not pointless), plus the namespace switch istio-injection.
 */
function notForPods(ctx: AnalysisContext, type: KeyType, name: string, path: YamlPath): void {
  const facts = keyFacts(type, name);
  if (!facts || actsOnPods(facts) || (type === 'label' && name !== 'istio-injection')) return;
  const at = keyRange(ctx, path);
  if (at) add(ctx, 'misplaced-key', `${name} does nothing on a pod: Istio reads it on ${facts.resources.join(', ')}.`, at);
}

/** Checks that hold wherever the key is: not a string, unknown, deprecated, alpha. */
interface KeyPlace {
  /** No status hints (an injected pod). */
  quiet: boolean;
  /** The metadata is a pod's (fixes that keep the key on the same object make sense only there). */
  onPod: boolean;
}

function checkKeyCommon(ctx: AnalysisContext, type: KeyType, name: string, value: unknown, path: YamlPath, place: KeyPlace): void {
  if (typeof value !== 'string' && value !== null && isIstioKey(name)) {
    const at = valueRange(ctx, path);
    if (at) {
      const source = ctx.text.slice(at.start, at.end);
      const fix: Fix = { title: `Quote the value: "${source}"`, edits: [{ start: at.start, end: at.end, newText: JSON.stringify(source) }], preferred: true };
      // The injection policy reads only string values (the core's stringMap), so an unquoted boolean is ignored there.
      const policy = name === SIDECAR_INJECT ? ' The injection policy ignores it and follows its default.' : '';
      const message = `The ${type} ${name} has a ${typeof value} value: Kubernetes requires strings here and rejects the object (quote it: "${source}").${policy}`;
      add(ctx, 'non-string-value', message, at, { fixes: [fix] });
    }
  }
  if (!isIstioKey(name)) return;
  const at = keyRange(ctx, path);
  if (!at) return;
  const facts = keyFacts(type, name);
  if (!facts) return unknownKey(ctx, type, name, at);
  if (place.quiet || facts.hidden || facts.byInjection) return;
  if (facts.deprecated) {
    const toLabel = name === SIDECAR_INJECT && type === 'annotation';
    const fix = toLabel && place.onPod ? annotationToLabelFix(ctx, path.slice(0, -2), name) : undefined;
    const instead = toLabel ? ': use the label of the same name' : '';
    add(ctx, 'deprecated-key', `The ${type} ${name} is deprecated${instead}.`, at, { tags: ['deprecated'], ...(fix ? { fixes: [fix] } : {}) });
  } else if (facts.status === 'alpha') {
    add(ctx, 'alpha-key', `The ${type} ${name} is an alpha feature: it may change or go away.`, at);
  }
}

function unknownKey(ctx: AnalysisContext, type: KeyType, name: string, at: TextRange): void {
  const other: KeyType = type === 'annotation' ? 'label' : 'annotation';
  if (keyFacts(other, name)) {
    add(ctx, 'unknown-key', `${name} is an Istio ${other}, not an ${type}: Istio does not read it here.`, at);
    return;
  }
  const suggestion = closest(name, keysOf(type).map((f) => f.name));
  if (!suggestion) {
    add(ctx, 'unknown-key', `Istio has no ${type} ${name}.`, at);
    return;
  }
  const source = ctx.text.slice(at.start, at.end);
  const quote = source[0] === '"' || source[0] === "'" ? source[0] : '';
  const newText = quote === '"' ? JSON.stringify(suggestion) : `${quote}${suggestion}${quote}`;
  const fix: Fix = { title: `Change to ${suggestion}`, edits: [{ start: at.start, end: at.end, newText }], preferred: true };
  add(ctx, 'unknown-key', `Istio has no ${type} ${name}. Did you mean ${suggestion}?`, at, { fixes: [fix] });
}

function isInjected(metadata: Record<string, unknown>): boolean {
  const annotations = metadata.annotations;
  const raw = isObject(annotations) ? annotations[STATUS_ANNOTATION] : undefined;
  return parseInjectionStatus(typeof raw === 'string' ? raw : undefined) !== undefined;
}

/** The core's verdict on one annotation value, in Istio's words. */
function checkValidValue(ctx: AnalysisContext, name: string, value: string, path: YamlPath): void {
  let error = annotationError(name, value);
  if (error === undefined) return;
  // The core reads proxy.istio.io/config before validating annotations; its parse error is the one it reports.
  const outcome = ctx.outcome;
  if (outcome?.kind === 'error' && !outcome.message.includes(error) && name === PROXY_CONFIG) error = outcome.message.trim();
  const at = valueRange(ctx, path) ?? keyRange(ctx, path);
  if (at) add(ctx, 'invalid-value', error, at);
}

/** validateAnnotations' text for this annotation alone ("invalid value '…' for annotation '…': …"), if invalid. */
export function annotationError(name: string, value: string): string | undefined {
  const combined = validateAnnotations({ [name]: value });
  if (combined === undefined) return undefined;
  const item = combined.split('\n').find((l) => l.startsWith('\t* '));
  return (item ?? combined).replace(/^\t\* /, '').trim();
}

/** Moves the key from the workload's metadata to its pod template's, or removes it when the template has it. */
function moveToPodFix(ctx: AnalysisContext, w: Workload, map: string, name: string): Fix | undefined {
  const move = moveKey(ctx, [...w.objectPath, 'metadata', map], [...w.podPath, 'metadata', map], name);
  if (!move) return undefined;
  const title = move.removedOnly ? `Remove ${name} (the pod template sets it already)` : `Move ${name} to the pod template`;
  return { title, edits: move.edits, preferred: true };
}

/** The deprecated inject annotation becomes the label, which means the same (and already wins when both exist). */
function annotationToLabelFix(ctx: AnalysisContext, metadataPath: YamlPath, name: string): Fix | undefined {
  const move = moveKey(ctx, [...metadataPath, 'annotations'], [...metadataPath, 'labels'], name);
  if (!move) return undefined;
  const title = move.removedOnly ? `Remove the annotation ${name} (the label decides)` : `Make ${name} a label`;
  return { title, edits: move.edits, preferred: true };
}
