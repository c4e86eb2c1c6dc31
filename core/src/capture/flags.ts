/**
 * istio-iptables' command line and environment → CaptureConfig, the way its flag library reads them: each flag also
 * reads an environment variable (its name upper-cased, `-` → `_`), command-line values win, and a few settings
 * come only from the environment.
 */
import { defaultCaptureConfig, parseGoBool, splitList, type CaptureConfig } from './config';

type StringField = { [K in keyof CaptureConfig]: CaptureConfig[K] extends string ? K : never }[keyof CaptureConfig];
type BoolField = { [K in keyof CaptureConfig]: CaptureConfig[K] extends boolean ? K : never }[keyof CaptureConfig];

interface FlagSpec {
  short?: string;
  field?: StringField | BoolField;
  bool?: boolean;
  /** Read from the environment too (istio-iptables binds most flags to an environment variable). */
  env?: boolean;
  /** Extra environment variables that set the flag (later ones win). */
  alsoEnv?: string[];
}

const FLAGS: Record<string, FlagSpec> = {
  'envoy-port': { short: 'p', field: 'proxyPort' },
  'inbound-capture-port': { short: 'z', field: 'inboundCapturePort', env: true },
  'inbound-tunnel-port': { short: 'e', field: 'inboundTunnelPort', env: true },
  'proxy-uid': { short: 'u', field: 'proxyUID', env: true },
  'proxy-gid': { short: 'g', field: 'proxyGID', env: true },
  'istio-inbound-interception-mode': { short: 'm', field: 'inboundInterceptionMode', env: true },
  'istio-inbound-ports': { short: 'b', field: 'inboundPortsInclude', env: true },
  'istio-local-exclude-ports': { short: 'd', field: 'inboundPortsExclude', env: true },
  'istio-exclude-interfaces': { short: 'c', field: 'excludeInterfaces', env: true },
  'istio-service-cidr': { short: 'i', field: 'outboundIPRangesInclude', env: true },
  'istio-service-exclude-cidr': { short: 'x', field: 'outboundIPRangesExclude', env: true },
  'istio-outbound-ports': { short: 'q', field: 'outboundPortsInclude', env: true },
  'istio-local-outbound-ports-exclude': { short: 'o', field: 'outboundPortsExclude', env: true },
  'kube-virt-interfaces': { short: 'k', field: 'rerouteVirtualInterfaces', env: true },
  'istio-inbound-tproxy-mark': { short: 't', field: 'inboundTProxyMark', env: true },
  'istio-inbound-tproxy-route-table': { short: 'r', field: 'inboundTProxyRouteTable', env: true },
  'redirect-dns': { bool: true, field: 'redirectDNS', env: true, alsoEnv: ['ISTIO_META_DNS_CAPTURE'] },
  'drop-invalid': { bool: true, field: 'dropInvalid', env: true, alsoEnv: ['INVALID_DROP'] },
  'dual-stack': { bool: true, field: 'dualStack', env: true, alsoEnv: ['ISTIO_DUAL_STACK'] },
  'capture-all-dns': { bool: true, field: 'captureAllDNS', env: true },
  'skip-rule-apply': { bool: true, field: 'skipRuleApply', env: true },
  'run-validation': { bool: true, field: 'runValidation', env: true },
  // Accepted; they change how or whether rules are applied, not which rules.
  'dry-run': { short: 'n', bool: true },
  'cni-mode': { bool: true },
  'reconcile': { bool: true },
  'cleanup-only': { bool: true },
  'force-apply': { bool: true },
  'native-nftables': { bool: true },
  'restore-format': { bool: true },
  'iptables-trace-logging': { bool: true },
  'log_as_json': { bool: true },
  'iptables-probe-port': {},
  'probe-timeout': {},
  'network-namespace': {},
  'force-iptables-binary': {},
  'output-paths': {},
};

const SHORT: Record<string, string> = Object.fromEntries(
  Object.entries(FLAGS).filter(([, s]) => s.short).map(([name, s]) => [s.short as string, name]),
);

/** The parsed config plus what the flags said that the rules cannot show. */
export interface ParsedFlags {
  config: CaptureConfig;
  /** The pod programs nftables instead of iptables (`--native-nftables`). */
  nftables: boolean;
  warnings: string[];
}

/**
 * Parses an istio-init container's args (after the `istio-iptables` word) with its environment. UID/GID default to
 * 1337 (the proxy image's istio-proxy user), the GID to the UID. Throws on a flag istio-iptables would reject.
 */
export function parseIptablesFlags(args: readonly string[], env: Readonly<Record<string, string>> = {}): ParsedFlags {
  const cfg = defaultCaptureConfig();
  const warnings: string[] = [];
  const set = (name: string, value: string, fromEnv: boolean) => {
    const spec = FLAGS[name];
    if (!spec.field) return;
    if (spec.bool) {
      const b = parseGoBool(value);
      if (b === undefined) {
        if (fromEnv) return; // the flag library ignores an unparsable environment value
        throw new Error(`invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      }
      (cfg as unknown as Record<string, boolean>)[spec.field] = b;
    } else {
      (cfg as unknown as Record<string, string>)[spec.field] = value;
    }
  };
  for (const [name, spec] of Object.entries(FLAGS)) {
    const envNames = [...(spec.env ? [name.replace(/-/g, '_').toUpperCase()] : []), ...(spec.alsoEnv ?? [])];
    for (const e of envNames) if (e in env) set(name, env[e], true);
  }
  let nftables = false;
  const rest = args[0] === 'istio-iptables' ? args.slice(1) : args;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-' || arg === '--') {
      warnings.push(`istio-iptables ignores the argument "${arg}"`);
      continue;
    }
    const long = arg.startsWith('--');
    let name = arg.slice(long ? 2 : 1);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (!long) {
      if (value === undefined && name.length > 1) {
        value = name.slice(1);
        name = name[0];
      }
      if (!(name in SHORT)) throw new Error(`unknown shorthand flag: '${name[0]}' in ${arg}`);
      name = SHORT[name];
    }
    if (long && name.startsWith('log_') && !(name in FLAGS)) continue; // logging options: --log_output_level=…
    const spec = FLAGS[name];
    if (!spec) throw new Error(`unknown flag: --${name}`);
    if (spec.bool) {
      value ??= 'true';
    } else if (value === undefined) {
      if (i + 1 >= rest.length) throw new Error(`flag needs an argument: --${name}`);
      value = rest[++i];
    }
    if (name === 'native-nftables') nftables = parseGoBool(value) ?? false;
    set(name, value, false);
  }
  fillFromEnvironment(cfg, env);
  return { config: cfg, nftables, warnings };
}

/** The settings istio-iptables reads only from its environment, then the UID/GID fallbacks and validation. */
export function fillFromEnvironment(cfg: CaptureConfig, env: Readonly<Record<string, string>>): void {
  cfg.ownerGroupsInclude = env.ISTIO_OUTBOUND_OWNER_GROUPS ?? '*';
  cfg.ownerGroupsExclude = env.ISTIO_OUTBOUND_OWNER_GROUPS_EXCLUDE ?? '';
  cfg.hostIPv4LoopbackCidr = env.ISTIO_OUTBOUND_IPV4_LOOPBACK_CIDR ?? '127.0.0.1/32';
  if (cfg.proxyUID === '') cfg.proxyUID = '1337';
  if (cfg.proxyGID === '') cfg.proxyGID = cfg.proxyUID;
  if (cfg.ownerGroupsInclude !== '*' && splitList(cfg.ownerGroupsInclude).length > 64) {
    throw new Error(`number of owner groups whose outgoing traffic should be redirected to Envoy cannot exceed 64, got ${splitList(cfg.ownerGroupsInclude).length}`);
  }
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cfg.hostIPv4LoopbackCidr);
  if (!m || Number(m[4]) < 8 || Number(m[4]) > 32 || m.slice(1, 4).some((o) => Number(o) > 255)) {
    throw new Error(`expected valid IPv4 loopback address in CIDR ${cfg.hostIPv4LoopbackCidr} with a mask in range [8, 32]`);
  }
}
