/**
 * Core issues the fuzzer found that are not fixed here: they live in code another engineer owns, or removal has to
 * guess. Each is recognised from the violation (and the input) so runs count it apart instead of failing on it;
 * test/fuzz/README.md describes them. A new kind of violation is never matched here.
 */
import { parseManifest } from '../../core/src/index';
import type { Violation } from './properties';

export const ISSUES = {
  emptyCollections:
    'removal cannot tell an empty map or list written by the user (`annotations: {}`, `initContainers: []`) from one injection emptied: it drops or keeps it by key',
  emptyDirNull: 'injected volumes keep `emptyDir: null` in the preserve output when the pod has volumes of its own',
  gatewaySecurityContext: 'removal keeps the pod securityContext (sysctls) that the gateway template adds',
  nonStringScalars:
    'numbers and booleans in string fields (metadata, labels, annotations, port names) are not made strings before injection, as sigs.k8s.io/yaml does for istioctl',
} as const;

/** The known issue this violation shows, if any. */
export function knownIssue(v: Violation, input: string): string | undefined {
  const diff = differingLines(v.message);
  if (v.property === 'remove-identity' && diff) {
    if ([diff.expected, diff.got].some((l) => /:\s*(\{\}|\[\])\s*$/.test(l))) return ISSUES.emptyCollections;
    if (/^\s*securityContext:\s*$/.test(diff.got)) return ISSUES.gatewaySecurityContext;
  }
  if (v.property === 'idempotent') {
    if (diff && /^\s*emptyDir: null\s*$/.test(diff.expected)) return ISSUES.emptyDirNull;
    if ((diff && unquoted(diff.expected) === unquoted(diff.got)) || nonStringMetadata(input)) return ISSUES.nonStringScalars;
  }
  return undefined;
}

/** The two lines of a `line N: "expected" → "got"` message (see firstDifference). */
function differingLines(message: string): { expected: string; got: string } | undefined {
  const m = / line \d+: ("(?:[^"\\]|\\.)*"|<end>) → ("(?:[^"\\]|\\.)*"|<end>)/.exec(message.split('\n')[0]);
  if (!m) return undefined;
  const read = (s: string) => (s === '<end>' ? '' : (JSON.parse(s) as string));
  return { expected: read(m[1]), got: read(m[2]) };
}

function unquoted(line: string): string {
  return line.replace(/\\?["']/g, '');
}

/** Whether some document's (or pod template's) name, namespace, label or annotation value is a scalar but no string. */
function nonStringMetadata(text: string): boolean {
  const odd = (v: unknown) => v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'object';
  const oddMeta = (m: unknown): boolean => {
    if (!isObject(m)) return false;
    if (odd(m.name) || odd(m.namespace)) return true;
    return [m.labels, m.annotations].some((x) => isObject(x) && Object.values(x).some(odd));
  };
  return parseManifest(text).documents.some((d) => {
    if (!isObject(d.value)) return false;
    const spec = d.value.spec;
    const template = isObject(spec) ? spec.template : undefined;
    const job = isObject(spec) ? spec.jobTemplate : undefined;
    const jobTemplate = isObject(job) && isObject(job.spec) ? job.spec.template : undefined;
    return [d.value, template, job, jobTemplate].some((holder) => isObject(holder) && oddMeta(holder.metadata));
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
