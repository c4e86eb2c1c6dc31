/**
 * istioInject/edits: the edits that inject or remove the sidecar of the workloads a range touches (or of the whole
 * file), for the client's commands. They are the code actions' edits: the core's minimal `preserve` edits per
 * document, from the same cache, shifted to where each document sits.
 */
import type { CancellationToken, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InjectionEditsParams, InjectionEditsResult } from '../../protocol/src/protocol';
import type { RawChunk } from '../../core/src/manifest/split';
import type { ChunkCache } from './chunk-cache';
import { chunkAt, chunksIn, type FileModel } from './file-model';
import { injectionSummary, t } from './l10n';
import { offsetOf, toLspEdit } from './positions';

/** Marks a document injection has already changed (its status annotation): only those can have a sidecar removed. */
export const STATUS_ANNOTATION = 'sidecar.istio.io/status';

export function sidecarEdits(
  doc: TextDocument, model: FileModel, cache: ChunkCache, params: InjectionEditsParams, token?: CancellationToken,
): InjectionEditsResult {
  const edits: LspTextEdit[] = [];
  let changed = 0;
  for (const chunk of targetChunks(doc, model, params)) {
    if (token?.isCancellationRequested) return { version: doc.version, edits: [], summary: t('Cancelled') };
    const chunkEdits = params.action === 'inject'
      ? injectEdits(cache, chunk)
      : chunk.text.includes(STATUS_ANNOTATION) ? cache.removal(chunk.text) ?? [] : [];
    if (!chunkEdits.length) continue;
    changed++;
    for (const e of chunkEdits) edits.push(toLspEdit(doc, e, chunk.start));
  }
  return { version: doc.version, edits, summary: summaryOf(params.action, changed) };
}

function injectEdits(cache: ChunkCache, chunk: RawChunk): ReturnType<ChunkCache['injection']>['edits'] {
  const injection = cache.injection(chunk.text);
  return injection.outcome.kind === 'injected' ? injection.edits : [];
}

/** A cursor (empty range) means the workload under it; a selection, every workload it touches; none, the file. */
function targetChunks(doc: TextDocument, model: FileModel, params: InjectionEditsParams): RawChunk[] {
  if (!params.range) return model.chunks;
  const start = offsetOf(doc, params.range.start);
  const end = offsetOf(doc, params.range.end);
  if (start === end) {
    const chunk = chunkAt(model, start);
    return chunk ? [chunk] : [];
  }
  return chunksIn(model, start, end);
}

function summaryOf(action: InjectionEditsParams['action'], changed: number): string {
  if (action === 'inject') return changed ? injectionSummary({ injected: changed }) : t('No workload here needs a sidecar injected');
  if (!changed) return t('No injected sidecar here can be removed');
  return changed === 1 ? t('1 sidecar removed') : t('{0} sidecars removed', changed);
}
