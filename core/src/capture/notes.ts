/**
 * A plain-language note for each line of iptables-restore input, for the editor's hover: what the packets are and
 * what happens to them. Built from the rule's own matches and target, with a few well-known rules told directly.
 */

const PORTS: Record<string, string> = {
  '15001': "Envoy's outbound listener",
  '15006': "Envoy's inbound listener",
  '15008': 'the HBONE tunnel port',
  '15020': "the agent's status and merged metrics",
  '15021': 'the health check port',
  '15090': "Envoy's Prometheus port",
  '15053': "the agent's DNS proxy",
  '53': 'DNS',
  '22': 'ssh',
};

const CHAINS: Record<string, string> = {
  ISTIO_INBOUND: 'Istio\'s inbound rules: which arriving connections Envoy takes',
  ISTIO_REDIRECT: 'sends a connection to Envoy\'s outbound listener',
  ISTIO_IN_REDIRECT: 'sends a connection to Envoy\'s inbound listener',
  ISTIO_OUTPUT: 'Istio\'s outbound rules: which leaving connections Envoy takes',
  ISTIO_OUTPUT_DNS: 'Istio\'s DNS rules: DNS queries go to the agent\'s DNS proxy',
  ISTIO_DIVERT: 'marks packets of connections Envoy already holds (TPROXY mode)',
  ISTIO_TPROXY: 'hands new inbound connections to Envoy without rewriting their destination (TPROXY mode)',
  ISTIO_DROP: 'drops invalid packets',
};

const TABLES: Record<string, string> = {
  nat: 'rewrites destinations: this is where connections are redirected to Envoy',
  mangle: 'marks packets: TPROXY interception and invalid-packet drops live here',
  raw: 'runs before connection tracking: keeps DNS flows in separate conntrack zones',
  filter: 'accepts or drops packets',
};

function port(p: string): string {
  const known = p.split(',').map((x) => (PORTS[x] ? `${x} (${PORTS[x]})` : x));
  return known.join(', ');
}

/** The note for one line, or undefined for lines that need none (blank, comments). */
export function explainLine(line: string): string | undefined {
  const t = line.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  if (t.startsWith('*')) {
    const table = t.slice(1).trim();
    return `Table ${table}: ${TABLES[table] ?? 'an iptables table'}.`;
  }
  if (t === 'COMMIT') return 'Applies this table\'s chains and rules in one step.';
  const words = t.split(/\s+/);
  if (words[0] === '-N' || t.startsWith(':')) {
    const chain = words[0] === '-N' ? words[1] : words[0].slice(1);
    return `Creates chain ${chain}: ${CHAINS[chain] ?? 'a chain of its own'}.`;
  }
  if (words[0] !== '-A' && words[0] !== '-I') return undefined;
  return explainRule(words);
}

function explainRule(words: string[]): string {
  const chain = words[1];
  const start = words[0] === '-I' ? 3 : 2;
  const where = words[0] === '-I' ? ` (inserted at position ${words[2]})` : '';
  const j = words.indexOf('-j', start);
  const matches = words.slice(start, j < 0 ? words.length : j);
  const target = j < 0 ? undefined : words[j + 1];
  const targetArgs = j < 0 ? [] : words.slice(j + 2);
  const special = wellKnown(chain, matches, target);
  if (special) return `${special}${where}.`;
  const parts = describeMatches(matches);
  // "-p tcp" reads best inside the subject: "Arriving TCP traffic to port 15008".
  const proto = parts[0] === 'TCP' || parts[0] === 'UDP' ? `${parts.shift()} ` : '';
  const subject = subjectOf(chain).replace('traffic', `${proto}traffic`);
  const what = parts.join(', ');
  return `${subject}${what ? ` ${what}` : ''}: ${describeTarget(chain, target, targetArgs)}${where}.`;
}

function subjectOf(chain: string): string {
  if (chain === 'PREROUTING' || chain === 'ISTIO_INBOUND' || chain === 'ISTIO_IN_REDIRECT' || chain === 'ISTIO_DIVERT' || chain === 'ISTIO_TPROXY') return 'Arriving traffic';
  if (chain === 'ISTIO_OUTPUT_DNS') return 'Outgoing DNS traffic';
  if (chain === 'OUTPUT' || chain === 'ISTIO_OUTPUT' || chain === 'ISTIO_REDIRECT') return 'Outgoing traffic';
  return `Traffic in chain ${chain}`;
}

function wellKnown(chain: string, m: string[], target: string | undefined): string | undefined {
  const text = m.join(' ');
  const owner = /^-m owner --(uid|gid)-owner (\S+)$/.exec(text);
  if (chain === 'ISTIO_OUTPUT' && owner && target === 'RETURN') {
    return `Traffic from the proxy itself (${owner[1].toUpperCase()} ${owner[2]}) is not captured again`;
  }
  if (chain === 'ISTIO_OUTPUT' && /^-o lo -s (127\.0\.0\.6\/32|::6\/128)$/.test(text) && target === 'RETURN') {
    return 'Envoy\'s inbound side reaches the app from 127.0.0.6 (::6): that hop is not captured';
  }
  const self = /^-o lo ! -d \S+ .*--(uid|gid)-owner (\S+)$/.exec(text);
  if (chain === 'ISTIO_OUTPUT' && self && target === 'ISTIO_IN_REDIRECT') {
    return `The proxy (${self[1].toUpperCase()} ${self[2]}) calling this pod's own address over loopback (the app calling its own Service) goes through Envoy's inbound side`;
  }
  const appSelf = /^-o lo (?:-p tcp ! --dport 53 )?-m owner ! --(uid|gid)-owner (\S+)$/.exec(text);
  if (chain === 'ISTIO_OUTPUT' && appSelf && target === 'RETURN') {
    return `The app talking to itself over loopback (not as ${appSelf[1].toUpperCase()} ${appSelf[2]}) is not captured${text.includes('53') ? ', except TCP DNS' : ''}`;
  }
  if ((chain === 'OUTPUT' && target === 'ISTIO_OUTPUT') && (text === '' || text === '-p tcp')) {
    return `Every outgoing ${text ? 'TCP ' : ''}packet goes through Istio's outbound rules (ISTIO_OUTPUT)`;
  }
  if (chain === 'PREROUTING' && target === 'ISTIO_INBOUND' && text === '-p tcp') return 'Every arriving TCP packet goes through Istio\'s inbound rules (ISTIO_INBOUND)';
  if (chain === 'ISTIO_OUTPUT' && target === 'ISTIO_REDIRECT' && text === '') return 'Everything else leaving the pod is captured by Envoy\'s outbound listener';
  if (chain === 'ISTIO_INBOUND' && target === 'ISTIO_IN_REDIRECT' && text === '-p tcp') return 'Every other arriving TCP connection is captured by Envoy\'s inbound listener';
  if (chain === 'ISTIO_OUTPUT' && target === 'RETURN' && text === '') return 'Everything else leaving the pod is not captured';
  return undefined;
}

function describeMatches(m: string[]): string[] {
  const parts: string[] = [];
  for (let i = 0; i < m.length; i++) {
    const neg = m[i] === '!';
    if (neg) i++;
    const not = neg ? 'not ' : '';
    const w = m[i];
    const v = m[i + 1];
    switch (w) {
      case '-p': parts.push(`${not}${v.toUpperCase()}`); i++; break;
      case '--dport': case '--dports': parts.push(`${not}to port${w === '--dports' ? 's' : ''} ${port(v)}`); i++; break;
      case '--sport': parts.push(`${not}from port ${port(v)}`); i++; break;
      case '-d': parts.push(`${not}to ${v}`); i++; break;
      case '-s': parts.push(`${not}from ${v}`); i++; break;
      case '-o': parts.push(`${not}leaving via ${v === 'lo' ? 'loopback' : `interface ${v}`}`); i++; break;
      case '-i': parts.push(`${not}arriving on ${v === 'lo' ? 'loopback' : `interface ${v}`}`); i++; break;
      case '--uid-owner': parts.push(`${not}sent by UID ${v}`); i++; break;
      case '--gid-owner': parts.push(`${not}sent by group ${v}`); i++; break;
      case '--ctstate': parts.push(`${not}in connections that are ${v.toLowerCase().replace(',', ' or ')}`); i++; break;
      case '--mark': parts.push(`${not}marked ${v}`); i++; break;
      case '-m': i++; break; // the module name: its options say the rest
      default: parts.push(`${not}${w}`);
    }
  }
  return parts;
}

function describeTarget(chain: string, target: string | undefined, args: string[]): string {
  const arg = (name: string) => args[args.indexOf(name) + 1];
  switch (target) {
    case undefined: return 'counted only';
    case 'RETURN': return chain.startsWith('ISTIO_') ? 'not captured (leaves Istio\'s rules here)' : 'skips Istio\'s rules';
    case 'ACCEPT': return 'accepted as it is';
    case 'DROP': return 'dropped';
    case 'ISTIO_REDIRECT': return 'captured by Envoy\'s outbound listener';
    case 'ISTIO_IN_REDIRECT': return 'captured by Envoy\'s inbound listener';
    case 'REDIRECT': return `redirected to local port ${port(arg('--to-ports') ?? arg('--to-port'))}`;
    case 'TPROXY': return `handed to ${port(arg('--on-port'))} as it is (TPROXY, mark ${arg('--tproxy-mark')})`;
    case 'MARK': return `marked ${arg('--set-mark')}`;
    case 'CONNMARK': return args.includes('--save-mark') ? 'its mark is saved on the connection' : 'the connection\'s mark is put back on the packet';
    case 'CT': return `tracked in conntrack zone ${arg('--zone')}, so DNS between app and agent and between agent and resolver stay apart`;
    default: return `continues in ${target}${CHAINS[target] ? ` (${CHAINS[target]})` : ''}`;
  }
}
