/**
 * With Istio CNI the node's CNI plugin programs the pod instead of istio-init: it reads the pod's traffic
 * annotations, the istio-proxy container's environment and user, and applies its own defaults (behaviour learnt
 * from Istio's cni/pkg/plugin; written here from scratch).
 */
import { defaultCaptureConfig, parseGoBool, type CaptureConfig } from './config';
import { fillFromEnvironment } from './flags';

/** What the CNI plugin reads from the pod. */
export interface CniPodInfo {
  annotations: Readonly<Record<string, string>>;
  /** The istio-proxy container's literal environment values. */
  proxyEnv: Readonly<Record<string, string>>;
  proxyUID?: number;
  proxyGID?: number;
}

interface AnnotationSpec {
  key: string;
  fallback: string;
  check: (v: string) => string | undefined;
}

const portList = (wildcard: boolean) => (v: string): string | undefined => {
  if (wildcard && v === '*') return undefined;
  if (v.trim() === '') return undefined;
  for (const p of v.trim().split(',')) {
    const t = p.trim();
    if (!/^\d+$/.test(t) || Number(t) > 65535) return `portList "${v}" invalid: failed parsing port "${p}"`;
  }
  return undefined;
};
const cidrList = (wildcard: boolean) => (v: string): string | undefined => {
  if ((wildcard && v === '*') || v === '') return undefined;
  const bad = v.split(',').find((c) => !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(c));
  return bad === undefined ? undefined : `failed parsing cidr '${bad}'`;
};
const interfaces = (v: string): string | undefined =>
  v.split(',').every((n) => n === '' || /^[^\s/:]{1,15}$/.test(n)) ? undefined : `invalid interface names "${v}"`;
const mode = (v: string): string | undefined => (v === 'REDIRECT' || v === 'TPROXY' ? undefined : `interceptionMode invalid: ${v}`);

const ANNOTATIONS: Record<string, AnnotationSpec> = {
  redirectMode: { key: 'sidecar.istio.io/interceptionMode', fallback: 'REDIRECT', check: mode },
  includeIPCidrs: { key: 'traffic.sidecar.istio.io/includeOutboundIPRanges', fallback: '*', check: cidrList(true) },
  excludeIPCidrs: { key: 'traffic.sidecar.istio.io/excludeOutboundIPRanges', fallback: '', check: cidrList(false) },
  excludeInboundPorts: { key: 'traffic.sidecar.istio.io/excludeInboundPorts', fallback: '15020', check: portList(true) },
  includeInboundPorts: { key: 'traffic.sidecar.istio.io/includeInboundPorts', fallback: '*', check: portList(true) },
  excludeOutboundPorts: { key: 'traffic.sidecar.istio.io/excludeOutboundPorts', fallback: '15020', check: portList(true) },
  includeOutboundPorts: { key: 'traffic.sidecar.istio.io/includeOutboundPorts', fallback: '', check: portList(true) },
  excludeInterfaces: { key: 'traffic.sidecar.istio.io/excludeInterfaces', fallback: '', check: interfaces },
  rerouteVirtualInterfaces: { key: 'istio.io/reroute-virtual-interfaces', fallback: '', check: interfaces },
  kubevirtInterfaces: { key: 'traffic.sidecar.istio.io/kubevirtInterfaces', fallback: '', check: interfaces },
};

/** The CNI plugin's config for this pod; throws the plugin's error for an annotation it rejects. */
export function cniCaptureConfig(pod: CniPodInfo, cniEnv: Readonly<Record<string, string>> = {}): CaptureConfig {
  const read = (name: keyof typeof ANNOTATIONS): { found: boolean; value: string } => {
    const spec = ANNOTATIONS[name];
    const v = pod.annotations[spec.key];
    if (v === undefined) return { found: false, value: spec.fallback };
    const problem = spec.check(v);
    if (problem) throw new Error(`annotation value error for value ${name}; annotationFound = true: ${problem}`);
    return { found: true, value: v };
  };
  const cfg = defaultCaptureConfig();
  cfg.proxyUID = pod.proxyUID ? String(pod.proxyUID) : '1337';
  cfg.proxyGID = pod.proxyGID ? String(pod.proxyGID) : '1337';
  cfg.inboundInterceptionMode = read('redirectMode').value;
  cfg.outboundIPRangesInclude = read('includeIPCidrs').value;
  cfg.outboundIPRangesExclude = read('excludeIPCidrs').value;
  cfg.inboundPortsInclude = read('includeInboundPorts').value;
  cfg.outboundPortsExclude = read('excludeOutboundPorts').value;
  cfg.outboundPortsInclude = read('includeOutboundPorts').value;
  // The plugin always adds the agent's and Envoy's own ports to the inbound exclusions, without duplicates.
  let exclude = read('excludeInboundPorts').value.trim();
  if (exclude !== '' && !exclude.endsWith(',')) exclude += ',';
  cfg.inboundPortsExclude = [...new Set(`${exclude}15020,15021,15090`.split(','))].join(',');
  cfg.excludeInterfaces = read('excludeInterfaces').value;
  const reroute = read('rerouteVirtualInterfaces');
  cfg.rerouteVirtualInterfaces = reroute.found ? reroute.value : read('kubevirtInterfaces').value;
  const dns = parseGoBool(pod.proxyEnv.ISTIO_META_DNS_CAPTURE ?? '') ?? false;
  cfg.redirectDNS = dns;
  cfg.captureAllDNS = dns;
  cfg.dualStack = parseGoBool(pod.proxyEnv.ISTIO_DUAL_STACK ?? '') ?? false;
  cfg.dropInvalid = parseGoBool(pod.proxyEnv.INVALID_DROP ?? '') ?? false;
  fillFromEnvironment(cfg, cniEnv);
  return cfg;
}
