// The test API server as @kubernetes/client-node 1.4.0 sees it: typed lists with pagination, watch streams, patches,
// logs, and the faults the cluster view must survive.
import * as k8s from '@kubernetes/client-node';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { configMap, namespace, pod, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';

let api: KubeApiServer;
let kc: k8s.KubeConfig;

before(async () => {
  api = await startKubeApi();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'kube-api-')), 'config'), api.url));
});
after(() => api.close());
beforeEach(() => api.faults.clear());

const core = () => kc.makeApiClient(k8s.CoreV1Api);

test('lists pages with limit and continue until the last page', async () => {
  api.store.apply(namespace('paged'));
  for (let i = 0; i < 7; i++) api.store.apply(pod({ ns: 'paged', name: `p${i}`, containers: [{ name: 'app' }] }));
  const names: string[] = [];
  let cont: string | undefined;
  let pages = 0;
  do {
    const page = await core().listNamespacedPod({ namespace: 'paged', limit: 3, _continue: cont });
    names.push(...page.items.map((p) => p.metadata!.name!));
    cont = page.metadata?._continue;
    pages++;
  } while (cont);
  assert.equal(pages, 3);
  assert.deepEqual(names, ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
});

test('an expired continue token is 410 Gone', async () => {
  api.store.apply(namespace('exp'));
  for (let i = 0; i < 3; i++) api.store.apply(pod({ ns: 'exp', name: `p${i}`, containers: [{ name: 'app' }] }));
  const first = await core().listNamespacedPod({ namespace: 'exp', limit: 1 });
  api.store.compact();
  await assert.rejects(core().listNamespacedPod({ namespace: 'exp', limit: 1, _continue: first.metadata!._continue }), (e: { code?: number }) => e.code === 410);
});

test('watch streams ADDED, MODIFIED and DELETED from a list resourceVersion', async () => {
  api.store.apply(namespace('w'));
  const list = await core().listNamespacedPod({ namespace: 'w' });
  const seen: string[] = [];
  const done = new Promise<void>((resolve) => {
    void new k8s.Watch(kc).watch('/api/v1/namespaces/w/pods', { resourceVersion: list.metadata!.resourceVersion }, (type, obj: k8s.V1Pod) => {
      seen.push(`${type} ${obj.metadata?.name} ${obj.metadata?.labels?.['v'] ?? ''}`.trim());
      if (type === 'DELETED') resolve();
    }, () => undefined).then((ctl) => {
      api.store.apply(pod({ ns: 'w', name: 'a', containers: [{ name: 'app' }] }));
      api.store.apply(pod({ ns: 'w', name: 'a', labels: { v: '2' }, containers: [{ name: 'app' }] }));
      api.store.apply(pod({ ns: 'other', name: 'b', containers: [{ name: 'app' }] }));
      api.store.remove(api.store.resourceOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }), 'w', 'a');
      after(() => ctl.abort());
    });
  });
  await done;
  assert.deepEqual(seen, ['ADDED a', 'MODIFIED a 2', 'DELETED a 2']);
});

test('watching from a compacted resourceVersion gets an ERROR event with a 410 Status', async () => {
  const rv = String(api.store.resourceVersion);
  api.store.apply(configMap('default', 'x', { k: 'v' }));
  api.store.compact();
  const event = await new Promise<{ type: string; obj: { code?: number; reason?: string } }>((resolve) => {
    void new k8s.Watch(kc).watch('/api/v1/configmaps', { resourceVersion: rv }, (type, obj) => resolve({ type, obj }), () => undefined)
      .then((ctl) => after(() => ctl.abort()));
  });
  assert.equal(event.type, 'ERROR');
  assert.equal(event.obj.code, 410);
  assert.equal(event.obj.reason, 'Expired');
});

test('an informer lists, then follows changes, and relists after its watch is dropped', async () => {
  api.store.apply(namespace('inf'));
  api.store.apply(pod({ ns: 'inf', name: 'one', containers: [{ name: 'app' }] }));
  const informer = k8s.makeInformer(kc, '/api/v1/namespaces/inf/pods', () => core().listNamespacedPod({ namespace: 'inf' }));
  const events: string[] = [];
  informer.on('add', (p) => events.push(`add ${p.metadata?.name}`));
  informer.on('update', (p) => events.push(`update ${p.metadata?.name}`));
  informer.on('error', () => events.push('error'));
  await informer.start();
  api.store.apply(pod({ ns: 'inf', name: 'two', containers: [{ name: 'app' }] }));
  await waitFor(() => events.includes('add two'));
  assert.equal(api.faults.dropWatches(), 1);
  api.store.compact(); // the resumed watch's version is gone: 410, relist, watch again
  api.store.apply(pod({ ns: 'inf', name: 'three', containers: [{ name: 'app' }] }));
  await waitFor(() => events.includes('add three'));
  // Stopping aborts the open watch, which client-node may report as an error: compare what came before.
  const seen = [...events];
  await informer.stop();
  assert.deepEqual(informer.list().map((p) => p.metadata?.name).sort(), ['one', 'three', 'two']);
  assert.deepEqual(seen, ['add one', 'add two', 'add three']);
  const lists = api.requests.filter((r) => r.path === '/api/v1/namespaces/inf/pods' && !r.query.includes('watch'));
  assert.equal(lists.length, 2);
});

test('merge patch labels a namespace; strategic merge patch restarts a deployment template', async () => {
  api.store.apply(namespace('lbl'));
  const ns = await core().patchNamespace({ name: 'lbl', body: { metadata: { labels: { 'istio-injection': 'enabled' } } } },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
  assert.equal(ns.metadata?.labels?.['istio-injection'], 'enabled');
  assert.equal(ns.metadata?.labels?.['kubernetes.io/metadata.name'], 'lbl');
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  await apps.createNamespacedDeployment({ namespace: 'lbl', body: { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } } });
  const d = await apps.patchNamespacedDeployment({ namespace: 'lbl', name: 'web', body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } } } } },
    k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch));
  assert.equal(d.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'], '2026-01-01T00:00:00Z');
  assert.deepEqual(d.spec?.template.metadata?.labels, { app: 'web' });
  assert.equal(d.metadata?.generation, 2);
});

test('pod logs: one container by name; several containers without a name is 400', async () => {
  api.store.apply(namespace('logs'));
  api.store.apply(pod({ ns: 'logs', name: 'p', containers: [{ name: 'app' }, { name: 'istio-proxy' }], initContainers: [{ name: 'istio-init', state: 'terminated:Completed' }] }));
  api.logs.append('logs', 'p', 'istio-init', '-A PREROUTING -p tcp -j ISTIO_INBOUND', 'COMMIT');
  const text = await core().readNamespacedPodLog({ namespace: 'logs', name: 'p', container: 'istio-init' });
  assert.equal(text, '-A PREROUTING -p tcp -j ISTIO_INBOUND\nCOMMIT\n');
  await assert.rejects(core().readNamespacedPodLog({ namespace: 'logs', name: 'p' }), (e: { code?: number; body?: string }) =>
    e.code === 400 && /choose one of: \[app istio-proxy\] or one of the init containers: \[istio-init\]/.test(String(e.body)));
});

test('faults: 401, 403, delay and malformed JSON reach the client as errors, then clear', async () => {
  api.faults.add({ status: 401, times: 1 });
  await assert.rejects(core().listNamespace(), (e: { code?: number }) => e.code === 401);
  api.faults.add({ status: 403, match: /\/namespaces$/, times: 1 });
  await assert.rejects(core().listNamespace(), (e: { code?: number }) => e.code === 403);
  api.faults.add({ malformed: true, times: 1 });
  await assert.rejects(core().listNamespace());
  api.faults.add({ delayMs: 150, times: 1 });
  const t0 = Date.now();
  await core().listNamespace();
  assert.ok(Date.now() - t0 >= 140);
  assert.ok((await core().listNamespace()).items.length > 0);
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
