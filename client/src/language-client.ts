/**
 * The LanguageClient: dist/server.js over IPC for YAML files and untitled YAML buffers. A crashed server is
 * restarted a few times with a visible note; past that it stays down and says how to bring it back.
 */
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, type InitializationOptions } from '../../protocol/src/protocol';
import { clientLibrary } from './lazy-libraries';
import { RestartBudget } from './restart-budget';

export interface ClientHooks {
  output: vscode.LogOutputChannel;
  initializationOptions: () => InitializationOptions;
  /** Whether the server's code lenses are shown (setting `istioInject.codeLens`). */
  codeLensEnabled: () => boolean;
}

export const YAML_SELECTOR = [{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }];

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const { CloseAction, ErrorAction, LanguageClient, TransportKind } = clientLibrary();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
  };
  const budget = new RestartBudget();
  const clientOptions: LanguageClientOptions = {
    documentSelector: YAML_SELECTOR,
    outputChannel: hooks.output,
    // Computed when the server (re)starts, so a restarted server gets the current settings and config texts.
    initializationOptions: () => hooks.initializationOptions(),
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (budget.allow(Date.now())) {
          void vscode.window.showWarningMessage(vscode.l10n.t('The Istio Inject language server stopped unexpectedly and is being restarted.'));
          return { action: CloseAction.Restart, handled: true };
        }
        void vscode.window.showErrorMessage(
          vscode.l10n.t('The Istio Inject language server crashed 5 times in 3 minutes and will not be restarted. Run "Istio: Restart Language Server" to try again.'),
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      provideCodeLenses: (document, token, next) => (hooks.codeLensEnabled() ? next(document, token) : []),
    },
  };
  const client = new LanguageClient(SETTINGS_SECTION, vscode.l10n.t('Istio Inject'), serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    hooks.output.info(`language server ${stateName(e.oldState)} → ${stateName(e.newState)}`);
  });
  return client;
}

function stateName(state: State): string {
  const states = clientLibrary().State;
  return state === states.Running ? 'running' : state === states.Starting ? 'starting' : 'stopped';
}

/**
 * Asks VS Code for the code lenses again: after the injector configuration changed (what injection would do may
 * differ) or the `istioInject.codeLens` setting was toggled.
 */
export function refreshCodeLenses(client: LanguageClient): void {
  if (!client.isRunning()) return;
  const feature = client.getFeature(clientLibrary().CodeLensRequest.method);
  const fired = new Set<unknown>();
  for (const document of vscode.workspace.textDocuments) {
    const shape = feature.getProvider(document);
    if (!shape || fired.has(shape)) continue;
    fired.add(shape);
    shape.onDidChangeCodeLensEmitter.fire();
  }
}
