/**
 * Explain Injection's cluster context against the local API server: the workload namespace's labels and the
 * MutatingWebhookConfigurations are read, each failure degrades on its own with a note, and the language server
 * explains with what was read.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { installedWebhookConfiguration } from '../../../core/src/analysis/installed-webhooks';
import { clusterContext, withNote, type ClusterContextDeps } from '../../../client/src/explain/cluster-context';
import { workloadAt } from '../../../client/src/explain/workload-at';
import { readExplainCluster } from '../../../client/src/kube';
import type { ExplainParams } from '../../../protocol/src/protocol';
import { kubeconfigText, namespace, resourceForKind, startKubeApi, type KubeApiServer, type KubeObject } from '../../support/kube-api';
import { DEPLOYMENT, stream } from '../../lsp/fixtures';
import { startTestServer } from '../../lsp/harness';

let api: KubeApiServer;

const webhookConfiguration = (name: string): KubeObject => ({
  ...installedWebhookConfiguration(''),
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'MutatingWebhookConfiguration',
  metadata: { name, labels: { 'istio.io/rev': 'default' } },
}) as KubeObject;

/** A kubeconfig whose current context `kind-mesh` points at `server`, with `namespace` as its namespace. */
function kubeConfig(server: string, contextNamespace?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigText([{ name: 'kind-mesh', server, ...(contextNamespace ? { namespace: contextNamespace } : {}) }]));
  return kc;
}

function deps(kc: KubeConfig, overrides: Partial<ClusterContextDeps> = {}): ClusterContextDeps {
  return {
    trusted: true,
    source: 'cluster',
    kubeconfigFound: () => true,
    read: (options) => readExplainCluster({ ...options, kubeConfig: kc }),
    t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
    ...overrides,
  };
}

before(async () => {
  api = await startKubeApi();
  api.store.applyAll([
    namespace('shop', { 'istio-injection': 'disabled' }),
    namespace('team', { 'istio.io/rev': 'default' }),
    webhookConfiguration('istio-sidecar-injector'),
  ]);
});

after(async () => {
  await api.close();
});

beforeEach(() => api.faults.clear());

test('the manifest\'s namespace: its labels, every webhook configuration, and the context\'s namespace', async () => {
  const reads = await readExplainCluster({ namespace: 'shop', kubeConfig: kubeConfig(api.url, 'team') });
  assert.equal(reads.context, 'kind-mesh');
  assert.equal(reads.defaultNamespace, 'team');
  assert.equal(reads.namespace, 'shop');
  assert.deepEqual(reads.namespaceLabels, { 'kubernetes.io/metadata.name': 'shop', 'istio-injection': 'disabled' });
  assert.deepEqual((reads.webhooks as KubeObject[]).map((w) => w.metadata.name), ['istio-sidecar-injector']);
  assert.deepEqual(reads.failures, []);
});

test('no namespace in the manifest: the context\'s, else "default"; null reads no labels', async () => {
  assert.equal((await readExplainCluster({ kubeConfig: kubeConfig(api.url, 'team') })).namespaceLabels?.['istio.io/rev'], 'default');
  const noNamespace = await readExplainCluster({ kubeConfig: kubeConfig(api.url) });
  assert.equal(noNamespace.defaultNamespace, 'default');
  assert.deepEqual(noNamespace.failures, ['namespace `default`: not found']);
  const before = api.requests.length;
  const none = await readExplainCluster({ namespace: null, kubeConfig: kubeConfig(api.url) });
  assert.equal(none.namespace, undefined);
  assert.equal(none.namespaceLabels, undefined);
  assert.ok(!api.requests.slice(before).some((r) => r.path.startsWith('/api/v1/namespaces')), 'no namespace was read');
});

test('each read fails on its own: webhooks denied, labels still read', async () => {
  api.faults.add({ match: /mutatingwebhookconfigurations/, status: 403 });
  const reads = await readExplainCluster({ namespace: 'shop', kubeConfig: kubeConfig(api.url) });
  assert.equal(reads.webhooks, undefined);
  assert.equal(reads.namespaceLabels?.['istio-injection'], 'disabled');
  assert.deepEqual(reads.failures, ['MutatingWebhookConfigurations: access denied (HTTP 403)']);
  const context = await clusterContext({ kind: 'Deployment', namespace: 'shop' }, deps(kubeConfig(api.url)));
  assert.deepEqual(context.params.cluster, { context: 'kind-mesh', namespace: 'default' });
  assert.equal(context.params.webhooks, undefined);
  assert.match(context.note ?? '', /^Part of the cluster could not be read \(context kind-mesh: MutatingWebhookConfigurations: access denied \(HTTP 403\)\)/);
});

test('a slow API server times out; a refused connection is said as such; both give the offline explanation', async () => {
  api.faults.add({ delayMs: 1000 });
  const slow = await readExplainCluster({ namespace: 'shop', timeoutMs: 100, kubeConfig: kubeConfig(api.url) });
  assert.deepEqual(slow.failures.map((f) => f.replace(/:.*/, '')), ['namespace `shop`', 'MutatingWebhookConfigurations']);
  assert.match(slow.failures[1]!, /did not answer within/);
  api.faults.clear();
  const refused = await clusterContext({ kind: 'Deployment' }, deps(kubeConfig('http://127.0.0.1:9')));
  assert.deepEqual(refused.params, {});
  assert.match(refused.note ?? '', /^The cluster could not be read \(context kind-mesh: .*refused the connection.*\)\. This is the offline explanation/);
  assert.equal(withNote('**Deployment**', 'line 1\nline 2'), '> ⚠ line 1\n> line 2\n\n**Deployment**');
  assert.equal(withNote('**Deployment**', undefined), '**Deployment**');
});

test('the cluster is asked only in a trusted workspace, and without the cluster source only when a kubeconfig exists', async () => {
  let reads = 0;
  const counting = (o: Partial<ClusterContextDeps>) => deps(kubeConfig(api.url), { read: async () => { reads++; throw new Error('unreachable'); }, ...o });
  assert.deepEqual(await clusterContext(undefined, counting({ trusted: false })), { params: {} });
  assert.deepEqual(await clusterContext(undefined, counting({ source: 'builtin', kubeconfigFound: () => false })), { params: {} });
  assert.deepEqual(await clusterContext(undefined, counting({ source: 'files', kubeconfigFound: () => { throw new Error('kube.js missing'); } })), { params: {} });
  assert.equal(reads, 0);
  const tried = await clusterContext(undefined, counting({ source: 'builtin' }));
  assert.equal(reads, 1);
  assert.match(tried.note ?? '', /could not be read \(unreachable\)/);
});

test('a Namespace document keeps its own labels: only the webhooks are read for it', async () => {
  const context = await clusterContext({ kind: 'Namespace' }, deps(kubeConfig(api.url, 'shop')));
  assert.equal(context.note, undefined);
  assert.equal(context.params.namespaceLabels, undefined);
  assert.equal(context.params.webhooks?.length, 1);
});

test('end to end: the language server explains with the cluster\'s labels and webhooks', async () => {
  api.store.applyAll([webhookConfiguration('istio-sidecar-injector-old')]);
  try {
    const text = stream(DEPLOYMENT.replace('  name: web\n', '  name: web\n  namespace: team\n'));
    const offset = text.indexOf('kind: Deployment');
    const context = await clusterContext(workloadAt(text, offset), deps(kubeConfig(api.url)));
    assert.equal(context.note, undefined);
    const s = startTestServer();
    try {
      await s.initialize();
      const published = s.diagnostics('file:///work/shop.yaml', 1);
      s.open('file:///work/shop.yaml', text);
      await published;
      const params: ExplainParams = { uri: 'file:///work/shop.yaml', position: { line: 1, character: 0 }, ...context.params };
      const md = await s.client.sendRequest<string>('istioInject/explain', params);
      assert.match(md, /Namespace `team` \(labels from the cluster \(context `kind-mesh`\)\): .*`istio.io\/rev=default`/);
      assert.match(md, /Webhooks from the cluster/);
      assert.match(md, /multiple webhooks will inject/);
    } finally {
      await s.close();
    }
  } finally {
    api.store.remove(resourceForKind('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration')!, undefined, 'istio-sidecar-injector-old');
  }
});
