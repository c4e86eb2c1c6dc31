/**
 * Istio's protoToJSON: the ProxyConfig without the fields that equal Istio's defaults (cleanProxyConfig), written
 * as the legacy jsonpb marshaller does (compact, fields in .proto declaration order, defaults omitted).
 *
 * Works on the protojson form of the message: a GoStruct whose toJSON() gives it, or that JSON object itself.
 */
import { proxyConfigDefaults } from '../../config/mesh';
import { PROXY_CONFIG_FIELDS as PROXY_CONFIG_SCHEMA } from '../../config/mesh-schema';
import { goJsonMarshal } from '../../go/json';
import { isGoStruct } from '../value';
import { isGoMap, sortedKeys } from './go-values';

/** mesh.DefaultProxyConfig() in protojson form: the defaults cleanProxyConfig compares against. */
export const DEFAULT_PROXY_CONFIG_JSON: Readonly<Record<string, unknown>> = Object.freeze(proxyConfigDefaults());

/** ProxyConfig's fields in istio/api mesh/v1alpha1/proxy.proto declaration order (JSON names). */
const PROXY_CONFIG_FIELDS = PROXY_CONFIG_SCHEMA.map((f) => f.json);

/** Scalar fields cleared when equal to the default (proto3 zero values are not written at all). */
const SCALAR_DEFAULTS = ['configPath', 'binaryPath', 'controlPlaneAuthPolicy', 'discoveryAddress', 'proxyAdminPort', 'statNameLength', 'statusPort', 'serviceCluster'];
/** Message fields cleared when proto.Equal to the default (both nil counts as equal). */
const MESSAGE_DEFAULTS = ['drainDuration', 'terminationDrainDuration', 'envoyMetricsService', 'envoyAccessLogService', 'tracing', 'concurrency'];

/** proto.Equal on protojson values: same JSON text with sorted keys (absent and null both mean nil). */
function sameJson(a: unknown, b: unknown): boolean {
  return goJsonMarshal(a ?? null) === goJsonMarshal(b ?? null);
}

/** Istio's cleanProxyConfig on the protojson form; returns a new object in declaration order. */
export function cleanProxyConfigJson(pc: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const drop = new Set<string>();
  for (const k of SCALAR_DEFAULTS) if (pc[k] !== undefined && defaults[k] !== undefined && sameJson(pc[k], defaults[k])) drop.add(k);
  for (const k of MESSAGE_DEFAULTS) if (sameJson(pc[k], defaults[k])) drop.add(k);
  const meta = pc.proxyMetadata;
  if (isGoMap(meta) && Object.keys(meta).length === 0) drop.add('proxyMetadata');
  const out: Record<string, unknown> = {};
  const known = new Set(PROXY_CONFIG_FIELDS);
  for (const k of [...PROXY_CONFIG_FIELDS, ...Object.keys(pc).filter((k) => !known.has(k))]) {
    if (pc[k] !== undefined && pc[k] !== null && !drop.has(k)) out[k] = pc[k];
  }
  return out;
}

/** jsonpb keeps map fields sorted by key and message fields in declaration order (as given). */
function sortProtoMaps(pc: Record<string, unknown>): Record<string, unknown> {
  for (const k of ['proxyMetadata', 'runtimeValues']) {
    const m = pc[k];
    if (isGoMap(m)) {
      const sorted: Record<string, unknown> = {};
      for (const key of sortedKeys(m)) sorted[key] = m[key];
      pc[k] = sorted;
    }
  }
  return pc;
}

/**
 * protoToJSON(.ProxyConfig): "{}" for nil; other messages are written unchanged.
 * `defaults` is mesh.DefaultProxyConfig() in protojson form.
 */
export function protoToJson(v: unknown, defaults: Record<string, unknown> = DEFAULT_PROXY_CONFIG_JSON): string {
  if (v === null || v === undefined) return '{}';
  const json = isGoStruct(v) ? v.toJSON() : v;
  if (!isGoMap(json)) return '{}';
  const isProxyConfig = !isGoStruct(v) || /ProxyConfig$/.test(v.goTypeName);
  const msg = isProxyConfig ? sortProtoMaps(cleanProxyConfigJson(json, defaults)) : json;
  return goJsonMarshal(msg, { preserveOrder: true });
}
