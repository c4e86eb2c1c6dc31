/** What both istio-iptables lines (current and 1.12) do the same way: reading CIDR lists, excluding interfaces. */
import type { Prefix } from './cidr';
import { splitList, type CaptureConfig } from './config';
import { PER_FAMILY, type RuleBuilder } from './rule-builder';

/** One address family's part of a CIDR list: `*`, the prefixes, and whether one of them covers loopback. */
export interface Ranges {
  wildcard: boolean;
  cidrs: Prefix[];
  loopback: boolean;
}

/**
 * A comma-separated CIDR list split into its IPv4 and IPv6 parts. `parse` is the line's CIDR reader: it may throw
 * (current: netip's strict parse) or return undefined to skip the entry (1.12: net.ParseCIDR, leniently).
 */
export function separateFamilies(list: string, parse: (s: string) => Prefix | undefined): [Ranges, Ranges] {
  if (list === '*') return [{ wildcard: true, cidrs: [], loopback: false }, { wildcard: true, cidrs: [], loopback: false }];
  const v4: Ranges = { wildcard: false, cidrs: [], loopback: false };
  const v6: Ranges = { wildcard: false, cidrs: [], loopback: false };
  for (const item of splitList(list)) {
    const p = parse(item);
    if (!p) continue;
    const r = p.family === 4 ? v4 : v6;
    r.cidrs.push(p);
    if (p.loopback) r.loopback = true;
  }
  return [v4, v6];
}

/** The first rules of both lines: excluded interfaces bypass capture (mangle too under TPROXY), virtual ones first. */
export function excludeInterfaces(b: RuleBuilder, cfg: CaptureConfig, tproxy: boolean): void {
  for (const nic of splitList(cfg.excludeInterfaces)) {
    b.append('PREROUTING', 'nat', '-i', nic, '-j', 'RETURN');
    b.append('OUTPUT', 'nat', '-o', nic, '-j', 'RETURN');
  }
  if (tproxy) {
    for (const nic of splitList(cfg.excludeInterfaces)) {
      b.append('PREROUTING', 'mangle', '-i', nic, '-j', 'RETURN');
      b.append('OUTPUT', 'mangle', '-o', nic, '-j', 'RETURN');
    }
  }
  for (const nic of splitList(cfg.rerouteVirtualInterfaces)) b.insert('PREROUTING', 'nat', 1, '-i', nic, '-j', 'RETURN');
}

/**
 * Inbound capture, the same in both lines but for two details they pass in: the IPv4 loopback TPROXY leaves alone, and
 * ports excluded even when every inbound port is captured (1.12 always let ssh, port 22, through).
 */
export function inboundRules(
  b: RuleBuilder, cfg: CaptureConfig, tproxy: boolean, loopbackV4: string, loopbackV6: string, alwaysExcluded: readonly string[],
): void {
  if (cfg.inboundPortsInclude === '') return;
  const table = tproxy ? 'mangle' : 'nat';
  if (tproxy) {
    b.append('ISTIO_DIVERT', 'mangle', '-j', 'MARK', '--set-mark', cfg.inboundTProxyMark);
    b.append('ISTIO_DIVERT', 'mangle', '-j', 'ACCEPT');
    b.appendPerFamily(loopbackV4, loopbackV6, 'ISTIO_TPROXY', 'mangle', '!', '-d', PER_FAMILY,
      '-p', 'tcp', '-j', 'TPROXY', '--tproxy-mark', `${cfg.inboundTProxyMark}/0xffffffff`, '--on-port', cfg.inboundCapturePort);
  }
  b.append('PREROUTING', table, '-p', 'tcp', '-j', 'ISTIO_INBOUND');
  if (cfg.inboundPortsInclude === '*') {
    for (const port of [...alwaysExcluded, ...splitList(cfg.inboundPortsExclude)]) {
      b.append('ISTIO_INBOUND', table, '-p', 'tcp', '--dport', port, '-j', 'RETURN');
    }
    if (tproxy) {
      b.append('ISTIO_INBOUND', 'mangle', '-p', 'tcp', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ISTIO_DIVERT');
      b.append('ISTIO_INBOUND', 'mangle', '-p', 'tcp', '-j', 'ISTIO_TPROXY');
    } else {
      b.append('ISTIO_INBOUND', 'nat', '-p', 'tcp', '-j', 'ISTIO_IN_REDIRECT');
    }
    return;
  }
  for (const port of splitList(cfg.inboundPortsInclude)) {
    if (tproxy) {
      b.append('ISTIO_INBOUND', 'mangle', '-p', 'tcp', '--dport', port, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ISTIO_DIVERT');
      b.append('ISTIO_INBOUND', 'mangle', '-p', 'tcp', '--dport', port, '-j', 'ISTIO_TPROXY');
    } else {
      b.append('ISTIO_INBOUND', 'nat', '-p', 'tcp', '--dport', port, '-j', 'ISTIO_IN_REDIRECT');
    }
  }
}
