/**
 * The Kubernetes type schema: Go struct layouts of Pod, the workload kinds that carry a pod template, and the
 * List wrapper, with lookups by Go type name, JSON name and Go field name.
 *
 * Struct names use the usual Go import aliases so they stay unique across API groups: `v1.` (core/v1), `metav1.`,
 * `appsv1.`, `batchv1.`, `ocappsv1.` (OpenShift apps/v1). `goTypeName` gives the name Go itself prints.
 */
import type { FieldSpec, StructSpec, TypeRef } from './schema-types';
import { META_STRUCTS } from './schema-meta';
import { CORE_STRUCTS } from './schema-core';
import { CORE_VOLUME_STRUCTS } from './schema-core-volume';
import { CORE_STATUS_STRUCTS } from './schema-core-status';
import { APPS_STRUCTS } from './schema-apps';
import { BATCH_STRUCTS } from './schema-batch';
import { OPENSHIFT_STRUCTS } from './schema-openshift';

export type { FieldSpec, StructSpec, TypeRef } from './schema-types';

interface IndexedStruct {
  spec: StructSpec;
  byJson: Map<string, FieldSpec>;
  byGo: Map<string, FieldSpec>;
}

const STRUCTS = new Map<string, IndexedStruct>();
for (const spec of [...META_STRUCTS, ...CORE_STRUCTS, ...CORE_VOLUME_STRUCTS, ...CORE_STATUS_STRUCTS, ...APPS_STRUCTS, ...BATCH_STRUCTS, ...OPENSHIFT_STRUCTS]) {
  STRUCTS.set(spec.name, {
    spec,
    byJson: new Map(spec.fields.filter((f) => !f.inline).map((f) => [f.json, f])),
    byGo: new Map(spec.fields.map((f) => [f.go, f])),
  });
}

/** The struct named `name` (e.g. `v1.Container`; a leading `*` is ignored), or undefined. */
export function structSpec(name: string): StructSpec | undefined {
  return STRUCTS.get(name.replace(/^\*/, ''))?.spec;
}

/** Every struct in the schema. */
export function allStructs(): StructSpec[] {
  return [...STRUCTS.values()].map((s) => s.spec);
}

/**
 * The field written under JSON key `json`, searching inline (embedded) structs too, as encoding/json does.
 * `struct` is a name or a spec.
 */
export function fieldByJson(struct: string | StructSpec, json: string): FieldSpec | undefined {
  const s = indexed(struct);
  if (!s) return undefined;
  const direct = s.byJson.get(json);
  if (direct) return direct;
  for (const f of s.spec.fields) {
    if (!f.inline) continue;
    const found = fieldByJson(f.type, json);
    if (found) return found;
  }
  return undefined;
}

/** The field with Go name `go`, promoted from embedded structs as Go does (`.Kind` on a Pod). */
export function fieldByGo(struct: string | StructSpec, go: string): FieldSpec | undefined {
  const s = indexed(struct);
  if (!s) return undefined;
  const direct = s.byGo.get(go);
  if (direct) return direct;
  for (const f of s.spec.fields) {
    if (!f.inline) continue;
    const found = fieldByGo(f.type, go);
    if (found) return found;
  }
  return undefined;
}

/** The JSON fields of a struct in Go's marshalling order, with inline structs' fields spliced in place. */
export function jsonFields(struct: string | StructSpec): FieldSpec[] {
  const s = indexed(struct);
  if (!s) return [];
  return s.spec.fields.flatMap((f) => (f.inline ? jsonFields(f.type) : [f]));
}

/**
 * Kind → root struct. istioctl registers these types as "unversioned" in its scheme, so a document is decoded by
 * kind alone whatever its apiVersion says (`extensions/v1beta1` Deployment is still an apps/v1 Deployment).
 */
const ROOT_TYPES: Readonly<Record<string, string>> = {
  Pod: 'v1.Pod',
  ReplicationController: 'v1.ReplicationController',
  List: 'metav1.List',
  Deployment: 'appsv1.Deployment',
  ReplicaSet: 'appsv1.ReplicaSet',
  DaemonSet: 'appsv1.DaemonSet',
  StatefulSet: 'appsv1.StatefulSet',
  Job: 'batchv1.Job',
  CronJob: 'batchv1.CronJob',
  DeploymentConfig: 'ocappsv1.DeploymentConfig',
};

/**
 * The root struct istioctl decodes a document into (`apps/v1`, `Deployment` → `appsv1.Deployment`), or undefined
 * when istioctl passes the document through untouched. Only the kind decides (see ROOT_TYPES); `apiVersion` is
 * accepted for callers' clarity and future use.
 */
export function rootTypeFor(_apiVersion: string, kind: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ROOT_TYPES, kind) ? ROOT_TYPES[kind] : undefined;
}

/** One layer of a composite type peeled: `[]T` → T, `map[string]T` → T, `*T` → T; undefined for other types. */
export function elemType(type: TypeRef): TypeRef | undefined {
  if (type.startsWith('[]')) return type.slice(2);
  if (type.startsWith('map[string]')) return type.slice('map[string]'.length);
  if (type.startsWith('*')) return type.slice(1);
  return undefined;
}

/** True when the type (after any pointer) names a struct of the schema. */
export function isStructType(type: TypeRef): boolean {
  return STRUCTS.has(type.replace(/^\*/, ''));
}

/** The name Go prints for a type (`%T`): aliases collapse to the package name, e.g. `*appsv1.Deployment` → `*v1.Deployment`. */
export function goTypeName(type: TypeRef): string {
  return type.replace(/\b(?:metav1|appsv1|batchv1|ocappsv1)\./g, 'v1.');
}

function indexed(struct: string | StructSpec): IndexedStruct | undefined {
  return STRUCTS.get(typeof struct === 'string' ? struct.replace(/^\*/, '') : struct.name);
}
