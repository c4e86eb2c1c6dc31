/** Read-only markdown documents with the server's explanation of an injection decision (scheme `istio-inject-explain`). */
import * as vscode from 'vscode';

export const EXPLAIN_SCHEME = 'istio-inject-explain';

export class ExplainProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly onDidChange: vscode.Event<vscode.Uri>;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly contents = new Map<string, string>();
  private readonly registration: vscode.Disposable;

  constructor() {
    this.onDidChange = this.emitter.event;
    this.registration = vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, this);
  }

  /** Shows `markdown` beside the editor, rendered when the markdown preview is available. */
  async show(sourceName: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${sourceName}.explain.md` });
    this.contents.set(uri.toString(), markdown);
    this.emitter.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}
