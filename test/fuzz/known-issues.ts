/**
 * Core issues the fuzzer found that are not fixed here: they live in code another engineer owns, or removal has to
 * guess. Each is recognised from the violation (and the input) so runs count it apart instead of failing on it;
 * test/fuzz/README.md describes them. A new kind of violation is never matched here.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { parseManifest } from '../../core/src/index';
import type { Violation } from './properties';

export const ISSUES = {
  emptyCollections:
    'removal cannot tell an empty map or list written by the user (`annotations: {}`, `initContainers: []`) from one injection emptied: it drops or keeps it by key',
  untypedResult:
    'the preserve output writes the merged pod as merged, without the typed decode Go does next: it keeps `emptyDir: null` and unknown fields of injected volumes',
  innerBom: 'a second byte order mark stays in the first key (go-yaml skips a BOM at the start of any line), and preserve drops one of the two',
  gatewaySecurityContext: 'removal keeps the pod securityContext (sysctls) that the gateway template adds',
  probePortZero: 'removal restores an httpGet probe that had no port with `port: 0` (the agent\'s record of the probe says 0)',
  probeNotRestored: 'removal leaves the rewritten probe (port 15020, /app-health/…) when the probe\'s port is a name no container port has',
  requoted: 'removal writes the values it restores (Prometheus annotations, probe ports) in plain style: the quoting or number form (`0x1F`) the user wrote is gone',
  injectionOwnedMetadata:
    'removal takes out the labels and annotations injection writes (security.istio.io/tlsMode, service.istio.io/canonical-*, istio.io/rev) even when the input had them already, without a status annotation',
  nonStringScalars:
    'numbers, booleans and nulls in string fields (apiVersion, metadata, labels, annotations, owner references, port names) are not made strings before injection, as the typed decode does for istioctl (5 → "5", null → "")',
} as const;

/** The known issue this violation shows, if any. */
export function knownIssue(v: Violation, input: string): string | undefined {
  const diff = v.diff;
  if (v.property === 'remove-identity' && diff) {
    const empty = /:\s*(\{\}|\[\]|null|~)\s*$/;
    if (empty.test(diff.expected) || empty.test(diff.got) || (/:\s*$/.test(diff.expected) && !opensBlock(diff.expected, diff.expectedNext))) {
      return ISSUES.emptyCollections;
    }
    if (/^\s*securityContext:\s*$/.test(diff.got) || (/^\s*spec:\s*$/.test(diff.got) && /^\s*securityContext:\s*$/.test(diff.gotNext))) {
      return ISSUES.gatewaySecurityContext;
    }
    if (unquoted(withoutComment(diff.expected)) === unquoted(diff.got) || sameValue(withoutComment(diff.expected), diff.got)) return ISSUES.requoted;
    if (INJECTION_OWNED.test(diff.expected) && !input.includes('sidecar.istio.io/status')) return ISSUES.injectionOwnedMetadata;
    if (/^\s*port: 0\s*$/.test(diff.got)) return ISSUES.probePortZero;
    // The template derives canonical-name from the app label; removal compares with a label that is no string.
    if (/service\.istio\.io\/canonical-(name|revision):/.test(diff.got) && nonStringScalars(input)) return ISSUES.nonStringScalars;
    if (/^\s*(port: 15020|path: \/app-health\/)/.test(diff.got) || (/^\s*httpGet:\s*$/.test(diff.got) && /^\s*(tcpSocket|grpc):\s*$/.test(diff.expected))) {
      return ISSUES.probeNotRestored;
    }
  }
  if (v.property === 'idempotent') {
    if (diff && count(diff.expected, 'emptyDir: null') > count(diff.got, 'emptyDir: null')) return ISSUES.untypedResult;
    // A user volume or mount with a misspelt field: Go's typed decode rejects it on the next injection, in one of
    // two places.
    if (/unable to find api field in struct|does not contain declared merge key/.test(v.message)) return ISSUES.untypedResult;
    if (input.indexOf('\uFEFF', 1) !== -1) return ISSUES.innerBom;
    if ((diff && unquoted(diff.expected) === unquoted(diff.got)) || nonStringScalars(input)) return ISSUES.nonStringScalars;
  }
  return undefined;
}

/** Labels and annotations the injection templates write on the pod. */
const INJECTION_OWNED = /^\s*["']?(security\.istio\.io\/tlsMode|service\.istio\.io\/canonical-(name|revision)|istio\.io\/rev)["']?:/;

/** Whether two `key: value` lines say the same in YAML 1.1 (`port: 0x1F` and `port: 31`), at the same indentation. */
function sameValue(a: string, b: string): boolean {
  if (/^\s*/.exec(a)![0] !== /^\s*/.exec(b)![0]) return false;
  try {
    return isDeepStrictEqual(parse(a.trim(), { version: '1.1' }), parse(b.trim(), { version: '1.1' }));
  } catch {
    return false;
  }
}

function withoutComment(line: string): string {
  return line.replace(/\s+#[^"']*$/, '');
}

/** Whether `line` (a `key:` line) holds a block: the next line is deeper, or a list item. */
function opensBlock(line: string, next: string): boolean {
  const indent = (l: string) => /^ */.exec(l)![0].length;
  return indent(next) > indent(line) || (indent(next) === indent(line) && next.trimStart().startsWith('- '));
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function unquoted(line: string): string {
  return line.replace(/\\?["']/g, '');
}

/** ObjectMeta fields that are not strings (or may well be null). */
const NON_STRING_META = new Set(['controller', 'blockOwnerDeletion', 'generation', 'deletionGracePeriodSeconds', 'creationTimestamp', 'deletionTimestamp']);

/**
 * Whether some object's (or pod template's, or List item's) apiVersion or metadata, or some `name`, holds a number,
 * a boolean or a null where Go has a string (a null label or annotation reads "").
 */
function nonStringScalars(text: string): boolean {
  const odd = (v: unknown, key: string): boolean => {
    if (NON_STRING_META.has(key)) return false;
    if (Array.isArray(v)) return v.some((x) => odd(x, key));
    if (isObject(v)) return Object.entries(v).some(([k, x]) => odd(x, k));
    return v === null || (v !== undefined && typeof v !== 'string');
  };
  const oddObject = (o: unknown): boolean => {
    if (!isObject(o)) return false;
    if (o.apiVersion !== undefined && typeof o.apiVersion !== 'string') return true;
    if (Array.isArray(o.items) && o.items.some(oddObject)) return true;
    const spec = o.spec;
    const template = isObject(spec) ? spec.template : undefined;
    const job = isObject(spec) ? spec.jobTemplate : undefined;
    const jobTemplate = isObject(job) && isObject(job.spec) ? job.spec.template : undefined;
    return [o, template, job, jobTemplate].some((holder) => isObject(holder) && isObject(holder.metadata) && odd(holder.metadata, 'metadata'));
  };
  return parseManifest(text).documents.some((d) => oddObject(d.value) || oddName(d.value));
}

/** A `name` anywhere (containers, ports, volumes) that is a number, a boolean or null. */
function oddName(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(oddName);
  if (!isObject(v)) return false;
  if ('name' in v && (v.name === null || (typeof v.name !== 'string' && typeof v.name !== 'object'))) return true;
  return Object.values(v).some(oddName);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
