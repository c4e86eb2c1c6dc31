// The proxy image the cluster's injector would inject today, from the `values` key of its istio-sidecar-injector
// ConfigMap (global.hub, global.tag, global.proxy.image), composed as Istio's templates do: an image name holding a
// `/` is already complete; otherwise it is `hub/image:tag`.

export function expectedProxyImage(valuesJson: string | undefined): string | undefined {
  if (!valuesJson) return undefined;
  let values: { global?: { hub?: unknown; tag?: unknown; proxy?: { image?: unknown } } };
  try {
    values = JSON.parse(valuesJson) as typeof values;
  } catch {
    return undefined;
  }
  const g = values.global ?? {};
  const image = typeof g.proxy?.image === 'string' ? g.proxy.image : 'proxyv2';
  if (image.includes('/')) return image;
  if (typeof g.hub !== 'string' || (typeof g.tag !== 'string' && typeof g.tag !== 'number')) return undefined;
  return `${g.hub}/${image}:${g.tag}`;
}
