/**
 * Code lenses above each workload: "Inject sidecar" and "Preview" where injection would change it, "Remove sidecar"
 * where a previous injection can be taken out exactly. Served over LSP so every editor gets them; the commands are
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
    const kindAt = kindLine(chunk.text);
    if (kindAt === undefined) continue;
    // The lens sits on the `kind:` line; its commands act on the whole document.
    const at = rangeOf(doc, chunk.start + kindAt, chunk.start + kindAt);
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
 * Offset of the top-level `kind:` line when it names a kind injection reads: a cheap look that keeps Services,
 * ConfigMaps and non-Kubernetes YAML from running the injector at all.
 */
function kindLine(text: string): number | undefined {
  const match = /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text);
  return match && isDecodedKind(match[1]!) ? match.index : undefined;
}
