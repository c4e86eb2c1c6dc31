/** The document and range a command acts on: from its arguments, else the active editor. */
import * as vscode from 'vscode';
import { parseTarget, type LspRange } from './target';

export interface ResolvedTarget {
  document: vscode.TextDocument;
  /** undefined = the whole file. */
  range?: LspRange;
}

/**
 * `useSelection`: without a range in the arguments, take the editor's selection (a cursor means the workload
 * under it); otherwise the command acts on the whole file.
 */
export async function resolveTarget(args: readonly unknown[], useSelection: boolean): Promise<ResolvedTarget | undefined> {
  const target = parseTarget(args);
  const editor = vscode.window.activeTextEditor;
  let document: vscode.TextDocument | undefined;
  if (target.uri !== undefined) {
    document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri)
      ?? await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  } else {
    document = editor?.document;
  }
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes YAML file first.'));
    return undefined;
  }
  if (target.range) return { document, range: target.range };
  if (useSelection && editor && editor.document === document) return { document, range: lspRange(editor.selection) };
  return { document };
}

export function lspRange(range: vscode.Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
