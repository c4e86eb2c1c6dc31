/**
 * The rules the current istio-iptables line (master) programs, in the order it adds them. Behaviour learnt from
 * Istio's tools/istio-iptables/pkg/capture; written here from scratch.
 */
import { parsePrefixNetip } from './cidr';
import { splitList, type CaptureConfig } from './config';
import { PER_FAMILY, RuleBuilder } from './rule-builder';
import { excludeInterfaces, inboundRules, separateFamilies, type Ranges } from './shared-rules';

const DNS_PORT = '53';
const AGENT_DNS_PORT = '15053';
const OUTBOUND_MARK = '1338';
const V6_LOOPBACK = '::1/128';


/** Builds the current line's rules; throws istio-iptables' error for a config it refuses. */
export function buildCurrentRules(cfg: CaptureConfig): RuleBuilder {
  const b = new RuleBuilder(cfg.enableIPv6);
  const [v4Exclude, v6Exclude] = separateFamilies(cfg.outboundIPRangesExclude, parsePrefixNetip);
  if (v4Exclude.wildcard) throw new Error('invalid value for OUTBOUND_IP_RANGES_EXCLUDE');
  const [v4Include, v6Include] = separateFamilies(cfg.outboundIPRangesInclude, parsePrefixNetip);
  // With DNS capture on but no resolver known and no capture-all, istio-iptables turns DNS capture off.
  const redirectDNS = cfg.redirectDNS && (cfg.captureAllDNS || cfg.dnsServersV4.length > 0 || cfg.dnsServersV6.length > 0);
  const tproxy = cfg.inboundInterceptionMode === 'TPROXY';
  const loopbackV4 = cfg.hostIPv4LoopbackCidr;

  excludeInterfaces(b, cfg, tproxy);
  if (cfg.dropInvalid) {
    b.append('PREROUTING', 'mangle', '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'ISTIO_DROP');
    b.append('ISTIO_DROP', 'mangle', '-j', 'DROP');
  }
  b.append('ISTIO_INBOUND', 'nat', '-p', 'tcp', '--dport', cfg.inboundTunnelPort, '-j', 'RETURN');
  b.append('ISTIO_REDIRECT', 'nat', '-p', 'tcp', '-j', 'REDIRECT', '--to-ports', cfg.proxyPort);
  b.append('ISTIO_IN_REDIRECT', 'nat', '-p', 'tcp', '-j', 'REDIRECT', '--to-ports', cfg.inboundCapturePort);
  inboundRules(b, cfg, tproxy, cfg.hostIPv4LoopbackCidr, V6_LOOPBACK, []);

  b.append('OUTPUT', 'nat', '-j', 'ISTIO_OUTPUT');
  for (const port of splitList(cfg.outboundPortsExclude)) {
    b.append('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', port, '-j', 'RETURN');
    b.append('ISTIO_OUTPUT', 'nat', '-p', 'udp', '--dport', port, '-j', 'RETURN');
  }
  b.appendPerFamily('127.0.0.6/32', '::6/128', 'ISTIO_OUTPUT', 'nat', '-o', 'lo', '-s', PER_FAMILY, '-j', 'RETURN');
  const loopbackIncluded = v4Include.loopback || v6Include.loopback;
  const ownerRules = (kind: '--uid-owner' | '--gid-owner', id: string, dnsAware: boolean) => {
    const portMatch = dnsAware
      ? ['-m', 'multiport', '!', '--dports', `${DNS_PORT},${cfg.inboundTunnelPort}`]
      : ['!', '--dport', cfg.inboundTunnelPort];
    b.appendPerFamily(loopbackV4, V6_LOOPBACK, 'ISTIO_OUTPUT', 'nat',
      '-o', 'lo', '!', '-d', PER_FAMILY, '-p', 'tcp', ...portMatch, '-m', 'owner', kind, id, '-j', 'ISTIO_IN_REDIRECT');
    if (!loopbackIncluded) {
      const dnsExempt = redirectDNS ? ['-p', 'tcp', '!', '--dport', DNS_PORT] : [];
      b.append('ISTIO_OUTPUT', 'nat', '-o', 'lo', ...dnsExempt, '-m', 'owner', '!', kind, id, '-j', 'RETURN');
    }
    b.append('ISTIO_OUTPUT', 'nat', '-m', 'owner', kind, id, '-j', 'RETURN');
  };
  for (const uid of splitList(cfg.proxyUID)) ownerRules('--uid-owner', uid, redirectDNS);
  // Only the UID rule skips DNS for the self-redirect; the GID rule keeps the tunnel-port form.
  for (const gid of splitList(cfg.proxyGID)) ownerRules('--gid-owner', gid, false);

  ownerGroups(b, cfg);
  if (redirectDNS) dnsRules(b, cfg);

  b.appendPerFamily(loopbackV4, V6_LOOPBACK, 'ISTIO_OUTPUT', 'nat', '-d', PER_FAMILY, '-j', 'RETURN');
  for (const c of v4Exclude.cidrs) b.appendV4('ISTIO_OUTPUT', 'nat', '-d', c.text, '-j', 'RETURN');
  for (const c of v6Exclude.cidrs) b.appendV6('ISTIO_OUTPUT', 'nat', '-d', c.text, '-j', 'RETURN');
  for (const port of splitList(cfg.outboundPortsInclude)) {
    b.append('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', port, '-j', 'ISTIO_REDIRECT');
  }
  outboundIncludes(v4Include, cfg, (...p) => b.appendV4('ISTIO_OUTPUT', 'nat', ...p), (...p) => b.insertV4('PREROUTING', 'nat', 1, ...p));
  outboundIncludes(v6Include, cfg, (...p) => b.appendV6('ISTIO_OUTPUT', 'nat', ...p), (...p) => b.insertV6('PREROUTING', 'nat', 1, ...p));
  if (tproxy) tproxyMarks(b, cfg);
  return b;
}


function ownerGroups(b: RuleBuilder, cfg: CaptureConfig): void {
  if (cfg.ownerGroupsInclude === '*') {
    for (const g of splitList(cfg.ownerGroupsExclude)) b.append('ISTIO_OUTPUT', 'nat', '-m', 'owner', '--gid-owner', g, '-j', 'RETURN');
    return;
  }
  const noneOf = splitList(cfg.ownerGroupsInclude).flatMap((g) => ['-m', 'owner', '!', '--gid-owner', g]);
  b.append('ISTIO_OUTPUT', 'nat', ...noneOf, '-j', 'RETURN');
}

function dnsRules(b: RuleBuilder, cfg: CaptureConfig): void {
  const all = cfg.captureAllDNS;
  b.append('OUTPUT', 'raw', '-j', 'ISTIO_OUTPUT_DNS');
  if (all || cfg.dnsServersV4.length) b.appendV4('ISTIO_OUTPUT', 'nat', '-j', 'ISTIO_OUTPUT_DNS');
  if (all || cfg.dnsServersV6.length) b.appendV6('ISTIO_OUTPUT', 'nat', '-j', 'ISTIO_OUTPUT_DNS');
  if (all) {
    b.append('ISTIO_OUTPUT_DNS', 'nat', '-p', 'tcp', '--dport', DNS_PORT, '-j', 'REDIRECT', '--to-ports', AGENT_DNS_PORT);
  } else {
    for (const s of cfg.dnsServersV4) b.appendV4('ISTIO_OUTPUT_DNS', 'nat', '-p', 'tcp', '--dport', DNS_PORT, '-d', `${s}/32`, '-j', 'REDIRECT', '--to-ports', AGENT_DNS_PORT);
    for (const s of cfg.dnsServersV6) b.appendV6('ISTIO_OUTPUT_DNS', 'nat', '-p', 'tcp', '--dport', DNS_PORT, '-d', `${s}/128`, '-j', 'REDIRECT', '--to-ports', AGENT_DNS_PORT);
  }
  // UDP uses --to-port (singular), as istio-iptables writes it.
  if (all) {
    b.append('ISTIO_OUTPUT_DNS', 'nat', '-p', 'udp', '--dport', DNS_PORT, '-j', 'REDIRECT', '--to-port', AGENT_DNS_PORT);
  } else {
    for (const s of cfg.dnsServersV4) b.appendV4('ISTIO_OUTPUT_DNS', 'nat', '-p', 'udp', '--dport', DNS_PORT, '-d', `${s}/32`, '-j', 'REDIRECT', '--to-port', AGENT_DNS_PORT);
    for (const s of cfg.dnsServersV6) b.appendV6('ISTIO_OUTPUT_DNS', 'nat', '-p', 'udp', '--dport', DNS_PORT, '-d', `${s}/128`, '-j', 'REDIRECT', '--to-port', AGENT_DNS_PORT);
  }
  for (const [kind, ids] of [['--uid-owner', cfg.proxyUID], ['--gid-owner', cfg.proxyGID]] as const) {
    for (const id of splitList(ids)) {
      b.append('ISTIO_OUTPUT_DNS', 'raw', '-p', 'udp', '--dport', DNS_PORT, '-m', 'owner', kind, id, '-j', 'CT', '--zone', '1');
      b.append('ISTIO_OUTPUT_DNS', 'raw', '-p', 'udp', '--sport', AGENT_DNS_PORT, '-m', 'owner', kind, id, '-j', 'CT', '--zone', '2');
    }
  }
  if (all) {
    b.append('PREROUTING', 'raw', '-j', 'ISTIO_INBOUND');
    b.append('ISTIO_OUTPUT_DNS', 'raw', '-p', 'udp', '--dport', DNS_PORT, '-j', 'CT', '--zone', '2');
    b.append('ISTIO_INBOUND', 'raw', '-p', 'udp', '--sport', DNS_PORT, '-j', 'CT', '--zone', '1');
    return;
  }
  if (cfg.dnsServersV4.length) b.appendV4('PREROUTING', 'raw', '-j', 'ISTIO_INBOUND');
  for (const s of cfg.dnsServersV4) {
    b.appendV4('ISTIO_OUTPUT_DNS', 'raw', '-p', 'udp', '--dport', DNS_PORT, '-d', `${s}/32`, '-j', 'CT', '--zone', '2');
    b.appendV4('ISTIO_INBOUND', 'raw', '-p', 'udp', '--sport', DNS_PORT, '-s', `${s}/32`, '-j', 'CT', '--zone', '1');
  }
  if (cfg.dnsServersV6.length) b.appendV6('PREROUTING', 'raw', '-j', 'ISTIO_INBOUND');
  for (const s of cfg.dnsServersV6) {
    b.appendV6('ISTIO_OUTPUT_DNS', 'raw', '-p', 'udp', '--dport', DNS_PORT, '-d', `${s}/128`, '-j', 'CT', '--zone', '2');
    b.appendV6('ISTIO_INBOUND', 'raw', '-p', 'udp', '--sport', DNS_PORT, '-s', `${s}/128`, '-j', 'CT', '--zone', '1');
  }
}

function outboundIncludes(
  r: Ranges, cfg: CaptureConfig,
  append: (...params: string[]) => void, insertPrerouting: (...params: string[]) => void,
): void {
  if (r.wildcard) {
    append('-j', 'ISTIO_REDIRECT');
    for (const nic of splitList(cfg.rerouteVirtualInterfaces)) insertPrerouting('-i', nic, '-j', 'ISTIO_REDIRECT');
    return;
  }
  for (const c of r.cidrs) {
    for (const nic of splitList(cfg.rerouteVirtualInterfaces)) insertPrerouting('-i', nic, '-d', c.text, '-j', 'ISTIO_REDIRECT');
    append('-d', c.text, '-j', 'ISTIO_REDIRECT');
  }
}

function tproxyMarks(b: RuleBuilder, cfg: CaptureConfig): void {
  const mark = cfg.inboundTProxyMark;
  b.append('PREROUTING', 'mangle', '-p', 'tcp', '-m', 'mark', '--mark', mark, '-j', 'CONNMARK', '--save-mark');
  b.append('OUTPUT', 'mangle', '-p', 'tcp', '-o', 'lo', '-m', 'mark', '--mark', mark, '-j', 'RETURN');
  for (const [kind, ids] of [['--uid-owner', cfg.proxyUID], ['--gid-owner', cfg.proxyGID]] as const) {
    for (const id of splitList(ids)) {
      b.appendPerFamily(cfg.hostIPv4LoopbackCidr, V6_LOOPBACK, 'OUTPUT', 'mangle', '!', '-d', PER_FAMILY, '-p', 'tcp', '-o', 'lo',
        '-m', 'owner', kind, id, '-j', 'MARK', '--set-mark', OUTBOUND_MARK);
    }
  }
  b.append('OUTPUT', 'mangle', '-p', 'tcp', '-m', 'connmark', '--mark', mark, '-j', 'CONNMARK', '--restore-mark');
  b.insert('ISTIO_INBOUND', 'mangle', 1, '-p', 'tcp', '-m', 'mark', '--mark', mark, '-j', 'RETURN');
  b.insertV4('ISTIO_INBOUND', 'mangle', 2, '-p', 'tcp', '-s', '127.0.0.6/32', '-i', 'lo', '-j', 'RETURN');
  b.insertV6('ISTIO_INBOUND', 'mangle', 2, '-p', 'tcp', '-s', '::6/128', '-i', 'lo', '-j', 'RETURN');
  b.insert('ISTIO_INBOUND', 'mangle', 3, '-p', 'tcp', '-i', 'lo', '-m', 'mark', '!', '--mark', OUTBOUND_MARK, '-j', 'RETURN');
}
