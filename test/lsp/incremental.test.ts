import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { defaultAnalysis, type Analysis } from '../../server/src/analysis-port';
import { positionOf, startTestServer } from './harness';
import { manyDeployments, SERVICE, stream } from './fixtures';

const URI = 'file:///work/big.yaml';

/** The default analysis, counting the documents it analyses. */
function countingAnalysis(): { analysis: Analysis; texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    analysis: {
      ...defaultAnalysis,
      analyzeDocument(docText, injector, settings) {
        texts.push(docText);
        return defaultAnalysis.analyzeDocument(docText, injector, settings);
      },
    },
  };
}

function change(s: ReturnType<typeof startTestServer>, version: number, changes: unknown[]): void {
  void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: changes });
}

test('a one-line edit in a 200-document file re-analyses only the edited document', async () => {
  const { analysis, texts } = countingAnalysis();
  const s = startTestServer({ analysis });
  try {
    await s.initialize();
    const text = manyDeployments(200);
    assert.ok(text.split('\n').length > 9000);
    const first = s.diagnostics(URI, 1);
    s.open(URI, text);
    assert.deepEqual(await first, []);
    assert.equal(texts.length, 200);

    // Rename the image of document 120: one line.
    const at = text.indexOf('image: nginx:1.27', text.indexOf('name: web-120\n'));
    const second = s.diagnostics(URI, 2);
    change(s, 2, [{ range: { start: positionOf(text, at), end: positionOf(text, at + 'image: nginx:1.27'.length) }, text: 'image: nginx:1.28' }]);
    assert.deepEqual(await second, []);
    assert.equal(texts.length, 201, 'exactly one document analysed again');
    assert.match(texts[200]!, /name: web-120\n[\s\S]*image: nginx:1.28/);
  } finally {
    await s.close();
  }
});

test('incremental edits move diagnostics with the text and add new ones where needed', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(SERVICE, SERVICE.replace('name: web', 'name: db'));
    const first = s.diagnostics(URI, 1);
    s.open(URI, text);
    const before = await first;
    assert.equal(before.length, 2);
    assert.deepEqual(before.map((d) => d.range.start.line), [1, 9]);

    // Insert two comment lines at the top: both diagnostics shift down by two lines, same character ranges.
    const second = s.diagnostics(URI, 2);
    change(s, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n# b\n' }]);
    const after = await second;
    assert.deepEqual(after.map((d) => d.range.start.line), [3, 11]);
    assert.deepEqual(after.map((d) => [d.range.start.character, d.range.end.character]), before.map((d) => [d.range.start.character, d.range.end.character]));

    // Turn the second Service into a ConfigMap in two successive edits; the last version's diagnostics say so.
    const third = s.diagnostics(URI, 4);
    change(s, 3, [{ range: { start: { line: 11, character: 6 }, end: { line: 11, character: 13 } }, text: 'Config' }]);
    change(s, 4, [{ range: { start: { line: 11, character: 12 }, end: { line: 11, character: 12 } }, text: 'Map' }]);
    const final: Diagnostic[] = await third;
    assert.equal(final.length, 2);
    assert.match(String(final[1]!.message), /ConfigMap/);
    assert.deepEqual(final[1]!.range, { start: { line: 11, character: 6 }, end: { line: 11, character: 15 } });
  } finally {
    await s.close();
  }
});

test('validation of a version superseded by an edit is dropped, and its finished work is reused', async () => {
  const { analysis, texts } = countingAnalysis();
  const s = startTestServer({ analysis });
  try {
    await s.initialize();
    const text = manyDeployments(200);
    s.open(URI, text);
    // Edit at once: validation of version 1 (seconds of work) is under way.
    const at = text.indexOf('image: nginx:1.27', text.indexOf('name: web-199\n'));
    const second = s.diagnostics(URI, 2);
    change(s, 2, [{ range: { start: positionOf(text, at), end: positionOf(text, at + 5) }, text: 'IMAGE' }]);
    await second;
    assert.deepEqual(s.published.filter((p) => p.uri === URI).map((p) => p.version), [2], 'nothing published for version 1');
    assert.ok(texts.length <= 201, `each document text analysed once (${texts.length})`);
  } finally {
    await s.close();
  }
});

test('CRLF line endings: ranges are exact characters on the right lines', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(SERVICE, SERVICE).replaceAll('\n', '\r\n');
    const first = s.diagnostics(URI, 1);
    s.open(URI, text);
    const diags = await first;
    assert.deepEqual(diags.map((d) => d.range), [
      { start: { line: 1, character: 6 }, end: { line: 1, character: 13 } },
      { start: { line: 9, character: 6 }, end: { line: 9, character: 13 } },
    ]);
  } finally {
    await s.close();
  }
});

test('a severity override re-publishes without re-analysing; a config change re-analyses', async () => {
  const { analysis, texts } = countingAnalysis();
  const s = startTestServer({ analysis });
  try {
    await s.initialize();
    const text = stream(SERVICE, SERVICE.replace('name: web', 'name: db'));
    const first = s.diagnostics(URI, 1);
    s.open(URI, text);
    await first;
    assert.equal(texts.length, 2);
    const severity = s.diagnostics(URI, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: { diagnostics: { 'no-pod-template': 'hint' } } } });
    assert.deepEqual((await severity).map((d) => d.severity), [4, 4]);
    assert.equal(texts.length, 2, 'findings reused');
    const native = s.diagnostics(URI, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: { nativeSidecars: 'on' } } });
    assert.deepEqual((await native).map((d) => d.severity), [3, 3]);
    assert.equal(texts.length, 4, 'a new injector: every document analysed again');
  } finally {
    await s.close();
  }
});
