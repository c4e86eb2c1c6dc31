/**
 * The kinds `istioctl kube-inject` decodes, and where their pod lives. istioctl registers its types as "unversioned"
 * too, and apimachinery's Scheme.New falls back to the kind alone, so an `extensions/v1beta1` Deployment is decoded
 * like an apps/v1 one: matching is by kind, whatever the apiVersion.
 */

export interface PodTemplateLocation {
  /** Path from the object root to the pod (template) object that has `metadata` and `spec`. Empty for a Pod. */
  path: readonly string[];
}

const TEMPLATE = ['spec', 'template'] as const;

/** Kind → where its pod lives (List has none: its items are injected one by one). */
const DECODED: Readonly<Record<string, PodTemplateLocation | null>> = {
  Pod: { path: [] },
  ReplicationController: { path: TEMPLATE },
  Deployment: { path: TEMPLATE },
  DaemonSet: { path: TEMPLATE },
  ReplicaSet: { path: TEMPLATE },
  StatefulSet: { path: TEMPLATE },
  Job: { path: TEMPLATE },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template'] },
  DeploymentConfig: { path: TEMPLATE },
  List: null,
};

/** True when istioctl decodes this kind (the injectable kinds and List); everything else passes through as text. */
export function isDecodedKind(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(DECODED, kind);
}

/** Where the pod of this kind lives, or undefined when injection has no effect on it (List: see isDecodedKind). */
export function podTemplateLocation(kind: string): PodTemplateLocation | undefined {
  return isDecodedKind(kind) ? DECODED[kind] ?? undefined : undefined;
}

/** True when the kind carries a pod (template) that injection changes. */
export function isInjectableKind(kind: string): boolean {
  return podTemplateLocation(kind) !== undefined;
}
