/** Finding the pod inside a Kubernetes object, as kube-inject's IntoObject does, and writing the result back. */
import { podTemplateLocation } from '../manifest/kinds';
import { JsonObject, deepClone, isObject, objAt, strAt } from './json-access';
import type { PodJson } from './pod';
import type { KubeObject } from './types';

/** Where injection reads and writes the pod of one object, plus the names templates see. */
export interface PodTarget {
  pod: PodJson;
  typeMeta: { kind: string; apiVersion: string };
  deployMeta: { name: string; namespace: string };
  /** Puts the injected pod back into a copy of the object. */
  writeBack(pod: PodJson): KubeObject;
}

export type Located = { ok: true; target: PodTarget } | { ok: false; unchanged: string } | { ok: false; error: string };

const CRONJOB_NAME = /^(.+)-\d{8,10}$/;

/** The Kubernetes names of a Pod's owner, guessed from its controller reference (Istio's GetDeployMetaFromPod). */
export function deployMetaFromPod(metadata: JsonObject): { deployMeta: { name: string; namespace: string }; typeMeta: { kind: string; apiVersion: string } } {
  const deployMeta = { name: strAt(metadata, 'name'), namespace: strAt(metadata, 'namespace') };
  const typeMeta = { kind: 'Pod', apiVersion: 'v1' };
  const labels = objAt(metadata, 'labels') ?? {};
  if (strAt(metadata, 'generateName') !== '') {
    const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences.filter(isObject) : [];
    const ref = owners.find((r) => r.controller === true);
    if (ref) {
      typeMeta.apiVersion = strAt(ref, 'apiVersion');
      typeMeta.kind = strAt(ref, 'kind');
      const refName = strAt(ref, 'name');
      deployMeta.name = refName;
      const hash = strAt(labels, 'pod-template-hash');
      const rolloutsHash = strAt(labels, 'rollouts-pod-template-hash');
      if (typeMeta.kind === 'ReplicaSet' && hash !== '' && refName.endsWith(hash)) {
        deployMeta.name = refName.endsWith('-' + hash) ? refName.slice(0, -(hash.length + 1)) : refName;
        typeMeta.kind = 'Deployment';
      } else if (typeMeta.kind === 'ReplicaSet' && rolloutsHash !== '' && refName.endsWith(rolloutsHash)) {
        deployMeta.name = refName.endsWith('-' + rolloutsHash) ? refName.slice(0, -(rolloutsHash.length + 1)) : refName;
        typeMeta.kind = 'Rollout';
        typeMeta.apiVersion = 'v1alpha1';
      } else if (typeMeta.kind === 'ReplicationController' && strAt(labels, 'deploymentconfig') !== '') {
        deployMeta.name = strAt(labels, 'deploymentconfig');
        typeMeta.kind = 'DeploymentConfig';
      } else if (typeMeta.kind === 'Job') {
        const m = CRONJOB_NAME.exec(refName);
        if (m) {
          deployMeta.name = m[1];
          typeMeta.kind = 'CronJob';
          typeMeta.apiVersion = 'batch/v1';
        }
      }
    }
  }
  if (deployMeta.name === '') deployMeta.name = strAt(metadata, 'name');
  return { deployMeta, typeMeta };
}

/** Kinds whose Go type holds the pod template through a pointer: a missing template is an error there. */
const POINTER_TEMPLATE_KINDS = new Set(['ReplicationController', 'DeploymentConfig']);

/** Locates the pod of `obj` (not a List). */
export function locatePod(obj: KubeObject): Located {
  const apiVersion = strAt(obj, 'apiVersion');
  const kind = strAt(obj, 'kind');
  const path = podTemplateLocation(kind)?.path;
  if (!path) {
    return { ok: false, unchanged: kind === 'List' ? 'a List is handled item by item' : `${kind || 'an object without kind'} has no pod template; kube-inject leaves it unchanged` };
  }
  const copy = deepClone(obj) as JsonObject;
  const objMeta = objAt(copy, 'metadata') ?? {};
  if (kind === 'Pod') {
    const spec = objAt(copy, 'spec') ?? {};
    const { deployMeta, typeMeta } = deployMetaFromPod(objMeta);
    return {
      ok: true,
      target: {
        pod: { metadata: objMeta, spec },
        typeMeta,
        deployMeta,
        writeBack: (pod) => ({ ...copy, metadata: pod.metadata, spec: pod.spec }),
      },
    };
  }
  const typeMeta = { kind, apiVersion };
  const deployMeta = { name: strAt(objMeta, 'name'), namespace: strAt(objMeta, 'namespace') };
  // `path` leads to the object that holds the pod's metadata and spec.
  const template = getPath(copy, path);
  if (template === undefined && POINTER_TEMPLATE_KINDS.has(kind)) return { ok: false, error: 'spec.template is required value' };
  const templateObj = template ?? {};
  const spec = objAt(templateObj, 'spec') ?? {};
  // CronJob: Istio reads and writes the Job template's metadata, with the pod template's spec.
  const metaHolder = kind === 'CronJob' ? (getPath(copy, ['spec', 'jobTemplate']) ?? {}) : templateObj;
  const metadata = objAt(metaHolder, 'metadata') ?? {};
  return {
    ok: true,
    target: {
      pod: { metadata, spec },
      typeMeta,
      deployMeta,
      // `copy` is this call's private copy, so it can be written in place.
      writeBack: (pod) => {
        const holder = ensurePath(copy, path);
        holder.spec = pod.spec;
        const mh = kind === 'CronJob' ? ensurePath(copy, ['spec', 'jobTemplate']) : holder;
        mh.metadata = pod.metadata;
        return copy;
      },
    },
  };
}

function getPath(obj: JsonObject, path: readonly string[]): JsonObject | undefined {
  let cur: JsonObject | undefined = obj;
  for (const k of path) {
    cur = objAt(cur, k);
    if (!cur) return undefined;
  }
  return cur;
}

function ensurePath(obj: JsonObject, path: readonly string[]): JsonObject {
  let cur = obj;
  for (const k of path) {
    const next = cur[k];
    if (isObject(next)) cur = next;
    else {
      const created: JsonObject = {};
      cur[k] = created;
      cur = created;
    }
  }
  return cur;
}
