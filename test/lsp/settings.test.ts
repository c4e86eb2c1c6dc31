import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigStatus } from '../../protocol/src/protocol';
import { positionOf, startTestServer } from './harness';
import { DEPLOYMENT, SERVICE, stream } from './fixtures';

const URI = 'file:///work/settings.yaml';
const TEXT = stream(SERVICE, DEPLOYMENT);

function statuses(s: ReturnType<typeof startTestServer>): ConfigStatus[] {
  return s.notifications.filter((n) => n.method === 'istioInject/configStatus').map((n) => n.params as ConfigStatus);
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

test('severity overrides from initializationOptions, then turned off by didChangeConfiguration', async () => {
  const s = startTestServer();
  try {
    await s.initialize({ revision: '', nativeSidecars: 'auto', diagnostics: { 'no-pod-template': 'warning' } });
    const first = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    const diags = await first;
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['no-pod-template', 2]]);

    const again = s.diagnostics(URI, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: { diagnostics: { 'no-pod-template': 'off' } } } });
    assert.deepEqual(await again, [], 'open documents are re-validated with the new settings');
  } finally {
    await s.close();
  }
});

test('native sidecars setting changes what injection (and explain) says', async () => {
  const s = startTestServer();
  try {
    await s.initialize({ nativeSidecars: 'on' });
    const first = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    await first;
    const position = positionOf(TEXT, TEXT.indexOf('kind: Deployment'));
    const native = await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position });
    assert.match(native, /Init containers: `istio-init`, `istio-proxy`/);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: { nativeSidecars: 'off' } } });
    const classic = await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position });
    assert.match(classic, /Containers after injection: `web`, `istio-proxy`/);
  } finally {
    await s.close();
  }
});

test('a configuration that fails to load falls back to the built-in one, and the server says so', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    await settle();
    assert.deepEqual(statuses(s).map((st) => [st.source, st.error]), [['builtin', undefined]]);
    const first = s.diagnostics(URI, 1);
    s.open(URI, TEXT);
    await first;
    const again = s.diagnostics(URI, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', {
      settings: { istioInject: { config: { source: 'files', injectorConfig: 'templates: [unclosed' } } },
    });
    const diags = await again;
    assert.deepEqual(diags.map((d) => d.code), ['no-pod-template'], 'analysis goes on with the built-in config');
    const last = statuses(s).at(-1)!;
    assert.equal(last.source, 'builtin');
    assert.match(last.error ?? '', /failed to unmarshal injection template/);
    const shown = s.notifications.find((n) => n.method === 'window/showMessage');
    assert.ok(shown, 'window/showMessage sent');
    assert.match((shown.params as { message: string }).message, /files injector configuration did not load.*built-in/);

    // A preview still injects, with the built-in templates.
    const preview = await s.client.sendRequest<{ summary: string }>('istioInject/preview', { uri: URI });
    assert.equal(preview.summary, '1 workload injected');
  } finally {
    await s.close();
  }
});

test('bad input never crashes a handler', async () => {
  const s = startTestServer();
  try {
    await s.initialize({ diagnostics: 'nonsense', nativeSidecars: 42 });
    // Requests about documents the server does not know, and malformed settings.
    assert.deepEqual(await s.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///none.yaml' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
    }), []);
    assert.equal(await s.client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.yaml' }, position: { line: 0, character: 0 } }), null);
    await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { istioInject: 'garbage' } });
    const first = s.diagnostics('file:///work/bin.yaml', 1);
    s.open('file:///work/bin.yaml', 'kind: \u0000\u0001\n---\n---\n--- x\n: : :\n');
    const diags = await first;
    assert.ok(diags.length >= 1);
    assert.ok(diags.some((d) => d.code === 'invalid-separator'));
    // A stale diagnostic's data is ignored rather than applied to the wrong text.
    const actions = await s.client.sendRequest<unknown[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///work/bin.yaml' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [{ ...diags[0]!, data: { uri: 'file:///work/bin.yaml', version: 0, fixes: [{ title: 'x', edits: [] }] } }, { ...diags[0]!, data: 'junk' }] },
    });
    assert.ok(!actions.some((a) => (a as { title: string }).title === 'x'));
  } finally {
    await s.close();
  }
});
