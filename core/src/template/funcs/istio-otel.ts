/**
 * Istio's otelResourceAttributes: the OTEL_RESOURCE_ATTRIBUTES value following OpenTelemetry's Kubernetes service
 * attribute conventions, when a tracing provider of the mesh asks for them.
 */
import { isGoStruct } from '../value';
import { fieldOf, isGoMap } from './go-values';

const OTEL_SEMANTIC_CONVENTIONS = 1;

/** Whether any OpenTelemetry extension provider sets serviceAttributeEnrichment: OTEL_SEMANTIC_CONVENTIONS. */
function wantsOtelConventions(meshConfig: unknown): boolean {
  const mc = isGoStruct(meshConfig) ? meshConfig.toJSON() : meshConfig;
  const providers = isGoMap(mc) ? mc.extensionProviders : undefined;
  if (!Array.isArray(providers)) return false;
  return providers.some((p) => {
    const otel = isGoMap(p) ? p.opentelemetry : undefined;
    const mode = isGoMap(otel) ? otel.serviceAttributeEnrichment : undefined;
    return mode === 'OTEL_SEMANTIC_CONVENTIONS' || mode === OTEL_SEMANTIC_CONVENTIONS || mode === BigInt(OTEL_SEMANTIC_CONVENTIONS);
  });
}

/** Tag and digest of an image reference `[registry[:port]/]name[:tag][@digest]`. */
export function parseImageTagDigest(image: string): { tag: string; digest: string } {
  let name = image;
  let digest = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  const colon = name.lastIndexOf(':');
  return { tag: colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '', digest };
}

function nonEmpty(m: Record<string, string> | null, key: string): string | undefined {
  const v = m && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
  return v === undefined || v === '' ? undefined : v;
}

export function otelResourceAttributes(
  meshConfig: unknown,
  annotations: Record<string, string> | null,
  labels: Record<string, string> | null,
  namespace: string,
  containers: unknown,
): string {
  if (!wantsOtelConventions(meshConfig)) return '';
  const list = Array.isArray(containers) ? containers : [];
  const attrs: string[] = [];

  const ns = nonEmpty(annotations, 'resource.opentelemetry.io/service.namespace') ?? (namespace || undefined);
  if (ns !== undefined) attrs.push(`service.namespace=${ns}`);

  let version = nonEmpty(annotations, 'resource.opentelemetry.io/service.version') ?? nonEmpty(labels, 'app.kubernetes.io/version');
  if (version === undefined && list.length === 1) {
    const image = fieldOf(list[0], 'Image', 'image');
    const { tag, digest } = parseImageTagDigest(typeof image === 'string' ? image : '');
    version = tag && digest ? `${tag}@${digest}` : digest || tag || undefined;
  }
  if (version !== undefined) attrs.push(`service.version=${version}`);

  const instance = nonEmpty(annotations, 'resource.opentelemetry.io/service.instance.id');
  if (instance !== undefined) attrs.push(`service.instance.id=${instance}`);
  else if (list.length > 0) {
    const name = fieldOf(list[0], 'Name', 'name');
    attrs.push(`service.instance.id=${namespace}.$(POD_NAME).${typeof name === 'string' ? name : ''}`);
  }
  return attrs.join(',');
}
