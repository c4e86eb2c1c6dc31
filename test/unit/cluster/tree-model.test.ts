// The tree's view model: nodes, contextValue tokens, incremental sidecar counts, and the action patches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disableInjectionPatch, enableInjectionPatch, restartPatch, restartTarget, workloadPath } from '../../../client/src/cluster/actions-model';
import { CONTEXT } from '../../../client/src/cluster/context-values';
import type { Pod } from '../../../client/src/cluster/k8s-json';
import { ClusterModel } from '../../../client/src/cluster/tree-model';

const proxyPod = (name: string, ns = 'mesh'): Pod => ({
  metadata: { name, namespace: ns },
  spec: { containers: [{ name: 'web', image: 'web:1' }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, state: { running: {} } }, { name: 'istio-proxy', ready: true, state: { running: {} } }] },
});
const plainPod = (name: string, ns = 'mesh'): Pod => ({
  metadata: { name, namespace: ns, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', controller: true }] },
  spec: { containers: [{ name: 'web', image: 'web:1' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, state: { running: {} } }] },
});

test('namespace nodes carry the injection state token and the sidecar count', () => {
  const m = new ClusterModel();
  m.setNamespaces([{ metadata: { name: 'mesh', labels: { 'istio-injection': 'enabled' } } }, { metadata: { name: 'a', labels: { 'istio-injection': 'enabled', 'istio.io/rev': 'x' } } }, { metadata: { name: 'b' } }]);
  m.setPods('mesh', [proxyPod('p1'), plainPod('p2')]);
  const v = m.namespaceView('mesh', true);
  assert.equal(v.contextValue, 'istio.namespace.injectionEnabled');
  assert.equal(v.description, 'injection enabled · 1/2 with sidecar');
  assert.equal(m.namespaceView('a', false).contextValue, CONTEXT.namespace.conflict);
  assert.equal(m.namespaceView('b', false).contextValue, 'istio.namespace.injectionNone');
  assert.deepEqual(m.namespaceNames(), ['a', 'b', 'mesh']);
});

test('pod nodes: READY/STATUS description, sidecar icon and token; missing turns injected after a restart event', () => {
  const m = new ClusterModel();
  m.setNamespaces([{ metadata: { name: 'mesh', labels: { 'istio-injection': 'enabled' } } }]);
  m.setPods('mesh', [plainPod('web-1')]);
  let v = m.podView('mesh', m.pod('mesh', 'web-1')!);
  assert.deepEqual([v.description, v.contextValue, v.icon], ['1/1 Running · sidecar missing', 'istio.pod.sidecarMissing', 'error']);
  m.applyPod('DELETED', plainPod('web-1'));
  m.applyPod('ADDED', proxyPod('web-2'));
  assert.deepEqual(m.podNames('mesh'), ['web-2']);
  v = m.podView('mesh', m.pod('mesh', 'web-2')!);
  assert.deepEqual([v.description, v.contextValue, v.icon], ['2/2 Running', 'istio.pod.sidecarInjected', 'pass-filled']);
  assert.match(v.tooltip, /proxyv2:1\.28\.0.*version 1\.28\.0/);
  assert.deepEqual(m.sidecarCount('mesh'), { withProxy: 1, total: 1 });
});

test('a namespace label event changes the pods\' sidecar state without touching the pods', () => {
  const m = new ClusterModel();
  m.setNamespaces([{ metadata: { name: 'demo' } }]);
  m.setPods('demo', [plainPod('web-1', 'demo')]);
  assert.equal(m.podView('demo', m.pod('demo', 'web-1')!).contextValue, CONTEXT.pod.none);
  m.applyNamespace('MODIFIED', { metadata: { name: 'demo', labels: { 'istio-injection': 'enabled' } } });
  assert.equal(m.podView('demo', m.pod('demo', 'web-1')!).contextValue, CONTEXT.pod.missing);
});

test('sidecar counts follow MODIFIED events that add or drop a proxy', () => {
  const m = new ClusterModel();
  m.setPods('mesh', [plainPod('p')]);
  m.applyPod('MODIFIED', proxyPod('p'));
  m.applyPod('MODIFIED', proxyPod('p'));
  assert.deepEqual(m.sidecarCount('mesh'), { withProxy: 1, total: 1 });
  m.applyPod('MODIFIED', plainPod('p'));
  assert.deepEqual(m.sidecarCount('mesh'), { withProxy: 0, total: 1 });
});

test('container nodes use the container tokens', () => {
  const m = new ClusterModel();
  const p = proxyPod('p');
  p.spec!.initContainers = [{ name: 'istio-init', image: 'x' }];
  assert.deepEqual(m.containerViews('mesh', p).map((c) => c.contextValue), [CONTEXT.container.istioInit, CONTEXT.container.app, CONTEXT.container.proxy]);
});

test('every contextValue token is unique and namespaced under istio.', () => {
  const all: string[] = [];
  const walk = (o: object) => Object.values(o).forEach((v) => (typeof v === 'string' ? all.push(v) : walk(v)));
  walk(CONTEXT);
  assert.equal(new Set(all).size, all.length);
  assert.ok(all.every((t) => /^istio\.[a-zA-Z.]+$/.test(t)));
});

test('label patches: enable, disable, and resolve a conflict', () => {
  assert.deepEqual(enableInjectionPatch({ metadata: { name: 'n' } }), { metadata: { labels: { 'istio-injection': 'enabled' } } });
  assert.deepEqual(enableInjectionPatch({ metadata: { name: 'n', labels: { 'istio-injection': 'disabled', 'istio.io/rev': 'x' } } }), { metadata: { labels: { 'istio-injection': 'enabled', 'istio.io/rev': null } } });
  assert.deepEqual(disableInjectionPatch({ metadata: { name: 'n', labels: { 'istio.io/rev': 'x' } } }), { metadata: { labels: { 'istio-injection': 'disabled', 'istio.io/rev': null } } });
});

test('restart target: ReplicaSet → Deployment, StatefulSet directly, bare pod none; kubectl\'s patch', async () => {
  const rsOwner = async (_ns: string, name: string) => (name === 'web-5d8f' ? { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } : undefined);
  assert.deepEqual(await restartTarget(plainPod('p'), rsOwner), { kind: 'Deployment', namespace: 'mesh', name: 'web' });
  const sts: Pod = { metadata: { name: 'db-0', namespace: 'mesh', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', controller: true }] } };
  assert.deepEqual(await restartTarget(sts, rsOwner), { kind: 'StatefulSet', namespace: 'mesh', name: 'db' });
  assert.equal(await restartTarget({ metadata: { name: 'bare', namespace: 'mesh' } }, rsOwner), undefined);
  assert.deepEqual(restartPatch(new Date('2026-01-02T03:04:05.678Z')), { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-02T03:04:05Z' } } } } });
  assert.equal(workloadPath({ kind: 'DaemonSet', namespace: 'kube-system', name: 'cni' }), '/apis/apps/v1/namespaces/kube-system/daemonsets/cni');
});
