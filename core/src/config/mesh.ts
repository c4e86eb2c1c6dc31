/**
 * Istio's MeshConfig defaults and the merge of a `mesh` YAML onto them (pkg/config/mesh), on canonical protojson.
 *
 * The rules (Istio's, observed from its behaviour): a field given in the YAML replaces the field as a whole, except
 * - `defaultConfig` is merged field by field onto the previous ProxyConfig (see mergeProxyConfig);
 * - `defaultProviders` is merged field by field onto the previous one;
 * - `extensionProviders` are upserted by name into the previous list;
 * - `trustDomainAliases` become the sorted union of the previous and the given ones.
 * Istio's mesh validation (agent.ValidateMeshConfig) is not reproduced.
 */
import { compareGoStrings } from '../go/utf8';
import { isObject } from '../inject/json-access';
import { MESH_CONFIG_FIELDS, PROXY_CONFIG_FIELDS } from './mesh-schema';
import { applyJsonToMessage, orderKeys, STRING_LIST, type FieldSpec, type JsonObject } from './proto-json';
import { yamlToJson } from './yaml-json';

/** Istio's DefaultProxyConfig() as protojson. */
export function proxyConfigDefaults(): JsonObject {
  return {
    configPath: './etc/istio/proxy',
    binaryPath: '/usr/local/bin/envoy',
    serviceCluster: 'istio-proxy',
    drainDuration: '45s',
    discoveryAddress: 'istiod.istio-system.svc:15012',
    proxyAdminPort: 15000,
    controlPlaneAuthPolicy: 'MUTUAL_TLS',
    statNameLength: 189,
    statusPort: 15020,
    terminationDrainDuration: '5s',
  };
}

/** Istio's DefaultMeshConfig() as protojson (zero values omitted, declaration order). */
export function meshDefaults(): JsonObject {
  return {
    proxyListenPort: 15001,
    proxyInboundListenPort: 15006,
    connectTimeout: '10s',
    protocolDetectionTimeout: '0s',
    ingressClass: 'istio',
    ingressService: 'istio-ingressgateway',
    ingressControllerMode: 'STRICT',
    enableTracing: true,
    defaultConfig: proxyConfigDefaults(),
    outboundTrafficPolicy: { mode: 'ALLOW_ANY' },
    inboundTrafficPolicy: {},
    enableAutoMtls: true,
    trustDomain: 'cluster.local',
    defaultServiceExportTo: ['*'],
    defaultVirtualServiceExportTo: ['*'],
    defaultDestinationRuleExportTo: ['*'],
    rootNamespace: 'istio-system',
    localityLbSetting: { enabled: true },
    dnsRefreshRate: '60s',
    enablePrometheusMerge: true,
    extensionProviders: [
      { name: 'prometheus', prometheus: {} },
      { name: 'stackdriver', stackdriver: {} },
      { name: 'envoy', envoyFileAccessLog: { path: '/dev/stdout' } },
    ],
    defaultProviders: {},
  };
}

const DEFAULT_PROVIDERS_FIELDS: FieldSpec[] = [
  { proto: 'tracing', json: 'tracing', kind: STRING_LIST },
  { proto: 'metrics', json: 'metrics', kind: STRING_LIST },
  { proto: 'access_logging', json: 'accessLogging', kind: STRING_LIST },
];

/**
 * Applies a `mesh` YAML (or JSON) text onto `base` (default: meshDefaults()) as Istio's ApplyMeshConfig does.
 * `base` is not modified. Throws Error with Istio's wording on a bad document.
 */
export function applyMeshConfig(meshYaml: string, base: JsonObject = meshDefaults()): JsonObject {
  const input = yamlToJson(meshYaml);
  return applyMeshConfigJson(input, base);
}

/** applyMeshConfig for an already parsed document (e.g. an IstioOperator's spec.meshConfig). */
export function applyMeshConfigJson(input: unknown, base: JsonObject = meshDefaults()): JsonObject {
  let applied: JsonObject;
  try {
    // The defaultConfig given here is decoded only to surface its errors; it is merged properly below.
    applied = applyJsonToMessage({ ...base, defaultConfig: proxyConfigDefaults() }, input, MESH_CONFIG_FIELDS);
  } catch (e) {
    throw new Error(multiErrorText(`failed to convert to proto. ${errorMessage(e)}`));
  }
  const given = isObject(input) ? input : {};

  const prevProxy = isObject(base.defaultConfig) ? base.defaultConfig : {};
  applied.defaultConfig = isPresent(given.defaultConfig) ? mergeProxyConfigJson(given.defaultConfig, prevProxy) : prevProxy;

  const prevProviders = isObject(base.defaultProviders) ? base.defaultProviders : undefined;
  if (isPresent(given.defaultProviders)) {
    try {
      applied.defaultProviders = applyJsonToMessage(prevProviders ?? {}, given.defaultProviders, DEFAULT_PROVIDERS_FIELDS);
    } catch (e) {
      throw new Error(`could not parse default providers: ${errorMessage(e)}`);
    }
  } else if (prevProviders) {
    applied.defaultProviders = prevProviders;
  } else {
    delete applied.defaultProviders;
  }

  const providers = asObjects(base.extensionProviders).map((p) => ({ ...p }));
  // Without extensionProviders in the YAML this upserts the previous list onto itself: a no-op.
  for (const p of asObjects(applied.extensionProviders)) {
    const i = providers.findIndex((e) => e.name === p.name);
    if (i >= 0) providers[i] = { ...p };
    else providers.push({ ...p });
  }
  if (providers.length > 0) applied.extensionProviders = providers;
  else delete applied.extensionProviders;

  const aliases = new Set<string>([...asStrings(applied.trustDomainAliases), ...asStrings(base.trustDomainAliases)]);
  if (aliases.size > 0) applied.trustDomainAliases = [...aliases].sort(compareGoStrings);
  else delete applied.trustDomainAliases;

  return orderKeys(applied, MESH_CONFIG_FIELDS);
}

/**
 * Merges a ProxyConfig YAML/JSON text onto `base` as Istio's MergeProxyConfig does: fields replace, except that
 * `proxyMetadata` entries are added to the previous ones and unset `proxyHeaders` parts keep their previous value.
 */
export function mergeProxyConfig(proxyYaml: string, base: JsonObject): JsonObject {
  let input: unknown;
  try {
    input = yamlToJson(proxyYaml);
  } catch (e) {
    throw new Error(`could not parse proxy config: ${errorMessage(e)}`);
  }
  return mergeProxyConfigJson(input, base);
}

function mergeProxyConfigJson(input: unknown, base: JsonObject): JsonObject {
  let merged: JsonObject;
  try {
    merged = applyJsonToMessage(base, input, PROXY_CONFIG_FIELDS);
  } catch (e) {
    throw new Error(`could not parse proxy config: ${errorMessage(e)}`);
  }
  const oldMeta = isObject(base.proxyMetadata) ? base.proxyMetadata : undefined;
  const newMeta = isObject(merged.proxyMetadata) ? merged.proxyMetadata : undefined;
  if (oldMeta || newMeta) {
    const meta = { ...oldMeta, ...newMeta };
    if (Object.keys(meta).length > 0) merged.proxyMetadata = meta;
  }
  const oldHeaders = base.proxyHeaders;
  const newHeaders = merged.proxyHeaders;
  if (isObject(oldHeaders) && isObject(newHeaders)) {
    const fixed = { ...newHeaders };
    for (const key of ['forwardedClientCert', 'requestId', 'attemptCount', 'server', 'envoyDebugHeaders']) {
      const empty = fixed[key] === undefined || fixed[key] === null || fixed[key] === 'UNDEFINED' || fixed[key] === 0;
      if (empty && oldHeaders[key] !== undefined) fixed[key] = oldHeaders[key];
    }
    merged.proxyHeaders = fixed;
  }
  return orderKeys(merged, PROXY_CONFIG_FIELDS);
}

/** Istio's ApplyProxyConfig: `mesh` with its defaultConfig merged with a ProxyConfig YAML (mesh is not modified). */
export function applyProxyConfig(proxyYaml: string, mesh: JsonObject): JsonObject {
  const base = isObject(mesh.defaultConfig) ? mesh.defaultConfig : {};
  return { ...mesh, defaultConfig: mergeProxyConfig(proxyYaml, base) };
}

/** How hashicorp/go-multierror prints a single error (Istio prefixes some errors with it). */
function multiErrorText(message: string): string {
  return `1 error occurred:\n\t* ${message}\n\n`;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function asObjects(v: unknown): JsonObject[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}
