/**
 * The bundled server's stdio transport (server/src/transport.ts): each message leaves in one write, header and
 * body together, and the process still ends when the client closes its stdin.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

const SERVER = path.resolve(process.cwd(), 'dist/server.js');

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('over stdio, a message arrives in one chunk with its header, and closing stdin ends the server', async (t) => {
  if (!existsSync(SERVER)) {
    t.skip(`${SERVER} is not built (run \`node esbuild.mjs\`)`);
    return;
  }
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const firstChunk = new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    const chunk = await firstChunk;
    const match = /^Content-Length: (\d+)\r\n\r\n/.exec(chunk);
    assert.ok(match, `the chunk starts with a header: ${JSON.stringify(chunk.slice(0, 40))}`);
    const body = Buffer.from(chunk, 'utf8').subarray(Buffer.byteLength(match[0])).subarray(0, Number(match[1])).toString('utf8');
    assert.equal(Buffer.byteLength(body), Number(match[1]), 'the whole body came with its header');
    assert.equal((JSON.parse(body) as { id: number }).id, 1);
    child.stdin.end();
    // Gone without shutdown: LSP's exit code for that is 1.
    assert.equal(await exited, 1);
  } finally {
    child.kill();
  }
});
