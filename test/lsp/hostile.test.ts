/**
 * Hostile input at the LSP level: a 50 MB file, binary data, lone surrogates, an alias bomb, 10,000-deep nesting. Each
 * gets one concise diagnostic within a second, the server keeps answering, and the file's other documents still get
 * their own findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DEFAULT_MAX_FILE_SIZE_MB, FILE_TOO_LARGE, exceeds, maxFileBytes, refusedDocument } from '../../server/src/limits';
import { manifestOf } from '../bench/workloads';
import { startTestServer, type TestClient } from './harness';
import { SERVICE, stream } from './fixtures';

const MB = 1024 * 1024;
const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hostile\ndata:\n';

function aliasBomb(): string {
  let text = `${HEAD}  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  let previous = 'a';
  for (const name of 'bcdefghi') {
    text += `  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return text;
}

/** Hostile documents, each between two Services, with the start of the message its one diagnostic must have. */
const HOSTILE: { name: string; text: string; message: RegExp }[] = [
  { name: 'NUL characters', text: `${HEAD}  a: "x\u0000y"\n  b: \u0000\u0001\u0002\n`, message: /looks binary \(it contains a NUL character\)/ },
  { name: 'random bytes', text: Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1') + '\n', message: /looks binary/ },
  { name: 'lone UTF-16 surrogates', text: `${HEAD}  a: "\ud800x\udc00"\n`, message: /a lone UTF-16 surrogate \(U\+D800\)/ },
  { name: 'an alias bomb (billion laughs)', text: aliasBomb(), message: /aliases expand too much/ },
  { name: '10,000 nested flow sequences', text: `${HEAD}  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, message: /nested too deeply/ },
  { name: '10,000 nested flow mappings', text: `${HEAD}  x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, message: /nested too deeply/ },
  { name: '10,000 nested block sequences', text: `${HEAD}  x:\n${'- '.repeat(10_000)}x\n`, message: /./ },
];

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

async function timed<T>(what: string, run: () => Promise<T>, maxMs: number): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  assert.ok(ms < maxMs, `${what} took ${ms.toFixed(0)} ms (limit ${maxMs} ms)`);
  return result;
}

async function openAndWait(s: TestClient, uri: string, text: string): Promise<Diagnostic[]> {
  const published = s.diagnostics(uri, 1);
  s.open(uri, text);
  return published;
}

for (const hostile of HOSTILE) {
  test(`${hostile.name}: one diagnostic under 1 s, the file's other documents and every request still answered`, async () => {
    const s = startTestServer();
    try {
      await s.initialize();
      const uri = `file:///hostile/${hostile.name.replace(/\W+/g, '-')}.yaml`;
      const text = stream(SERVICE, hostile.text, SERVICE);
      const diags = await timed('diagnostics', () => openAndWait(s, uri, text), 1000);
      assert.deepEqual(diags.map((d) => d.code), ['no-pod-template', 'yaml-syntax', 'no-pod-template']);
      assert.match(messageOf(diags[1]!), hostile.message);
      assert.ok(messageOf(diags[1]!).length < 200, 'concise');
      const at = { textDocument: { uri }, position: { line: diags[1]!.range.start.line, character: 0 } };
      await timed('hover', () => s.client.sendRequest('textDocument/hover', at), 1000);
      await timed('completion', () => s.client.sendRequest('textDocument/completion', at), 1000);
      await timed('code actions', () => s.client.sendRequest('textDocument/codeAction', { ...at, range: diags[1]!.range, context: { diagnostics: [] } }), 1000);
      await timed('preview', () => s.client.sendRequest('istioInject/preview', { uri }), 1000);
      await timed('code lenses', () => s.client.sendRequest('textDocument/codeLens', { textDocument: { uri } }), 1000);
      // An edit of the last Service is analysed as usual.
      const edited = s.diagnostics(uri, 2);
      const last = text.split('\n').length - 2;
      void s.client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '  # edited\n' }],
      });
      assert.equal((await timed('diagnostics after an edit', () => edited, 1000)).length, 3);
    } finally {
      await s.close();
    }
  });
}

/** About `mb` MB of realistic Deployments. */
function bigFile(mb: number): string {
  const block = `${manifestOf(200)}---\n`;
  return block.repeat(Math.ceil((mb * MB) / block.length));
}

test('a 50 MB file: one diagnostic naming its size and the limit, quickly; the server keeps serving other files', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const big = bigFile(50);
    const uri = 'file:///hostile/big.yaml';
    const started = performance.now();
    const diags = await openAndWait(s, uri, big);
    const ms = performance.now() - started;
    console.log(`# 50 MB file (${big.length} chars): refusal published ${ms.toFixed(0)} ms after didOpen was sent (in-process, incl. JSON transport)`);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.code, FILE_TOO_LARGE);
    assert.match(messageOf(diags[0]!), /This file is 50(\.\d)? MB, over the 10 MB limit \(setting istioInject\.maxFileSizeMB\)/);
    assert.deepEqual(diags[0]!.range.start, { line: 0, character: 0 });
    assert.ok(ms < 3000, `refusal took ${ms.toFixed(0)} ms`);
    // No other feature reads the refused file.
    assert.equal(await s.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } }), null);
    assert.deepEqual(await s.client.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    // Another file is served at once.
    const small = 'file:///hostile/small.yaml';
    const smallDiags = await timed('a small file next to the big one', () => openAndWait(s, small, SERVICE), 1000);
    assert.deepEqual(smallDiags.map((d) => d.code), ['no-pod-template']);
    // An edit of the big file: refused again, for the new version.
    const again = s.diagnostics(uri, 2);
    const editStarted = performance.now();
    void s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  # x\n' }],
    });
    assert.equal((await again)[0]!.code, FILE_TOO_LARGE);
    console.log(`# 50 MB file: an edit's refusal published in ${(performance.now() - editStarted).toFixed(0)} ms`);
  } finally {
    await s.close();
  }
});

test('istioInject.maxFileSizeMB sets the limit; raising it analyses the file', async () => {
  const s = startTestServer();
  try {
    await s.initialize({ maxFileSizeMB: 0.01 });
    const uri = 'file:///hostile/limit.yaml';
    const text = stream(...Array<string>(200).fill(SERVICE));
    const diags = await openAndWait(s, uri, text);
    assert.equal(diags.length, 1);
    assert.match(messageOf(diags[0]!), /^This file is 1\d\.\d KB, over the 10\.2 KB limit/);
    const analysed = s.diagnostics(uri, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: { maxFileSizeMB: 1 } } });
    assert.equal((await analysed).length, 200);
  } finally {
    await s.close();
  }
});

test('limits: the size setting, the byte count, and which documents are refused', () => {
  assert.equal(DEFAULT_MAX_FILE_SIZE_MB, 10);
  assert.equal(maxFileBytes(undefined), 10 * MB);
  assert.equal(maxFileBytes({ istioInject: { maxFileSizeMB: 2 } }), 2 * MB);
  assert.equal(maxFileBytes({ maxFileSizeMB: 0.5 }), MB / 2);
  for (const bad of [0, -1, '5', Number.NaN, Number.POSITIVE_INFINITY, null]) assert.equal(maxFileBytes({ maxFileSizeMB: bad }), 10 * MB);
  assert.equal(exceeds('abc', 3), false);
  assert.equal(exceeds('abcd', 3), true);
  assert.equal(exceeds('é', 2), false); // two UTF-8 bytes
  assert.equal(exceeds('éé', 3), true);
  assert.equal(exceeds('😀', 4), false); // one code point, four bytes
  assert.equal(refusedDocument(SERVICE), undefined);
  assert.equal(refusedDocument('a: "😀"\n'), undefined, 'a surrogate pair is fine');
  assert.deepEqual(refusedDocument('a: b\n\u0000')?.start, 5);
  assert.match(refusedDocument('a: \udfff')?.message ?? '', /U\+DFFF/);
  assert.match(refusedDocument(`a: "${'x'.repeat(11 * MB)}"`)?.message ?? '', /^This document is 11 MB, over the 10 MB limit of one document/);
});
