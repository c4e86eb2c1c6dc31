/**
 * Entry point VS Code calls when a YAML file opens or an istio-inject command runs. It only wires the modules
 * together: settings, the language client, the injector config source, commands, preview and the status bar.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Config } from './config';
import { createLanguageClient } from './language-client';
import { SettingsSync } from './settings-sync';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Istio Inject'), { log: true });
  const config = new Config();
  const sync = new SettingsSync(config);
  context.subscriptions.push(output, config);

  client = createLanguageClient(context, {
    output,
    initializationOptions: () => sync.initializationOptions(),
    codeLensEnabled: () => config.settings.codeLens,
  });
  sync.attach(client);
  context.subscriptions.push(config.onDidChange(() => sync.push()));

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
