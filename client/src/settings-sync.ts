/**
 * Keeps the server's settings current: the typed `istioInject` settings plus the injector configuration texts of the
 * chosen source, sent as initializationOptions on start and as workspace/didChangeConfiguration (under the section
 * name, which server/src/server.ts reads as a push) whenever either changes.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, type InitializationOptions, type ServerSettings } from '../../protocol/src/protocol';
import { clientLibrary } from './lazy-libraries';
import type { Config } from './config';
import { toServerSettings } from './settings-model';

export class SettingsSync {
  private sourceConfig: ServerSettings['config'] | undefined;
  private client: LanguageClient | undefined;
  private readonly config: Config;

  constructor(config: Config) {
    this.config = config;
  }

  /** The client to push to (set once it exists; pushes before then are carried by initializationOptions). */
  attach(client: LanguageClient): void {
    this.client = client;
  }

  serverSettings(): ServerSettings {
    return toServerSettings(this.config.settings, this.sourceConfig);
  }

  initializationOptions(): InitializationOptions {
    const bundlePath = vscode.l10n.uri?.scheme === 'file' ? vscode.l10n.uri.fsPath : undefined;
    return { ...this.serverSettings(), l10n: { locale: vscode.env.language, bundlePath } };
  }

  /** The texts of the injector configuration (undefined = built-in), as the config source loaded them. */
  setSourceConfig(config: ServerSettings['config'] | undefined): void {
    this.sourceConfig = config;
    this.push();
  }

  push(): void {
    const client = this.client;
    if (!client?.isRunning()) return;
    void client.sendNotification(clientLibrary().DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: this.serverSettings() } })
      .catch((e: unknown) => client.warn(`pushing settings failed: ${String(e)}`));
  }
}
