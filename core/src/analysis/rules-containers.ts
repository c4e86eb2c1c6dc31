/**
 * Containers that clash with the sidecar: running as the proxy's UID, listening on its ports, or named like the
 * containers injection adds; and pods that are already injected.
 */
import { INIT_CONTAINER, PROXY_CONTAINER } from '../inject/pod';
import { STATUS_ANNOTATION, parseInjectionStatus } from '../inject/status';
import type { YamlPath } from '../manifest/paths';
import { isObject } from '../inject/json-access';
import { type AnalysisContext, type Workload, add, keyRange, valueRange } from './context';
import { RESERVED_PORTS } from './reserved';

const ISTIO_CONTAINERS = new Set([PROXY_CONTAINER, INIT_CONTAINER, 'istio-validation', 'enable-core-dump']);

interface Container {
  path: YamlPath;
  init: boolean;
  value: Record<string, unknown>;
  name: string;
}

function containers(w: Workload): Container[] {
  const out: Container[] = [];
  for (const list of ['containers', 'initContainers']) {
    const items = w.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (isObject(c)) out.push({ path: [...w.podPath, 'spec', list, i], init: list === 'initContainers', value: c, name: typeof c.name === 'string' ? c.name : '' });
    });
  }
  return out;
}

function injectionStatus(w: Workload) {
  const annotations = w.metadata.annotations;
  const raw = isObject(annotations) ? annotations[STATUS_ANNOTATION] : undefined;
  return parseInjectionStatus(typeof raw === 'string' ? raw : undefined);
}

export function checkContainers(ctx: AnalysisContext, w: Workload): void {
  const status = injectionStatus(w);
  const injected = new Set([...(status?.containers ?? []), ...(status?.initContainers ?? [])]);
  if (status && w.outcome?.kind === 'injected') {
    const at = keyRange(ctx, [...w.podPath, 'metadata', 'annotations', STATUS_ANNOTATION]);
    if (at) add(ctx, 'already-injected', 'This pod is already injected: injecting again removes the previous injection and adds a fresh one.', at);
  }
  // A pod the core skips gets no sidecar: nothing can clash with it, and no container is merged.
  if (w.outcome?.kind === 'skipped') return;
  const uid = ctx.settings.proxyUID;
  const podUid = w.spec.securityContext;
  const podRunsAsProxy = isObject(podUid) && Number(podUid.runAsUser) === uid;
  const inheritors: string[] = [];
  for (const c of containers(w)) {
    if (!status && (c.name === PROXY_CONTAINER || c.name === INIT_CONTAINER)) proxyNamed(ctx, c, w);
    if (ISTIO_CONTAINERS.has(c.name) || injected.has(c.name)) continue;
    reservedPorts(ctx, c);
    // Running an init container as the proxy's UID is Istio's documented way to give it network before the sidecar
    // starts: only regular containers are flagged.
    if (c.init) continue;
    const own = isObject(c.value.securityContext) ? c.value.securityContext.runAsUser : undefined;
    if (own !== undefined && own !== null) {
      if (Number(own) === uid) {
        const at = valueRange(ctx, [...c.path, 'securityContext', 'runAsUser']);
        if (at) add(ctx, 'proxy-uid', `Container "${c.name}" runs as UID ${uid}, the sidecar proxy's: its outbound traffic is not captured and bypasses the mesh.`, at);
      }
    } else if (podRunsAsProxy) inheritors.push(c.name);
  }
  if (inheritors.length) {
    const at = valueRange(ctx, [...w.podPath, 'spec', 'securityContext', 'runAsUser']);
    const who = inheritors.map((n) => `"${n}"`).join(', ');
    if (at) add(ctx, 'proxy-uid', `The pod runs its containers (${who}) as UID ${uid}, the sidecar proxy's: their outbound traffic is not captured and bypasses the mesh.`, at);
  }
}

function reservedPorts(ctx: AnalysisContext, c: Container): void {
  const ports = c.value.ports;
  if (!Array.isArray(ports)) return;
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const purpose = RESERVED_PORTS.get(Number(p.containerPort));
    if (!purpose) return;
    const at = valueRange(ctx, [...c.path, 'ports', i, 'containerPort']);
    if (at) add(ctx, 'reserved-port', `Port ${p.containerPort} is reserved by Istio's sidecar (${purpose}); container "${c.name}" should not listen on it.`, at);
  });
}

function proxyNamed(ctx: AnalysisContext, c: Container, w: Workload): void {
  const at = valueRange(ctx, [...c.path, 'name']);
  if (!at) return;
  const what = c.name === PROXY_CONTAINER ? 'the sidecar' : "Istio's init container";
  // After injection, one container of that name means the user's was merged into the injected one.
  const copies = w.injectedSpec ? countNamed(w.injectedSpec, c.name) : undefined;
  const message = copies !== undefined && copies > 1
    ? `A container named ${c.name} in a pod that is not injected: injection adds its own ${c.name} as well, so the pod gets ${copies} containers of that name.`
    : `A container named ${c.name} in a pod that is not injected customises ${what}: injection merges its fields over the injected ${c.name} instead of keeping a separate container.`;
  add(ctx, 'proxy-container-name', message, at);
}

function countNamed(spec: Record<string, unknown>, name: string): number {
  let n = 0;
  for (const list of ['containers', 'initContainers']) {
    const items = spec[list];
    if (Array.isArray(items)) n += items.filter((x) => isObject(x) && x.name === name).length;
  }
  return n;
}
