// Builders for the objects tests seed: short to call, and shaped like what a real cluster returns.
import type { KubeObject } from './store';

type Labels = Record<string, string>;

export function namespace(name: string, labels: Labels = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function configMap(ns: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data };
}

export interface ContainerSeed {
  name: string;
  image?: string;
  /** `running` (ready unless `ready: false`), `waiting:REASON`, `terminated:REASON` or `terminated:REASON:EXITCODE`. */
  state?: string;
  ready?: boolean;
  restarts?: number;
  /** Init containers only: `Always` makes it a native sidecar. */
  restartPolicy?: 'Always';
  started?: boolean;
}

export interface PodSeed {
  ns: string;
  name: string;
  labels?: Labels;
  annotations?: Labels;
  containers: ContainerSeed[];
  initContainers?: ContainerSeed[];
  phase?: string;
  /** Owner, e.g. `{ kind: 'ReplicaSet', name: 'web-5d8f' }`. */
  owner?: { apiVersion?: string; kind: string; name: string; uid?: string };
  hostNetwork?: boolean;
  nodeName?: string;
}

/** A pod with spec and status consistent with the given container states. */
export function pod(p: PodSeed): KubeObject {
  const spec = (c: ContainerSeed) => ({ name: c.name, image: c.image ?? `${c.name}:latest`, ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}) });
  const status = (c: ContainerSeed) => {
    const [kind = 'running', reason, code] = (c.state ?? 'running').split(':');
    const state = kind === 'running' ? { running: { startedAt: '2026-01-01T00:00:00Z' } }
      : kind === 'waiting' ? { waiting: { reason } }
      : { terminated: { reason, exitCode: Number(code ?? (reason === 'Completed' ? 0 : 1)) } };
    const ready = c.ready ?? kind === 'running';
    return { name: c.name, image: c.image ?? `${c.name}:latest`, imageID: '', ready, restartCount: c.restarts ?? 0, state, ...(c.started !== undefined ? { started: c.started } : kind === 'running' ? { started: true } : {}) };
  };
  const allRunning = p.containers.every((c) => (c.state ?? 'running') === 'running');
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: p.name, namespace: p.ns, labels: p.labels ?? {}, annotations: p.annotations ?? {},
      ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.apiVersion ?? 'apps/v1', kind: p.owner.kind, name: p.owner.name, uid: p.owner.uid ?? `${p.owner.name}-uid`, controller: true }] } : {}),
    },
    spec: {
      containers: p.containers.map(spec),
      ...(p.initContainers ? { initContainers: p.initContainers.map(spec) } : {}),
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
      nodeName: p.nodeName ?? 'node-1',
    },
    status: {
      phase: p.phase ?? (allRunning ? 'Running' : 'Pending'),
      podIP: '10.0.0.10',
      containerStatuses: p.containers.map(status),
      ...(p.initContainers ? { initContainerStatuses: p.initContainers.map(status) } : {}),
    },
  };
}

/** A Deployment with its pod template; `replicaSet` names the ReplicaSet its pods point to. */
export function deployment(ns: string, name: string, template: { labels?: Labels; annotations?: Labels; containers?: { name: string; image: string }[] } = {}): KubeObject {
  const labels = template.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns, labels },
    spec: {
      replicas: 1, selector: { matchLabels: labels },
      template: { metadata: { labels, ...(template.annotations ? { annotations: template.annotations } : {}) }, spec: { containers: template.containers ?? [{ name, image: `${name}:latest` }] } },
    },
    status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1 },
  };
}

/** A ReplicaSet owned by a Deployment (what Deployment-owned pods name as their owner). */
export function replicaSet(ns: string, name: string, deploymentName: string): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: ns, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deploymentName, uid: `${deploymentName}-uid`, controller: true }] },
    spec: { replicas: 1, selector: { matchLabels: { app: deploymentName } }, template: { metadata: { labels: { app: deploymentName } }, spec: { containers: [] } } },
  };
}
