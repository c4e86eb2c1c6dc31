/**
 * Read-only documents with the injected text, for the diff editor: scheme `istio-inject-preview`, content from the
 * server's istioInject/preview. An open preview follows edits of its source (debounced) and refreshes when the
 * injector configuration changes. Hovering an istio-proxy container of the preview shows that sidecar's anatomy.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, type PreviewResult } from '../../../protocol/src/protocol';
import type { LspRange } from '../commands/target';
import { anatomyAt } from './anatomy-at';
import { PREVIEW_SCHEME, parsePreviewQuery, previewUriParts } from './preview-uri';
import { sendTyped } from '../typed-messages';

const FOLLOW_DELAY_MS = 300;

export class PreviewProvider implements vscode.TextDocumentContentProvider, vscode.HoverProvider, vscode.Disposable {
  readonly onDidChange: vscode.Event<vscode.Uri>;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Latest injected text per preview URI (string form). */
  private readonly contents = new Map<string, string>();
  /** The sidecars' anatomy (markdown) per preview URI. */
  private readonly anatomies = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[];
  /** Made on first use (extension.ts defers the language client past activation). */
  private readonly client: () => LanguageClient;

  constructor(client: () => LanguageClient) {
    this.client = client;
    this.onDidChange = this.emitter.event;
    this.disposables = [
      this.emitter,
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.languages.registerHoverProvider({ scheme: PREVIEW_SCHEME }, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== PREVIEW_SCHEME) return;
        this.contents.delete(doc.uri.toString());
        this.anatomies.delete(doc.uri.toString());
      }),
    ];
  }

  /** Opens the diff of `document` against its injection (of the workloads `range` touches, or all). */
  async show(document: vscode.TextDocument, range: LspRange | undefined): Promise<void> {
    const source = document.uri.toString();
    const uri = vscode.Uri.from(previewUriParts(range ? { source, range } : { source }));
    const result = await this.request(source, range);
    this.store(uri, result);
    this.emitter.fire(uri);
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    const title = vscode.l10n.t('{0} ↔ Istio injection: {1}', name, result.summary);
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, title, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): vscode.ProviderResult<string> {
    const cached = this.contents.get(uri.toString());
    if (cached !== undefined) return cached;
    const target = parsePreviewQuery(uri.query);
    if (!target) return '';
    return this.request(target.source, target.range).then((result) => {
      this.store(uri, result);
      return result.injected;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const anatomy = this.anatomies.get(document.uri.toString());
    const found = anatomy && anatomyAt(document.getText(), document.offsetAt(position), anatomy);
    if (!found) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(found.markdown), new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
  }

  /** Every open preview is computed again (the injector configuration changed). */
  refreshAll(): void {
    for (const uri of this.openPreviews()) this.refresh(uri);
  }

  private sourceChanged(source: string): void {
    for (const uri of this.openPreviews()) {
      if (parsePreviewQuery(uri.query)?.source !== source) continue;
      const key = uri.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(key, setTimeout(() => {
        this.timers.delete(key);
        this.refresh(uri);
      }, FOLLOW_DELAY_MS));
    }
  }

  private refresh(uri: vscode.Uri): void {
    const target = parsePreviewQuery(uri.query);
    if (!target) return;
    this.request(target.source, target.range).then((result) => {
      this.store(uri, result);
      this.emitter.fire(uri);
    }, (e: unknown) => this.client().warn(`preview refresh failed: ${String(e)}`));
  }

  private openPreviews(): vscode.Uri[] {
    return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === PREVIEW_SCHEME).map((d) => d.uri);
  }

  private store(uri: vscode.Uri, result: PreviewResult): void {
    this.contents.set(uri.toString(), result.injected);
    if (result.anatomy) this.anatomies.set(uri.toString(), result.anatomy);
    else this.anatomies.delete(uri.toString());
  }

  private request(source: string, range: LspRange | undefined): Promise<PreviewResult> {
    return sendTyped(this.client(), PreviewRequest, range ? { uri: source, range } : { uri: source });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
