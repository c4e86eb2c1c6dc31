/** analyzeDocument: every finding for one YAML document, grounded in one parse and one run of the core. */
import type { Injector } from '../inject';
import type { InjectionSettings, KubeObject } from '../inject/types';
import { isMap } from 'yaml';
import { parseManifest } from '../manifest/parse';
import type { Manifest } from '../manifest/types';
import { injectManifest } from '../run/inject-manifest';
import { isObject } from '../inject/json-access';
import { type AnalysisContext, workloadsOf } from './context';
import { CODES } from './codes';
import { checkContainers } from './rules-containers';
import { checkInjectionError, checkKind } from './rules-kind';
import { checkObjectMetadata, checkPodMetadata } from './rules-metadata';
import { checkSkipped } from './rules-skip';
import type { Finding } from './types';

export interface AnalyzeOptions {
  /**
   * Run the injection (default true). Without it, analysis is about as cheap as a parse, and the findings that
   * depend on the core's outcome are left out: skip-*, invalid-value, injection-error, already-injected.
   */
  injection?: boolean;
  /**
   * `parseManifest(docText)` when the caller already has it (the server parses an edited document for its quick
   * findings, then analyses the same text in full): the analysis only reads it. Ignored unless it is of `docText`.
   */
  parsed?: Manifest;
}

/**
 * Findings for `docText`, one YAML document (a chunk of a stream as Kubernetes splits it); offsets are relative to
 * it. Nothing for documents that are not Kubernetes objects (no apiVersion or no kind); one `yaml-syntax` error for a
 * document that does not parse. Never throws.
 */
export function analyzeDocument(docText: string, injector: Injector, settings: InjectionSettings, options: AnalyzeOptions = {}): Finding[] {
  const parsed = options.parsed?.text === docText ? options.parsed : parseManifest(docText);
  const doc = parsed.documents[0];
  if (!doc) return [];
  // The first error explains the rest: a YAML error, or a document that cannot be read (alias bomb, control
  // characters). Duplicate keys and other warnings are not this layer's business.
  const problem = doc.problems.find((p) => p.severity === 'error');
  if (problem) {
    // Within the text, and at least one character wide when the text allows.
    const end = Math.min(docText.length, Math.max(problem.range.end, problem.range.start + 1));
    const start = Math.min(problem.range.start, end);
    return [{ code: 'yaml-syntax', severity: CODES['yaml-syntax'].severity, message: problem.message, start, end }];
  }
  if (!isMap(doc.yaml.contents) || doc.apiVersion === undefined || doc.kind === undefined) return [];
  const report = options.injection === false ? undefined : injectManifest(docText, injector, { print: false }).documents[0];
  // Facts come from the value the core decoded (Go's YAML rules) when it ran.
  const value = (isObject(report?.original) ? report.original : doc.value) as KubeObject;
  const ctx: AnalysisContext = { text: docText, doc, value, kind: doc.kind, outcome: report?.outcome, result: report?.result, injector, settings, findings: [] };
  checkKind(ctx);
  const workloads = workloadsOf(ctx);
  if (ctx.kind !== 'Pod') checkObjectMetadata(ctx, ctx.kind === 'List' ? undefined : workloads[0], [], ctx.kind);
  for (const w of workloads) {
    if (w.objectPath.length > 0 && w.kind !== 'Pod') checkObjectMetadata(ctx, w, w.objectPath, w.kind);
    checkSkipped(ctx, w);
    checkPodMetadata(ctx, w);
    checkContainers(ctx, w);
  }
  checkInjectionError(ctx);
  return ctx.findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
