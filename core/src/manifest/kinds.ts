/** Which kinds carry a pod template, and where: the kinds `istioctl kube-inject` injects. */

export interface PodTemplateLocation {
  /** Path from the object root to the pod (template) object that has `metadata` and `spec`. Empty for a Pod. */
  path: readonly string[];
}

const TEMPLATE = ['spec', 'template'] as const;

/** Kind → where its pod lives. Keyed by kind alone, as kube-inject matches group/version loosely for these. */
const INJECTABLE: Readonly<Record<string, PodTemplateLocation>> = {
  Pod: { path: [] },
  Deployment: { path: TEMPLATE },
  ReplicaSet: { path: TEMPLATE },
  DaemonSet: { path: TEMPLATE },
  StatefulSet: { path: TEMPLATE },
  Job: { path: TEMPLATE },
  ReplicationController: { path: TEMPLATE },
  DeploymentConfig: { path: TEMPLATE },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template'] },
};

/** Where the pod of `kind` lives, or undefined when injection has no effect on the kind. List is handled by the caller. */
export function podTemplateLocation(kind: string): PodTemplateLocation | undefined {
  return Object.prototype.hasOwnProperty.call(INJECTABLE, kind) ? INJECTABLE[kind] : undefined;
}

export function isInjectableKind(kind: string): boolean {
  return podTemplateLocation(kind) !== undefined;
}
