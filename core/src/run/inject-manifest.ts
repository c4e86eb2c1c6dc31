/**
 * A whole manifest through kube-inject: split like Kubernetes' reader, decode what istioctl decodes, inject, and
 * print each document in istioctl's form. Never partial: when any document fails, the caller gets the errors and
 * no output text.
 */
import type { Injector } from '../inject';
import type { KubeObject, Outcome } from '../inject/types';
import { rootTypeFor } from '../k8s/schema';
import { typedDecodeError } from '../k8s/typed-json';
import { isDecodedKind } from '../manifest/kinds';
import { DEFAULT_LIMITS, firstNul, formatSize, utf8SizeWithin } from '../manifest/limits';
import { offsetToLineCol } from '../manifest/positions';
import { splitYamlStream, type RawChunk } from '../manifest/split';
import { printIstioctlBody } from '../output/istioctl';
import { decodeChunk } from './decode';

/** Which document of the stream, what it is, and what injection did to it. */
export interface DocumentIdentity {
  /** 1-based position of the document in the stream. */
  index: number;
  /** The document's text range in the input (UTF-16 offsets). */
  start: number;
  end: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  outcome: Outcome;
  warnings: string[];
}

/** One document of a ManifestReport: its identity, outcome and istioctl form. */
export interface DocumentReport extends DocumentIdentity {
  /** First line of the document (1-based). */
  line: number;
  /** The decoded object before injection (when it is a mapping). */
  original?: KubeObject;
  /** The object after injection, for decoded kinds. */
  result?: KubeObject;
  /** This document as istioctl prints it, without the `---` separator. */
  istioctl: string;
}

/** The result of injectManifest. */
export interface ManifestReport {
  documents: DocumentReport[];
  /** Errors as `document N, line L:C: message`, in stream order; empty when all went well. */
  errors: string[];
  /** istioctl's output (each document followed by `---`), or undefined when there are errors. */
  istioctl?: string;
}

/** Limits for injectManifest and injectText. */
export interface InjectOptions {
  /** Largest input accepted, in UTF-8 bytes (default 10 MB). */
  maxBytes?: number;
  /**
   * Print each injected document in istioctl's form (default true). Callers that only need the outcomes and objects
   * (the analysis) pass false: `istioctl` of each document is then its input text, and the report has no output.
   */
  print?: boolean;
}

/** Injects every document of `text`. Pure: does no I/O and never throws. */
export function injectManifest(text: string, injector: Injector, options: InjectOptions = {}): ManifestReport {
  const refusal = refuseInput(text, options.maxBytes ?? DEFAULT_LIMITS.maxBytes);
  if (refusal) return { documents: [], errors: [refusal] };
  const split = splitYamlStream(text);
  const print = options.print ?? true;
  const documents = split.chunks.map((chunk, i) => injectDocument(chunk, i + 1, injector, print));
  const errors = documents.flatMap((d) => (d.outcome.kind === 'error' ? [`document ${d.index}, line ${d.line}: ${d.outcome.message}`] : []));
  if (split.error) errors.push(`line ${split.error.line}: ${split.error.message}`);
  const istioctl = errors.length || !print ? undefined : documents.map((d) => `${d.istioctl}---\n`).join('');
  return { documents, errors, istioctl };
}

function injectDocument(chunk: RawChunk, index: number, injector: Injector, print: boolean): DocumentReport {
  const line = chunk.line;
  const base = { index, start: chunk.start, end: chunk.end, line, warnings: [] as string[], istioctl: chunk.text };
  const decoded = decodeChunk(chunk);
  if (!decoded.ok) {
    const { error } = decoded;
    return { ...base, line: error.line, outcome: { kind: 'error', message: `${error.message} (column ${error.col})` } };
  }
  const value = decoded.value;
  if (value === null || value === undefined) return { ...base, outcome: { kind: 'unchanged', reason: 'empty document' } };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ...base, outcome: { kind: 'error', message: `a Kubernetes object must be a mapping, not ${Array.isArray(value) ? 'a sequence' : 'a scalar'}` } };
  }
  const obj = value as KubeObject;
  const apiVersion = str(obj.apiVersion);
  const kind = str(obj.kind);
  const meta = (typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {}) as Record<string, unknown>;
  const ident = { apiVersion, kind, name: str(meta.name), namespace: str(meta.namespace), original: obj };
  if (!isDecodedKind(kind ?? '')) {
    return { ...base, ...ident, outcome: { kind: 'unchanged', reason: passThroughReason(kind) } };
  }
  const typeError = goDecodeError(kind as string, obj);
  if (typeError) return { ...base, ...ident, outcome: { kind: 'error', message: typeError } };
  const r = injector.inject(obj);
  if (r.outcome.kind === 'error') return { ...base, ...ident, warnings: r.warnings, outcome: r.outcome };
  if (!print) {
    // Printing fails exactly when the result does not encode: the check-only walk gives that verdict without text.
    const printError = goDecodeError(kind as string, r.object);
    if (printError) return { ...base, ...ident, outcome: { kind: 'error', message: printError } };
    return { ...base, ...ident, warnings: r.warnings, outcome: r.outcome, result: r.object };
  }
  let printed: string;
  try {
    printed = printIstioctlBody(r.object);
  } catch (e) {
    return { ...base, ...ident, outcome: { kind: 'error', message: e instanceof Error ? e.message : String(e) } };
  }
  return { ...base, ...ident, warnings: r.warnings, outcome: r.outcome, result: r.object, istioctl: printed };
}

/** Inputs refused before parsing: too large to handle in an editor, or binary. */
function refuseInput(text: string, maxBytes: number): string | undefined {
  if (utf8SizeWithin(text, maxBytes) === undefined) {
    const { document, line } = whereLimitPasses(text, maxBytes);
    return `document ${document}, line ${line}: the input is larger than ${formatSize(maxBytes)}, the most istio-inject reads (it passes the limit here); split it or raise the limit`;
  }
  const nul = firstNul(text);
  if (nul !== -1) {
    const { line, col } = offsetToLineCol(text, nul);
    return `line ${line}:${col}: the input holds binary data (a NUL byte), not YAML`;
  }
  return undefined;
}

/**
 * The document and line holding the first byte past `maxBytes`, counting documents as splitYamlStream does (a line
 * starting with `---` ends one). Only the text up to that byte is read.
 */
function whereLimitPasses(text: string, maxBytes: number): { document: number; line: number } {
  let bytes = 0;
  let at = 0;
  for (; at < text.length && bytes <= maxBytes; at++) {
    const c = text.charCodeAt(at);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair: 2 + 2
  }
  let document = 1;
  let line = 1;
  for (let start = 0; start < at; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 || nl >= at ? at : nl;
    if (text.startsWith('---', start) && end > start && /^---[ \t]*(#.*)?\r?$/.test(text.slice(start, end))) document++;
    if (nl === -1 || nl >= at - 1) break;
    start = nl + 1;
  }
  return { document, line };
}

/** The error Go's typed decoding gives for this object (e.g. `containers: "x"`), or undefined when it decodes. */
function goDecodeError(kind: string, obj: KubeObject): string | undefined {
  const root = rootTypeFor(str(obj.apiVersion) ?? '', kind);
  if (!root) return undefined;
  try {
    // A check-only walk: the same verdict and message as encoding the object, without building its JSON.
    return typedDecodeError(root, obj)?.message;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function passThroughReason(kind: string | undefined): string {
  if (!kind) return 'no kind: not a Kubernetes object kube-inject decodes';
  return `${kind} has no pod template: kube-inject leaves it unchanged (only pods and pod templates get a sidecar)`;
}
