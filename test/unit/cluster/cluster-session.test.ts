// The cluster session against the local API server: what the tree shows, what it watches (only expanded namespaces),
// how changes reach the nodes, and failures as message nodes with Retry.
import { KubeConfig } from '@kubernetes/client-node';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ClusterSession, type ClusterNode, type KubeAccess } from '../../../client/src/cluster/cluster-session';
import { ListWatch, openClusterClient } from '../../../client/src/kube';
import { configMap, namespace, pod, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';

let api: KubeApiServer;
let kube: KubeAccess;
let file: string;

function loadKubeconfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

before(async () => {
  api = await startKubeApi();
  file = writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'session-')), 'config'), [{ name: 'one', server: api.url }, { name: 'two', server: api.url }]);
  kube = {
    open: (context) => openClusterClient({ kubeConfig: loadKubeconfig(), ...(context ? { context } : {}) }),
    listWatch: (client, path, handlers) => new ListWatch(client, path, handlers),
  };
  api.store.applyAll([
    namespace('istio-system'), namespace('mesh', { 'istio-injection': 'enabled' }), namespace('plain'),
    configMap('istio-system', 'istio-sidecar-injector', { config: 'policy: enabled', values: JSON.stringify({ global: { hub: 'docker.io/istio', tag: '1.28.0', proxy: { image: 'proxyv2' } } }) }),
    pod({ ns: 'mesh', name: 'old', containers: [{ name: 'web' }] }),
    pod({ ns: 'mesh', name: 'stale', containers: [{ name: 'web' }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.27.0' }] }),
    pod({ ns: 'mesh', name: 'new', containers: [{ name: 'web' }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' }], initContainers: [{ name: 'istio-init', state: 'terminated:Completed' }] }),
    pod({ ns: 'plain', name: 'p', containers: [{ name: 'web' }] }),
  ]);
});
after(() => api.close());

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const labels = (s: ClusterSession, nodes: ClusterNode[]) => nodes.map((n) => (n.kind === 'message' ? `! ${n.text}` : n.kind === 'pod' ? `${n.name} ${s.model.podView(n.namespace, s.model.pod(n.namespace, n.name)!).contextValue}` : 'name' in n ? n.name : n.kind));

test('cluster → namespaces → pods → containers; only expanded namespaces are watched', async () => {
  const changes: (ClusterNode | undefined)[] = [];
  const s = new ClusterSession(kube, (n) => changes.push(n));
  assert.deepEqual(s.children().map((n) => n.kind), ['cluster']);
  s.start();
  const cluster = s.children()[0]!;
  assert.deepEqual(labels(s, s.children(cluster)), ['! Loading namespaces…']);
  await waitFor(() => s.children(cluster)[0]?.kind === 'namespace');
  assert.deepEqual(labels(s, s.children(cluster)), ['istio-system', 'mesh', 'plain']);
  assert.equal(s.contextName, 'one');
  assert.deepEqual(s.contexts, ['one', 'two']);
  // Collapsed namespaces get their counts from one cluster-wide list, without a watch.
  await waitFor(() => s.model.namespaceView('plain', false).description === 'no injection label · 0/1 with sidecar');
  assert.equal(s.model.namespaceView('mesh', false).description, 'injection enabled · 2/3 with sidecar');
  assert.match(s.model.namespaceView('mesh', false).tooltip, /2 of 3 pods have a sidecar \(counted earlier; expand the namespace to follow changes\)/);
  assert.ok(!api.requests.some((r) => r.path === '/api/v1/pods' && r.query.includes('watch')), 'the cluster-wide list is not watched');

  const mesh = s.namespaceNode('mesh');
  assert.deepEqual(labels(s, s.children(mesh)), ['! Loading pods…']);
  await waitFor(() => s.podsLoaded('mesh') && s.model.expectedProxyImage !== undefined);
  assert.deepEqual(labels(s, s.children(mesh)), ['new istio.pod.sidecarInjected', 'old istio.pod.sidecarMissing', 'stale istio.pod.sidecarOutdated']);
  assert.equal(s.model.namespaceView('mesh', true).description, 'injection enabled · 2/3 with sidecar');
  const newPod = s.children(mesh)[0]!;
  assert.deepEqual(labels(s, s.children(newPod)), ['istio-init', 'web', 'istio-proxy']);
  const podLists = api.requests.filter((r) => r.path.endsWith('/pods') && !r.query.includes('watch'));
  assert.deepEqual(podLists.map((r) => r.path), ['/api/v1/pods', '/api/v1/namespaces/mesh/pods'], 'one cluster-wide count; plain was never expanded, so never listed on its own');
  assert.ok(s.children(mesh).every((n, i) => n === s.children(mesh)[i]), 'children are the same node instances every time');

  // A label change arrives through the namespace watch and redraws that namespace (and its pods).
  changes.length = 0;
  api.store.mutate(api.store.resourceOf(namespace('x')), undefined, 'mesh', (n) => { n.metadata.labels = { 'istio-injection': 'disabled' }; });
  await waitFor(() => changes.includes(mesh));
  assert.deepEqual(labels(s, s.children(mesh)).slice(1, 2), ['old istio.pod.sidecarDisabled']);

  // A pod change redraws just that pod.
  changes.length = 0;
  api.store.mutate(api.store.resourceOf(pod({ ns: 'x', name: 'x', containers: [] })), 'mesh', 'old', (p) => { p.metadata.labels = { v: '2' }; });
  await waitFor(() => changes.some((n) => n?.id === 'pod/mesh/old'));
  assert.equal(changes.find((n) => n?.id === 'pod/mesh/old'), s.children(mesh)[1], 'the same node instance the tree holds');

  const watchesBefore = api.faults.openWatches;
  s.collapsed(mesh);
  await waitFor(() => api.faults.openWatches === watchesBefore - 1);
  assert.equal(s.model.namespaceView('mesh', false).description, 'injection disabled · 2/3 with sidecar', 'a collapsed namespace keeps its last counts');
  s.stop();
});

test('a cluster with more pods than the census allows: it stops after the first page and shows no counts', async () => {
  // Two items a page: 5 pods and a census limit of 3, so the first page's remainingItemCount already says too many.
  const small: KubeAccess = { ...kube, open: () => openClusterClient({ kubeConfig: loadKubeconfig(), pageSize: 2 }) };
  const before = api.requests.length;
  const s = new ClusterSession(small, () => undefined, { censusMaxPods: 3 });
  s.start();
  await waitFor(() => s.children(s.children()[0]!)[0]?.kind === 'namespace');
  await waitFor(() => api.requests.slice(before).some((r) => r.path === '/api/v1/pods'));
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(api.requests.slice(before).filter((r) => r.path === '/api/v1/pods').length, 1, 'one page, then it stopped');
  assert.equal(s.model.namespaceView('plain', false).description, 'no injection label');
  s.stop();
});

test('a 403 on namespaces is a message node; Retry recovers', async () => {
  const s = new ClusterSession(kube, () => undefined);
  const remove = api.faults.add({ status: 403, match: /^\/api\/v1\/namespaces$/ });
  s.start();
  const cluster = s.children()[0]!;
  await waitFor(() => s.children(cluster)[0]?.kind === 'message' && (s.children(cluster)[0] as { retry?: unknown }).retry !== undefined);
  const msg = s.children(cluster)[0]!;
  assert.deepEqual(labels(s, [msg]), ['! Cannot list namespaces: access denied (403)']);
  remove();
  s.retry(msg);
  await waitFor(() => s.children(cluster)[0]?.kind === 'namespace');
  s.stop();
});

test('a pod list failure stays inside its namespace; switching context reopens', async () => {
  const s = new ClusterSession(kube, () => undefined);
  s.start('two');
  assert.equal(s.contextName, 'two');
  const cluster = s.children()[0]!;
  await waitFor(() => s.children(cluster)[0]?.kind === 'namespace');
  const remove = api.faults.add({ status: 401, match: /\/namespaces\/plain\/pods$/ });
  const plain = s.namespaceNode('plain');
  s.children(plain);
  await waitFor(() => s.children(plain)[0]?.kind === 'message' && !!(s.children(plain)[0] as { retry?: unknown }).retry);
  assert.match((s.children(plain)[0] as { text: string }).text, /^Cannot list pods: not authenticated \(401\)/);
  remove();
  s.retry(s.children(plain)[0]!);
  await waitFor(() => s.children(plain)[0]?.kind === 'pod');
  s.stop();
});

test('a slow API server: the tree says it is loading (with progress) until the list arrives', async () => {
  const remove = api.faults.add({ delayMs: 400, match: /^\/api\/v1\/namespaces$/, times: 1 });
  const s = new ClusterSession(kube, () => undefined);
  s.start();
  const cluster = s.children()[0]!;
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(s.loading, true);
  assert.deepEqual(labels(s, s.children(cluster)), ['! Loading namespaces…']);
  await waitFor(() => !s.loading, 5000);
  assert.ok(s.children(cluster).every((n) => n.kind === 'namespace'));
  remove();
  s.stop();
});
