/**
 * Code actions: quick fixes carried by our diagnostics, inject / remove the sidecar of the workload at the cursor,
 * inject every workload of the file, and preview (a command the client turns into a diff). Every edit is the
 * core's minimal `preserve` edit of one document, shifted to where the document sits.
 */
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ChunkCache } from './chunk-cache';
import { diagnosticData, isOurDiagnostic } from './diagnostics';
import { chunkAt, type FileModel } from './file-model';
import { offsetOf, toLspEdit } from './positions';

/** The client command that shows the injection of a range as a diff: arguments [uri, range]. */
export const PREVIEW_COMMAND = 'istioInject.previewInjection';
export const INJECT_FILE_KIND = `${CodeActionKind.Source}.istioInject.injectFile`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Refactor, INJECT_FILE_KIND];

export function codeActions(doc: TextDocument, model: FileModel, cache: ChunkCache, params: CodeActionParams): CodeAction[] {
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
      actions.push(editAction('Inject Istio sidecar', CodeActionKind.RefactorRewrite, doc, injection.edits.map((e) => toLspEdit(doc, e, chunk.start)), related));
      actions.push({
        title: 'Preview injection',
        kind: CodeActionKind.Refactor,
        command: { title: 'Preview injection', command: PREVIEW_COMMAND, arguments: [doc.uri, params.range] },
      });
    }
    const removal = cache.removal(chunk.text);
    if (removal?.length) {
      actions.push(editAction('Remove Istio sidecar', CodeActionKind.RefactorRewrite, doc, removal.map((e) => toLspEdit(doc, e, chunk.start)), []));
    }
  }
  const all = model.chunks.flatMap((c) => cache.injection(c.text).edits.map((e) => toLspEdit(doc, e, c.start)));
  if (all.length) actions.push(editAction('Inject Istio sidecars in this file', INJECT_FILE_KIND, doc, all, []));
  const only = params.context.only;
  return only?.length ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
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
