/**
 * Istio's injection template functions (pkg/kube/inject/template.go, InjectionFuncmap). They are added after
 * sprig's and replace sprig's functions of the same name (indent, contains, env, omit).
 */
import { goJsonMarshal } from '../../go/json';
import { trimSpace } from '../../go/strings';
import { marshalGoYaml } from '../../output/go-yaml';
import { formatValue } from '../printf';
import { goTypeName, isGoStruct, typedMap } from '../value';
import { anyArg, ArgumentError, fixed, FuncSpec, intArg, stringArg, stringMapArg, variadic } from './args';
import { castToInt64 } from './cast';
import { goJsonUnmarshal } from './encoding';
import { goDurationString } from './go-fmt';
import { fieldOf, hasKey, isGoMap, setKey, sortedKeys } from './go-values';
import { otelResourceAttributes } from './istio-otel';
import { pathSplit } from './paths';
import { DEFAULT_PROXY_CONFIG_JSON, protoToJson } from './proxy-config';
import { goToLower } from './strings';

/** Values Go reads from the process or from Istio's code; injectable because the core has no process. */
export interface IstioFuncOptions {
  /** The environment `env` reads (Go: os.Getenv in istiod/istioctl). Default: empty. */
  env?: Record<string, string>;
  /** mesh.DefaultProxyConfig() in protojson form, for protoToJSON's default stripping. */
  defaultProxyConfig?: () => Record<string, unknown>;
}

const PROXY_CONTAINER_NAME = 'istio-proxy';

function objectMetaAnnotations(meta: unknown): Record<string, unknown> | null {
  if (!isGoStruct(meta) && !isGoMap(meta)) {
    throw new ArgumentError(`wrong type for value; expected v1.ObjectMeta; got ${goTypeName(meta)}`);
  }
  const a = fieldOf(meta, 'Annotations', 'annotations');
  return isGoMap(a) ? a : null;
}

/** annotation: the annotation's value, else fmt.Sprint(default). */
function annotation(meta: unknown, name: unknown, def: unknown): string {
  const annotations = objectMetaAnnotations(meta);
  const key = stringArg(name);
  if (annotations && hasKey(annotations, key)) return String(annotations[key]);
  return formatValue(anyArg(def));
}

/** Adds `port` to the comma-separated list unless it is already there (or is empty or 0). */
function excludeInboundPort(port: unknown, excluded: unknown): string {
  const list = stringArg(excluded);
  const portStr = trimSpace(formatValue(anyArg(port)));
  if (portStr === '' || portStr === '0') return list;
  const out: string[] = [];
  for (const p of list.split(',')) {
    if (p === portStr) return list;
    const t = trimSpace(p);
    if (t !== '') out.push(t);
  }
  out.push(portStr);
  return out.join(',');
}

function valueOrDefault(value: unknown, def: unknown): unknown {
  const v = anyArg(value);
  return v === '' || v === null ? anyArg(def) : v;
}

/** Istio's indent: every line but the first gets `spaces` spaces (fmt's `% Ns` of ""). */
function istioIndent(spaces: number, source: string): string {
  const pad = ' '.repeat(Math.abs(spaces));
  return source.split('\n').map((line, i) => (i > 0 ? pad + line : line)).join('\n');
}

/** Adds Istio's CNI network to a Multus networks annotation (JSON list or comma-separated names). */
export function appendMultusNetwork(existing: string, network: string): string {
  if (existing === '') return network;
  const i = existing.lastIndexOf(']');
  if (i !== -1) {
    let networks: unknown;
    try {
      networks = goJsonUnmarshal(existing);
    } catch {
      return existing;
    }
    if (!Array.isArray(networks) || networks.some((n) => n !== null && !isGoMap(n))) return existing;
    const slash = network.indexOf('/');
    const [ns, name] = slash === -1 ? ['', network] : [network.slice(0, slash), network.slice(slash + 1).split('/')[0]];
    for (const net of networks as (Record<string, unknown> | null)[]) {
      if (net?.name === name && (net.namespace ?? '') === ns) return existing;
    }
    const entry = ns === '' ? `, {"name": "${name}"}` : `, {"name": "${name}", "namespace": "${ns}"}`;
    return existing.slice(0, i) + entry + existing.slice(i);
  }
  for (const net of existing.split(',')) if (trimSpace(net) === network) return existing;
  return `${existing}, ${network}`;
}

/** The TCP container ports (UDP and SCTP skipped) of the selected containers, comma-separated. */
function containerPorts(containers: unknown, include: (c: unknown) => boolean): string {
  if (containers !== null && containers !== undefined && !Array.isArray(containers)) {
    throw new ArgumentError(`wrong type for value; expected []v1.Container; got ${goTypeName(containers)}`);
  }
  const parts: string[] = [];
  for (const c of containers ?? []) {
    if (!include(c)) continue;
    const ports = fieldOf(c, 'Ports', 'ports');
    for (const p of Array.isArray(ports) ? ports : []) {
      const protocol = fieldOf(p, 'Protocol', 'protocol');
      if (protocol === 'UDP' || protocol === 'SCTP') continue;
      parts.push(formatValue(fieldOf(p, 'ContainerPort', 'containerPort') ?? 0n));
    }
  }
  return parts.join(',');
}

/** time.Duration.String of a protobuf Duration (protojson "1.5s", {seconds, nanos}, or a GoStruct); nil is 0s. */
export function formatDuration(d: unknown): string {
  const v = isGoStruct(d) ? d.toJSON() : d;
  if (typeof v === 'string') {
    const m = /^(-?)(\d+)(?:\.(\d{1,9}))?s$/.exec(v);
    if (!m) return '0s';
    const ns = BigInt(m[2]) * 1000000000n + BigInt((m[3] ?? '').padEnd(9, '0'));
    return goDurationString(m[1] ? -ns : ns);
  }
  if (isGoMap(v)) return goDurationString(castToInt64(v.seconds) * 1000000000n + castToInt64(v.nanos));
  return '0s';
}

function stringMapOut(m: Record<string, string>): Record<string, string> {
  return typedMap(m, '');
}

function omit(dict: unknown, ...keys: unknown[]): Record<string, string> {
  const m = stringMapArg(dict) ?? {};
  const drop = new Set(keys.map(stringArg));
  const out: Record<string, string> = {};
  for (const k of sortedKeys(m)) if (!drop.has(k)) setKey(out, k, m[k]);
  return stringMapOut(out);
}

function strdict(...v: unknown[]): Record<string, string> {
  const s = v.map(stringArg);
  const out: Record<string, string> = {};
  for (let i = 0; i < s.length; i += 2) setKey(out, s[i], i + 1 < s.length ? s[i + 1] : '');
  return stringMapOut(out);
}

function mergeMaps(...maps: unknown[]): Record<string, string> | null {
  if (maps.length === 0) return null;
  const out: Record<string, string> = {};
  for (const m of maps.map(stringMapArg)) if (m) for (const k of Object.keys(m)) setKey(out, k, m[k]);
  return stringMapOut(out);
}

/** omitNil: drops nils from maps and slices recursively; a map or slice left empty by that becomes nil. */
export function omitNil(v: unknown): unknown {
  return omitNilInner(anyArg(v))[0];
}

function omitNilInner(v: unknown): [unknown, boolean] {
  if (v === null || v === undefined) return [null, true];
  if (Array.isArray(v)) {
    if (!v.some((x) => omitNilInner(x)[1])) return [v, false];
    const out = v.map((x) => omitNil(x)).filter((x) => x !== null);
    return [out.length === 0 ? null : out, true];
  }
  if (isGoMap(v) && goTypeName(v) === 'map[string]interface {}') {
    if (!Object.values(v).some((x) => omitNilInner(x)[1])) return [v, false];
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const f = omitNil(v[k]);
      if (f !== null) setKey(out, k, f);
    }
    return [Object.keys(out).length === 0 ? null : out, true];
  }
  return [v, false];
}

/** Istio's funcs; `options` supplies what Go takes from the process and from Istio's mesh defaults. */
export function istioFuncSpecs(options: IstioFuncOptions = {}): Record<string, FuncSpec> {
  const env = options.env ?? {};
  const defaults = options.defaultProxyConfig ?? (() => DEFAULT_PROXY_CONFIG_JSON as Record<string, unknown>);
  const str = stringArg;
  return {
    formatDuration: fixed(1, formatDuration),
    isset: fixed(2, (m, k) => {
      const map = stringMapArg(m);
      return map !== null && hasKey(map, str(k));
    }),
    excludeInboundPort: fixed(2, excludeInboundPort),
    includeInboundPorts: fixed(1, (cs) => containerPorts(cs, () => true)),
    kubevirtInterfaces: fixed(1, (s) => str(s)),
    excludeInterfaces: fixed(1, (s) => str(s)),
    applicationPorts: fixed(1, (cs) => containerPorts(cs, (c) => fieldOf(c, 'Name', 'name') !== PROXY_CONTAINER_NAME)),
    annotation: fixed(3, annotation),
    valueOrDefault: fixed(2, valueOrDefault),
    toJSON: fixed(1, (m) => {
      const map = stringMapArg(m);
      return map === null ? '{}' : goJsonMarshal(map);
    }),
    fromJSON: fixed(1, (j) => {
      try {
        return goJsonUnmarshal(str(j));
      } catch (e) {
        if (typeof j !== 'string') throw e;
        return '{}';
      }
    }),
    structToJSON: fixed(1, (v) => {
      const value = anyArg(v);
      if (value === null) return '{}';
      try {
        return goJsonMarshal(value);
      } catch {
        return '{}';
      }
    }),
    protoToJSON: fixed(1, (v) => protoToJson(anyArg(v), defaults())),
    toYaml: fixed(1, (v) => {
      try {
        return marshalGoYaml(anyArg(v));
      } catch {
        return '';
      }
    }),
    indent: fixed(2, (n, s) => istioIndent(intArg(n), str(s))),
    directory: fixed(1, (p) => pathSplit(str(p))[0]),
    contains: fixed(2, (needle, haystack) => str(haystack).includes(str(needle))),
    toLower: fixed(1, (s) => goToLower(str(s))),
    appendMultusNetwork: fixed(2, (a, b) => appendMultusNetwork(str(a), str(b))),
    env: fixed(2, (k, def) => {
      const val = env[str(k)] ?? '';
      return val === '' ? str(def) : val;
    }),
    omit: variadic(2, omit),
    strdict: variadic(1, strdict),
    toJsonMap: variadic(1, (...maps) => goJsonMarshal(mergeMaps(...maps))),
    mergeMaps: variadic(1, mergeMaps),
    omitNil: fixed(1, omitNil),
    otelResourceAttributes: fixed(5, (mc, annotations, labels, ns, containers) =>
      otelResourceAttributes(mc, stringMapArg(annotations), stringMapArg(labels), str(ns), containers),
    ),
  };
}
