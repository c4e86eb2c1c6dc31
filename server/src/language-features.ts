/** Hover and completion: the core answers for one document's text; offsets are shifted and converted here. */
import {
  CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem, type Hover, type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { kindExplanationAt } from '../../core/src/analysis/explain-hover';
import { namespacesInTexts } from '../../core/src/analysis/explain-namespaces';
import type { CompletionKind } from '../../core/src/analysis/types';
import type { Analysis } from './analysis-port';
import type { ChunkCache } from './chunk-cache';
import { chunkAt, type FileModel } from './file-model';
import { offsetOf, rangeOf } from './positions';
import type { ActiveConfig } from './settings';

/**
 * Hover. On a document's kind: the whole injection decision, with the file's Namespace documents and the cached
 * injection (when `cache` is given); elsewhere the analysis' hover.
 */
export function hover(doc: TextDocument, model: FileModel, analysis: Analysis, config: ActiveConfig, position: Position, cache?: ChunkCache): Hover | null {
  const offset = offsetOf(doc, position);
  const chunk = chunkAt(model, offset);
  if (!chunk) return null;
  const explained = cache && kindExplanationAt(
    chunk.text, offset - chunk.start, () => cache.injection(chunk.text), config.injection,
    { namespaces: namespacesInTexts(model.chunks.map((c) => c.text)) },
  );
  const info = explained ?? analysis.hoverAt(chunk.text, offset - chunk.start, config.injector, config.injection);
  if (!info) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: info.markdown },
    range: rangeOf(doc, chunk.start + info.start, chunk.start + info.end),
  };
}

const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  annotation: CompletionItemKind.Property,
  label: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

export function completion(
  doc: TextDocument, model: FileModel, analysis: Analysis, position: Position,
): CompletionItem[] {
  const offset = offsetOf(doc, position);
  const chunk = chunkAt(model, offset);
  if (!chunk) return [];
  return analysis.completionsAt(chunk.text, offset - chunk.start).map((entry): CompletionItem => {
    const item: CompletionItem = {
      label: entry.label,
      kind: ITEM_KIND[entry.kind],
      textEdit: { range: rangeOf(doc, chunk.start + entry.start, chunk.start + entry.end), newText: entry.insertText },
    };
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}
