/** The data a sidecar template runs with (Istio's SidecarTemplateData) and the values-derived image names. */
import { formatValue } from '../template/printf';
import { GO_STRUCT, NOT_FOUND, type GoStruct } from '../template/value';
import { estimateConcurrency } from './concurrency';
import { k8sValue } from './go-data';
import { objAt, strAt, type JsonObject } from './json-access';
import type { PodJson } from './pod';
import { meshConfigValue, proxyConfigValue } from './proto-data';

export interface TemplateDataInput {
  typeMeta: { kind: string; apiVersion: string };
  deployMeta: { name: string; namespace: string };
  /** The pod after stripping a previous injection. */
  pod: PodJson;
  proxyConfig: JsonObject;
  mesh: JsonObject;
  values: JsonObject;
  revision: string;
  nativeSidecars: boolean;
  proxyUID: number;
  proxyGID: number;
  compliancePolicy: string;
}

/** A Go struct made of precomputed fields. */
function goRecord(
  typeName: string,
  fields: Record<string, unknown>,
  json: () => unknown = () => fields,
  methods: Record<string, (...args: unknown[]) => unknown> = {},
): GoStruct {
  return {
    [GO_STRUCT]: true,
    goTypeName: typeName,
    goField: (name) => (Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : NOT_FOUND),
    goMethod: (name) => (Object.prototype.hasOwnProperty.call(methods, name) ? methods[name] : undefined),
    toJSON: json,
  };
}

export function sidecarTemplateData(input: TemplateDataInput): GoStruct {
  const annotations = stringRecord(objAt(input.pod.metadata, 'annotations'));
  const imageType = strAt(objAt(input.proxyConfig, 'image'), 'imageType');
  return goRecord('*inject.SidecarTemplateData', {
    TypeMeta: goRecord('v1.TypeMeta', { Kind: input.typeMeta.kind, APIVersion: input.typeMeta.apiVersion }, () => ({
      ...(input.typeMeta.kind ? { kind: input.typeMeta.kind } : {}),
      ...(input.typeMeta.apiVersion ? { apiVersion: input.typeMeta.apiVersion } : {}),
    })),
    DeploymentMeta: goRecord(
      'types.NamespacedName',
      { Namespace: input.deployMeta.namespace, Name: input.deployMeta.name },
      () => ({ Namespace: input.deployMeta.namespace, Name: input.deployMeta.name }),
      { String: () => `${input.deployMeta.namespace}/${input.deployMeta.name}` },
    ),
    ObjectMeta: k8sValue(input.pod.metadata, 'metav1.ObjectMeta'),
    Spec: k8sValue(input.pod.spec, 'v1.PodSpec'),
    ProxyConfig: proxyConfigValue(input.proxyConfig),
    MeshConfig: meshConfigValue(input.mesh),
    Values: input.values,
    Revision: input.revision,
    NativeSidecars: input.nativeSidecars,
    ProxyImage: proxyImage(input.values, imageType, annotations),
    ProxyInitImage: proxyInitImage(input.values, annotations),
    ProxyUID: BigInt(input.proxyUID),
    ProxyGID: BigInt(input.proxyGID),
    InboundTrafficPolicyMode: inboundTrafficPolicyMode(input.mesh),
    CompliancePolicy: input.compliancePolicy,
    EstimatedConcurrency: BigInt(estimateConcurrency(input.proxyConfig, annotations, input.values)),
  });
}

function stringRecord(m: JsonObject | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

function globalValues(values: JsonObject): JsonObject {
  return objAt(values, 'global') ?? {};
}

/** The sidecar image: hub/<proxy.image or proxyv2>:tag[-variant]. */
export function proxyImage(values: JsonObject, imageType: string, annotations: Record<string, string>): string {
  const name = strAt(objAt(globalValues(values), 'proxy'), 'image') || 'proxyv2';
  return proxyImageUrl(values, name, imageType, annotations);
}

export function proxyInitImage(values: JsonObject, annotations: Record<string, string>): string {
  const name = strAt(objAt(globalValues(values), 'proxy_init'), 'image') || 'proxyv2';
  return proxyImageUrl(values, name, '', annotations);
}

function proxyImageUrl(values: JsonObject, imageName: string, imageType: string, annotations: Record<string, string>): string {
  const global = globalValues(values);
  const tag = tagString(global.tag);
  let type = imageType === '' ? strAt(global, 'variant') : imageType;
  if (Object.prototype.hasOwnProperty.call(annotations, 'sidecar.istio.io/proxyImageType')) type = annotations['sidecar.istio.io/proxyImageType'];
  return `${strAt(global, 'hub')}/${imageName}:${withImageType(tag, type)}`;
}

/** Replaces a known image-type suffix of the tag (`-distroless`, `-debug`); "default" means none. */
function withImageType(tag: string, imageType: string): string {
  if (imageType === '') return tag;
  for (const known of ['distroless', 'debug']) {
    if (tag.endsWith('-' + known)) {
      tag = tag.slice(0, tag.length - known.length - 1);
      break;
    }
  }
  return imageType === 'default' ? tag : `${tag}-${imageType}`;
}

/**
 * Istio's `fmt.Sprintf("%v", tag.AsInterface())`: the tag is a structpb.Value, so a number is a float64 (1e+06), a
 * list or struct prints as Go prints []interface{} / map[string]interface{}.
 */
function tagString(v: unknown): string {
  if (v === undefined || v === null) return '';
  return formatValue(typeof v === 'bigint' ? Number(v) : v);
}

function inboundTrafficPolicyMode(mesh: JsonObject): string {
  return strAt(objAt(mesh, 'inboundTrafficPolicy'), 'mode') === 'LOCALHOST' ? 'localhost' : 'passthrough';
}
