/** The status-bar item: config source, Istio version and revision; click to select the config source. */
import * as vscode from 'vscode';
import type { ConfigStatus } from '../../protocol/src/protocol';
import { COMMAND_IDS } from './commands/ids';
import { statusView, type SourceState } from './status-model';

export class ConfigStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('istioInject.configSource', vscode.StatusBarAlignment.Right, 100);
  private status: ConfigStatus | undefined;
  private state: SourceState = { requested: 'builtin', loading: false };
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = vscode.l10n.t('Istio Inject: injector configuration');
    this.item.command = COMMAND_IDS.selectConfigSource;
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
    this.render();
  }

  /** The server's view (ConfigStatusNotification). */
  setStatus(status: ConfigStatus): void {
    this.status = status;
    this.render();
  }

  /** The client's view (loading, or the error that made it fall back). */
  setState(state: SourceState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const view = statusView(this.status, this.state, (message, ...args) => vscode.l10n.t(message, ...args));
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // Shown with YAML editors (and the preview, whose documents are YAML too); a warning stays visible.
    if (view.warning || vscode.window.activeTextEditor?.document.languageId === 'yaml') this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
