/**
 * The sidecar's anatomy: the processes and ports an injected pod's istio-proxy runs, its user, and the init step
 * that captures traffic, read from the injected pod itself (container args, env, probes, annotations) with the mesh's
 * ProxyConfig for what the pod does not spell out. Pure; anatomy-markdown.ts renders it.
 */
import { proxyConfigForPod } from '../config/proxy-config';
import { arrAt, isObject, objAt, stringMap, type JsonObject } from '../inject/json-access';
import type { InjectionSettings } from '../inject/types';

export interface PortFact {
  port: number;
  process: 'pilot-agent' | 'Envoy';
  /** Where it listens: only inside the pod (localhost) or on the pod's IP too. */
  scope: 'localhost' | 'pod';
  purpose: string;
}

export interface SidecarAnatomy {
  image: string;
  /** istio-proxy is an init container with restartPolicy: Always (Kubernetes native sidecar). */
  native: boolean;
  /** False for proxyless gRPC (DISABLE_ENVOY): the agent runs alone and serves xDS to the application. */
  envoy: boolean;
  uid?: number;
  gid?: number;
  ports: PortFact[];
  interceptionMode: string;
  /** The init container that sets up traffic capture (istio-init) or checks the CNI did (istio-validation). */
  init?: { name: string; args: string[] };
  /** Where pilot-agent fetches configuration and certificates (ProxyConfig discoveryAddress). */
  discoveryAddress: string;
  dnsCapture: boolean;
  hbone: boolean;
  /** ISTIO_PROMETHEUS_ANNOTATIONS: the agent merges the application's metrics into its own. */
  mergesAppMetrics: boolean;
  /** ISTIO_KUBE_APP_PROBERS: the kubelet's probes of the app go through the agent's status port. */
  rewritesProbes: boolean;
}

const STATUS_PORT_ANNOTATION = 'status.sidecar.istio.io/port';
const DNS_PORT = 15053;

/** The anatomy of the pod's istio-proxy, or undefined when the pod has none. */
export function sidecarAnatomy(spec: JsonObject, metadata: JsonObject, settings: InjectionSettings): SidecarAnatomy | undefined {
  const containers = arrAt(spec, 'containers').filter(isObject);
  const inits = arrAt(spec, 'initContainers').filter(isObject);
  const nativeProxy = inits.find((c) => c.name === 'istio-proxy');
  const proxy = nativeProxy ?? containers.find((c) => c.name === 'istio-proxy');
  if (!proxy) return undefined;
  const annotations = stringMap(metadata, 'annotations');
  const env = envOf(proxy);
  const pc = proxyConfigOf(settings, annotations);
  const init = inits.find((c) => c.name === 'istio-init' || c.name === 'istio-validation');
  const initArgs = init ? arrAt(init, 'args').filter((a): a is string => typeof a === 'string') : [];
  const flag = (name: string) => {
    const i = initArgs.indexOf(name);
    return i >= 0 ? initArgs[i + 1] : undefined;
  };
  const mesh = settings.mesh;
  const statusPort = portOf(annotations[STATUS_PORT_ANNOTATION]) ?? portOf(pc.statusPort) ?? 15020;
  const facts: PortFact[] = [];
  const add = (port: number | undefined, process: PortFact['process'], scope: PortFact['scope'], purpose: string) => {
    if (port !== undefined && port > 0) facts.push({ port, process, scope, purpose });
  };
  const mergesAppMetrics = env.ISTIO_PROMETHEUS_ANNOTATIONS !== undefined;
  const rewritesProbes = env.ISTIO_KUBE_APP_PROBERS !== undefined;
  const fromAnnotation = annotations[STATUS_PORT_ANNOTATION] !== undefined ? `; port from \`${STATUS_PORT_ANNOTATION}\`` : '';
  add(statusPort, 'pilot-agent', 'pod', `status: agent health, ${rewritesProbes ? "the app's rewritten probes (`/app-health/…`), " : ''}merged Prometheus metrics (\`/stats/prometheus\`${mergesAppMetrics ? ', including the app\'s' : ''})${fromAnnotation}`);
  add(15004, 'pilot-agent', 'localhost', 'debug endpoint (`pilot-agent request`)');
  const dnsCapture = env.ISTIO_META_DNS_CAPTURE === 'true';
  if (dnsCapture) add(portOf(env.DNS_PROXY_ADDR?.split(':').pop()) ?? DNS_PORT, 'pilot-agent', 'localhost', 'DNS proxy: captured DNS queries (port 53) are answered here (ISTIO_META_DNS_CAPTURE)');
  const envoy = env.DISABLE_ENVOY !== 'true';
  const interceptionMode = env.ISTIO_META_INTERCEPTION_MODE ?? (typeof pc.interceptionMode === 'string' ? pc.interceptionMode : 'REDIRECT');
  const hbone = env.ISTIO_META_ENABLE_HBONE === 'true';
  if (envoy) addEnvoyPorts(add, { pc, mesh, flag, interceptionMode, hbone });
  const security = objAt(proxy, 'securityContext');
  return {
    image: typeof proxy.image === 'string' ? proxy.image : '',
    native: nativeProxy !== undefined,
    envoy,
    ...numberField('uid', security?.runAsUser),
    ...numberField('gid', security?.runAsGroup),
    ports: facts,
    interceptionMode,
    ...(init ? { init: { name: String(init.name), args: initArgs } } : {}),
    discoveryAddress: typeof pc.discoveryAddress === 'string' ? pc.discoveryAddress : '',
    dnsCapture,
    hbone,
    mergesAppMetrics,
    rewritesProbes,
  };
}

type AddPort = (port: number | undefined, process: PortFact['process'], scope: PortFact['scope'], purpose: string) => void;

interface EnvoyInputs {
  pc: JsonObject;
  mesh: JsonObject;
  flag: (name: string) => string | undefined;
  interceptionMode: string;
  hbone: boolean;
}

function addEnvoyPorts(add: AddPort, { pc, mesh, flag, interceptionMode, hbone }: EnvoyInputs): void {
  add(portOf(pc.proxyAdminPort) ?? 15000, 'Envoy', 'localhost', 'admin interface (config dump, stats, logging)');
  const captured = interceptionMode !== 'NONE';
  add(portOf(flag('-p')) ?? portOf(mesh.proxyListenPort) ?? 15001, 'Envoy', 'pod', captured ? 'outbound: the app\'s captured outgoing traffic' : 'outbound listener (no capture: interception mode NONE)');
  add(portOf(flag('-z')) ?? portOf(mesh.proxyInboundListenPort) ?? 15006, 'Envoy', 'pod', captured ? 'inbound: captured incoming traffic for the app' : 'inbound listener (no capture: interception mode NONE)');
  if (hbone) add(15008, 'Envoy', 'pod', 'HBONE: mTLS tunnel (HTTP CONNECT) for ambient and waypoint traffic (ISTIO_META_ENABLE_HBONE)');
  // Envoy's health listener is fixed in Istio's bootstrap, whatever the probe says.
  add(15021, 'Envoy', 'pod', 'health: `/healthz/ready`, the readiness probe of istio-proxy');
  add(15090, 'Envoy', 'pod', "Envoy's own Prometheus metrics (`/stats/prometheus`)");
}

function proxyConfigOf(settings: InjectionSettings, annotations: Record<string, string>): JsonObject {
  try {
    return proxyConfigForPod(settings.mesh, annotations);
  } catch {
    // A bad proxy.istio.io/config fails injection elsewhere; here the mesh's defaults still describe the proxy.
    return objAt(settings.mesh, 'defaultConfig') ?? {};
  }
}

/** The container's literal env values (valueFrom entries are not known before the pod runs). */
function envOf(container: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of arrAt(container, 'env')) {
    if (isObject(e) && typeof e.name === 'string' && typeof e.value === 'string') out[e.name] = e.value;
  }
  return out;
}

function portOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

function numberField<K extends string>(key: K, v: unknown): Partial<Record<K, number>> {
  return typeof v === 'number' ? ({ [key]: v } as Record<K, number>) : {};
}
