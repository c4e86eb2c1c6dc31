// The cluster view's Kubernetes access against the local API server: paged lists, list-then-watch, relist on 410,
// resume after a dropped stream, and failures (down, 401, 403, slow, malformed) reported once, never thrown.
import { KubeConfig } from '@kubernetes/client-node';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { Pod } from '../../../client/src/cluster/k8s-json';
import { ClusterModel } from '../../../client/src/cluster/tree-model';
import { KubeError, ListWatch, openClusterClient, type ClusterClient } from '../../../client/src/kube';
import { namespace, pod, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';

let api: KubeApiServer;
let client: ClusterClient;
let dir: string;
const unhandled: unknown[] = [];
process.on('unhandledRejection', (e) => unhandled.push(e));

function kubeConfigFor(url: string, contexts = [{ name: 'test', server: url }]): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(writeKubeconfig(join(dir, `config-${Math.random()}`), contexts));
  return kc;
}

before(async () => {
  api = await startKubeApi();
  dir = mkdtempSync(join(tmpdir(), 'kube-access-'));
  client = openClusterClient({ kubeConfig: kubeConfigFor(api.url), pageSize: 4 });
  api.store.applyAll([namespace('mesh', { 'istio-injection': 'enabled' })]);
  for (let i = 0; i < 10; i++) api.store.apply(pod({ ns: 'mesh', name: `p${String(i).padStart(2, '0')}`, containers: [{ name: 'web' }] }));
});
after(async () => {
  await api.close();
  assert.deepEqual(unhandled, []);
});
beforeEach(() => api.faults.clear());

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('listAll follows continue tokens page by page and reports progress', async () => {
  const progress: [number, number | undefined][] = [];
  const list = await client.listAll<Pod>('/api/v1/namespaces/mesh/pods', (n, rest) => progress.push([n, rest]));
  assert.equal(list.items.length, 10);
  assert.deepEqual(progress, [[4, 6], [8, 2], [10, undefined]]);
  assert.match(list.resourceVersion, /^\d+$/);
});

test('contexts of a kubeconfig with several contexts; opening another one', () => {
  const kc = kubeConfigFor(api.url, [{ name: 'a', server: api.url }, { name: 'b', server: api.url }]);
  const c = openClusterClient({ kubeConfig: kc, context: 'b' });
  assert.deepEqual(c.contexts, ['a', 'b']);
  assert.equal(c.context, 'b');
});

test('list then watch feeds the model; events for one pod update it; a namespace relabel changes pod tokens', async () => {
  const model = new ClusterModel();
  const nsWatch = new ListWatch<{ metadata: { name: string } }>(client, '/api/v1/namespaces', {
    onList: (items) => model.setNamespaces(items), onEvent: (t, o) => model.applyNamespace(t, o), onError: (e) => assert.fail(e),
  });
  const podWatch = new ListWatch<Pod>(client, '/api/v1/namespaces/mesh/pods', {
    onList: (items) => model.setPods('mesh', items), onEvent: (t, o) => model.applyPod(t, o, 'mesh'), onError: (e) => assert.fail(e),
  });
  await nsWatch.start();
  await podWatch.start();
  assert.equal(model.podNames('mesh').length, 10);
  assert.equal(model.podView('mesh', model.pod('mesh', 'p00')!).contextValue, 'istio.pod.sidecarMissing');
  api.store.apply(pod({ ns: 'mesh', name: 'p00', containers: [{ name: 'web' }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' }] }));
  await waitFor(() => model.sidecarCount('mesh').withProxy === 1);
  api.store.mutate(api.store.resourceOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: '' } }), undefined, 'mesh', (n) => {
    n.metadata.labels = { 'istio-injection': 'disabled' };
  });
  await waitFor(() => model.namespaceView('mesh', true).contextValue === 'istio.namespace.injectionDisabled');
  assert.equal(model.podView('mesh', model.pod('mesh', 'p01')!).contextValue, 'istio.pod.sidecarDisabled');
  nsWatch.stop();
  podWatch.stop();
});

test('410 on resume relists; a dropped stream resumes without a relist', async () => {
  const lists = () => api.requests.filter((r) => r.path === '/api/v1/namespaces/mesh/pods' && !r.query.includes('watch') && !r.query.includes('continue')).length;
  const model = new ClusterModel();
  const w = new ListWatch<Pod>(client, '/api/v1/namespaces/mesh/pods', {
    onList: (items) => model.setPods('mesh', items), onEvent: (t, o) => model.applyPod(t, o, 'mesh'), onError: (e) => assert.fail(e),
  });
  await w.start();
  const afterFirst = lists();
  api.faults.dropWatches();
  api.store.apply(pod({ ns: 'mesh', name: 'q1', containers: [{ name: 'web' }] }));
  await waitFor(() => !!model.pod('mesh', 'q1'));
  assert.equal(lists(), afterFirst, 'a clean close resumes from the last version');
  api.faults.dropWatches();
  api.store.compact();
  api.store.remove(api.store.resourceOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '' } }), 'mesh', 'q1');
  await waitFor(() => !model.pod('mesh', 'q1'));
  assert.equal(lists(), afterFirst + 1, 'a 410 relists');
  w.stop();
});

for (const [name, rule, code] of [
  ['401', { status: 401 }, 401], ['403', { status: 403 }, 403], ['malformed JSON', { malformed: true }, 0],
] as const) {
  test(`a ${name} answer is reported once through onError`, async () => {
    api.faults.add({ ...rule, match: /\/namespaces\/mesh\/pods$/, times: 1 });
    const errors: KubeError[] = [];
    const w = new ListWatch<Pod>(client, '/api/v1/namespaces/mesh/pods', { onList: () => assert.fail('no list'), onEvent: () => undefined, onError: (e) => errors.push(e) });
    await w.start();
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, code);
  });
}

test('a server that is down is a KubeError, not a hang or an unhandled rejection', async () => {
  const down = await startKubeApi();
  const url = down.url;
  await down.close();
  const c = openClusterClient({ kubeConfig: kubeConfigFor(url) });
  await assert.rejects(c.listAll('/api/v1/namespaces'), (e: KubeError) => e instanceof KubeError && e.code === 0 && /refused/.test(e.message));
});

test('patch and logs', async () => {
  const ns = await client.patch<{ metadata: { labels: Record<string, string> } }>('/api/v1/namespaces/mesh', { metadata: { labels: { 'istio-injection': 'enabled' } } }, 'merge');
  assert.equal(ns.metadata.labels['istio-injection'], 'enabled');
  api.logs.append('mesh', 'p02', 'web', 'a', 'b', 'c');
  assert.equal(await client.readLog('mesh', 'p02', 'web'), 'a\nb\nc\n');
  assert.equal(await client.readLog('mesh', 'p02', 'web', 1), 'c\n');
});

test('KUBECONFIG with several files, and an exec credential plugin whose token reaches the API server', async () => {
  const plugin = join(dir, 'cred.js');
  writeFileSync(plugin, `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'from-exec-plugin' } }));\n`);
  const first = join(dir, 'first.yaml');
  writeKubeconfig(first, [{ name: 'one', server: api.url }]);
  const second = join(dir, 'second.yaml');
  writeFileSync(second, JSON.stringify({
    apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'two', cluster: { server: api.url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'two', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin], interactiveMode: 'Never' } } }],
    contexts: [{ name: 'two', context: { cluster: 'two', user: 'two' } }],
  }));
  const saved = process.env['KUBECONFIG'];
  process.env['KUBECONFIG'] = [first, second].join(delimiter);
  try {
    const c = openClusterClient({ context: 'two' });
    assert.deepEqual(c.contexts, ['one', 'two']);
    const before = api.requests.length;
    await c.listAll('/api/v1/namespaces');
    assert.equal(api.requests[before]?.authorization, 'Bearer from-exec-plugin');
    assert.equal(openClusterClient().context, 'one', 'the first file names the current context');
  } finally {
    if (saved === undefined) delete process.env['KUBECONFIG'];
    else process.env['KUBECONFIG'] = saved;
  }
});
