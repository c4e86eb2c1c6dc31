/**
 * Validation of the `proxy.istio.io/config` annotation (Istio's validateProxyConfig → ValidateMeshConfigProxyConfig):
 * the annotation applied onto the default ProxyConfig must still be usable. Covers the checks that can fail for an
 * annotation (paths, cluster name, drain duration, addresses, ports, auth policy); TLS and private key provider
 * settings are not checked.
 */
import { proxyConfigDefaults } from '../config/mesh';
import { PROXY_CONFIG_FIELDS } from '../config/mesh-schema';
import { applyJsonToMessage, parseGoDuration } from '../config/proto-json';
import { yamlToJson } from '../config/yaml-json';
import { objAt, strAt, type JsonObject } from './json-access';
import { quoteGo } from '../go/quote';
import { atoi } from '../go/strconv';

/** The multierror text for an invalid annotation value, or undefined when it is valid. */
export function proxyConfigAnnotationError(value: string): string | undefined {
  let pc: JsonObject;
  try {
    pc = applyJsonToMessage(proxyConfigDefaults(), yamlToJson(value), PROXY_CONFIG_FIELDS);
  } catch (e) {
    return `failed to convert to apply proxy config: ${e instanceof Error ? e.message : String(e)}`;
  }
  const errs = proxyConfigErrors(pc);
  if (errs.length === 0) return undefined;
  const head = errs.length === 1 ? '1 error occurred:' : `${errs.length} errors occurred:`;
  return `${head}\n${errs.map((e) => `\t* ${e}`).join('\n')}\n\n`;
}

function proxyConfigErrors(pc: JsonObject): string[] {
  const errs: string[] = [];
  if (strAt(pc, 'configPath') === '') errs.push('config path must be set');
  if (strAt(pc, 'binaryPath') === '') errs.push('binary path must be set');
  if ('serviceCluster' in pc) {
    if (strAt(pc, 'serviceCluster') === '') errs.push('service cluster must be specified');
  } else if (!('tracingServiceName' in pc)) {
    errs.push('oneof service cluster or tracing service name must be specified');
  }
  errs.push(...drainDurationErrors(pc.drainDuration));
  const discovery = strAt(pc, 'discoveryAddress');
  if (discovery === '') errs.push('discovery address must be set to the proxy discovery service');
  else addressCheck(errs, discovery, 'invalid discovery address:');

  const tracing = objAt(pc, 'tracing');
  const lightstep = objAt(tracing, 'lightstep');
  if (lightstep) {
    if (strAt(lightstep, 'address') === '') errs.push('invalid lightstep config: address is required');
    const e = proxyAddressError(strAt(lightstep, 'address'));
    if (e !== undefined) errs.push(`invalid lightstep config: invalid lightstep address: ${e}`);
    if (strAt(lightstep, 'accessToken') === '') errs.push('invalid lightstep config: access token is required');
  }
  for (const [key, label] of [['zipkin', 'zipkin'], ['datadog', 'datadog']]) {
    const tracer = objAt(tracing, key);
    if (tracer) addressCheck(errs, strAt(tracer, 'address').replace('$(HOST_IP)', '127.0.0.1'), `invalid ${label} config:`);
  }
  for (const key of ['statsdUdpAddress', 'envoyMetricsServiceAddress']) {
    const a = strAt(pc, key);
    if (a !== '') addressCheck(errs, a, key === 'statsdUdpAddress' ? `invalid statsd udp address ${quoteGo(a)}:` : `invalid envoy metrics service address ${quoteGo(a)}:`);
  }
  for (const [key, label] of [['envoyMetricsService', 'envoy metrics service'], ['envoyAccessLogService', 'envoy access log service']]) {
    const a = strAt(objAt(pc, key), 'address');
    if (a !== '') addressCheck(errs, a, `invalid ${label} address ${quoteGo(a)}:`);
  }
  const adminPort = portError(numberAt(pc, 'proxyAdminPort'));
  if (adminPort) errs.push(`invalid proxy admin port: ${adminPort}`);
  const policy = pc.controlPlaneAuthPolicy;
  if (policy !== undefined && policy !== 'NONE' && policy !== 'MUTUAL_TLS') {
    errs.push(`invalid authentication policy: unrecognized control plane auth policy ${quoteGo(String(policy))}`);
  }
  const statusPort = portError(numberAt(pc, 'statusPort'));
  if (statusPort) errs.push(`invalid status port: ${statusPort}`);
  return errs;
}

function numberAt(o: JsonObject, key: string): number {
  return typeof o[key] === 'number' ? (o[key] as number) : 0;
}

function drainDurationErrors(raw: unknown): string[] {
  let nanos = 0n;
  if (typeof raw === 'string') {
    try {
      nanos = parseGoDuration(raw.endsWith('s') && /^-?[\d.]+s$/.test(raw) ? raw : '0');
    } catch {
      nanos = 0n;
    }
  }
  if (nanos < 1000000n) return ['invalid drain duration: duration must be greater than 1ms'];
  if (nanos % 1000000n !== 0n) return ['invalid drain duration: only durations to ms precision are supported'];
  if (nanos % 1000000000n !== 0n) return ['drain time only supports durations to seconds precision'];
  return [];
}

function addressCheck(errs: string[], address: string, prefix: string): void {
  const e = proxyAddressError(address);
  if (e !== undefined) errs.push(`${prefix} ${e}`);
}

function portError(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

/** Istio's ValidateProxyAddress: host:port with a valid port and a DNS name or IP. */
export function proxyAddressError(hostAddr: string): string | undefined {
  const split = splitHostPort(hostAddr);
  if ('error' in split) return `unable to split ${quoteGo(hostAddr)}: address ${hostAddr}: ${split.error}`;
  const { host, port } = split;
  const { value, error } = atoi(port);
  if (error) return `port (${port}) is not a number: ${error}`;
  const p = portError(Number(value));
  if (p) return p;
  if (!isFqdn(host) && !isIp(host)) return `${quoteGo(host)} is not a valid hostname or an IP address`;
  return undefined;
}

/** Go's net.SplitHostPort. */
function splitHostPort(hostport: string): { host: string; port: string } | { error: string } {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return { error: 'missing port in address' };
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return { error: "missing ']' in address" };
    if (end + 1 === hostport.length) return { error: 'missing port in address' };
    if (end + 1 !== i) return { error: hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address' };
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return { error: 'too many colons in address' };
  }
  if (hostport.slice(j).includes('[')) return { error: "unexpected '[' in address" };
  if (hostport.slice(k).includes(']')) return { error: "unexpected ']' in address" };
  return { host, port: hostport.slice(i + 1) };
}

function isFqdn(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  const parts = name.split('.');
  if (/^[+-]?\d+$/.test(parts[parts.length - 1])) return false;
  return parts.every((label, i) => (i === parts.length - 1 && label === '') || /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(label));
}

function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) return s.split('.').every((o) => Number(o) <= 255);
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}
