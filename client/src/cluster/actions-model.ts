// The writes and reads behind the tree's actions, as data: which label patch enables or disables injection, which
// workload a pod's restart goes to (a ReplicaSet is followed to its Deployment), and the template annotation patch
// `kubectl rollout restart` sends. The adapter only asks for confirmation and sends them.
import type { Namespace, OwnerReference, Pod } from './k8s-json';
import { namespaceInjection } from './namespace-state';

/** Merge patch turning injection on (keeping a revision label if that is how the namespace is enabled). */
export function enableInjectionPatch(ns: Namespace): { metadata: { labels: Record<string, string | null> } } {
  const inj = namespaceInjection(ns);
  if (inj.mode === 'revision') return { metadata: { labels: {} } };
  // A revision label alongside istio-injection is the conflict case: drop it so the namespace means one thing.
  return { metadata: { labels: { 'istio-injection': 'enabled', ...(inj.revision !== undefined ? { 'istio.io/rev': null } : {}) } } };
}

/** Merge patch turning injection off: istio-injection=disabled, and no revision label. */
export function disableInjectionPatch(ns: Namespace): { metadata: { labels: Record<string, string | null> } } {
  const labels: Record<string, string | null> = { 'istio-injection': 'disabled' };
  if (ns.metadata.labels?.['istio.io/rev'] !== undefined) labels['istio.io/rev'] = null;
  return { metadata: { labels } };
}

export type RestartableKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface Workload {
  kind: RestartableKind;
  namespace: string;
  name: string;
}

/** The controller owner reference of an object, if any. */
export function controllerOf(meta: { ownerReferences?: OwnerReference[] }): OwnerReference | undefined {
  return meta.ownerReferences?.find((o) => o.controller) ?? meta.ownerReferences?.[0];
}

/**
 * The workload to restart for a pod. A ReplicaSet owner needs one more read (`readReplicaSetOwner`) to find its
 * Deployment; a bare pod or a Job's pod has none.
 */
export async function restartTarget(pod: Pod, readReplicaSetOwner: (ns: string, name: string) => Promise<OwnerReference | undefined>): Promise<Workload | undefined> {
  const ns = pod.metadata.namespace ?? 'default';
  const owner = controllerOf(pod.metadata);
  if (!owner) return undefined;
  if (owner.kind === 'StatefulSet' || owner.kind === 'DaemonSet' || owner.kind === 'Deployment') return { kind: owner.kind, namespace: ns, name: owner.name };
  if (owner.kind === 'ReplicaSet') {
    const dep = await readReplicaSetOwner(ns, owner.name);
    if (dep?.kind === 'Deployment') return { kind: 'Deployment', namespace: ns, name: dep.name };
  }
  return undefined;
}

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** The strategic merge patch of `kubectl rollout restart`: a new pod-template annotation rolls every pod. */
export function restartPatch(now: Date): { spec: { template: { metadata: { annotations: Record<string, string> } } } } {
  return { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: now.toISOString().replace(/\.\d+Z$/, 'Z') } } } } };
}

/** REST path of a workload (for patches). */
export function workloadPath(w: Workload): string {
  const plural = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets' }[w.kind];
  return `/apis/apps/v1/namespaces/${encodeURIComponent(w.namespace)}/${plural}/${encodeURIComponent(w.name)}`;
}
