/**
 * Code actions: quick fixes carried by our diagnostics, inject / remove the sidecar of the workload at the cursor,
 * inject every workload of the file, and preview (a command the client turns into a diff). Every edit is the
 * core's minimal `preserve` edit of one document, shifted to where the document sits.
 */
import {
  CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { isDecodedKind } from '../../core/src/manifest/kinds';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PREVIEW_INJECTION_COMMAND, type PreviewInjectionArgs } from '../../protocol/src/protocol';
import type { ChunkCache } from './chunk-cache';
import { diagnosticData, isOurDiagnostic } from './diagnostics';
import { chunkAt, type FileModel } from './file-model';
import { t } from './l10n';
import { offsetOf, toLspEdit } from './positions';

export const INJECT_FILE_KIND = `${CodeActionKind.Source}.istioInject.injectFile`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Refactor, INJECT_FILE_KIND];

/** Whether the file action's edits are left to codeAction/resolve (the client supports resolving `edit`). */
export interface CodeActionOptions {
  resolveEdits: boolean;
}

/** `data` of an action whose edit is computed on resolve. */
interface InjectFileData {
  uri: string;
  version: number;
}

export function codeActions(
  doc: TextDocument, model: FileModel, cache: ChunkCache, params: CodeActionParams, options: CodeActionOptions, token?: CancellationToken,
): CodeAction[] {
  const actions: CodeAction[] = [...quickFixes(doc, params.context.diagnostics)];
  const start = offsetOf(doc, params.range.start);
  const chunk = chunkAt(model, start);
  if (chunk) {
    const related = params.context.diagnostics.filter((d) => {
      if (!isOurDiagnostic(d)) return false;
      const at = offsetOf(doc, d.range.start);
      return at >= chunk.start && at <= chunk.end;
    });
    const injection = cache.injection(chunk.text);
    if (injection.outcome.kind === 'injected' && injection.edits.length) {
      actions.push(editAction(t('Inject Istio sidecar'), CodeActionKind.RefactorRewrite, doc, injection.edits.map((e) => toLspEdit(doc, e, chunk.start)), related));
      const previewArgs: PreviewInjectionArgs = [doc.uri, params.range];
      actions.push({
        title: t('Preview injection'),
        kind: CodeActionKind.Refactor,
        command: { title: t('Preview injection'), command: PREVIEW_INJECTION_COMMAND, arguments: previewArgs },
      });
    }
    const removal = chunk.text.includes('sidecar.istio.io/status') ? cache.removal(chunk.text) : undefined;
    if (removal?.length) {
      actions.push(editAction(t('Remove Istio sidecar'), CodeActionKind.RefactorRewrite, doc, removal.map((e) => toLspEdit(doc, e, chunk.start)), []));
    }
  }
  // Injecting every document is costly on a large file, and clients ask for code actions on every cursor move:
  // offer it when a document names a kind injection reads, and compute the edits on resolve when the client can.
  if (options.resolveEdits) {
    if (model.chunks.some((c) => mayInject(c.text))) {
      const data: InjectFileData = { uri: doc.uri, version: doc.version };
      actions.push({ title: injectFileTitle(), kind: INJECT_FILE_KIND, data });
    }
  } else {
    const all = injectFileEdits(doc, model, cache, token);
    if (all?.length) actions.push(editAction(injectFileTitle(), INJECT_FILE_KIND, doc, all, []));
  }
  const only = params.context.only;
  return only?.length ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
}

/** Fills in the edit of the file action; an action for another version of the text stays without one. */
export function resolveCodeAction(action: CodeAction, doc: TextDocument | undefined, model: FileModel | undefined, cache: ChunkCache, token?: CancellationToken): CodeAction {
  const data = action.data as Partial<InjectFileData> | undefined;
  if (action.kind !== INJECT_FILE_KIND || !doc || !model || data?.uri !== doc.uri || data.version !== doc.version) return action;
  const edits = injectFileEdits(doc, model, cache, token);
  return edits ? { ...action, edit: { changes: { [doc.uri]: edits } } } : action;
}

/** A getter: the message bundle is loaded at initialize, after this module. */
const injectFileTitle = (): string => t('Inject Istio sidecars in this file');

/** Edits injecting every document of the file, or undefined when cancelled on the way. */
function injectFileEdits(doc: TextDocument, model: FileModel, cache: ChunkCache, token?: CancellationToken): LspTextEdit[] | undefined {
  const edits: LspTextEdit[] = [];
  for (const c of model.chunks) {
    if (token?.isCancellationRequested) return undefined;
    for (const e of cache.injection(c.text).edits) edits.push(toLspEdit(doc, e, c.start));
  }
  return edits;
}

/** A cheap look at the top-level `kind:` line: documents of other kinds are never changed by injection. */
function mayInject(text: string): boolean {
  const kind = /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
  return kind !== undefined && isDecodedKind(kind);
}

function quickFixes(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!isOurDiagnostic(d)) continue;
    const data = diagnosticData(d);
    // Fixes computed for another version of the text would edit the wrong bytes; the client will ask again.
    if (!data || data.uri !== doc.uri || data.version !== doc.version) continue;
    for (const fix of data.fixes) {
      const action = editAction(fix.title, CodeActionKind.QuickFix, doc, fix.edits, [d]);
      if (fix.preferred) action.isPreferred = true;
      out.push(action);
    }
  }
  return out;
}

function editAction(title: string, kind: string, doc: TextDocument, edits: LspTextEdit[], diagnostics: Diagnostic[]): CodeAction {
  const action: CodeAction = { title, kind, edit: { changes: { [doc.uri]: edits } } };
  if (diagnostics.length) action.diagnostics = diagnostics;
  return action;
}
