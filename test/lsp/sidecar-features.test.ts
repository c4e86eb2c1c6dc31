import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol';
import { createInjector } from '../../core/src/inject';
import { builtinSettings } from '../../core/src/config/sources';
import { injectText } from '../../core/src/run/inject-text';
import { splitYamlStream } from '../../core/src/manifest/split';
import type { InjectionEditsParams, InjectionEditsResult } from '../../protocol/src/protocol';
import { applyWorkspaceEdit, positionOf, startTestServer, type TestClient } from './harness';
import { DEPLOYMENT, SERVICE, stream } from './fixtures';

const URI = 'file:///work/lens.yaml';
const injector = createInjector(builtinSettings());
const API = DEPLOYMENT.replaceAll('web', 'api');
/** The repository's l10n/ folder, from the sources (tsx) or from out/test/lsp. */
function l10nDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'l10n', 'bundle.l10n.json'))) return path.join(dir, 'l10n');
  }
  throw new Error('l10n/ not found above ' + __dirname);
}
const ZH_BUNDLE = path.join(l10nDir(), 'bundle.l10n.zh-cn.json');

async function opened(s: TestClient, text: string, uri = URI): Promise<void> {
  const published = s.diagnostics(uri, 1);
  s.open(uri, text);
  await published;
}

function edits(s: TestClient, params: InjectionEditsParams): Promise<InjectionEditsResult> {
  return s.client.sendRequest('istioInject/edits', params);
}

function lenses(s: TestClient, uri = URI): Promise<CodeLens[]> {
  return s.client.sendRequest('textDocument/codeLens', { textDocument: { uri } });
}

function chunkStart(text: string, n: number): number {
  return splitYamlStream(text).chunks[n]!.start;
}

test('code lenses: inject and preview above each injectable workload, nothing on a Service', async () => {
  const s = startTestServer();
  try {
    const init = await s.initialize();
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
    const text = stream(SERVICE, DEPLOYMENT, API);
    await opened(s, text);
    const found = await lenses(s);
    assert.deepEqual(found.map((l) => l.command?.title), ['Inject sidecar', 'Preview', 'Inject sidecar', 'Preview']);
    const firstLine = positionOf(text, chunkStart(text, 1)).line;
    assert.deepEqual(found[0]!.range, { start: { line: firstLine, character: 0 }, end: { line: firstLine, character: 0 } });
    assert.equal(found[0]!.command?.command, 'istioInject.injectSidecar');
    assert.equal(found[1]!.command?.command, 'istioInject.previewInjection');
    const [uri, range] = found[0]!.command!.arguments as [string, { start: { line: number } }];
    assert.equal(uri, URI);
    assert.equal(range.start.line, positionOf(text, chunkStart(text, 1)).line, 'the lens acts on its whole document');
  } finally {
    await s.close();
  }
});

test('code lenses skip a document\'s leading comments', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = `# the web tier\n\n${DEPLOYMENT}`;
    await opened(s, text);
    const [lens] = await lenses(s);
    assert.equal(lens?.range.start.line, 2);
  } finally {
    await s.close();
  }
});

test('istioInject/edits: the workload at the cursor gets the code action\'s edits; no range injects the file', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(SERVICE, DEPLOYMENT, API);
    await opened(s, text);
    const at = positionOf(text, chunkStart(text, 1) + 5);
    const one = await edits(s, { uri: URI, range: { start: at, end: at }, action: 'inject' });
    assert.equal(one.version, 1);
    assert.equal(one.summary, '1 workload injected');
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] },
    });
    const action = actions.find((a) => a.title === 'Inject Istio sidecar');
    assert.deepEqual(one.edits, action?.edit?.changes?.[URI], 'the same edits as the lightbulb');
    const injectedOne = applyWorkspaceEdit(text, URI, { changes: { [URI]: one.edits } });
    assert.match(injectedOne, /istio-proxy/);
    assert.ok(injectedOne.endsWith(API), 'the other Deployment is untouched');

    const all = await edits(s, { uri: URI, action: 'inject' });
    assert.equal(all.summary, '2 workloads injected');
    assert.equal(applyWorkspaceEdit(text, URI, { changes: { [URI]: all.edits } }), injectText(text, injector).preserved);

    const onService = await edits(s, { uri: URI, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, action: 'inject' });
    assert.deepEqual(onService.edits, []);
    assert.equal(onService.summary, 'No workload here needs a sidecar injected');

    const unknown = await edits(s, { uri: 'file:///work/not-open.yaml', action: 'inject' });
    assert.deepEqual(unknown, { version: -1, edits: [], summary: 'The document is not open as YAML' });
  } finally {
    await s.close();
  }
});

test('remove: the lens offers removal on an injected workload, and the edits give back the original text', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const original = stream(SERVICE, DEPLOYMENT);
    const injected = injectText(original, injector).preserved!;
    await opened(s, injected);
    const found = await lenses(s);
    assert.deepEqual(found.map((l) => [l.command?.title, l.command?.command]), [['Remove sidecar', 'istioInject.removeSidecar']]);
    const removed = await edits(s, { uri: URI, action: 'remove' });
    assert.equal(removed.summary, '1 sidecar removed');
    assert.equal(applyWorkspaceEdit(injected, URI, { changes: { [URI]: removed.edits } }), original);
    const nothing = await edits(s, { uri: URI, action: 'inject' });
    assert.deepEqual(nothing.edits, [], 'an injected workload is not injected twice');
  } finally {
    await s.close();
  }
});

test('l10n: with the zh-cn bundle, lens titles, action titles and summaries are Chinese', async () => {
  const s = startTestServer();
  try {
    await s.initialize({ revision: '', nativeSidecars: 'auto', diagnostics: {}, l10n: { locale: 'zh-cn', bundlePath: ZH_BUNDLE } });
    const text = stream(DEPLOYMENT, API);
    await opened(s, text);
    assert.deepEqual((await lenses(s)).map((l) => l.command?.title), ['注入 sidecar', '预览', '注入 sidecar', '预览']);
    const at = positionOf(text, 5);
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] },
    });
    assert.ok(actions.some((a) => a.title === '注入 Istio sidecar'), actions.map((a) => a.title).join(' | '));
    assert.equal((await edits(s, { uri: URI, action: 'inject' })).summary, '已注入 2 个工作负载');
  } finally {
    await s.close();
  }
});

test('l10n: a client that sends only the locale gets the bundle found beside the server; English resets it', async () => {
  const zh = startTestServer();
  try {
    await zh.initialize({ l10n: { locale: 'zh-CN' } });
    await opened(zh, DEPLOYMENT);
    assert.deepEqual((await lenses(zh)).map((l) => l.command?.title), ['注入 sidecar', '预览']);
  } finally {
    await zh.close();
  }
  const en = startTestServer();
  try {
    await en.initialize({ l10n: { locale: 'en' } });
    await opened(en, DEPLOYMENT);
    assert.deepEqual((await lenses(en)).map((l) => l.command?.title), ['Inject sidecar', 'Preview']);
  } finally {
    await en.close();
  }
});

test('files source: an injectConfigFile text is read as istioctl reads --injectConfigFile (a bare sidecar template works)', async () => {
  const s = startTestServer();
  try {
    const template = 'spec:\n  containers:\n  - name: custom-proxy\n    image: example.com/proxy:7\n';
    await s.initialize({ revision: '', nativeSidecars: 'auto', diagnostics: {}, config: { source: 'files', injectConfigFile: template, label: 'inject.yaml' } });
    await opened(s, DEPLOYMENT);
    const status = s.notifications.filter((n) => n.method === 'istioInject/configStatus').at(-1)?.params as { source: string; label: string; error?: string };
    assert.deepEqual([status.source, status.label, status.error], ['files', 'inject.yaml', undefined]);
    const all = await edits(s, { uri: URI, action: 'inject' });
    const injected = applyWorkspaceEdit(DEPLOYMENT, URI, { changes: { [URI]: all.edits } });
    assert.match(injected, /name: custom-proxy/);
    assert.match(injected, /image: example\.com\/proxy:7/);
    assert.doesNotMatch(injected, /istio-init/, 'the built-in templates are not used');
  } finally {
    await s.close();
  }
});

test('code lenses on a file of many workloads answer within the budget, every workload with its lenses', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(...Array.from({ length: 400 }, (_, i) => DEPLOYMENT.replaceAll('web', `web-${i}`)));
    await opened(s, text);
    const started = Date.now();
    const found = await lenses(s);
    const ms = Date.now() - started;
    assert.equal(found.length, 800, 'inject + preview above each of the 400 workloads');
    assert.ok(ms < 2000, `answered in ${ms} ms`);
  } finally {
    await s.close();
  }
});
