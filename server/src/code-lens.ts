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

/**
 * Time the lenses of one request may spend running the injector. A file of hundreds of workloads would otherwise
 * hold the server for seconds on its first request; past the budget, a workload whose kind injection reads gets the
 * inject lenses unchecked (the command then says when there is nothing to inject), and later requests, which find
 * the earlier results cached, check more of them.
 */
const CHECK_BUDGET_MS = 100;

export function codeLenses(doc: TextDocument, model: FileModel, cache: ChunkCache, token?: CancellationToken): CodeLens[] {
  const lenses: CodeLens[] = [];
  const deadline = Date.now() + CHECK_BUDGET_MS;
  for (const chunk of model.chunks) {
    if (token?.isCancellationRequested) return [];
    if (!injectableKind(chunk.text)) continue;
    // The lens sits above the document's first line of YAML (after leading comments); it acts on the whole document.
    const first = firstContentLine(chunk.text);
    const at = rangeOf(doc, chunk.start + first, chunk.start + first);
    const args: SidecarEditArgs = [doc.uri, rangeOf(doc, chunk.start, chunk.end)];
    const lens = (title: string, command: string): CodeLens => ({ range: at, command: { title, command, arguments: args } });
    const checked = Date.now() <= deadline;
    const injection = checked ? cache.injection(chunk.text) : undefined;
    if (!injection || (injection.outcome.kind === 'injected' && injection.edits.length)) {
      lenses.push(lens(t('Inject sidecar'), INJECT_SIDECAR_COMMAND), lens(t('Preview'), PREVIEW_INJECTION_COMMAND));
    } else if (chunk.text.includes(STATUS_ANNOTATION) && cache.removal(chunk.text)?.length) {
      lenses.push(lens(t('Remove sidecar'), REMOVE_SIDECAR_COMMAND));
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
