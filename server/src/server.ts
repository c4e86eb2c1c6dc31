/**
 * The istio-inject language server: wires documents, settings and the analysis to an LSP connection. Runs over any
 * connection (IPC from the VS Code client, stdio for other editors, in-process streams in tests).
 */
import {
  MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type CancellationToken, type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigStatusNotification, DEFAULT_SETTINGS, ExplainRequest, PreviewRequest, SETTINGS_SECTION,
} from '../../protocol/src/protocol';
import { defaultAnalysis, type Analysis } from './analysis-port';
import { ChunkCache } from './chunk-cache';
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction } from './code-actions';
import { computeDiagnostics } from './diagnostics';
import { FileModels, isYamlDocument } from './file-model';
import { completion, hover } from './language-features';
import { explain, preview } from './requests';
import { ConfigManager, normalizeSettings, type ActiveConfig } from './settings';

export interface ServerOptions {
  /** The analysis functions (tests pass a counting wrapper). */
  analysis?: Analysis;
  /** Delay between an edit and its validation, so a burst of keystrokes validates once. Default 50 ms. */
  debounceMs?: number;
}

/** Serves the istio-inject language features over `connection` and starts listening on it. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const analysis = options.analysis ?? defaultAnalysis;
  const debounceMs = options.debounceMs ?? 50;
  const documents = new TextDocuments(TextDocument);
  const models = new FileModels();
  const configs = new ConfigManager();
  const log = (message: string): void => connection.console.error(message);
  let active: ActiveConfig = configs.resolve(DEFAULT_SETTINGS);
  const cache = new ChunkCache(analysis, active, log);
  /** Bumped on every settings change: validation started under older settings is dropped. */
  let generation = 0;
  let initialized = false;
  let canPullConfiguration = false;
  let canResolveEdits = false;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  /** Runs a handler; a failure is logged and answered with `fallback` instead of reaching the client as a crash. */
  function guarded<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      log(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  function openYaml(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isYamlDocument(doc) ? doc : undefined;
  }

  function applySettings(raw: unknown): void {
    const next = configs.resolve(normalizeSettings(raw));
    active = next;
    cache.configure(next);
    generation++;
    if (!initialized) return; // announced in onInitialized
    announce(next);
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function announce(config: ActiveConfig): void {
    const { status } = config;
    if (status.error !== undefined) {
      const requested = config.settings.config?.source ?? 'configured';
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `istio-inject: the ${requested} injector configuration did not load (${status.error}); using the built-in configuration instead.`,
      });
    }
    void connection.sendNotification(ConfigStatusNotification, status);
  }

  function schedule(doc: TextDocument, delay = debounceMs): void {
    if (!isYamlDocument(doc)) return;
    clearTimeout(pending.get(doc.uri));
    pending.set(doc.uri, setTimeout(() => {
      pending.delete(doc.uri);
      validate(doc.uri).catch((e: unknown) => log(`validation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    }, delay));
  }

  async function validate(uri: string): Promise<void> {
    const doc = openYaml(uri);
    if (!doc) return;
    const { version } = doc;
    const started = generation;
    const superseded = (): boolean => documents.get(uri)?.version !== version || generation !== started;
    const diagnostics = await computeDiagnostics(doc, models.get(doc), cache, active.settings.diagnostics, superseded);
    if (diagnostics) await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canResolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    guarded('reading initializationOptions', undefined, () => {
      if (params.initializationOptions !== undefined && params.initializationOptions !== null) applySettings(params.initializationOptions);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['/', '.', ':', ' ', '"'] },
      },
      serverInfo: { name: 'istio-inject' },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    announce(active);
  });

  connection.onDidChangeConfiguration((params) => {
    guarded('applying settings', undefined, () => {
      const pushed = params.settings as Record<string, unknown> | null | undefined;
      if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
        applySettings(pushed[SETTINGS_SECTION]);
      } else if (canPullConfiguration) {
        connection.workspace.getConfiguration(SETTINGS_SECTION)
          .then((pulled: unknown) => guarded('applying settings', undefined, () => applySettings(pulled)))
          .catch((e: unknown) => log(`reading settings failed: ${String(e)}`));
      } else if (pushed && typeof pushed === 'object') {
        applySettings(pushed);
      }
    });
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    models.delete(e.document.uri);
    if (isYamlDocument(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params, token) => guarded('code actions', [], () => {
    const doc = openYaml(params.textDocument.uri);
    if (!doc || cancelled(token)) return [];
    return codeActions(doc, models.get(doc), cache, params, { resolveEdits: canResolveEdits }, token);
  }));

  connection.onCodeActionResolve((action, token) => guarded('resolving a code action', action, () => {
    const uri = (action.data as { uri?: unknown } | undefined)?.uri;
    const doc = typeof uri === 'string' ? openYaml(uri) : undefined;
    return resolveCodeAction(action, doc, doc && models.get(doc), cache, token);
  }));

  connection.onHover((params, token) => guarded('hover', null, () => {
    const doc = openYaml(params.textDocument.uri);
    if (!doc || cancelled(token)) return null;
    return hover(doc, models.get(doc), analysis, active, params.position);
  }));

  connection.onCompletion((params, token) => guarded('completion', [], () => {
    const doc = openYaml(params.textDocument.uri);
    if (!doc || cancelled(token)) return [];
    return completion(doc, models.get(doc), analysis, params.position);
  }));

  connection.onRequest(PreviewRequest, (params, token) => guarded('preview', { original: '', injected: '', summary: 'nothing to preview' }, () => {
    const doc = openYaml(params.uri);
    if (!doc || cancelled(token)) return { original: '', injected: '', summary: 'nothing to preview' };
    return preview(doc, models.get(doc), cache, params);
  }));

  connection.onRequest(ExplainRequest, (params, token) => guarded('explain', '', () => {
    const doc = openYaml(params.uri);
    if (!doc || cancelled(token)) return '';
    return explain(doc, models.get(doc), cache, params);
  }));

  documents.listen(connection);
  connection.listen();
}

function cancelled(token: CancellationToken | undefined): boolean {
  return token?.isCancellationRequested === true;
}
