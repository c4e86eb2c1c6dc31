/**
 * The rules istio-iptables of the Istio 1.12 line programs, in the order it adds them (behaviour read from the
 * 1.12.9 tag of istio/istio; written here from scratch). Differences from the current line: inbound ssh (22) is
 * always excluded under `-b *`, OUTPUT jumps to ISTIO_OUTPUT for tcp only, outbound port exclusions are tcp only,
 * CIDR lists are parsed leniently (bad entries skipped, networks masked), a CIDR include list ends with a RETURN,
 * DNS rules live in ISTIO_OUTPUT / nat OUTPUT / raw directly (no ISTIO_OUTPUT_DNS), invalid packets are dropped
 * without an ISTIO_DROP chain, and there are no owner-group or loopback-CIDR settings.
 */
import { parsePrefixNet } from './cidr';
import { splitList, type CaptureConfig } from './config';
import { PER_FAMILY, RuleBuilder } from './rule-builder';
import { excludeInterfaces, inboundRules, separateFamilies, type Ranges } from './shared-rules';

const LOOPBACK_V4 = '127.0.0.1/32';
const LOOPBACK_V6 = '::1/128';


/** Builds the 1.12 line's rules; throws its error for an excluded-ranges wildcard. */
export function build112Rules(cfg: CaptureConfig): RuleBuilder {
  const b = new RuleBuilder(cfg.enableIPv6);
  const [v4Exclude, v6Exclude] = separateFamilies(cfg.outboundIPRangesExclude, parsePrefixNet);
  if (v4Exclude.wildcard) throw new Error('Invalid value for OUTBOUND_IP_RANGES_EXCLUDE');
  const [v4Include, v6Include] = separateFamilies(cfg.outboundIPRangesInclude, parsePrefixNet);
  const dns = cfg.redirectDNS;
  const tproxy = cfg.inboundInterceptionMode === 'TPROXY';

  excludeInterfaces(b, cfg, tproxy);
  if (cfg.dropInvalid) b.append('PREROUTING', 'mangle', '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'DROP');
  b.append('ISTIO_INBOUND', 'nat', '-p', 'tcp', '--dport', cfg.inboundTunnelPort, '-j', 'RETURN');
  b.append('ISTIO_REDIRECT', 'nat', '-p', 'tcp', '-j', 'REDIRECT', '--to-ports', cfg.proxyPort);
  b.append('ISTIO_IN_REDIRECT', 'nat', '-p', 'tcp', '-j', 'REDIRECT', '--to-ports', cfg.inboundCapturePort);
  inboundRules(b, cfg, tproxy, LOOPBACK_V4, LOOPBACK_V6, ['22']);

  b.append('OUTPUT', 'nat', '-p', 'tcp', '-j', 'ISTIO_OUTPUT');
  for (const port of splitList(cfg.outboundPortsExclude)) b.append('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', port, '-j', 'RETURN');
  b.appendPerFamily('127.0.0.6/32', '::6/128', 'ISTIO_OUTPUT', 'nat', '-o', 'lo', '-s', PER_FAMILY, '-j', 'RETURN');
  const loopbackIncluded = v4Include.loopback || v6Include.loopback;
  const ownerRules = (kind: '--uid-owner' | '--gid-owner', id: string, dnsAware: boolean) => {
    const notDns = dnsAware ? ['-p', 'tcp', '!', '--dport', '53'] : [];
    b.appendPerFamily(LOOPBACK_V4, LOOPBACK_V6, 'ISTIO_OUTPUT', 'nat', '-o', 'lo', '!', '-d', PER_FAMILY, ...notDns,
      '-m', 'owner', kind, id, '-j', 'ISTIO_IN_REDIRECT');
    if (!loopbackIncluded) {
      const dnsExempt = dns ? ['-p', 'tcp', '!', '--dport', '53'] : [];
      b.append('ISTIO_OUTPUT', 'nat', '-o', 'lo', ...dnsExempt, '-m', 'owner', '!', kind, id, '-j', 'RETURN');
    }
    b.append('ISTIO_OUTPUT', 'nat', '-m', 'owner', kind, id, '-j', 'RETURN');
  };
  for (const uid of splitList(cfg.proxyUID)) ownerRules('--uid-owner', uid, dns);
  for (const gid of splitList(cfg.proxyGID)) ownerRules('--gid-owner', gid, false);

  if (dns) {
    if (cfg.captureAllDNS) {
      b.append('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', '53', '-j', 'REDIRECT', '--to-ports', '15053');
    } else {
      for (const s of cfg.dnsServersV4) b.appendV4('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', '53', '-d', `${s}/32`, '-j', 'REDIRECT', '--to-ports', '15053');
      for (const s of cfg.dnsServersV6) b.appendV6('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', '53', '-d', `${s}/128`, '-j', 'REDIRECT', '--to-ports', '15053');
    }
  }
  b.appendPerFamily(LOOPBACK_V4, LOOPBACK_V6, 'ISTIO_OUTPUT', 'nat', '-d', PER_FAMILY, '-j', 'RETURN');
  for (const c of v4Exclude.cidrs) b.appendV4('ISTIO_OUTPUT', 'nat', '-d', c.text, '-j', 'RETURN');
  for (const c of v6Exclude.cidrs) b.appendV6('ISTIO_OUTPUT', 'nat', '-d', c.text, '-j', 'RETURN');
  for (const port of splitList(cfg.outboundPortsInclude)) b.append('ISTIO_OUTPUT', 'nat', '-p', 'tcp', '--dport', port, '-j', 'ISTIO_REDIRECT');
  outboundIncludes(v4Include, cfg, (...p) => b.appendV4('ISTIO_OUTPUT', 'nat', ...p), (...p) => b.insertV4('PREROUTING', 'nat', 1, ...p));
  outboundIncludes(v6Include, cfg, (...p) => b.appendV6('ISTIO_OUTPUT', 'nat', ...p), (...p) => b.insertV6('PREROUTING', 'nat', 1, ...p));
  if (dns) dnsUdp(b, cfg);
  if (tproxy) tproxyMarks(b, cfg);
  return b;
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
  if (!r.cidrs.length) return;
  for (const c of r.cidrs) {
    for (const nic of splitList(cfg.rerouteVirtualInterfaces)) insertPrerouting('-i', nic, '-d', c.text, '-j', 'ISTIO_REDIRECT');
    append('-d', c.text, '-j', 'ISTIO_REDIRECT');
  }
  append('-j', 'RETURN');
}

/** UDP DNS: the proxy's own lookups pass, the resolvers' traffic goes to the agent, conntrack zones split both ways. */
function dnsUdp(b: RuleBuilder, cfg: CaptureConfig): void {
  const owners = [['--uid-owner', cfg.proxyUID], ['--gid-owner', cfg.proxyGID]] as const;
  for (const [kind, ids] of owners) {
    for (const id of splitList(ids)) b.append('OUTPUT', 'nat', '-p', 'udp', '--dport', '53', '-m', 'owner', kind, id, '-j', 'RETURN');
  }
  if (cfg.captureAllDNS) {
    b.append('OUTPUT', 'nat', '-p', 'udp', '--dport', '53', '-j', 'REDIRECT', '--to-port', '15053');
  } else {
    for (const s of cfg.dnsServersV4) b.appendV4('OUTPUT', 'nat', '-p', 'udp', '--dport', '53', '-d', `${s}/32`, '-j', 'REDIRECT', '--to-port', '15053');
    for (const s of cfg.dnsServersV6) b.appendV6('OUTPUT', 'nat', '-p', 'udp', '--dport', '53', '-d', `${s}/128`, '-j', 'REDIRECT', '--to-port', '15053');
  }
  for (const [kind, ids] of owners) {
    for (const id of splitList(ids)) {
      b.append('OUTPUT', 'raw', '-p', 'udp', '--dport', '53', '-m', 'owner', kind, id, '-j', 'CT', '--zone', '1');
      b.append('OUTPUT', 'raw', '-p', 'udp', '--sport', '15053', '-m', 'owner', kind, id, '-j', 'CT', '--zone', '2');
    }
  }
  if (cfg.captureAllDNS) {
    b.append('OUTPUT', 'raw', '-p', 'udp', '--dport', '53', '-j', 'CT', '--zone', '2');
    b.append('PREROUTING', 'raw', '-p', 'udp', '--sport', '53', '-j', 'CT', '--zone', '1');
    return;
  }
  // 1.12 matched the resolver's replies by destination (-d), not source: kept as it was.
  for (const s of cfg.dnsServersV4) {
    b.appendV4('OUTPUT', 'raw', '-p', 'udp', '--dport', '53', '-d', `${s}/32`, '-j', 'CT', '--zone', '2');
    b.appendV4('PREROUTING', 'raw', '-p', 'udp', '--sport', '53', '-d', `${s}/32`, '-j', 'CT', '--zone', '1');
  }
  for (const s of cfg.dnsServersV6) {
    b.appendV6('OUTPUT', 'raw', '-p', 'udp', '--dport', '53', '-d', `${s}/128`, '-j', 'CT', '--zone', '2');
    b.appendV6('PREROUTING', 'raw', '-p', 'udp', '--sport', '53', '-d', `${s}/128`, '-j', 'CT', '--zone', '1');
  }
}

function tproxyMarks(b: RuleBuilder, cfg: CaptureConfig): void {
  const mark = cfg.inboundTProxyMark;
  b.append('PREROUTING', 'mangle', '-p', 'tcp', '-m', 'mark', '--mark', mark, '-j', 'CONNMARK', '--save-mark');
  b.append('OUTPUT', 'mangle', '-p', 'tcp', '-o', 'lo', '-m', 'mark', '--mark', mark, '-j', 'RETURN');
  for (const [kind, ids] of [['--uid-owner', cfg.proxyUID], ['--gid-owner', cfg.proxyGID]] as const) {
    for (const id of splitList(ids)) {
      b.appendPerFamily(LOOPBACK_V4, LOOPBACK_V6, 'OUTPUT', 'mangle', '!', '-d', PER_FAMILY, '-p', 'tcp', '-o', 'lo',
        '-m', 'owner', kind, id, '-j', 'MARK', '--set-mark', '1338');
    }
  }
  b.append('OUTPUT', 'mangle', '-p', 'tcp', '-m', 'connmark', '--mark', mark, '-j', 'CONNMARK', '--restore-mark');
  b.insert('ISTIO_INBOUND', 'mangle', 1, '-p', 'tcp', '-m', 'mark', '--mark', mark, '-j', 'RETURN');
  b.insertV4('ISTIO_INBOUND', 'mangle', 2, '-p', 'tcp', '-s', '127.0.0.6/32', '-i', 'lo', '-j', 'RETURN');
  b.insertV6('ISTIO_INBOUND', 'mangle', 2, '-p', 'tcp', '-s', '::6/128', '-i', 'lo', '-j', 'RETURN');
  b.insert('ISTIO_INBOUND', 'mangle', 3, '-p', 'tcp', '-i', 'lo', '-m', 'mark', '!', '--mark', '1338', '-j', 'RETURN');
}
