import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVICE } from './fixtures';

const SERVER = path.resolve(process.cwd(), 'dist/server.js');

test('the bundled server runs standalone over stdio: initialize, diagnostics, shutdown, exit', async (t) => {
  if (!existsSync(SERVER)) {
    t.skip(`SKIPPED: ${SERVER} is not built (run \`node esbuild.mjs\` or \`npm run build\`)`);
    return;
  }
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => resolve(p));
  });
  client.listen();
  try {
    const init = await client.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo?.name, 'istio-inject');
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///svc.yaml', languageId: 'yaml', version: 1, text: SERVICE },
    });
    const published = await diagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['no-pod-template']);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    client.dispose();
    child.kill();
  }
});
