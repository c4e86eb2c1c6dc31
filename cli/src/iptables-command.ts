/**
 * `istio-inject iptables -f FILE [config flags]`: for each workload injection gives a sidecar, `# Kind/name` and then
 * the iptables-restore input istio-iptables (or the Istio CNI plugin) would program into its pods.
 */
import { captureWorkloads, formatWorkload, type CaptureEnvironment } from '../../core/src/capture';
import { createInjector } from '../../core/src/inject';
import { parseInjectArgs, UsageError } from './args';
import { loadSettings } from './config-flags';
import { readInputs, writeAtomically } from './files';
import type { Io } from './run';

export const IPTABLES_USAGE = `istio-inject iptables: the traffic-capture rules of each injected workload, as the
iptables-restore input istio-iptables writes (or the Istio CNI plugin, when the injected pod uses CNI).

Usage:
  istio-inject iptables -f FILE|DIR|- [flags]

Flags:
  -f, --filename string          Input Kubernetes resource file, a folder of *.yaml files, or - for stdin
  -o, --output string            Write the rules to this file (atomically)
      --injectConfigFile, --meshConfigFile, --valuesFile, --operatorFileName, -r/--revision: as for inject
      --ipv6                     The pods have an IPv6 address: also print the ip6tables-restore input
      --cluster-dns string       The cluster DNS address pods resolve with, for DNS capture (default 10.96.0.10)

The rules follow the Istio release of the proxy image (1.12 and earlier: the 1.12 rules; otherwise the current ones).
`;

/** Runs the subcommand; returns the exit code. Errors name the file, document and line. */
export function runIptables(argv: readonly string[], io: Io): number {
  const { rest, environment } = takeCaptureFlags(argv);
  const args = parseInjectArgs(rest);
  if (args.help) {
    io.stdout(IPTABLES_USAGE);
    return 0;
  }
  if (args.diff || args.format !== 'istioctl') throw new UsageError('--diff and --format apply to inject, not to iptables');
  if (!args.filename) throw new Error('filename not specified (see --filename or -f)');
  const injector = createInjector(loadSettings(args));
  const notes: string[] = [];
  let out = '';
  for (const input of readInputs(args.filename)) {
    const report = captureWorkloads(input.text, injector, environment);
    if (report.errors.length) throw new Error(report.errors.map((e) => `${input.name}: ${e}`).join('\n'));
    for (const w of report.workloads) {
      if (w.error) throw new Error(`${input.name}: document ${w.document}, line ${w.line}: ${w.kind}/${w.name}: ${w.error}`);
      out += formatWorkload(w);
      notes.push(...w.notes.map((n) => `${w.kind}/${w.name}: ${n}`));
    }
  }
  if (args.output) writeAtomically(args.output, out);
  else io.stdout(out);
  if (notes.length) io.stderr(notes.map((n) => `${n}\n`).join(''));
  return 0;
}

/** Takes this subcommand's own flags out of argv; the rest are inject's flags. */
function takeCaptureFlags(argv: readonly string[]): { rest: string[]; environment: CaptureEnvironment } {
  const rest: string[] = [];
  const environment: CaptureEnvironment = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--ipv6' || arg === '--ipv6=true') environment.ipv6 = true;
    else if (arg === '--ipv6=false') environment.ipv6 = false;
    else if (arg.startsWith('--cluster-dns=')) environment.clusterDNS = arg.slice('--cluster-dns='.length);
    else if (arg === '--cluster-dns') {
      if (i + 1 >= argv.length) throw new UsageError('flag needs an argument: --cluster-dns');
      environment.clusterDNS = argv[++i];
    } else rest.push(arg);
  }
  return { rest, environment };
}
