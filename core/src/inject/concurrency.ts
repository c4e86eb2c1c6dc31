/**
 * EstimatedConcurrency, the template datum of Istio 1.12–1.13 era templates (`--concurrency {{ .EstimatedConcurrency }}`):
 * 2 unless the ProxyConfig sets concurrency; a positive value is used as is, and 0 asks for an estimate from the
 * proxy's CPU limit or request (pod annotations first, then the values' proxy resources), rounded up to whole CPUs.
 */
import { canonicalQuantity } from '../k8s/quantity';
import { objAt, type JsonObject } from './json-access';

const DEFAULT_CONCURRENCY = 2;

const DECIMAL_SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** Whole CPUs for a quantity (Istio: ceil(MilliValue / 1000)), or undefined when it does not parse. */
export function quantityToConcurrency(quantity: string): number | undefined {
  let canonical: string;
  try {
    canonical = canonicalQuantity(quantity);
  } catch {
    return undefined;
  }
  const m = /^([+-]?[0-9.]+)(?:e([+-]?[0-9]+)|([a-zA-Z]*))$/.exec(canonical);
  if (!m) return undefined;
  const scale = m[2] !== undefined ? 10 ** Number(m[2]) : (DECIMAL_SUFFIX[m[3]] ?? BINARY_SUFFIX[m[3]]);
  if (scale === undefined) return undefined;
  const milli = Math.ceil(Number(m[1]) * scale * 1000);
  return Math.ceil(milli / 1000);
}

export function estimateConcurrency(proxyConfig: JsonObject, annotations: Record<string, string>, values: JsonObject): number {
  const configured = proxyConfig.concurrency;
  if (configured === undefined || configured === null) return DEFAULT_CONCURRENCY;
  const n = Number(configured);
  if (n > 0) return n;
  const fromText = (q: string | undefined) => (q === undefined ? undefined : quantityToConcurrency(q));
  const limit = annotations['sidecar.istio.io/proxyCPULimit'];
  const request = annotations['sidecar.istio.io/proxyCPU'];
  if (limit !== undefined) return fromText(limit) ?? DEFAULT_CONCURRENCY;
  if (request !== undefined) return fromText(request) ?? DEFAULT_CONCURRENCY;
  const resources = objAt(objAt(objAt(values, 'global'), 'proxy'), 'resources');
  if (resources) {
    const cpu = (kind: string) => {
      const v = objAt(resources, kind)?.cpu;
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    const estimate = fromText(cpu('limits')) ?? fromText(cpu('requests'));
    if (estimate !== undefined) return estimate;
  }
  return DEFAULT_CONCURRENCY;
}
