/** Dispatches the subcommand and turns failures into istioctl-style `Error: …` lines. */
import { parseInjectArgs, USAGE, UsageError } from './args';
import { runInject } from './inject-command';
import { runIptables } from './iptables-command';
import { versionText } from './version';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function runCli(argv: readonly string[], io: Io): number {
  const rest = argv[0] === 'inject' || argv[0] === 'kube-inject' ? argv.slice(1) : argv;
  try {
    if (argv[0] === 'iptables') return runIptables(argv.slice(1), io);
    const args = parseInjectArgs(rest);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (args.version) {
      io.stdout(versionText());
      return 0;
    }
    return runInject(args, io);
  } catch (e) {
    io.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof UsageError) io.stderr(`Run 'istio-inject --help' for usage.\n`);
    return 1;
  }
}
