/**
 * From an injected pod to its traffic-capture rules: find who programs the pod (istio-init's arguments, or the CNI
 * plugin with istio-validation), which release line the proxy image belongs to, and what the pod's run time would
 * add (IP family, DNS resolvers), saying what was assumed.
 */
import type { KubeObject } from '../inject/types';
import { cniCaptureConfig } from './cni';
import type { CaptureConfig, RulesLine } from './config';
import { parseIptablesFlags } from './flags';
import { restoreInputs, type RestoreInputs } from './restore';

/** What the manifest cannot say about the running pod. */
export interface CaptureEnvironment {
  /** The pod has an IPv6 address (IPv6-only, or dual-stack with ISTIO_DUAL_STACK). Default: IPv4, or IPv6 when dual-stack is on. */
  ipv6?: boolean;
  /** The cluster DNS service address kubelet writes to resolv.conf (default 10.96.0.10, kubeadm's). */
  clusterDNS?: string;
  /** Force a release line instead of following the proxy image's tag. */
  line?: RulesLine;
}

/** The rules of one pod (template). */
export interface PodCapture {
  /** Who programs the rules. */
  source: 'istio-init' | 'cni' | 'none';
  rulesLine: RulesLine;
  /** The proxy image's Istio version when its tag says (e.g. 1.12.9). */
  version?: string;
  rules?: RestoreInputs;
  /** Assumptions and facts worth a comment (resolvers assumed, version line followed, nftables, …). */
  notes: string[];
  error?: string;
}

type Container = Record<string, unknown>;

/** Computes the capture rules of an injected pod (or pod template: `{metadata, spec}`). Never throws. */
export function podCapture(pod: KubeObject, environment: CaptureEnvironment = {}): PodCapture {
  const spec = record(pod.spec);
  const inits = list(spec.initContainers);
  const all = [...inits, ...list(spec.containers)];
  const init = inits.find((c) => c.name === 'istio-init');
  const validation = inits.find((c) => c.name === 'istio-validation');
  const proxy = all.find((c) => c.name === 'istio-proxy');
  const image = str((init ?? validation ?? proxy)?.image);
  const version = versionOf(image);
  const rulesLine = environment.line ?? lineOf(version);
  const notes: string[] = [];
  if (version && rulesLine === '1.12' && minor(version) < 12) notes.push(`Istio ${version} predates the 1.12 line; its rules may differ.`);
  // The current rules are those of 1.25 onwards (Istio's goldens are unchanged since 1.26); 1.13–1.24 sit in between.
  if (version && rulesLine === 'current' && version.startsWith('1.') && minor(version) > 12 && minor(version) < 25) {
    notes.push(`Istio ${version} is older than the current line (1.25 on): its rules differ in details (e.g. OUTPUT matched only tcp, no ISTIO_OUTPUT_DNS chain); the current rules are shown.`);
  }
  if (!init && !validation) {
    return { source: 'none', rulesLine, version, notes: [...notes, 'No istio-init or istio-validation container: nothing programs traffic capture for this pod (a gateway, or interception mode NONE).'] };
  }
  try {
    let cfg: CaptureConfig;
    let source: PodCapture['source'];
    const initFlags = init ? parseIptablesFlags(strings(init.args), envOf(init)) : undefined;
    if (initFlags && !initFlags.config.skipRuleApply) {
      if (initFlags.nftables) notes.push('--native-nftables: the pod is programmed with nftables; these are the equivalent iptables rules.');
      notes.push(...initFlags.warnings);
      cfg = initFlags.config;
      source = 'istio-init';
    } else {
      const sc = record(proxy?.securityContext);
      cfg = cniCaptureConfig({
        annotations: stringMap(record(pod.metadata).annotations),
        proxyEnv: proxy ? envOf(proxy) : {},
        proxyUID: num(sc.runAsUser),
        proxyGID: num(sc.runAsGroup),
      });
      source = 'cni';
      notes.push('Istio CNI programs this pod (istio-validation only checks): rules from the pod\'s annotations, as the CNI plugin reads them.');
    }
    cfg.enableIPv6 = environment.ipv6 ?? cfg.dualStack;
    if (cfg.redirectDNS && !cfg.captureAllDNS) {
      const servers = resolvers(spec, environment.clusterDNS ?? '10.96.0.10', notes);
      cfg.dnsServersV4 = servers.filter((s) => !s.includes(':'));
      cfg.dnsServersV6 = servers.filter((s) => s.includes(':'));
    }
    return { source, rulesLine, version, rules: restoreInputs(cfg, rulesLine), notes };
  } catch (e) {
    return { source: init ? 'istio-init' : 'cni', rulesLine, version, notes, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The nameservers kubelet writes to the pod's resolv.conf (at most three). */
function resolvers(spec: Record<string, unknown>, clusterDNS: string, notes: string[]): string[] {
  const extra = strings(record(spec.dnsConfig).nameservers);
  const policy = str(spec.dnsPolicy) ?? 'ClusterFirst';
  if (policy === 'None') return extra.slice(0, 3);
  notes.push(`DNS capture: assuming the cluster DNS service is ${clusterDNS} (the pod's resolv.conf decides at run time).`);
  return [clusterDNS, ...extra].slice(0, 3);
}

/** The version in an image tag: `docker.io/istio/proxyv2:1.12.9` → `1.12.9` (digests and suffixes ignored). */
export function versionOf(image: string | undefined): string | undefined {
  const m = image ? /:v?(\d+\.\d+(?:\.\d+)?)[^:/]*$/.exec(image.split('@')[0]) : null;
  return m ? m[1] : undefined;
}

function minor(version: string): number {
  return Number(version.split('.')[1]);
}

/** Releases up to 1.12 follow the 1.12 rules; later ones and unknown versions follow the current line. */
function lineOf(version: string | undefined): RulesLine {
  return version && version.startsWith('1.') && minor(version) <= 12 ? '1.12' : 'current';
}

function envOf(c: Container): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list(c.env)) if (typeof e.name === 'string' && typeof e.value === 'string') out[e.name] = e.value;
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): Container[] {
  return Array.isArray(v) ? v.map(record) : [];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : String(x))) : [];
}

function stringMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(v)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
