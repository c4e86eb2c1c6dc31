/**
 * Istio's annotations and labels as facts the editor needs: where a key has an effect, its feature status, whether
 * it is deprecated, its allowed values and default. Names, statuses and resource types follow Istio's own catalogue
 * (annotations.yaml / labels.yaml); the descriptions are ours.
 */
import { ANNOTATIONS } from './catalogue-annotations';
import { LABELS } from './catalogue-labels';
import type { KeyFacts, KeyType } from './catalogue-types';

export type { FeatureStatus, KeyFacts, KeyType } from './catalogue-types';

const BY_TYPE: Record<KeyType, Map<string, KeyFacts>> = {
  annotation: new Map(ANNOTATIONS.map((f) => [f.name, f])),
  label: new Map(LABELS.map((f) => [f.name, f])),
};

/** The facts of an Istio annotation or label, if Istio knows the key. */
export function keyFacts(type: KeyType, name: string): KeyFacts | undefined {
  return BY_TYPE[type].get(name);
}

/** Every known key of a type. */
export function keysOf(type: KeyType): readonly KeyFacts[] {
  return type === 'annotation' ? ANNOTATIONS : LABELS;
}

/** Domains whose keys belong to Istio: a key there that the catalogue does not know is probably a typo. */
const ISTIO_DOMAIN = /(^|\.)istio\.io\//;

export function isIstioKey(name: string): boolean {
  return ISTIO_DOMAIN.test(name);
}

/** Whether the key acts on pods (so it belongs on the pod template of a workload). */
export function actsOnPods(f: KeyFacts): boolean {
  return f.resources.includes('Pod') || f.resources.includes('Any');
}

/** Whether the key has an effect on an object of this kind itself. */
export function actsOnKind(f: KeyFacts, kind: string): boolean {
  return f.resources.includes(kind) || f.resources.includes('Any');
}

/** "beta", "alpha · deprecated": the status line shown next to a key. */
export function statusText(f: KeyFacts): string {
  const parts: string[] = f.status === 'unspecified' ? [] : [f.status];
  if (f.deprecated) parts.push('deprecated');
  return parts.join(' · ') || 'no feature status';
}
