/**
 * Show Traffic Capture Rules: the iptables rules istio-iptables (or Istio CNI) programs into the pods of the workload
 * at the cursor (or of every injected workload of the file), in a read-only `istio-iptables` document whose rule lines
 * explain themselves on hover.
 */
import * as vscode from 'vscode';
import { CaptureRulesRequest, type CaptureRulesDocument } from '../../../protocol/src/protocol';
import type { CommandFactory } from './context';
import { resolveTarget } from './resolve-target';

export const CAPTURE_RULES_SCHEME = 'istio-inject-iptables';
export const CAPTURE_RULES_LANGUAGE = 'istio-iptables';

/** Holds the shown rules and their notes; provides the documents' text and hovers. Created on first use. */
class CaptureRulesView implements vscode.TextDocumentContentProvider, vscode.HoverProvider {
  private readonly texts = new Map<string, string>();
  private readonly notes = new Map<string, Map<number, string>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor() {
    // Registered for the extension host's lifetime: this view lives as long as the extension does.
    vscode.workspace.registerTextDocumentContentProvider(CAPTURE_RULES_SCHEME, this);
    vscode.languages.registerHoverProvider({ scheme: CAPTURE_RULES_SCHEME }, this);
  }

  async show(sourceName: string, documents: readonly CaptureRulesDocument[]): Promise<void> {
    const uri = vscode.Uri.from({ scheme: CAPTURE_RULES_SCHEME, path: `/${sourceName}.istio-iptables` });
    let text = '';
    const notes = new Map<number, string>();
    for (const d of documents) {
      const base = text.split('\n').length - 1;
      for (const n of d.notes) notes.set(base + n.line, n.note);
      text += d.text.endsWith('\n') ? d.text : `${d.text}\n`;
    }
    this.texts.set(uri.toString(), text);
    this.notes.set(uri.toString(), notes);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const typed = doc.languageId === CAPTURE_RULES_LANGUAGE ? doc : await vscode.languages.setTextDocumentLanguage(doc, CAPTURE_RULES_LANGUAGE);
    await vscode.window.showTextDocument(typed, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const note = this.notes.get(document.uri.toString())?.get(position.line);
    return note ? new vscode.Hover(new vscode.MarkdownString(note), document.lineAt(position.line).range) : undefined;
  }
}

let view: CaptureRulesView | undefined;

export const showCaptureRules: CommandFactory = (ctx) => async (...args) => {
  const target = await resolveTarget(args, true);
  if (!target) return;
  const uri = target.document.uri.toString();
  const result = await ctx.client.sendRequest(CaptureRulesRequest, target.range ? { uri, position: target.range.start } : { uri });
  if (!result.documents.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No traffic capture rules: {0}.', result.error ?? ''));
    return;
  }
  view ??= new CaptureRulesView();
  await view.show(target.document.uri.path.split('/').pop() || 'manifest', result.documents);
};
