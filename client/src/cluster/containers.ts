// The containers of a pod as the tree lists them: init containers first (istio-init / istio-validation, other init
// containers, native sidecars such as a native istio-proxy), then the app containers and a regular istio-proxy.
import type { ContainerState, ContainerStatus, Pod } from './k8s-json';
import { PROXY_CONTAINER } from './sidecar';

export type ContainerRole = 'app' | 'proxy' | 'istioInit' | 'init';

export interface ContainerRow {
  name: string;
  role: ContainerRole;
  /** Declared in initContainers (a native sidecar when it has restartPolicy: Always). */
  init: boolean;
  native: boolean;
  image: string;
  /** `Running`, `Waiting: ImagePullBackOff`, `Completed`, `Terminated: Error (exit 1)`, or `Unknown`. */
  state: string;
  ready: boolean;
  restarts: number;
}

const ISTIO_INIT = new Set(['istio-init', 'istio-validation']);

export function stateText(s: ContainerState | undefined): string {
  if (s?.running) return 'Running';
  if (s?.waiting) return `Waiting: ${s.waiting.reason ?? 'ContainerCreating'}`;
  if (s?.terminated) {
    if (s.terminated.reason === 'Completed' && !s.terminated.exitCode) return 'Completed';
    const why = s.terminated.reason ?? (s.terminated.signal ? `Signal ${s.terminated.signal}` : 'Terminated');
    return `Terminated: ${why} (exit ${s.terminated.exitCode ?? 0})`;
  }
  return 'Unknown';
}

export function containerRows(pod: Pod): ContainerRow[] {
  const statusOf = (list: ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  const rows: ContainerRow[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    const s = statusOf(pod.status?.initContainerStatuses, c.name);
    const native = c.restartPolicy === 'Always';
    const role: ContainerRole = c.name === PROXY_CONTAINER && native ? 'proxy' : ISTIO_INIT.has(c.name) ? 'istioInit' : 'init';
    rows.push({ name: c.name, role, init: true, native, image: c.image ?? s?.image ?? '', state: stateText(s?.state), ready: !!s?.ready, restarts: s?.restartCount ?? 0 });
  }
  for (const c of pod.spec?.containers ?? []) {
    const s = statusOf(pod.status?.containerStatuses, c.name);
    rows.push({ name: c.name, role: c.name === PROXY_CONTAINER ? 'proxy' : 'app', init: false, native: false, image: c.image ?? s?.image ?? '', state: stateText(s?.state), ready: !!s?.ready, restarts: s?.restartCount ?? 0 });
  }
  return rows;
}

/**
 * The container `kubectl logs POD` reads: the one named by `kubectl.kubernetes.io/default-logs-container` (or
 * `kubectl.kubernetes.io/default-container`), else the first app container.
 */
export function defaultLogsContainer(pod: Pod): string | undefined {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const a = pod.metadata.annotations ?? {};
  for (const key of ['kubectl.kubernetes.io/default-logs-container', 'kubectl.kubernetes.io/default-container']) {
    const want = a[key];
    if (want && names.includes(want)) return want;
  }
  return names[0];
}
