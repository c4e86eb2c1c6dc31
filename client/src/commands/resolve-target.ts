/** The document and range a command acts on: from its arguments, else the active editor. */
import * as vscode from 'vscode';
import { PREVIEW_SCHEME, parsePreviewQuery } from '../preview/preview-uri';
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
    document = await openDocument(target.uri);
  } else {
    document = editor?.document;
  }
  // From a preview's editor, a command acts on the source document (on the workloads previewed, for a ranged one).
  const previewed = document?.uri.scheme === PREVIEW_SCHEME ? parsePreviewQuery(document.uri.query) : undefined;
  if (previewed) {
    document = await openDocument(previewed.source);
    return previewed.range ? { document, range: previewed.range } : { document };
  }
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes YAML file first.'));
    return undefined;
  }
  if (target.range) return { document, range: target.range };
  if (useSelection && editor && editor.document === document) return { document, range: lspRange(editor.selection) };
  return { document };
}

async function openDocument(uri: string): Promise<vscode.TextDocument> {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
}

export function lspRange(range: vscode.Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
