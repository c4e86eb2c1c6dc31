/**
 * Entry point VS Code calls when a YAML file opens or an istio-inject command runs. It only wires the modules
 * together: settings, the injector config source, the language client, commands, previews and the status bar.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConfigStatusNotification } from '../../protocol/src/protocol';
import { registerClusterViews } from './cluster/register';
import { registerCommands } from './commands';
import { Config } from './config';
import { ConfigSourceController } from './config-source/controller';
import { createLanguageClient, refreshCodeLenses } from './language-client';
import { CaptureRulesView } from './preview/capture-rules-view';
import { ExplainProvider } from './preview/explain-provider';
import { PreviewProvider } from './preview/preview-provider';
import { SettingsSync } from './settings-sync';
import { ConfigStatusBar } from './status-bar';

/** How long activation waits for the injector configuration before starting the server with the built-in one. */
const FIRST_LOAD_WAIT_MS = 1500;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Istio Inject'), { log: true });
  const config = new Config();
  const sync = new SettingsSync(config);
  const statusBar = new ConfigStatusBar();
  const configSource = new ConfigSourceController(config, sync, output);
  context.subscriptions.push(output, config, statusBar, configSource, configSource.onDidChangeState((s) => statusBar.setState(s)));
  // Before any await: the Istio view must have its provider as soon as VS Code activates us for it.
  registerClusterViews(context);

  // Files load in milliseconds; a slow cluster is not waited for: its texts are pushed when they arrive.
  const firstLoad = configSource.reload();
  await Promise.race([firstLoad, new Promise((resolve) => setTimeout(resolve, FIRST_LOAD_WAIT_MS))]);

  const languageClient = createLanguageClient(context, {
    output,
    initializationOptions: () => sync.initializationOptions(),
    codeLensEnabled: () => config.settings.codeLens,
  });
  client = languageClient;
  sync.attach(languageClient);
  const preview = new PreviewProvider(languageClient);
  const explain = new ExplainProvider();
  const captureRules = new CaptureRulesView();
  context.subscriptions.push(
    preview,
    explain,
    captureRules,
    languageClient.onNotification(ConfigStatusNotification, (status) => {
      statusBar.setStatus(status);
      preview.refreshAll();
      refreshCodeLenses(languageClient);
    }),
    config.onDidChange(() => refreshCodeLenses(languageClient)),
    ...registerCommands({ client: languageClient, output, config, configSource, preview, explain, captureRules }),
  );

  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
