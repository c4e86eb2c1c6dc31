/** The explanation and the anatomy over LSP: explain with file and cluster context, hovers, and preview's anatomy. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { installedWebhookConfiguration } from '../../core/src/analysis/installed-webhooks';
import { builtinSettings, createInjector } from '../../core/src/index';
import { injectManifest } from '../../core/src/run/inject-manifest';
import type { ExplainParams, PreviewResult } from '../../protocol/src/protocol';
import { positionOf, startTestServer, type TestClient } from './harness';
import { DEPLOYMENT, SERVICE, stream } from './fixtures';

const URI = 'file:///work/shop.yaml';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n';
const IN_SHOP = DEPLOYMENT.replace('  name: web\n', '  name: web\n  namespace: shop\n');

async function withServer(text: string, run: (s: TestClient) => Promise<void>): Promise<void> {
  const s = startTestServer();
  try {
    await s.initialize();
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    await run(s);
  } finally {
    await s.close();
  }
}

const explain = (s: TestClient, params: ExplainParams) => s.client.sendRequest<string>('istioInject/explain', params);
const hover = async (s: TestClient, text: string, offset: number) => {
  const h = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(text, offset) });
  return h && (h.contents as MarkupContent).value;
};

test('explain: namespace labels from a Namespace document of the file', async () => {
  const text = stream(NAMESPACE, IN_SHOP);
  await withServer(text, async (s) => {
    const md = await explain(s, { uri: URI, position: positionOf(text, text.indexOf('kind: Deployment')) });
    assert.match(md, /^\*\*Deployment `shop\/web`\*\*: the sidecar is injected\./);
    assert.match(md, /Namespace `shop` \(labels from this file\): `istio-injection=enabled`/);
    assert.match(md, /In a cluster \(the injection webhook\): would inject\./);
    assert.match(md, /kube-inject injects regardless of namespace labels/);
  });
});

test('explain: the cluster\'s namespace labels and webhooks win over the file', async () => {
  const text = stream(NAMESPACE, IN_SHOP);
  await withServer(text, async (s) => {
    const position = positionOf(text, text.indexOf('kind: Deployment'));
    const md = await explain(s, { uri: URI, position, namespaceLabels: { 'istio-injection': 'disabled' }, cluster: { context: 'kind-mesh' } });
    assert.match(md, /Namespace `shop` \(labels from the cluster \(context `kind-mesh`\)\): `istio-injection=disabled`/);
    assert.match(md, /would not inject\./);
    const copy = { ...installedWebhookConfiguration(''), metadata: { name: 'istio-sidecar-injector-old', labels: { 'istio.io/rev': 'default' } } };
    const twice = await explain(s, { uri: URI, position, webhooks: [installedWebhookConfiguration(''), copy] });
    assert.match(twice, /Webhooks from the cluster/);
    assert.match(twice, /⚠ ERROR: multiple webhooks will inject, which can lead to errors/);
  });
});

test('explain: a manifest without a namespace uses the cluster\'s current one', async () => {
  const text = stream(DEPLOYMENT);
  await withServer(text, async (s) => {
    const md = await explain(s, { uri: URI, position: { line: 1, character: 0 }, namespaceLabels: { 'istio.io/rev': 'default' }, cluster: { namespace: 'team' } });
    assert.match(md, /### Deployment `web` in namespace `team`/);
    assert.match(md, /Namespace label istio.io\/rev=default matches/);
  });
});

test('hover on kind explains with the file\'s Namespace; hover on an injected istio-proxy shows the anatomy', async () => {
  const injected = injectManifest(IN_SHOP, createInjector(builtinSettings())).documents[0].istioctl;
  const text = stream(NAMESPACE, IN_SHOP, SERVICE, injected);
  await withServer(text, async (s) => {
    const onKind = await hover(s, text, text.indexOf('Deployment') + 2);
    assert.match(onKind ?? '', /### Deployment `web` in namespace `shop`/);
    assert.match(onKind ?? '', /labels from this file/);
    const onService = await hover(s, text, text.indexOf('Service') + 1);
    assert.match(onService ?? '', /kube-inject leaves this kind unchanged/);
    const onProxy = await hover(s, text, text.indexOf('name: istio-proxy') + 8);
    assert.match(onProxy ?? '', /^\*\*Sidecar anatomy\*\*: container `istio-proxy`/);
    assert.match(onProxy ?? '', /\| 15000 \| Envoy \| localhost only \|/);
  });
});

test('preview carries the anatomy of each injected workload, and none when nothing is injected', async () => {
  const text = stream(DEPLOYMENT, SERVICE, DEPLOYMENT.replaceAll('web', 'api'));
  await withServer(text, async (s) => {
    const whole = await s.client.sendRequest<PreviewResult>('istioInject/preview', { uri: URI });
    assert.equal(whole.summary, '2 workloads injected');
    const sections = (whole.anatomy ?? '').split('\n\n---\n\n');
    assert.equal(sections.length, 2);
    assert.match(sections[0], /^\*\*Sidecar anatomy\*\* of Deployment `web`/);
    assert.match(sections[1], /^\*\*Sidecar anatomy\*\* of Deployment `api`/);
    const service = text.indexOf('kind: Service');
    const none = await s.client.sendRequest<PreviewResult>('istioInject/preview', { uri: URI, range: { start: positionOf(text, service), end: positionOf(text, service) } });
    assert.equal(none.anatomy, undefined);
  });
});
