// The object store behind the test API server: every write takes the next resourceVersion and is kept in a bounded
// history, so a watch can resume from any recent version and gets 410 Gone once its version has been compacted away,
// just as etcd-backed API servers behave.
import { randomUUID } from 'node:crypto';
import { RESOURCES, apiVersionOf, resourceForKind, typeKey, type ResourceType } from './resources';

/** A Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: KubeMeta;
  [field: string]: unknown;
}

export interface KubeMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  [field: string]: unknown;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, as a watch stream reports it. */
export interface StoreEvent {
  type: EventType;
  resourceVersion: number;
  resource: ResourceType;
  object: KubeObject;
}

export class StoreError extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(code: number, reason: string, message: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

const clone = <T>(v: T): T => structuredClone(v);

/** The state of the fake cluster. Objects go in and come out as copies; nothing outside can mutate what is stored. */
export class ObjectStore {
  private rv = 1;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  /** Versions at or below this are gone from the history: watching from them gets 410. */
  private compactedThrough = 0;
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  /** How many events the history keeps before the oldest are compacted. */
  historyLimit = 5000;

  get resourceVersion(): number {
    return this.rv;
  }

  /** Creates or replaces an object named by its apiVersion/kind/metadata (the seeding API for tests). */
  apply(obj: KubeObject): KubeObject {
    const resource = this.resourceOf(obj);
    const existing = this.get(resource, obj.metadata.namespace, obj.metadata.name);
    return existing ? this.update(resource, obj, false) : this.create(resource, obj);
  }

  /** Applies several objects in order. */
  applyAll(objs: KubeObject[]): void {
    for (const o of objs) this.apply(o);
  }

  resourceOf(obj: KubeObject): ResourceType {
    const r = resourceForKind(obj.apiVersion ?? '', obj.kind ?? '');
    if (!r) throw new StoreError(400, 'BadRequest', `no resource for ${obj.apiVersion} ${obj.kind}`);
    return r;
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.bucket(resource).get(objectKey(resource, namespace, name));
    return o && clone(o);
  }

  /** Objects of one type, sorted by namespace/name (the order a real list has), optionally in one namespace. */
  list(resource: ResourceType, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const [key, o] of [...this.bucket(resource)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (namespace && !key.startsWith(`${namespace}/`)) continue;
      out.push(clone(o));
    }
    return out;
  }

  create(resource: ResourceType, input: KubeObject): KubeObject {
    const obj = clone(input);
    const meta = obj.metadata;
    if (!meta?.name) throw new StoreError(422, 'Invalid', `${resource.kind} must have metadata.name`);
    if (resource.namespaced && !meta.namespace) meta.namespace = 'default';
    if (!resource.namespaced) delete meta.namespace;
    const key = objectKey(resource, meta.namespace, meta.name);
    if (this.bucket(resource).has(key)) throw new StoreError(409, 'AlreadyExists', `${resource.plural} "${meta.name}" already exists`);
    obj.apiVersion = apiVersionOf(resource);
    obj.kind = resource.kind;
    meta.uid ??= randomUUID();
    meta.creationTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    if (resource.group === 'apps' || resource.group === 'batch') meta.generation = 1;
    return this.commit('ADDED', resource, key, obj);
  }

  /** Replaces an object; with `checkVersion`, a stale metadata.resourceVersion is a 409 Conflict. */
  update(resource: ResourceType, input: KubeObject, checkVersion = true): KubeObject {
    const key = objectKey(resource, input.metadata.namespace, input.metadata.name);
    const old = this.bucket(resource).get(key);
    if (!old) throw notFound(resource, input.metadata.name);
    const obj = clone(input);
    if (checkVersion && obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw new StoreError(409, 'Conflict', `Operation cannot be fulfilled on ${resource.plural} "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    obj.apiVersion = apiVersionOf(resource);
    obj.kind = resource.kind;
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (!resource.namespaced) delete obj.metadata.namespace;
    if (old.metadata.generation !== undefined) {
      const specChanged = JSON.stringify(old['spec']) !== JSON.stringify(obj['spec']);
      obj.metadata.generation = old.metadata.generation + (specChanged ? 1 : 0);
    }
    return this.commit('MODIFIED', resource, key, obj);
  }

  /** Reads, changes and writes back one object (a test's shortcut for "the cluster changed"). */
  mutate(resource: ResourceType, namespace: string | undefined, name: string, change: (o: KubeObject) => void): KubeObject {
    const obj = this.get(resource, namespace, name);
    if (!obj) throw notFound(resource, name);
    change(obj);
    return this.update(resource, obj, false);
  }

  remove(resource: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(resource, namespace, name);
    const old = this.bucket(resource).get(key);
    if (!old) throw notFound(resource, name);
    this.bucket(resource).delete(key);
    const gone = clone(old);
    this.rv += 1;
    gone.metadata.resourceVersion = String(this.rv);
    this.record({ type: 'DELETED', resourceVersion: this.rv, resource, object: gone });
    return clone(gone);
  }

  /**
   * Events after `resourceVersion` for one type, or `'gone'` when that version has been compacted away.
   * Version 0 is never gone: it means "from now".
   */
  eventsSince(resource: ResourceType, resourceVersion: number): StoreEvent[] | 'gone' {
    if (resourceVersion !== 0 && resourceVersion < this.compactedThrough) return 'gone';
    return this.history.filter((e) => e.resource === resource && e.resourceVersion > resourceVersion);
  }

  /** Forgets all history: every watch or continue token from before now gets 410 Gone. */
  compact(): void {
    this.rv += 1;
    this.compactedThrough = this.rv;
    this.history = [];
  }

  isCompacted(resourceVersion: number): boolean {
    return resourceVersion < this.compactedThrough;
  }

  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(type: EventType, resource: ResourceType, key: string, obj: KubeObject): KubeObject {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    this.bucket(resource).set(key, obj);
    this.record({ type, resourceVersion: this.rv, resource, object: clone(obj) });
    return clone(obj);
  }

  private record(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedThrough = dropped[dropped.length - 1]!.resourceVersion;
    }
    for (const l of this.listeners) l(e);
  }

  private bucket(resource: ResourceType): Map<string, KubeObject> {
    const k = typeKey(resource);
    let b = this.objects.get(k);
    if (!b) this.objects.set(k, (b = new Map()));
    return b;
  }
}

function objectKey(resource: ResourceType, namespace: string | undefined, name: string): string {
  return resource.namespaced ? `${namespace ?? 'default'}/${name}` : `/${name}`;
}

export function notFound(resource: ResourceType, name: string): StoreError {
  const group = resource.group ? `.${resource.group}` : '';
  return new StoreError(404, 'NotFound', `${resource.plural}${group} "${name}" not found`);
}

export { RESOURCES };
