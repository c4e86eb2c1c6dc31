// The manifest "preview injection" works on for a pod: the workload that owns it, found by following controller
// owner references upwards (pod → ReplicaSet → Deployment, pod → Job → CronJob, pod → ReplicationController →
// DeploymentConfig), read from the cluster and cleaned of what the API server and controllers write, so the text
// reads like the file someone applied. No VS Code here: the adapter reads and shows, this decides.
import { controllerOf } from './actions-model';
import type { ObjectMeta } from './k8s-json';
import { STATUS_ANNOTATION } from './sidecar';

/** A Kubernetes object as the API returns it (only its metadata is typed). */
export interface ManifestObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta & Record<string, unknown>;
  [field: string]: unknown;
}

/** Where the API serves each kind injection works on. */
const WORKLOAD_KINDS: Readonly<Record<string, { apiVersion: string; plural: string }>> = {
  Pod: { apiVersion: 'v1', plural: 'pods' },
  ReplicationController: { apiVersion: 'v1', plural: 'replicationcontrollers' },
  ReplicaSet: { apiVersion: 'apps/v1', plural: 'replicasets' },
  Deployment: { apiVersion: 'apps/v1', plural: 'deployments' },
  StatefulSet: { apiVersion: 'apps/v1', plural: 'statefulsets' },
  DaemonSet: { apiVersion: 'apps/v1', plural: 'daemonsets' },
  Job: { apiVersion: 'batch/v1', plural: 'jobs' },
  CronJob: { apiVersion: 'batch/v1', plural: 'cronjobs' },
  DeploymentConfig: { apiVersion: 'apps.openshift.io/v1', plural: 'deploymentconfigs' },
};

/** REST path of a namespaced object of a kind injection works on; undefined for any other kind (Node, a CRD …). */
export function workloadObjectPath(kind: string, namespace: string, name: string): string | undefined {
  const k = WORKLOAD_KINDS[kind];
  if (!k) return undefined;
  const prefix = k.apiVersion.includes('/') ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  return `${prefix}/namespaces/${encodeURIComponent(namespace)}/${k.plural}/${encodeURIComponent(name)}`;
}

export interface OwningWorkload {
  /** The top-most owner of a known kind, as read (the pod itself when it has none). */
  object: ManifestObject;
  /** `kind/name` from the pod up to `object`, e.g. `['pod/web-5d8f-x', 'replicaset/web-5d8f', 'deployment/web']`. */
  chain: string[];
}

/** Enough for pod → ReplicationController → DeploymentConfig and pod → Job → CronJob, with room to spare. */
const MAX_OWNER_HOPS = 4;

/**
 * Follows a pod's controller owners while they are kinds injection works on, reading each with `get` (a REST GET
 * that resolves with the parsed object or rejects). An owner of another kind (a Node for a static pod, an operator's
 * resource) ends the walk at the object below it.
 */
export async function owningWorkload(pod: ManifestObject, get: (path: string) => Promise<ManifestObject>): Promise<OwningWorkload> {
  const namespace = pod.metadata.namespace ?? 'default';
  // Items of a list carry no apiVersion/kind of their own.
  let object: ManifestObject = { apiVersion: 'v1', kind: 'Pod', ...pod };
  const chain = [`pod/${pod.metadata.name}`];
  for (let hop = 0; hop < MAX_OWNER_HOPS; hop++) {
    const owner = controllerOf(object.metadata);
    const path = owner && workloadObjectPath(owner.kind, namespace, owner.name);
    if (!owner || !path) break;
    object = await get(path);
    object.kind ??= owner.kind;
    object.apiVersion ??= WORKLOAD_KINDS[owner.kind]!.apiVersion;
    chain.push(`${owner.kind.toLowerCase()}/${owner.name}`);
  }
  return { object, chain };
}

/** Metadata the API server or a controller writes; never part of a file someone applies. */
const SERVER_SET_METADATA = [
  'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds',
  'managedFields', 'selfLink', 'ownerReferences',
];

/** Annotations written by kubectl apply and by the Deployment controller. */
const SERVER_SET_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

/**
 * A copy of `obj` without its status and server-set metadata (also the `creationTimestamp: null` the API prints in
 * pod templates), keys in their original order.
 */
export function cleanManifest(obj: ManifestObject): ManifestObject {
  const out = structuredClone(obj);
  delete out['status'];
  const meta: Record<string, unknown> = out.metadata;
  for (const key of SERVER_SET_METADATA) delete meta[key];
  const annotations = out.metadata.annotations;
  if (annotations) {
    for (const key of SERVER_SET_ANNOTATIONS) delete annotations[key];
    if (Object.keys(annotations).length === 0) delete out.metadata.annotations;
  }
  for (const template of nestedTemplateMetadata(out)) delete template['creationTimestamp'];
  return out;
}

const TEMPLATE_METADATA_PATHS = [
  ['spec', 'template', 'metadata'],
  ['spec', 'jobTemplate', 'metadata'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
];

/** The metadata of the templates inside a workload (a CronJob has a Job template and, inside it, a pod template). */
function nestedTemplateMetadata(obj: ManifestObject): Record<string, unknown>[] {
  return TEMPLATE_METADATA_PATHS.map((path) => at(obj, path)).filter((m) => m !== undefined);
}

/** The annotations of the pods a manifest makes: the pod's own for a Pod, else its (innermost) pod template's. */
export function podTemplateAnnotations(obj: ManifestObject): Record<string, string> {
  if (obj.kind === 'Pod') return obj.metadata.annotations ?? {};
  const path = obj.kind === 'CronJob' ? TEMPLATE_METADATA_PATHS[2]! : TEMPLATE_METADATA_PATHS[0]!;
  return (record(at(obj, path)?.['annotations']) ?? {}) as Record<string, string>;
}

/** Whether the manifest's pods already carry an injected sidecar in the manifest itself (kube-inject was applied). */
export function manifestInjected(obj: ManifestObject): boolean {
  return podTemplateAnnotations(obj)[STATUS_ANNOTATION] !== undefined;
}

/** The name of the manifest's untitled document, e.g. `demo-deployment-web.yaml` (its tab and Save As name). */
export function manifestDocumentName(obj: ManifestObject): string {
  const safe = (text: string) => text.replace(/[^\w.-]+/g, '_');
  return `${safe(obj.metadata.namespace ?? 'default')}-${safe((obj.kind ?? 'object').toLowerCase())}-${safe(obj.metadata.name)}.yaml`;
}

function at(obj: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let v: Record<string, unknown> | undefined = record(obj);
  for (const key of path) v = record(v?.[key]);
  return v;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}
