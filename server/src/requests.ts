/**
 * The custom requests: istioInject/preview (the text after injection, with each sidecar's anatomy) and
 * istioInject/explain (why, in markdown). The answers come from the core (core/src/analysis explain and anatomy);
 * this file finds the documents, reuses the cached injection and gathers what the file and client know.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { anatomyOfObject } from '../../core/src/analysis/anatomy-document';
import { explainInjection } from '../../core/src/analysis/explain';
import type { ExplainContext } from '../../core/src/analysis/explain-decision';
import { namespacesInTexts } from '../../core/src/analysis/explain-namespaces';
import type { InjectionSettings } from '../../core/src/inject/types';
import { applyEdits, type TextEdit } from '../../core/src/output/preserve';
import type { ExplainParams, PreviewParams, PreviewResult } from '../../protocol/src/protocol';
import type { ChunkCache } from './chunk-cache';
import { chunkAt, chunksIn, type FileModel } from './file-model';
import { injectionSummary } from './l10n';
import { offsetOf } from './positions';

export function preview(doc: TextDocument, model: FileModel, cache: ChunkCache, params: PreviewParams, settings: InjectionSettings): PreviewResult {
  const chunks = params.range ? chunksIn(model, offsetOf(doc, params.range.start), offsetOf(doc, params.range.end)) : model.chunks;
  const edits: TextEdit[] = [];
  const anatomy: string[] = [];
  const counts = { injected: 0, skipped: 0, failed: 0 };
  for (const chunk of chunks) {
    const inj = cache.injection(chunk.text);
    if (inj.outcome.kind === 'injected') {
      counts.injected++;
      if (inj.result) anatomy.push(...anatomyOfObject(inj.result, settings));
    } else if (inj.outcome.kind === 'skipped') counts.skipped++;
    else if (inj.outcome.kind === 'error') counts.failed++;
    for (const e of inj.edits) edits.push({ ...e, start: e.start + chunk.start, end: e.end + chunk.start });
  }
  const result: PreviewResult = { original: model.text, injected: applyEdits(model.text, edits), summary: injectionSummary(counts) };
  if (anatomy.length) result.anatomy = anatomy.join('\n\n---\n\n');
  return result;
}

/**
 * The explanation for the document at the position. `settings` are the injection settings the cache injects with
 * (the explanation must describe the same configuration).
 */
export function explain(doc: TextDocument, model: FileModel, cache: ChunkCache, params: ExplainParams, settings: InjectionSettings): string {
  const chunk = chunkAt(model, offsetOf(doc, params.position));
  if (!chunk) return '';
  const inj = cache.injection(chunk.text);
  if (inj.kind === undefined) return '';
  return explainInjection(inj, settings, explainContext(model, params, inj.namespace));
}

/** What the file and the client know beyond the document: Namespace documents, cluster labels, webhooks. */
export function explainContext(model: FileModel, params: Partial<ExplainParams>, namespace: string | undefined): ExplainContext {
  const namespaces = namespacesInTexts(model.chunks.map((c) => c.text));
  const defaultNamespace = params.cluster?.namespace ?? (params.namespaceLabels ? 'default' : undefined);
  const name = namespace || defaultNamespace;
  if (params.namespaceLabels && name) {
    const context = params.cluster?.context;
    namespaces.set(name, { name, labels: params.namespaceLabels, source: `the cluster${context ? ` (context \`${context}\`)` : ''}` });
  }
  const context: ExplainContext = { namespaces };
  if (defaultNamespace) context.defaultNamespace = defaultNamespace;
  if (Array.isArray(params.webhooks)) context.webhooks = params.webhooks;
  return context;
}
