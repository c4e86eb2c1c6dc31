/** Validation of the pod annotations Istio checks before injecting, with Istio's error texts. */
import { quoteGo } from '../go/quote';
import { parseBool } from '../go/strconv';
import { trimSpace } from '../go/strings';
import { utf8Length } from '../go/utf8';
import { proxyConfigAnnotationError } from './proxy-config-validate';

type Check = (value: string) => string | undefined;

/** Go's strconv.ParseUint error text, or undefined when `s` parses within `bits`. */
function parseUintError(s: string, bits: number): string | undefined {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${quoteGo(s)}: invalid syntax`;
  if (BigInt(s) >= 1n << BigInt(bits)) return `strconv.ParseUint: parsing ${quoteGo(s)}: value out of range`;
  return undefined;
}


function parsePortError(raw: string): string | undefined {
  const e = parseUintError(trimSpace(raw), 16);
  return e === undefined ? undefined : `failed parsing port '${raw}': ${e}`;
}

function portListError(name: string, ports: string): string | undefined {
  const trimmed = trimSpace(ports);
  if (trimmed === '') return undefined;
  for (const p of trimmed.split(',')) {
    const e = parsePortError(p);
    if (e !== undefined) return `${name} invalid: failed parsing port '${p}': ${e}`;
  }
  return undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Go's netip.ParseAddr error detail, or undefined when `s` is an IP address. */
function parseAddrError(s: string): string | undefined {
  if (s === '') return 'ParseAddr(""): unable to parse IP';
  const v4 = IPV4.exec(s);
  if (v4) {
    for (const octet of v4.slice(1)) {
      if (octet.length > 1 && octet.startsWith('0')) return `ParseAddr(${quoteGo(s)}): IPv4 field has octet with leading zero`;
      if (Number(octet) > 255) return `ParseAddr(${quoteGo(s)}): IPv4 field has value >255`;
    }
    return undefined;
  }
  if (s.includes(':') && isIPv6(s)) return undefined;
  return `ParseAddr(${quoteGo(s)}): unable to parse IP`;
}

function isIPv6(s: string): boolean {
  const zoneless = s.split('%')[0];
  const halves = zoneless.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && IPV4.test(g)) { count += 2; continue; }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
    count++;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Go's netip.ParsePrefix error text, or undefined when `s` is a CIDR prefix. */
function parsePrefixError(s: string): string | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return `netip.ParsePrefix(${quoteGo(s)}): no '/'`;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const addrErr = parseAddrError(addr);
  if (addrErr !== undefined) return `netip.ParsePrefix(${quoteGo(s)}): ${addrErr}`;
  if (addr.includes('%')) return `netip.ParsePrefix(${quoteGo(s)}): IPv6 zones cannot be present in a prefix`;
  const max = addr.includes(':') ? 128 : 32;
  if (!/^(0|[1-9]\d{0,2})$/.test(bits) || Number(bits) > max) return `netip.ParsePrefix(${quoteGo(s)}): bad bits after slash: ${quoteGo(bits)}`;
  return undefined;
}

function cidrListError(cidrs: string): string | undefined {
  if (cidrs === '') return undefined;
  for (const c of cidrs.split(',')) {
    const e = parsePrefixError(c);
    if (e !== undefined) return `failed parsing cidr '${c}': ${e}`;
  }
  return undefined;
}

function interfacesError(interfaces: string): string | undefined {
  if (interfaces === '') return undefined;
  for (let iface of interfaces.split(',')) {
    iface = iface.trim();
    if (iface === '') return 'empty interface name';
    if (utf8Length(iface) > 15) return `interface name ${quoteGo(iface)} too long (max 15 chars)`;
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(iface)) return `interface name ${quoteGo(iface)} contains invalid characters`;
  }
  return undefined;
}

/** Kubernetes resource.ParseQuantity's verdict, as its error text. */
function quantityError(value: string): string | undefined {
  if ([...value].some((ch) => /\p{Cc}/u.test(ch))) return 'value contains control characters';
  const m = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(value);
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) {
    return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  }
  const suffix = m[2];
  const known = ['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  if (known.includes(suffix) || /^[eE][+-]?\d+$/.test(suffix)) return undefined;
  return "unable to parse quantity's suffix";
}

function boolError(v: string): string | undefined {
  return parseBool(v) !== undefined ? undefined : `strconv.ParseBool: parsing ${quoteGo(v)}: invalid syntax`;
}

function interceptionModeError(mode: string): string | undefined {
  return ['REDIRECT', 'TPROXY', 'NONE'].includes(mode) ? undefined : `interceptionMode invalid, use REDIRECT,TPROXY,NONE: ${mode}`;
}

const prefixed = (what: string, check: Check): Check => (v) => {
  const e = check(v);
  return e === undefined ? undefined : `${what} invalid: ${e}`;
};

const ANNOTATION_CHECKS: Record<string, Check> = {
  'sidecar.istio.io/interceptionMode': interceptionModeError,
  'status.sidecar.istio.io/port': (v) => {
    const e = parsePortError(v);
    return e === undefined ? undefined : `excludeInboundPorts invalid: ${e}`; // Istio's text names the wrong field
  },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': (v) => parseUintError(v, 32),
  'readiness.status.sidecar.istio.io/periodSeconds': (v) => parseUintError(v, 32),
  'readiness.status.sidecar.istio.io/failureThreshold': (v) => parseUintError(v, 32),
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? undefined : prefixed('includeIPRanges', cidrListError)(v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': prefixed('excludeIPRanges', cidrListError),
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? undefined : portListError('includeInboundPorts', v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': (v) => portListError('excludeInboundPorts', v),
  'traffic.sidecar.istio.io/excludeOutboundPorts': (v) => portListError('excludeOutboundPorts', v),
  'traffic.sidecar.istio.io/excludeInterfaces': interfacesError,
  'traffic.sidecar.istio.io/kubevirtInterfaces': interfacesError,
  'istio.io/reroute-virtual-interfaces': interfacesError,
  'prometheus.istio.io/merge-metrics': boolError,
  'sidecar.istio.io/proxyCPU': quantityError,
  'sidecar.istio.io/proxyMemory': quantityError,
  'sidecar.istio.io/proxyCPULimit': quantityError,
  'sidecar.istio.io/proxyMemoryLimit': quantityError,
  'proxy.istio.io/config': proxyConfigAnnotationError,
};

/** Extra checks supplied by the caller (e.g. `proxy.istio.io/config`, which needs the ProxyConfig decoder). */
export type AnnotationCheck = Check;

/**
 * Istio's validateAnnotations: undefined when valid, else the combined error text (hashicorp multierror format).
 * Go visits the annotation map in random order; we use sorted order so the text is stable.
 */
export function validateAnnotations(annotations: Record<string, string>, extra: Record<string, Check> = {}): string | undefined {
  const errors: string[] = [];
  for (const name of Object.keys(annotations).sort()) {
    const check = ANNOTATION_CHECKS[name] ?? extra[name];
    if (!check) continue;
    const value = annotations[name];
    const e = check(value);
    if (e !== undefined) errors.push(`invalid value '${value}' for annotation '${name}': ${e}`);
  }
  if (errors.length === 0) return undefined;
  const head = errors.length === 1 ? '1 error occurred:' : `${errors.length} errors occurred:`;
  return `${head}\n${errors.map((e) => `\t* ${e}`).join('\n')}\n\n`;
}
