/**
 * Read-only `istio-iptables` documents with the traffic-capture rules of Show Traffic Capture Rules (scheme
 * `istio-inject-iptables`); a rule line's plain-language note shows on hover.
 */
import * as vscode from 'vscode';
import type { CaptureRulesDocument } from '../../../protocol/src/protocol';
import { combineCaptureRules } from './capture-rules-text';

export const CAPTURE_RULES_SCHEME = 'istio-inject-iptables';
export const CAPTURE_RULES_LANGUAGE = 'istio-iptables';

export class CaptureRulesView implements vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.Disposable {
  readonly onDidChange: vscode.Event<vscode.Uri>;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly texts = new Map<string, string>();
  private readonly notes = new Map<string, Map<number, string>>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.onDidChange = this.emitter.event;
    this.disposables = [
      this.emitter,
      vscode.workspace.registerTextDocumentContentProvider(CAPTURE_RULES_SCHEME, this),
      vscode.languages.registerHoverProvider({ scheme: CAPTURE_RULES_SCHEME }, this),
    ];
  }

  /** Shows the rules of `documents` beside the editor, in one document named after the source file. */
  async show(sourceName: string, documents: readonly CaptureRulesDocument[]): Promise<void> {
    const uri = vscode.Uri.from({ scheme: CAPTURE_RULES_SCHEME, path: `/${sourceName}.istio-iptables` });
    const { text, notes } = combineCaptureRules(documents);
    this.texts.set(uri.toString(), text);
    this.notes.set(uri.toString(), notes);
    this.emitter.fire(uri);
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

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
