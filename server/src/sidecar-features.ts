/** Registers the client-command features on a connection: istioInject/edits and textDocument/codeLens. */
import type { CodeLens, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InjectionEditsRequest, type InjectionEditsResult } from '../../protocol/src/protocol';
import type { ChunkCache } from './chunk-cache';
import { codeLenses } from './code-lens';
import type { FileModel } from './file-model';
import { t } from './l10n';
import { sidecarEdits } from './sidecar-edits';

export interface SidecarFeatureDeps {
  /** The open YAML document and its model, or undefined. */
  open(uri: string): { doc: TextDocument; model: FileModel } | undefined;
  cache: ChunkCache;
  guarded<T>(what: string, fallback: T, fn: () => T): T;
}

export function registerSidecarFeatures(connection: Connection, deps: SidecarFeatureDeps): void {
  connection.onRequest(InjectionEditsRequest, (params, token) => {
    const none = (): InjectionEditsResult => ({ version: -1, edits: [], summary: t('The document is not open as YAML') });
    return deps.guarded('sidecar edits', none(), () => {
      const open = deps.open(params.uri);
      return open ? sidecarEdits(open.doc, open.model, deps.cache, params, token) : none();
    });
  });

  connection.onCodeLens((params, token) => deps.guarded<CodeLens[]>('code lenses', [], () => {
    const open = deps.open(params.textDocument.uri);
    return open ? codeLenses(open.doc, open.model, deps.cache, token) : [];
  }));
}
