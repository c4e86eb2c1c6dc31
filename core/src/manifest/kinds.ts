/**
 * The kinds `istioctl kube-inject` decodes, and where their pod lives. Like istioctl, matching is by exact
 * apiVersion and kind: `extensions/v1beta1` Deployments, Services, ConfigMaps… are not decoded and pass through.
 */

export interface PodTemplateLocation {
  /** Path from the object root to the pod (template) object that has `metadata` and `spec`. Empty for a Pod. */
  path: readonly string[];
}

const TEMPLATE = ['spec', 'template'] as const;

/** `apiVersion kind` → where its pod lives (v1 List has none: its items are injected one by one). */
const DECODED: Readonly<Record<string, PodTemplateLocation | null>> = {
  'v1 Pod': { path: [] },
  'v1 ReplicationController': { path: TEMPLATE },
  'apps/v1 Deployment': { path: TEMPLATE },
  'apps/v1 DaemonSet': { path: TEMPLATE },
  'apps/v1 ReplicaSet': { path: TEMPLATE },
  'apps/v1 StatefulSet': { path: TEMPLATE },
  'batch/v1 Job': { path: TEMPLATE },
  'batch/v1 CronJob': { path: ['spec', 'jobTemplate', 'spec', 'template'] },
  'apps.openshift.io/v1 DeploymentConfig': { path: TEMPLATE },
  'v1 List': null,
};

function key(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** True when istioctl decodes this apiVersion/kind (the injectable kinds and v1 List). */
export function isDecodedKind(apiVersion: string, kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(DECODED, key(apiVersion, kind));
}

/** Where the pod of this kind lives, or undefined when injection has no effect on it (List: see isDecodedKind). */
export function podTemplateLocation(apiVersion: string, kind: string): PodTemplateLocation | undefined {
  return isDecodedKind(apiVersion, kind) ? DECODED[key(apiVersion, kind)] ?? undefined : undefined;
}

export function isInjectableKind(apiVersion: string, kind: string): boolean {
  return podTemplateLocation(apiVersion, kind) !== undefined;
}

/** Kinds that carry a pod template in some API version, for messages like "apps/v1beta1 is not decoded". */
export const INJECTABLE_KIND_NAMES: readonly string[] = [
  'Pod', 'ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'DeploymentConfig',
];
