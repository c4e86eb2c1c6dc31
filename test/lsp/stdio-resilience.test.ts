/**
 * The bundled dist/server.js as a process: a handler that fails (ISTIO_INJECT_TEST_FAULT, see server/src/test-fault.ts)
 * does not end it and later requests still work; repeated uncaught failures end it with code 1 so that the client
 * starts a fresh one; shutdown + exit ends it with 0; a request cancelled while the server is busy is answered at once.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { manifestOf } from '../bench/workloads';
import { DEPLOYMENT } from './fixtures';

const SERVER = path.resolve(process.cwd(), 'dist/server.js');
const URI = 'file:///work/app.yaml';

interface Spawned {
  client: MessageConnection;
  exited: Promise<number | null>;
  logs: string[];
  alive(): boolean;
  /** Diagnostics published for URI at `version`. */
  diagnostics(version: number): Promise<PublishDiagnosticsParams>;
  kill(): void;
}

async function spawnServer(t: TestContext, fault?: string): Promise<Spawned | undefined> {
  if (!existsSync(SERVER)) {
    t.skip(`SKIPPED: ${SERVER} is not built (run \`node esbuild.mjs\` or \`npm run build\`)`);
    return undefined;
  }
  const env = { ...process.env };
  delete env.ISTIO_INJECT_TEST_FAULT;
  if (fault) env.ISTIO_INJECT_TEST_FAULT = fault;
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.filter((x) => x.version === p.version)) w.resolve(p);
  });
  client.onNotification(() => { /* status notifications */ });
  client.onError(() => { /* the process ended: asserted through `exited` */ });
  client.listen();
  await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  return {
    client,
    exited,
    logs,
    alive: () => child.exitCode === null,
    diagnostics: (version) => {
      const seen = published.find((p) => p.uri === URI && p.version === version);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ version, resolve }));
    },
    kill: () => { client.dispose(); child.kill(); },
  };
}

function open(s: Spawned, text: string): void {
  void s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
}

async function shutdownAndExit(s: Spawned): Promise<void> {
  await s.client.sendRequest('shutdown');
  await s.client.sendNotification('exit');
  assert.equal(await s.exited, 0, 'exit after shutdown ends the process with 0');
}

const at = { textDocument: { uri: URI }, position: { line: 16, character: 10 } };

test('a handler that throws answers its fallback, is logged, and every later request still works', async (t) => {
  const s = await spawnServer(t, 'hover');
  if (!s) return;
  try {
    open(s, DEPLOYMENT);
    await s.diagnostics(1);
    assert.equal(await s.client.sendRequest('textDocument/hover', at), null);
    assert.ok(s.logs.some((l) => l.startsWith('hover failed: Error: test fault in hover')), s.logs.join('\n'));
    const completion = await s.client.sendRequest<unknown[] | { items: unknown[] }>('textDocument/completion', at);
    assert.ok(completion !== null, 'completion answers');
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '  namespace: web\n' }],
    });
    assert.ok(Array.isArray((await s.diagnostics(2)).diagnostics), 'diagnostics of the next version');
    assert.equal(await s.client.sendRequest('textDocument/hover', at), null, 'the next hover fails the same way, still answered');
    assert.ok(s.alive());
    await shutdownAndExit(s);
  } finally {
    s.kill();
  }
});

test('an uncaught exception and an unhandled rejection are logged; the process carries on', async (t) => {
  const s = await spawnServer(t, 'completion:uncaught,preview:rejection');
  if (!s) return;
  try {
    open(s, DEPLOYMENT);
    await s.diagnostics(1);
    await s.client.sendRequest('textDocument/completion', at);
    await s.client.sendRequest('istioInject/preview', { uri: URI });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(s.logs.some((l) => l.startsWith('uncaught exception: Error: test fault in completion')), s.logs.join('\n'));
    assert.ok(s.logs.some((l) => l.startsWith('unhandled rejection: Error: test fault in preview')), s.logs.join('\n'));
    assert.ok(s.alive(), 'still running');
    const preview = await s.client.sendRequest<{ injected: string }>('istioInject/preview', { uri: URI });
    assert.match(preview.injected, /istio-proxy/, 'requests after the failures work');
    await shutdownAndExit(s);
  } finally {
    s.kill();
  }
});

test('five uncaught failures within a minute end the process with code 1, for the client to restart it', async (t) => {
  const s = await spawnServer(t, 'hover:uncaught');
  if (!s) return;
  try {
    open(s, DEPLOYMENT);
    await s.diagnostics(1);
    for (let i = 0; i < 4; i++) await s.client.sendRequest('textDocument/hover', at);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(s.alive(), 'four failures are survived');
    void s.client.sendRequest('textDocument/hover', at).catch(() => undefined);
    assert.equal(await s.exited, 1);
  } finally {
    s.kill();
  }
});

test('exit without shutdown ends the process with code 1 (LSP)', async (t) => {
  const s = await spawnServer(t);
  if (!s) return;
  try {
    await s.client.sendNotification('exit');
    assert.equal(await s.exited, 1);
  } finally {
    s.kill();
  }
});

test('over stdio, a hover cancelled while a preview keeps the server busy never runs: RequestCancelled right after the preview', async (t) => {
  // The hover handler would log a failure if it ran.
  const s = await spawnServer(t, 'hover');
  if (!s) return;
  try {
    open(s, manifestOf(200));
    await s.diagnostics(1);
    const started = performance.now();
    let previewMs = 0;
    const preview = s.client.sendRequest('istioInject/preview', { uri: URI }).then(() => { previewMs = performance.now() - started; });
    // Sent a moment later, while the preview runs.
    await new Promise((r) => setTimeout(r, 20));
    const source = new CancellationTokenSource();
    const hover = s.client.sendRequest('textDocument/hover', at, source.token);
    source.cancel();
    let error: unknown;
    try {
      await hover;
    } catch (e) {
      error = e;
    }
    const cancelledMs = performance.now() - started;
    assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `RequestCancelled, got ${String(error)}`);
    await preview;
    console.log(`# preview answered after ${previewMs.toFixed(0)} ms; the hover cancelled behind it after ${cancelledMs.toFixed(0)} ms`);
    assert.ok(!s.logs.some((l) => l.startsWith('hover failed')), 'the cancelled hover never ran');
    assert.ok(cancelledMs - previewMs < 100, 'answered as soon as the server read the cancellation');
    await shutdownAndExit(s);
  } finally {
    s.kill();
  }
});

test('over stdio, a 50 MB file is refused with one diagnostic and the server keeps serving', async (t) => {
  const s = await spawnServer(t);
  if (!s) return;
  try {
    const block = `${manifestOf(200)}---\n`;
    const big = block.repeat(Math.ceil((50 * 1024 * 1024) / block.length));
    const started = performance.now();
    open(s, big);
    const refused = await s.diagnostics(1);
    const refusedMs = performance.now() - started;
    assert.deepEqual(refused.diagnostics.map((d) => d.code), ['file-too-large']);
    const hoverStarted = performance.now();
    assert.equal(await s.client.sendRequest('textDocument/hover', at), null);
    const hoverMs = performance.now() - hoverStarted;
    console.log(`# 50 MB over stdio: refusal ${refusedMs.toFixed(0)} ms after didOpen was sent (incl. JSON and the pipe), a hover then ${hoverMs.toFixed(1)} ms`);
    assert.ok(refusedMs < 5000, `refusal took ${refusedMs.toFixed(0)} ms`);
    assert.ok(hoverMs < 1000);
    await shutdownAndExit(s);
  } finally {
    s.kill();
  }
});
