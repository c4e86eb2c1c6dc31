/** The `istioInject` settings section, read through VS Code and typed (rust-analyzer's Config class, smaller). */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../protocol/src/protocol';
import { parseClientSettings, type ClientSettings } from './settings-model';

export class Config {
  /** Fires when any `istioInject.*` setting changes. */
  readonly onDidChange: vscode.Event<ClientSettings>;
  private readonly emitter = new vscode.EventEmitter<ClientSettings>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.onDidChange = this.emitter.event;
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_SECTION)) this.emitter.fire(this.settings);
    });
  }

  /** The current settings, with defaults for anything unset or ill-typed. */
  get settings(): ClientSettings {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return parseClientSettings((key) => section.get(key));
  }

  /** Stores a setting in the workspace when one is open, else in the user settings. */
  async update(key: string, value: unknown): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, target);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
