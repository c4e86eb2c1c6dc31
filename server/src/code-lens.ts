/**
 * Code lenses above each workload: "Inject sidecar" and "Preview" where injection would change it, "Remove sidecar"
 * where a previous injection can be taken out exactly. They sit above each document's first line of YAML. Served over LSP so every editor gets them; the commands are
 * the client's (see protocol: INJECT_SIDECAR_COMMAND, PREVIEW_INJECTION_COMMAND, REMOVE_SIDECAR_COMMAND).
 */
import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDecodedKind } from '../../core/src/manifest/kinds';
import {
  INJECT_SIDECAR_COMMAND, PREVIEW_INJECTION_COMMAND, REMOVE_SIDECAR_COMMAND, type SidecarEditArgs,
} from '../../protocol/src/protocol';
import type { ChunkCache } from './chunk-cache';
import type { FileModel } from './file-model';
import { t } from './l10n';
import { rangeOf } from './positions';
import { STATUS_ANNOTATION } from './sidecar-edits';

export function codeLenses(doc: TextDocument, model: FileModel, cache: ChunkCache, token?: CancellationToken): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const chunk of model.chunks) {
    if (token?.isCancellationRequested) return [];
    if (!injectableKind(chunk.text)) continue;
    // The lens sits above the document's first line of YAML (after leading comments); it acts on the whole document.
    const first = firstContentLine(chunk.text);
    const at = rangeOf(doc, chunk.start + first, chunk.start + first);
    const args: SidecarEditArgs = [doc.uri, rangeOf(doc, chunk.start, chunk.end)];
    const injection = cache.injection(chunk.text);
    if (injection.outcome.kind === 'injected' && injection.edits.length) {
      lenses.push({ range: at, command: { title: t('Inject sidecar'), command: INJECT_SIDECAR_COMMAND, arguments: args } });
      lenses.push({ range: at, command: { title: t('Preview'), command: PREVIEW_INJECTION_COMMAND, arguments: args } });
    } else if (chunk.text.includes(STATUS_ANNOTATION) && cache.removal(chunk.text)?.length) {
      lenses.push({ range: at, command: { title: t('Remove sidecar'), command: REMOVE_SIDECAR_COMMAND, arguments: args } });
    }
  }
  return lenses;
}

/**
 * Whether the top-level `kind:` names a kind injection reads: a cheap look that keeps Services, ConfigMaps and
 * non-Kubernetes YAML from running the injector at all.
 */
function injectableKind(text: string): boolean {
  const kind = /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
  return kind !== undefined && isDecodedKind(kind);
}

/** Offset of the first line that is neither blank nor a comment (0 when there is none). */
function firstContentLine(text: string): number {
  return /^(?![ \t]*(?:#|$))/m.exec(text)?.index ?? 0;
}
