/**
 * Kubernetes probe rewriting: application HTTP/TCP/gRPC probes are redirected to the agent's status port, and the
 * original probes are handed to the agent in the ISTIO_KUBE_APP_PROBERS env var of istio-proxy.
 */
import { AS_BUILT, goJsonMarshal, inGoMapOrder } from '../go/json';
import { atoi, parseBool } from '../go/strconv';
import { JsonObject, isObject, objAt, parseJsonObject, strAt } from './json-access';
import { PROXY_CONTAINER, PodJson, containersOf, initContainersOf } from './pod';

export const KUBE_APP_PROBERS_ENV = 'ISTIO_KUBE_APP_PROBERS';
export const REWRITE_PROBERS_ANNOTATION = 'sidecar.istio.io/rewriteAppHTTPProbers';
export const STATUS_PORT_ANNOTATION = 'status.sidecar.istio.io/port';

/** The annotation wins over the values setting when it parses as a boolean. */
export function shouldRewriteAppHTTPProbers(annotations: Record<string, string>, valuesSetting: boolean): boolean {
  const v = annotations[REWRITE_PROBERS_ANNOTATION];
  if (v !== undefined) {
    const b = parseBool(v);
    if (b !== undefined) return b;
  }
  return valuesSetting;
}

/** The agent URLs that stand in for a container's probes and lifecycle hooks. */
export function proberUrls(container: string): { readyz: string; livez: string; startupz: string; prestopz: string; poststartz: string } {
  return {
    readyz: `/app-health/${container}/readyz`,
    livez: `/app-health/${container}/livez`,
    startupz: `/app-health/${container}/startupz`,
    prestopz: `/app-lifecycle/${container}/prestopz`,
    poststartz: `/app-lifecycle/${container}/poststartz`,
  };
}

/** A probe handler reduced to the agent's Prober type, in the field order Go marshals. */
type Prober = JsonObject;

function typedHttpGet(h: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (strAt(h, 'path') !== '') out.path = h.path;
  out.port = intOrString(h.port);
  if (strAt(h, 'host') !== '') out.host = h.host;
  if (strAt(h, 'scheme') !== '') out.scheme = h.scheme;
  const headers = Array.isArray(h.httpHeaders) ? h.httpHeaders : [];
  if (headers.length > 0) out.httpHeaders = headers.map((x) => ({ name: strAt(x, 'name'), value: strAt(x, 'value') }));
  return out;
}

function typedTcpSocket(h: JsonObject): JsonObject {
  const out: JsonObject = { port: intOrString(h.port) };
  if (strAt(h, 'host') !== '') out.host = h.host;
  return out;
}

function typedGrpc(h: JsonObject): JsonObject {
  return { port: typeof h.port === 'number' ? h.port : 0, service: typeof h.service === 'string' ? h.service : null };
}

function intOrString(v: unknown): number | string {
  return typeof v === 'number' || typeof v === 'string' ? v : 0;
}

function toProber(handler: unknown, withTimeout: boolean, grpcAllowed: boolean): Prober | undefined {
  if (!isObject(handler)) return undefined;
  const timeout = withTimeout && typeof handler.timeoutSeconds === 'number' && handler.timeoutSeconds !== 0 ? handler.timeoutSeconds : undefined;
  let p: Prober | undefined;
  const http = objAt(handler, 'httpGet');
  const tcp = objAt(handler, 'tcpSocket');
  const grpc = objAt(handler, 'grpc');
  if (http) p = { httpGet: typedHttpGet(http) };
  else if (tcp) p = { tcpSocket: typedTcpSocket(tcp) };
  else if (grpc && grpcAllowed) p = { grpc: typedGrpc(grpc) };
  if (p && timeout !== undefined) p.timeoutSeconds = timeout;
  return p;
}

/** Resolves a named port; drops probes already aimed at the status port or naming an unknown port. */
function resolvePort(p: Prober | undefined, ports: Map<string, unknown>, statusPort: number): Prober | undefined {
  if (!p) return undefined;
  if (p.grpc) return p;
  const action = (p.httpGet ?? p.tcpSocket) as JsonObject | undefined;
  if (!action) return undefined;
  if (typeof action.port === 'string') {
    if (!ports.has(action.port)) return undefined;
    action.port = ports.get(action.port);
  } else if (action.port === statusPort) {
    return undefined;
  }
  return p;
}

/** The ISTIO_KUBE_APP_PROBERS value for the pod's probes, or "" when there are none to hand over. */
export function dumpAppProbers(pod: PodJson, statusPort: number): string {
  const out: Record<string, Prober> = {};
  for (const c of [...initContainersOf(pod), ...containersOf(pod)]) {
    const name = strAt(c, 'name');
    if (name === PROXY_CONTAINER) continue;
    const urls = proberUrls(name);
    const ports = new Map<string, unknown>();
    for (const port of Array.isArray(c.ports) ? c.ports : []) {
      if (strAt(port, 'name') !== '') ports.set(strAt(port, 'name'), isObject(port) && typeof port.containerPort === 'number' ? port.containerPort : 0);
    }
    const add = (url: string, p: Prober | undefined) => {
      const resolved = resolvePort(p, ports, statusPort);
      if (resolved) out[url] = resolved;
    };
    add(urls.readyz, toProber(c.readinessProbe, true, true));
    add(urls.livez, toProber(c.livenessProbe, true, true));
    add(urls.startupz, toProber(c.startupProbe, true, true));
    const lifecycle = objAt(c, 'lifecycle');
    if (lifecycle) {
      add(urls.prestopz, toProber(lifecycle.preStop, false, false));
      add(urls.poststartz, toProber(lifecycle.postStart, false, false));
    }
  }
  return Object.keys(out).length === 0 ? '' : goJsonMarshal(inGoMapOrder(out), AS_BUILT);
}

/** Points every application probe and lifecycle hook of the pod at the agent. */
export function rewriteProbes(pod: PodJson, annotations: Record<string, string>, defaultStatusPort: number): void {
  let statusPort = defaultStatusPort;
  const v = annotations[STATUS_PORT_ANNOTATION];
  if (v !== undefined) statusPort = Number(atoi(v).value); // Istio logs the error and uses what Atoi returned
  for (const c of [...containersOf(pod), ...initContainersOf(pod)]) {
    if (c.name === PROXY_CONTAINER) continue;
    const urls = proberUrls(strAt(c, 'name'));
    convertProbe(c, 'readinessProbe', urls.readyz, statusPort, true);
    convertProbe(c, 'livenessProbe', urls.livez, statusPort, true);
    convertProbe(c, 'startupProbe', urls.startupz, statusPort, true);
    const lifecycle = objAt(c, 'lifecycle');
    if (lifecycle) {
      convertProbe(lifecycle, 'preStop', urls.prestopz, statusPort, false);
      convertProbe(lifecycle, 'postStart', urls.poststartz, statusPort, false);
    }
  }
}

function convertProbe(holder: JsonObject, key: string, url: string, port: number, grpcAllowed: boolean): void {
  const probe = objAt(holder, key);
  if (!probe) return;
  const http = objAt(probe, 'httpGet');
  if (http) {
    holder[key] = { ...probe, httpGet: rewriteAction({ ...http }, url, port) };
    return;
  }
  for (const other of grpcAllowed ? ['tcpSocket', 'grpc'] : ['tcpSocket']) {
    if (objAt(probe, other)) {
      const copy: JsonObject = { ...probe, httpGet: rewriteAction({}, url, port) };
      delete copy[other];
      holder[key] = copy;
      return;
    }
  }
}

function rewriteAction(action: JsonObject, url: string, port: number): JsonObject {
  action.port = port;
  action.path = url;
  if (action.scheme === 'HTTPS') action.scheme = 'HTTP';
  return action;
}

/**
 * Adds the probers env var to istio-proxy. On re-injection the previous value is merged in, and its entries win
 * (they describe the original probes, which the previous injection already rewrote away).
 */
export function mergeOrAppendProbers(previouslyInjected: boolean, env: JsonObject[], probers: string): JsonObject[] {
  if (previouslyInjected) {
    const idx = env.findIndex((e) => e.name === KUBE_APP_PROBERS_ENV);
    if (idx >= 0) {
      const existing = parseJsonObject(strAt(env[idx], 'value'));
      const fresh = parseJsonObject(probers);
      if (!existing || !fresh) return env;
      const merged: Record<string, Prober> = {};
      for (const [k, p] of Object.entries(fresh)) merged[k] = normaliseProber(p);
      for (const [k, p] of Object.entries(existing)) merged[k] = normaliseProber(p);
      const out = [...env];
      out[idx] = { name: KUBE_APP_PROBERS_ENV, value: goJsonMarshal(inGoMapOrder(merged), AS_BUILT) };
      return out;
    }
  }
  return [...env, { name: KUBE_APP_PROBERS_ENV, value: probers }];
}

/** Round-trips a decoded prober through its Go type (drops unknown fields, fixes field order). */
function normaliseProber(p: unknown): Prober {
  const out = toProber(p, true, true);
  if (out || !isObject(p)) return out ?? (null as unknown as Prober);
  const timeout = typeof p.timeoutSeconds === 'number' && p.timeoutSeconds !== 0 ? { timeoutSeconds: p.timeoutSeconds } : {};
  return timeout;
}
