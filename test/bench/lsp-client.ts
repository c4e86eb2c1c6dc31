/**
 * A minimal LSP client for the benchmark: spawns a language server over stdio, opens one file, applies incremental
 * one-line edits and resolves when the server publishes diagnostics for them. Also reads the server's RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface LspServer {
  /** Diagnostics published for the file from now on: the next publish, or the one for `version` when given. */
  nextDiagnostics(version?: number): Promise<PublishDiagnosticsParams>;
  /**
   * Arrival times (hrtime, ms) of the publishes for `version`, waiting until `count` arrived or none came for
   * `quietMs` after the last one.
   */
  publishTimes(version: number, count: number, quietMs: number): Promise<number[]>;
  open(text: string): void;
  /** Replaces line `line` (0-based, without its newline) by `text`, as version `version`. */
  replaceLine(line: number, oldLength: number, text: string, version: number): void;
  /** Resolves once no diagnostics were published for `quietMs`. */
  settle(quietMs: number): Promise<void>;
  rssMb(): number;
  /** Any other request (e.g. the memory probe of a server started with --expose-gc). */
  request<R>(method: string, params?: unknown): Promise<R>;
  stop(): Promise<void>;
}

export const FILE_URI = 'file:///bench/workloads.yaml';

/** `args` run with this Node; `settings` answers workspace/configuration by section. */
export async function startLspServer(args: string[], settings: Record<string, unknown>, initializationOptions?: unknown): Promise<LspServer> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let waiter: { version?: number; resolve: (p: PublishDiagnosticsParams) => void } | undefined;
  let lastPublish = Date.now();
  const arrivals = new Map<number, number[]>();
  let onArrival: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri !== FILE_URI) return;
    lastPublish = Date.now();
    if (p.version !== undefined) {
      const times = arrivals.get(p.version) ?? [];
      times.push(Number(process.hrtime.bigint()) / 1e6);
      arrivals.set(p.version, times);
      onArrival?.();
    }
    if (waiter && (waiter.version === undefined || waiter.version === p.version)) {
      const w = waiter;
      waiter = undefined;
      w.resolve(p);
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => settings[item.section ?? ''] ?? null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => { /* logs, telemetry, status: not measured */ });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions,
  });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings });
  return {
    nextDiagnostics(version) {
      return new Promise((resolve) => { waiter = { version, resolve }; });
    },
    publishTimes(version, count, quietMs) {
      return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = (): void => {
          const times = arrivals.get(version) ?? [];
          clearTimeout(timer);
          if (times.length >= count) {
            onArrival = undefined;
            resolve(times.slice(0, count));
          } else if (times.length > 0) {
            timer = setTimeout(() => { onArrival = undefined; resolve(times); }, quietMs);
          }
        };
        onArrival = check;
        check();
      });
    },
    open(text) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: FILE_URI, languageId: 'yaml', version: 1, text } });
    },
    replaceLine(line, oldLength, text, version) {
      void conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: FILE_URI, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, text }],
      });
    },
    async settle(quietMs) {
      while (Date.now() - lastPublish < quietMs) await new Promise((r) => setTimeout(r, quietMs / 4));
    },
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    request<R>(method: string, params?: unknown) {
      return conn.sendRequest<R>(method, params);
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch { /* already gone */ }
      const timer = setTimeout(() => child.kill(), 2000);
      await exited;
      clearTimeout(timer);
      conn.dispose();
    },
  };
}
