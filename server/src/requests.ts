/** The custom requests: istioInject/preview (the text after injection) and istioInject/explain (why, in markdown). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { podTemplateLocation } from '../../core/src/manifest/kinds';
import { objAtPath } from '../../core/src/analysis/context';
import { isObject } from '../../core/src/inject/json-access';
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
  if (inj.outcome.kind === 'injected') {
    for (const { label, spec } of podSpecsOf(inj.result)) lines.push('', ...containerLines(label, spec));
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

/** The pod specs of an injected object (each item's, for a List), labelled when there are several. */
function podSpecsOf(obj: unknown): { label: string; spec: Record<string, unknown> }[] {
  if (!isObject(obj)) return [];
  if (obj.kind === 'List') {
    const items = Array.isArray(obj.items) ? obj.items.filter(isObject) : [];
    return items.flatMap((item) => podSpecsOf(item).map((p) => ({ ...p, label: `${String(item.kind)} \`${nameOf(item)}\`: ` })));
  }
  const location = podTemplateLocation(String(obj.kind));
  if (!location) return [];
  const spec = objAtPath(obj, [...location.path, 'spec']);
  return spec ? [{ label: '', spec }] : [];
}

function containerLines(label: string, spec: Record<string, unknown>): string[] {
  const names = (key: string): string[] => {
    const list = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
    return list.map((c) => (isObject(c) && typeof c.name === 'string' ? `\`${c.name}\`` : '(unnamed)'));
  };
  const out = [`${label}Containers after injection: ${names('containers').join(', ') || 'none'}`];
  const init = names('initContainers');
  if (init.length) out.push(`${label}Init containers: ${init.join(', ')}`);
  return out;
}

function nameOf(obj: Record<string, unknown>): string {
  const meta = obj.metadata;
  return isObject(meta) && typeof meta.name === 'string' ? meta.name : '';
}
