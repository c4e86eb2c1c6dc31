/**
 * Superseded work is dropped: a request cancelled while it waits is answered RequestCancelled at once without running,
 * and after a burst of edits only the newest version's diagnostics are published last, never an older version after
 * a newer one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { LSPErrorCodes, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { defaultAnalysis, type Analysis } from '../../server/src/analysis-port';
import { CONNECTION_OPTIONS } from '../../server/src/cancellation';
import { startServer } from '../../server/src/server';
import type { PreviewResult } from '../../protocol/src/protocol';
import { manifestOf } from '../bench/workloads';
import { startTestServer, type TestClient } from './harness';

const URI = 'file:///cancel/workloads.yaml';

/** The server as dist/server.js creates it (with CONNECTION_OPTIONS), in process; counts the analysis' hovers. */
function startServerAsShipped(): { client: ReturnType<typeof createMessageConnection>; hovers: () => number; published: Promise<void>; close(): void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let hovers = 0;
  const analysis: Analysis = { ...defaultAnalysis, hoverAt: (...args) => { hovers++; return defaultAnalysis.hoverAt(...args); } };
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), CONNECTION_OPTIONS);
  startServer(serverConnection, { debounceMs: 0, analysis });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published = new Promise<void>((resolve) => client.onNotification('textDocument/publishDiagnostics', () => resolve()));
  client.onRequest('workspace/configuration', () => [null]);
  client.listen();
  return {
    client,
    hovers: () => hovers,
    published,
    close() {
      client.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `a ResponseError, got ${String(e)}`);
    return e;
  }
  assert.fail('the request was answered, not cancelled');
}

test('a request cancelled while it waits is answered RequestCancelled at once and never runs', async () => {
  const s = startServerAsShipped();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await s.client.sendNotification('initialized', {});
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: manifestOf(200) } });
    await s.published;
    const order: string[] = [];
    // The whole file's preview runs the injector on 200 workloads: the hover behind it waits in the queue. (In one
    // process the client cannot read while the server works, so the order is what is asserted; faults.test.ts
    // times the same over stdio.)
    const preview = s.client.sendRequest<PreviewResult>('istioInject/preview', { uri: URI }).then((r) => { order.push('preview'); return r; });
    const source = new CancellationTokenSource();
    const hoverParams = { textDocument: { uri: URI }, position: { line: 5, character: 4 } };
    const hover = s.client.sendRequest('textDocument/hover', hoverParams, source.token).finally(() => order.push('hover'));
    source.cancel();
    assert.equal((await rejection(hover)).code, LSPErrorCodes.RequestCancelled);
    const result = await preview;
    assert.ok(result.injected.length > result.original.length, 'the preview itself ran');
    assert.deepEqual(order, ['hover', 'preview'], 'the cancelled hover was answered before the busy preview finished');
    assert.equal(s.hovers(), 0, 'the cancelled hover never ran');
    // The same hover, not cancelled, runs.
    await s.client.sendRequest('textDocument/hover', hoverParams);
    assert.equal(s.hovers(), 1);
  } finally {
    s.close();
  }
});

test('a preview cancelled right after it was sent does no injection', async () => {
  const s = startServerAsShipped();
  try {
    await s.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: manifestOf(200) } });
    await s.published;
    const source = new CancellationTokenSource();
    const started = performance.now();
    const preview = s.client.sendRequest('istioInject/preview', { uri: URI }, source.token);
    source.cancel();
    assert.equal((await rejection(preview)).code, LSPErrorCodes.RequestCancelled);
    const cancelledMs = performance.now() - started;
    const ran = performance.now();
    await s.client.sendRequest('istioInject/preview', { uri: URI });
    const fullMs = performance.now() - ran;
    console.log(`# cancelled preview answered in ${cancelledMs.toFixed(1)} ms; the same preview run: ${fullMs.toFixed(0)} ms`);
    assert.ok(cancelledMs < fullMs, 'answered before the work it skipped would have finished');
  } finally {
    s.close();
  }
});

/** `version`'s one-line edit: the replicas line of document `k % 200` gets a number no earlier edit wrote. */
function replicasEdit(text: string, k: number): { line: number; oldLength: number; newText: string } {
  const lines = text.split('\n');
  const replicas = lines.flatMap((l, i) => (l.startsWith('  replicas:') ? [i] : []));
  const line = replicas[k % replicas.length]!;
  return { line, oldLength: lines[line]!.length, newText: `  replicas: ${100 + k}` };
}

function sendEdit(s: TestClient, version: number, edit: { line: number; oldLength: number; newText: string }): void {
  void s.client.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version },
    contentChanges: [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: edit.oldLength } }, text: edit.newText }],
  });
}

function comparable(diags: Diagnostic[]): unknown[] {
  return diags.map(({ data: _data, ...rest }) => rest);
}

async function settle(published: PublishDiagnosticsParams[], quietMs: number): Promise<void> {
  let seen = -1;
  while (seen !== published.length) {
    seen = published.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

for (const debounceMs of [0, 50]) {
  test(`a burst of edits (debounce ${debounceMs} ms): the newest version is published last, no older version after a newer one`, async () => {
    const s = startTestServer({ debounceMs });
    try {
      await s.initialize();
      let text = manifestOf(200);
      const opened = s.diagnostics(URI, 1);
      s.open(URI, text);
      await opened;
      // Version 2 changes every document (a replace-all): its validation runs the injector 200 times, in slices, and
      // the edits that follow arrive while it is in flight.
      text = text.replaceAll('memory: 128Mi', 'memory: 192Mi');
      void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
      await new Promise((r) => setTimeout(r, debounceMs + 30));
      // Then single-document edits (each published quick, then in full), some back to back, some a moment apart, so
      // that validations are caught at different points.
      const last = 121;
      for (let version = 3; version <= last; version++) {
        const edit = replicasEdit(text, version);
        const lines = text.split('\n');
        lines[edit.line] = edit.newText;
        text = lines.join('\n');
        sendEdit(s, version, edit);
        if (version % 4 === 0) await new Promise((r) => setImmediate(r));
        if (version % 9 === 0) await new Promise((r) => setTimeout(r, 1 + (version % 5)));
        if (version === 61) await s.diagnostics(URI, 61);
      }
      await s.diagnostics(URI, last);
      await settle(s.published, 300);
      const versions = s.published.filter((p) => p.uri === URI).map((p) => p.version ?? -1);
      for (let i = 1; i < versions.length; i++) {
        assert.ok(versions[i]! >= versions[i - 1]!, `version ${versions[i]} published after ${versions[i - 1]}: ${versions.join(',')}`);
      }
      assert.equal(versions.at(-1), last, 'the newest version is published last');
      assert.ok(!versions.includes(2), `the replace-all's validation, superseded in flight, published nothing: ${versions.join(',')}`);
      const distinct = new Set(versions).size;
      if (debounceMs === 0) assert.ok(distinct > 3, `edits a moment apart are published on their own: ${versions.join(',')}`);
      console.log(`# debounce ${debounceMs} ms: ${last - 1} versions sent, ${versions.length} publishes of ${distinct} versions: ${versions.join(',')}`);
      // What was published last is exactly what a fresh server says about the final text.
      const fresh = startTestServer();
      try {
        await fresh.initialize();
        const expected = fresh.diagnostics(URI, 1);
        fresh.open(URI, text);
        assert.deepEqual(comparable(s.published.filter((p) => p.uri === URI).at(-1)!.diagnostics), comparable(await expected));
      } finally {
        await fresh.close();
      }
    } finally {
      await s.close();
    }
  });
}
