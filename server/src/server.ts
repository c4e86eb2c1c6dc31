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
import { registerCaptureRules } from './capture-rules';
import { ChunkCache } from './chunk-cache';
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction } from './code-actions';
import { computeDiagnostics } from './diagnostics';
import { EDITABLE_DOCUMENTS } from './editable-document';
import { FileModels, isYamlDocument } from './file-model';
import { completion, hover } from './language-features';
import { explain, preview } from './requests';
import { ConfigManager, normalizeSettings, type ActiveConfig } from './settings';
import { exceeds, fileSizeRefusal, maxFileBytes, screenedAnalysis } from './limits';
import { injectTestFault } from './test-fault';
import { configureL10n, t } from './l10n';
import { registerSidecarFeatures } from './sidecar-features';

/**
 * Largest edited document validated on every keystroke (about 500 lines); a larger one, whose injection can take tens
 * of milliseconds, waits for the debounce so that typing stays smooth.
 */
const QUICK_MAX_CHARS = 16_000;

export interface ServerOptions {
  /** The analysis functions (tests pass a counting wrapper). */
  analysis?: Analysis;
  /**
   * Delay between an edit and its validation, so a burst of keystrokes validates once. Default 50 ms. An edit that
   * leaves at most one document to analyse does not wait (see `edited`).
   */
  debounceMs?: number;
}

/** Serves the istio-inject language features over `connection` and starts listening on it. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const analysis = screenedAnalysis(options.analysis ?? defaultAnalysis);
  const debounceMs = options.debounceMs ?? 50;
  // Dead versions leave the caches after the current edit is answered (the cache is made below; models are only
  // asked for once the server runs).
  const models = new FileModels((texts) => setImmediate(() => cache.forget(texts())));
  const documents = new TextDocuments({
    create: EDITABLE_DOCUMENTS.create,
    update: (doc, changes, version) => {
      models.noteEdit(doc, changes, version);
      return EDITABLE_DOCUMENTS.update(doc, changes, version);
    },
  });
  const configs = new ConfigManager();
  const log = (message: string): void => connection.console.error(message);
  let active: ActiveConfig = configs.resolve(DEFAULT_SETTINGS);
  const cache = new ChunkCache(analysis, active, log);
  /** Bumped on every settings change: validation started under older settings is dropped. */
  let generation = 0;
  let initialized = false;
  let canPullConfiguration = false;
  let canResolveEdits = false;
  /** istioInject.maxFileSizeMB in bytes: a larger file gets one diagnostic saying so, and no other feature. */
  let maxBytes = maxFileBytes(undefined);
  /** Cancels the validation scheduled for a URI. */
  const pending = new Map<string, () => void>();

  /** Runs a handler; a failure is logged and answered with `fallback` instead of reaching the client as a crash. */
  function guarded<T>(what: string, fallback: T, fn: () => T): T {
    try {
      injectTestFault(what);
      return fn();
    } catch (e) {
      log(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  function openYaml(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isYamlDocument(doc) && !exceeds(doc.getText(), maxBytes) ? doc : undefined;
  }

  function applySettings(raw: unknown): void {
    const next = configs.resolve(normalizeSettings(raw));
    active = next;
    maxBytes = maxFileBytes(raw);
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
        message: t('istio-inject: the {0} injector configuration did not load ({1}); using the built-in configuration instead.', requested, status.error),
      });
    }
    void connection.sendNotification(ConfigStatusNotification, status);
  }

  function cancelPending(uri: string): void {
    pending.get(uri)?.();
    pending.delete(uri);
  }

  /** Validates after `delay` ms; 'now' runs after the messages already queued (setImmediate), not a timer tick later. */
  function schedule(doc: TextDocument, delay: number | 'now' = debounceMs): void {
    if (!isYamlDocument(doc)) return;
    cancelPending(doc.uri);
    const run = (): void => {
      pending.delete(doc.uri);
      runValidation(doc.uri, false);
    };
    if (delay === 'now') {
      const immediate = setImmediate(run);
      pending.set(doc.uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      pending.set(doc.uri, () => clearTimeout(timer));
    }
  }

  /**
   * An edit. When it leaves at most one document of ordinary size to analyse (typing), the file is published at once
   * with that document's quick findings (no injection run, about a parse), and the full findings follow right after,
   * with no debounce: one document's analysis takes a few milliseconds, and a newer edit drops a validation in
   * flight. A larger change (paste, replace-all) or a very large document waits for the debounce and publishes once.
   */
  function edited(doc: TextDocument): void {
    if (!isYamlDocument(doc)) return;
    if (exceeds(doc.getText(), maxBytes)) {
      schedule(doc);
      return;
    }
    const model = models.get(doc);
    const fresh = cache.unanalysed(model.chunks.map((c) => c.text), 2);
    if (fresh.length > 1 || fresh.some((text) => text.length > QUICK_MAX_CHARS)) {
      schedule(doc);
      return;
    }
    cancelPending(doc.uri);
    runValidation(doc.uri, fresh.length === 1);
  }

  function runValidation(uri: string, quick: boolean): void {
    validate(uri, quick).catch((e: unknown) => log(`validation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  }

  async function validate(uri: string, quick: boolean): Promise<void> {
    const opened = documents.get(uri);
    const refused = opened && isYamlDocument(opened) ? fileSizeRefusal(opened, maxBytes) : undefined;
    if (opened && refused) {
      models.delete(uri);
      await connection.sendDiagnostics({ uri, version: opened.version, diagnostics: [refused] });
      return;
    }
    const doc = openYaml(uri);
    if (!doc) return;
    const { version } = doc;
    const started = generation;
    const superseded = (): boolean => documents.get(uri)?.version !== version || generation !== started;
    const diagnostics = await computeDiagnostics(doc, models.get(doc), cache, active.settings.diagnostics, superseded, quick);
    if (!diagnostics) return;
    const sent = connection.sendDiagnostics({ uri, version, diagnostics });
    // Scheduled after the quick publish was queued, so that it goes out before the full analysis runs.
    if (quick) schedule(doc, 'now');
    await sent;
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canResolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    guarded('loading messages', undefined, () => configureL10n(params.initializationOptions, log));
    guarded('reading initializationOptions', undefined, () => {
      if (params.initializationOptions !== undefined && params.initializationOptions !== null) applySettings(params.initializationOptions);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['/', '.', ':', ' ', '"'] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'istio-inject' },
    };
  });

  // Nothing is published after shutdown: scheduled validations are dropped, those in flight are superseded.
  connection.onShutdown(() => {
    for (const uri of [...pending.keys()]) cancelPending(uri);
    generation++;
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

  // An open also fires onDidChangeContent right after onDidOpen: it is validated in full, not as an edit.
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) schedule(e.document, 0);
    else edited(e.document);
  });
  documents.onDidClose((e) => {
    cancelPending(e.document.uri);
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
    return hover(doc, models.get(doc), analysis, active, params.position, cache);
  }));

  connection.onCompletion((params, token) => guarded('completion', [], () => {
    const doc = openYaml(params.textDocument.uri);
    if (!doc || cancelled(token)) return [];
    return completion(doc, models.get(doc), analysis, params.position);
  }));

  connection.onRequest(PreviewRequest, (params, token) => guarded('preview', { original: '', injected: '', summary: 'nothing to preview' }, () => {
    const doc = openYaml(params.uri);
    if (!doc || cancelled(token)) return { original: '', injected: '', summary: 'nothing to preview' };
    return preview(doc, models.get(doc), cache, params, active.injection);
  }));

  connection.onRequest(ExplainRequest, (params, token) => guarded('explain', '', () => {
    const doc = openYaml(params.uri);
    if (!doc || cancelled(token)) return '';
    return explain(doc, models.get(doc), cache, params, active.injection);
  }));

  registerSidecarFeatures(connection, {
    open: (uri) => {
      const doc = openYaml(uri);
      return doc && { doc, model: models.get(doc) };
    },
    cache,
    guarded,
  });

  registerCaptureRules(connection, { open: openYaml, injector: () => active.injector, guarded });

  documents.listen(connection);
  connection.listen();
}

function cancelled(token: CancellationToken | undefined): boolean {
  return token?.isCancellationRequested === true;
}
