/**
 * The settings istio-iptables works from (its flags, environment and what it detects in the pod), with its defaults.
 * Field names follow istio-iptables' own config fields, in camelCase.
 */

/** Which release line's rule builder to follow: the rules changed across Istio releases. */
export type RulesLine = 'current' | '1.12';

/** Everything the rule builder reads. Lists stay comma-separated strings, as istio-iptables keeps them. */
export interface CaptureConfig {
  proxyPort: string;
  inboundCapturePort: string;
  inboundTunnelPort: string;
  proxyUID: string;
  proxyGID: string;
  inboundInterceptionMode: string;
  inboundTProxyMark: string;
  inboundTProxyRouteTable: string;
  inboundPortsInclude: string;
  inboundPortsExclude: string;
  ownerGroupsInclude: string;
  ownerGroupsExclude: string;
  outboundPortsInclude: string;
  outboundPortsExclude: string;
  outboundIPRangesInclude: string;
  outboundIPRangesExclude: string;
  rerouteVirtualInterfaces: string;
  excludeInterfaces: string;
  redirectDNS: boolean;
  captureAllDNS: boolean;
  dropInvalid: boolean;
  dualStack: boolean;
  /** Detected at run time from the pod's addresses (an IPv6 pod, or dual-stack). */
  enableIPv6: boolean;
  /** Read at run time from the pod's /etc/resolv.conf. */
  dnsServersV4: string[];
  dnsServersV6: string[];
  hostIPv4LoopbackCidr: string;
  /** istio-iptables only validates (CNI mode): the rules come from the CNI plugin instead. */
  skipRuleApply: boolean;
  runValidation: boolean;
}

/** istio-iptables' defaults before flags and environment apply (proxy UID/GID fall back to 1337 later). */
export function defaultCaptureConfig(): CaptureConfig {
  return {
    proxyPort: '15001',
    inboundCapturePort: '15006',
    inboundTunnelPort: '15008',
    proxyUID: '',
    proxyGID: '',
    inboundInterceptionMode: '',
    inboundTProxyMark: '1337',
    inboundTProxyRouteTable: '133',
    inboundPortsInclude: '',
    inboundPortsExclude: '',
    ownerGroupsInclude: '*',
    ownerGroupsExclude: '',
    outboundPortsInclude: '',
    outboundPortsExclude: '',
    outboundIPRangesInclude: '',
    outboundIPRangesExclude: '',
    rerouteVirtualInterfaces: '',
    excludeInterfaces: '',
    redirectDNS: false,
    captureAllDNS: false,
    dropInvalid: false,
    dualStack: false,
    enableIPv6: false,
    dnsServersV4: [],
    dnsServersV6: [],
    hostIPv4LoopbackCidr: '127.0.0.1/32',
    skipRuleApply: false,
    runValidation: false,
  };
}

/** Go's config.Split: comma-separated, empty items dropped. */
export function splitList(s: string): string[] {
  return s === '' ? [] : s.split(',').filter((x) => x !== '');
}

/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}
