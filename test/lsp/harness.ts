/**
 * An in-process language server and a test client joined by two PassThrough streams, plus helpers to wait for
 * published diagnostics and to apply a WorkspaceEdit to a text.
 */
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import {
  type Diagnostic, type InitializeResult, type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type ServerOptions } from '../../server/src/server';

export interface TestClient {
  client: MessageConnection;
  /** Resolves with the first diagnostics published for `uri` (at `version`, when given) from now on, or already seen. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  notifications: { method: string; params: unknown }[];
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  initialize(initializationOptions?: unknown, capabilities?: object): Promise<InitializeResult>;
  open(uri: string, text: string, version?: number): void;
  close(): Promise<void>;
}

export function startTestServer(options: ServerOptions = {}): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { debounceMs: 0, ...options });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  client.onNotification((method, params) => {
    notifications.push({ method, params });
  });
  client.onRequest('workspace/configuration', () => [null]);
  client.onRequest('window/showMessageRequest', () => null);
  client.listen();
  return {
    client,
    notifications,
    published,
    diagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    async initialize(initializationOptions, capabilities = {}) {
      const result = await client.sendRequest<InitializeResult>('initialize', {
        processId: null, rootUri: null, capabilities, initializationOptions,
      });
      await client.sendNotification('initialized', {});
      return result;
    },
    open(uri, text, version = 1) {
      void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    },
    async close() {
      await client.sendRequest('shutdown');
      client.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** The text after applying a WorkspaceEdit's changes for `uri`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

/** Offset → LSP position in `text`. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  return TextDocument.create('x', 'yaml', 0, text).positionAt(offset);
}
