/** The custom requests: istioInject/preview (the text after injection) and istioInject/explain (why, in markdown). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { podTemplateLocation } from '../../core/src/manifest/kinds';
import { applyEdits, type TextEdit } from '../../core/src/output/preserve';
import type { ExplainParams, PreviewParams, PreviewResult } from '../../protocol/src/protocol';
import type { ChunkCache, ChunkInjection } from './chunk-cache';
import { chunkAt, chunksIn, type FileModel } from './file-model';
import { offsetOf } from './positions';

export function preview(doc: TextDocument, model: FileModel, cache: ChunkCache, params: PreviewParams): PreviewResult {
  const chunks = params.range ? chunksIn(model, offsetOf(doc, params.range.start), offsetOf(doc, params.range.end)) : model.chunks;
  const edits: TextEdit[] = [];
  const counts = { injected: 0, skipped: 0, failed: 0 };
  for (const chunk of chunks) {
    const inj = cache.injection(chunk.text);
    if (inj.outcome.kind === 'injected') counts.injected++;
    else if (inj.outcome.kind === 'skipped') counts.skipped++;
    else if (inj.outcome.kind === 'error') counts.failed++;
    for (const e of inj.edits) edits.push({ ...e, start: e.start + chunk.start, end: e.end + chunk.start });
  }
  const parts = [`${counts.injected} workload${counts.injected === 1 ? '' : 's'} injected`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  return { original: model.text, injected: applyEdits(model.text, edits), summary: parts.join(', ') };
}

export function explain(doc: TextDocument, model: FileModel, cache: ChunkCache, params: ExplainParams): string {
  const chunk = chunkAt(model, offsetOf(doc, params.position));
  if (!chunk) return '';
  const inj = cache.injection(chunk.text);
  if (inj.kind === undefined) return '';
  const who = `**${inj.kind}${inj.name ? ` \`${inj.namespace ? `${inj.namespace}/` : ''}${inj.name}\`` : ''}**`;
  const lines = [`${who}: ${outcomeText(inj)}`];
  if (inj.warnings.length) lines.push('', 'Warnings:', ...inj.warnings.map((w) => `- ${w.trim()}`));
  const pod = inj.outcome.kind === 'injected' ? podOf(inj.result, inj.kind) : undefined;
  if (pod) {
    const names = (key: string): string[] => {
      const list = Array.isArray(pod[key]) ? (pod[key] as unknown[]) : [];
      return list.map((c) => (isRecord(c) && typeof c.name === 'string' ? `\`${c.name}\`` : '(unnamed)'));
    };
    const init = names('initContainers');
    lines.push('', `Containers after injection: ${names('containers').join(', ') || 'none'}`);
    if (init.length) lines.push(`Init containers: ${init.join(', ')}`);
  }
  return lines.join('\n');
}

function outcomeText(inj: ChunkInjection): string {
  switch (inj.outcome.kind) {
    case 'injected': return 'the sidecar is injected.';
    case 'removed': return 'the previous injection is removed.';
    case 'skipped': return `injection skips it: ${inj.outcome.reason}.`;
    case 'unchanged': return `kube-inject leaves it unchanged: ${inj.outcome.reason}.`;
    case 'error': return `injection fails: ${inj.outcome.message}`;
  }
}

/** The pod spec of an injected object. */
function podOf(obj: unknown, kind: string): Record<string, unknown> | undefined {
  const location = podTemplateLocation(kind);
  if (!location) return undefined;
  let node: unknown = obj;
  for (const key of [...location.path, 'spec']) node = isRecord(node) ? node[key] : undefined;
  return isRecord(node) ? node : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
