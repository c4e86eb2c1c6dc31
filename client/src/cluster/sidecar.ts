// A pod's sidecar state, from its containers, its `sidecar.istio.io/status` annotation, its own opt-in/opt-out and
// its namespace's injection labels. "Missing" is the case other tools get wrong: the namespace (or pod) asks for
// injection but the pod was created before the label, so it has no proxy until it is restarted.
import type { ContainerSpec, Pod } from './k8s-json';
import { NEVER_INJECTED, type NamespaceInjection } from './namespace-state';

export type SidecarKind = 'injected' | 'outdated' | 'missing' | 'disabled' | 'notApplicable' | 'none';

export interface SidecarState {
  kind: SidecarKind;
  /** One sentence saying why, for the tooltip. */
  reason: string;
  proxy?: {
    /** A native sidecar is a restartable init container (Kubernetes ≥ 1.28, Istio ENABLE_NATIVE_SIDECARS). */
    native: boolean;
    image: string;
    /** The image tag, e.g. `1.28.0`. */
    version?: string;
    /** Revision from the status annotation (or the pod's istio.io/rev label). */
    revision?: string;
  };
}

export const PROXY_CONTAINER = 'istio-proxy';
export const STATUS_ANNOTATION = 'sidecar.istio.io/status';
const INJECT_KEY = 'sidecar.istio.io/inject';

/** The istio-proxy container of a pod, regular or native, if any. */
export function proxyContainer(pod: Pod): { spec: ContainerSpec; native: boolean } | undefined {
  const regular = pod.spec?.containers?.find((c) => c.name === PROXY_CONTAINER);
  if (regular) return { spec: regular, native: false };
  const native = pod.spec?.initContainers?.find((c) => c.name === PROXY_CONTAINER && c.restartPolicy === 'Always');
  return native ? { spec: native, native: true } : undefined;
}

export function imageVersion(image: string): string | undefined {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
}

/** Reads only `"revision":"…"` of the status annotation: a full JSON.parse per pod would dominate large lists. */
const REVISION_IN_STATUS = /"revision"\s*:\s*"([^"]+)"/;

function statusRevision(pod: Pod): string | undefined {
  const raw = pod.metadata.annotations?.[STATUS_ANNOTATION];
  return (raw && REVISION_IN_STATUS.exec(raw)?.[1]) || pod.metadata.labels?.['istio.io/rev'];
}

/**
 * The sidecar state of `pod` in a namespace with injection `ns`. `expectedImage` is the proxy image the injector
 * config would use today; a proxy running anything else is `outdated`.
 */
export function sidecarState(pod: Pod, ns: NamespaceInjection, namespaceName: string, expectedImage?: string): SidecarState {
  const proxy = proxyContainer(pod);
  if (proxy) {
    const image = proxy.spec.image ?? '';
    const version = imageVersion(image);
    const revision = statusRevision(pod);
    const info = { native: proxy.native, image, ...(version ? { version } : {}), ...(revision ? { revision } : {}) };
    if (expectedImage && image && image !== expectedImage) {
      return { kind: 'outdated', reason: `The proxy runs ${image}; the injector config now injects ${expectedImage}. Restart the pod to update it.`, proxy: info };
    }
    return { kind: 'injected', reason: proxy.native ? 'The proxy runs as a native sidecar (restartable init container).' : 'The proxy runs as a sidecar container.', proxy: info };
  }
  if (pod.spec?.hostNetwork) return { kind: 'notApplicable', reason: 'The pod uses the host network; Istio never injects such pods.' };
  if (NEVER_INJECTED.has(namespaceName)) return { kind: 'notApplicable', reason: `Istio never injects pods in ${namespaceName}.` };
  const podLabel = pod.metadata.labels?.[INJECT_KEY];
  const podAnnotation = pod.metadata.annotations?.[INJECT_KEY];
  if (podLabel === 'false') return { kind: 'disabled', reason: `The pod opts out with the label ${INJECT_KEY}=false.` };
  if (podAnnotation === 'false' && ns.injects) return { kind: 'disabled', reason: `The pod opts out with the annotation ${INJECT_KEY}: "false".` };
  if (ns.mode === 'disabled') return { kind: 'disabled', reason: `The namespace has istio-injection=${'disabled'}.` };
  const asks = ns.injects || podLabel === 'true' || pod.metadata.labels?.['istio.io/rev'] !== undefined;
  if (asks) {
    const who = ns.injects ? 'The namespace asks for injection' : 'The pod asks for injection';
    return { kind: 'missing', reason: `${who} but the pod has no proxy: it was created before injection was enabled. Restart it.` };
  }
  return { kind: 'none', reason: 'Neither the namespace nor the pod asks for injection.' };
}
