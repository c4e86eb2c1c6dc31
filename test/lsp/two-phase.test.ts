import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { defaultAnalysis, type Analysis } from '../../server/src/analysis-port';
import { positionOf, startTestServer, type TestClient } from './harness';
import { BROKEN, HOST_NETWORK, SERVICE, stream } from './fixtures';

const URI = 'file:///work/two-phase.yaml';
const POD_OFF = HOST_NETWORK.replace('hostNetwork: true', 'hostNetwork: false');
/** Four documents: the pod (index 1) is edited; the others keep findings of their own. */
const TEXT = stream(SERVICE, POD_OFF, BROKEN, SERVICE.replace('name: web', 'name: db'));

/** The default analysis, counting full and quick runs. */
function countingAnalysis(): { analysis: Analysis; full: string[]; quick: string[] } {
  const full: string[] = [];
  const quick: string[] = [];
  return {
    full,
    quick,
    analysis: {
      ...defaultAnalysis,
      analyzeDocument(docText, injector, settings) {
        full.push(docText);
        return defaultAnalysis.analyzeDocument(docText, injector, settings);
      },
      analyzeQuick(docText, injector, settings) {
        quick.push(docText);
        return defaultAnalysis.analyzeQuick(docText, injector, settings);
      },
    },
  };
}

function change(s: TestClient, version: number, changes: unknown[]): void {
  void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: changes });
}

function replaceOnce(text: string, from: string, to: string, after = 0): unknown {
  const at = text.indexOf(from, after);
  assert.ok(at >= 0, from);
  return { range: { start: positionOf(text, at), end: positionOf(text, at + from.length) }, text: to };
}

/** What a client shows: position, code and message (data carries the version, which differs on purpose). */
function shown(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message }));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('a one-document edit publishes its quick findings at once, then the full ones for the same version', { timeout: 20_000 }, async () => {
  const { analysis, full, quick } = countingAnalysis();
  // A debounce far longer than the test: both publishes must come without it.
  const s = startTestServer({ analysis, debounceMs: 60_000 });
  try {
    await s.initialize();
    const opened = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    const before = await opened;
    assert.deepEqual(before.map((d) => d.code), ['no-pod-template', 'yaml-syntax', 'no-pod-template']);
    assert.equal(quick.length, 0, 'opening a file analyses it in full');
    const fullBefore = full.length;

    // `false` → `true` on the same line: no document after the pod moves.
    change(s, 2, [replaceOnce(TEXT, 'hostNetwork: false', 'hostNetwork: true')]);
    const deadline = Date.now() + 15_000;
    while (s.published.filter((p) => p.version === 2).length < 2 && Date.now() < deadline) await sleep(5);
    await sleep(100); // nothing more may follow
    const publishes = s.published.filter((p) => p.uri === URI && p.version === 2).map((p) => p.diagnostics);
    assert.equal(publishes.length, 2, 'a quick publish, then a full one');
    const [first, second] = publishes as [Diagnostic[], Diagnostic[]];

    assert.deepEqual(shown(first), shown(before), 'quick: the other documents as before, no skip-host-network yet');
    const others = second.filter((d) => d.code !== 'skip-host-network');
    assert.deepEqual(shown(others), shown(before), 'full: the other documents intact');
    const skipped = second.filter((d) => d.code === 'skip-host-network');
    assert.equal(skipped.length, 1, 'the finding that needs the injection outcome');
    assert.deepEqual(second.map((d) => d.code), ['no-pod-template', 'skip-host-network', 'yaml-syntax', 'no-pod-template'], 'in document order');
    assert.ok(second.every((d) => (d.data as { version: number }).version === 2));

    // Only the edited document ran: once quick, once in full.
    assert.equal(quick.length, 1);
    assert.match(quick[0]!, /hostNetwork: true/);
    assert.equal(full.length, fullBefore + 1);
    assert.match(full[fullBefore]!, /hostNetwork: true/);
  } finally {
    await s.close();
  }
});

test('an edit of two documents waits for the debounce and publishes once, in full', { timeout: 20_000 }, async () => {
  const { analysis, full, quick } = countingAnalysis();
  const debounceMs = 150;
  const s = startTestServer({ analysis, debounceMs });
  try {
    await s.initialize();
    const opened = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    const before = await opened;
    const fullBefore = full.length;

    // One range from the first Service's name to the pod's hostNetwork line: two documents change.
    const start = TEXT.indexOf('name: web');
    const end = TEXT.indexOf('hostNetwork: false') + 'hostNetwork: false'.length;
    const replaced = TEXT.slice(start, end).replace('name: web', 'name: api').replace('hostNetwork: false', 'hostNetwork: true');
    const edited = s.diagnostics(URI, 2);
    const sent = Date.now();
    change(s, 2, [{ range: { start: positionOf(TEXT, start), end: positionOf(TEXT, end) }, text: replaced }]);
    const after = await edited;
    const elapsed = Date.now() - sent;
    await sleep(100);

    assert.ok(elapsed >= debounceMs - 10, `published after ${elapsed} ms, before the ${debounceMs} ms debounce`);
    assert.equal(s.published.filter((p) => p.uri === URI && p.version === 2).length, 1, 'one publish');
    assert.equal(quick.length, 0, 'no quick phase');
    assert.equal(full.length, fullBefore + 2, 'both edited documents analysed in full');
    assert.deepEqual(after.map((d) => d.code), ['no-pod-template', 'skip-host-network', 'yaml-syntax', 'no-pod-template']);
    assert.deepEqual(shown(after.filter((d) => d.code !== 'skip-host-network')), shown(before));
  } finally {
    await s.close();
  }
});

test('two-range changes in one notification (no incremental split) still publish correct findings', { timeout: 20_000 }, async () => {
  const s = startTestServer({ debounceMs: 20 });
  try {
    await s.initialize();
    const opened = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    await opened;
    // The later range first, so the earlier one's position stays valid in the intermediate text.
    const edited = s.diagnostics(URI, 2);
    change(s, 2, [
      replaceOnce(TEXT, 'name: db', 'name: cache'),
      replaceOnce(TEXT, 'hostNetwork: false', 'hostNetwork: true'),
    ]);
    const after = await edited;
    assert.deepEqual(after.map((d) => d.code), ['no-pod-template', 'skip-host-network', 'yaml-syntax', 'no-pod-template']);
  } finally {
    await s.close();
  }
});
