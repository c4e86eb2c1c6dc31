/**
 * Entry point VS Code calls when a YAML file opens or an istio-inject command runs. It only wires the modules
 * together: settings, the injector config source, the language client, commands, previews and the status bar.
 */
// First: its body starts the bundle's clock before any other module is evaluated.
import { markBundleEvaluated, startActivationClock, type ActivationClock } from './activation-timing';
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
import { onTypedNotification } from './typed-messages';

markBundleEvaluated();

/** How long the server's start waits for the injector configuration before starting with the built-in one. */
const FIRST_LOAD_WAIT_MS = 1500;

let client: LanguageClient | undefined;
/** Set by deactivate(): a start still waiting for the configuration must not bring the server up afterwards. */
let deactivated = false;

/**
 * Wires everything synchronously and returns at once: VS Code counts activation until this returns (and until a
 * returned promise settles), and the slow parts need no one to wait for them. The language client (its library's
 * module evaluation costs more than the rest of activation) is made on first use: by the background start below, or
 * earlier by a command that needs it; a request sent before the server runs starts it (sendRequest does).
 */
export function activate(context: vscode.ExtensionContext): void {
  const clock = startActivationClock();
  deactivated = false;
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Istio Inject'), { log: true });
  const config = new Config();
  const sync = new SettingsSync(config);
  const statusBar = new ConfigStatusBar();
  const configSource = new ConfigSourceController(config, sync, output);
  context.subscriptions.push(output, config, statusBar, configSource, configSource.onDidChangeState((s) => statusBar.setState(s)));
  // The Istio view must have its provider as soon as VS Code activates us for it.
  registerClusterViews(context);
  const firstLoad = configSource.reload();

  const languageClient = (): LanguageClient => {
    if (client) return client;
    const started = performance.now();
    const made = createLanguageClient(context, {
      output,
      initializationOptions: () => sync.initializationOptions(),
      codeLensEnabled: () => config.settings.codeLens,
    });
    client = made;
    sync.attach(made);
    context.subscriptions.push(onTypedNotification(made, ConfigStatusNotification, (status) => {
      statusBar.setStatus(status);
      preview.refreshAll();
      refreshCodeLenses(made);
    }));
    output.info(clock.clientMade(started));
    return made;
  };
  const preview = new PreviewProvider(languageClient);
  const explain = new ExplainProvider();
  const captureRules = new CaptureRulesView();
  context.subscriptions.push(
    preview,
    explain,
    captureRules,
    config.onDidChange(() => {
      if (client) refreshCodeLenses(client);
    }),
    ...registerCommands({
      get client() {
        return languageClient();
      },
      output, config, configSource, preview, explain, captureRules,
    }),
  );

  output.info(clock.activated());
  void startWhenConfigured(languageClient, firstLoad, output, clock);
}

/**
 * Starts the server once the injector configuration is loaded, so its first diagnostics use it. Files load in
 * milliseconds; a slow cluster is not waited for past FIRST_LOAD_WAIT_MS: its texts are pushed when they arrive.
 */
async function startWhenConfigured(
  languageClient: () => LanguageClient, firstLoad: Promise<void>, output: vscode.LogOutputChannel, clock: ActivationClock,
): Promise<void> {
  try {
    await Promise.race([firstLoad, new Promise((resolve) => setTimeout(resolve, FIRST_LOAD_WAIT_MS))]);
    if (deactivated) return;
    await languageClient().start();
    output.info(clock.serverRunning());
  } catch (err) {
    output.error(`the language server did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  deactivated = true;
  await client?.stop();
  client = undefined;
}
