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
  /** Lookups are made per value while templates run and objects print, so their answers are kept. */
  jsonFields?: readonly FieldSpec[];
  promotedByJson: Map<string, FieldSpec | undefined>;
  promotedByGo: Map<string, FieldSpec | undefined>;
}

const STRUCTS = new Map<string, IndexedStruct>();
for (const spec of [...META_STRUCTS, ...CORE_STRUCTS, ...CORE_VOLUME_STRUCTS, ...CORE_STATUS_STRUCTS, ...APPS_STRUCTS, ...BATCH_STRUCTS, ...OPENSHIFT_STRUCTS]) {
  STRUCTS.set(spec.name, {
    spec,
    byJson: new Map(spec.fields.filter((f) => !f.inline).map((f) => [f.json, f])),
    byGo: new Map(spec.fields.map((f) => [f.go, f])),
    promotedByJson: new Map(),
    promotedByGo: new Map(),
  });
}

/** The struct named `name` (e.g. `v1.Container`; a leading `*` is ignored), or undefined. */
export function structSpec(name: string): StructSpec | undefined {
  return STRUCTS.get(withoutPointer(name))?.spec;
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
  return remembered(s.promotedByJson, json, () => promotedByJson(s, json));
}

function promotedByJson(s: IndexedStruct, json: string): FieldSpec | undefined {
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
  return remembered(s.promotedByGo, go, () => promotedByGo(s, go));
}

function promotedByGo(s: IndexedStruct, go: string): FieldSpec | undefined {
  for (const f of s.spec.fields) {
    if (!f.inline) continue;
    const found = fieldByGo(f.type, go);
    if (found) return found;
  }
  return undefined;
}

/** The JSON fields of a struct in Go's marshalling order, with inline structs' fields spliced in place (shared: do not modify). */
export function jsonFields(struct: string | StructSpec): readonly FieldSpec[] {
  const s = indexed(struct);
  if (!s) return [];
  s.jsonFields ??= s.spec.fields.flatMap((f) => (f.inline ? jsonFields(f.type) : [f]));
  return s.jsonFields;
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
  return STRUCTS.has(withoutPointer(type));
}

/** The name Go prints for a type (`%T`): aliases collapse to the package name, e.g. `*appsv1.Deployment` → `*v1.Deployment`. */
export function goTypeName(type: TypeRef): string {
  let name = GO_TYPE_NAMES.get(type);
  if (name === undefined) {
    name = type.replace(/\b(?:metav1|appsv1|batchv1|ocappsv1)\./g, 'v1.');
    // Type references come from the schema, a bounded set; the guard only protects against odd callers.
    if (GO_TYPE_NAMES.size < 1024) GO_TYPE_NAMES.set(type, name);
  }
  return name;
}

const GO_TYPE_NAMES = new Map<string, string>();

function indexed(struct: string | StructSpec): IndexedStruct | undefined {
  return STRUCTS.get(typeof struct === 'string' ? withoutPointer(struct) : struct.name);
}

/** Names come from templates and objects, so a map stops remembering new ones once it holds a few hundred. */
function remembered(cache: Map<string, FieldSpec | undefined>, name: string, find: () => FieldSpec | undefined): FieldSpec | undefined {
  if (cache.has(name)) return cache.get(name);
  const found = find();
  if (cache.size < 512) cache.set(name, found);
  return found;
}

function withoutPointer(name: string): string {
  return name.startsWith('*') ? name.slice(1) : name;
}
