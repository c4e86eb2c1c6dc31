/**
 * Flag parsing compatible with istioctl kube-inject (cobra/pflag): `--flag value`, `--flag=value`, `-f value`,
 * `-fvalue`, and the same error texts for unknown flags or missing values.
 */

export interface InjectArgs {
  filename?: string;
  output?: string;
  injectConfigFile?: string;
  meshConfigFile?: string;
  valuesFile?: string;
  operatorFileName?: string;
  revision?: string;
  format: 'istioctl' | 'preserve';
  diff: boolean;
  help: boolean;
  version: boolean;
}

type StringFlag = 'filename' | 'output' | 'injectConfigFile' | 'meshConfigFile' | 'valuesFile' | 'operatorFileName' | 'revision' | 'format';

const STRING_FLAGS: Record<string, StringFlag> = {
  filename: 'filename', f: 'filename',
  output: 'output', o: 'output',
  injectConfigFile: 'injectConfigFile',
  meshConfigFile: 'meshConfigFile',
  valuesFile: 'valuesFile',
  operatorFileName: 'operatorFileName',
  revision: 'revision', r: 'revision',
  format: 'format',
};

/** Flags istioctl has for reading config from a cluster; offline they have no effect, so they are accepted and ignored. */
const IGNORED_STRING_FLAGS = new Set(['meshConfigMapName', 'injectConfigMapName', 'webhookConfig', 'kubeconfig', 'context', 'istioNamespace', 'i', 'namespace', 'n', 'xds-address']);

const BOOL_FLAGS: Record<string, 'diff' | 'help' | 'version'> = { diff: 'diff', help: 'help', h: 'help', version: 'version' };

export class UsageError extends Error {}

/** Parses the arguments after the (optional) `inject` subcommand. */
export function parseInjectArgs(argv: readonly string[]): InjectArgs {
  const out: InjectArgs = { format: 'istioctl', diff: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') throw new UsageError(`unknown command "${arg}" for "istio-inject"`);
    const long = arg.startsWith('--');
    let name = arg.slice(long ? 2 : 1);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq !== -1) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else if (!long && name.length > 1 && (name[0] in STRING_FLAGS)) {
      value = name.slice(1); // -fapp.yaml
      name = name[0];
    }
    const display = long ? `--${name}` : `-${name}`;
    if (name in BOOL_FLAGS) {
      if (value !== undefined && value !== 'true' && value !== 'false') throw new UsageError(`invalid argument "${value}" for "${display}" flag: parse error`);
      out[BOOL_FLAGS[name]] = value !== 'false';
      continue;
    }
    const isIgnored = IGNORED_STRING_FLAGS.has(name);
    if (!(name in STRING_FLAGS) && !isIgnored) {
      throw new UsageError(long ? `unknown flag: --${name}` : `unknown shorthand flag: '${name[0]}' in -${name}`);
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: ${long ? `--${name}` : `'${name}' in -${name}`}`);
      value = argv[++i];
    }
    if (isIgnored) continue;
    const key = STRING_FLAGS[name];
    if (key === 'format') {
      if (value !== 'istioctl' && value !== 'preserve') throw new UsageError(`invalid argument "${value}" for "--format" flag: must be istioctl or preserve`);
      out.format = value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export const USAGE = `istio-inject: Istio sidecar injection, offline, compatible with istioctl kube-inject.

Usage:
  istio-inject [inject] -f FILE|DIR|- [flags]
  istio-inject iptables -f FILE|DIR|- [flags]   the traffic-capture rules of each injected workload (iptables --help)

Flags:
  -f, --filename string          Input Kubernetes resource file, a folder of *.yaml files, or - for stdin
  -o, --output string            Write the result to this file (atomically; may be the input file)
      --injectConfigFile string  Injection configuration (ConfigMap istio-sidecar-injector key "config", or a bare template)
      --meshConfigFile string    Mesh configuration (ConfigMap istio key "mesh")
      --valuesFile string        Injection values (ConfigMap istio-sidecar-injector key "values")
      --operatorFileName string  IstioOperator file; its spec.values and spec.meshConfig override the above
  -r, --revision string          Control plane revision
      --format string            istioctl (Kubernetes' serialisation, as istioctl prints) or preserve
                                 (your text with minimal edits: comments, order and quoting kept) (default "istioctl")
      --diff                     Print a unified diff of the change instead of the result
  -h, --help                     Help for istio-inject

Without config flags the built-in configuration (a default-profile Istio install) is used.
`;
