// Sidecar state, namespace injection state and container rows from pod JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerRows, defaultLogsContainer } from '../../../client/src/cluster/containers';
import type { Pod } from '../../../client/src/cluster/k8s-json';
import { namespaceInjection } from '../../../client/src/cluster/namespace-state';
import { imageVersion, sidecarState } from '../../../client/src/cluster/sidecar';

const ns = (labels: Record<string, string> = {}) => namespaceInjection({ metadata: { name: 'n', labels } });

function pod(p: { containers?: string[]; proxy?: 'regular' | 'native'; image?: string; labels?: Record<string, string>; annotations?: Record<string, string>; hostNetwork?: boolean }): Pod {
  const image = p.image ?? 'docker.io/istio/proxyv2:1.28.0';
  const containers = (p.containers ?? ['web']).map((name) => ({ name, image: `${name}:1` }));
  return {
    metadata: { name: 'p', namespace: 'n', labels: p.labels ?? {}, annotations: p.annotations ?? {} },
    spec: {
      containers: p.proxy === 'regular' ? [...containers, { name: 'istio-proxy', image }] : containers,
      initContainers: p.proxy === 'native' ? [{ name: 'istio-init', image }, { name: 'istio-proxy', image, restartPolicy: 'Always' }]
        : p.proxy ? [{ name: 'istio-init', image }] : [],
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
    },
  };
}

test('namespace injection state from labels', () => {
  assert.deepEqual(ns({ 'istio-injection': 'enabled' }), { mode: 'enabled', injects: true });
  assert.deepEqual(ns({ 'istio-injection': 'disabled' }), { mode: 'disabled', injects: false });
  assert.deepEqual(ns({ 'istio.io/rev': 'canary' }), { mode: 'revision', revision: 'canary', injects: true });
  assert.deepEqual(ns({ 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }), { mode: 'conflict', revision: 'canary', injects: true });
  assert.deepEqual(ns({}), { mode: 'none', injects: false });
});

test('injected: regular and native proxies with image, version and revision from the status annotation', () => {
  const status = JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], revision: 'canary' });
  const regular = sidecarState(pod({ proxy: 'regular', annotations: { 'sidecar.istio.io/status': status } }), ns(), 'n');
  assert.equal(regular.kind, 'injected');
  assert.deepEqual(regular.proxy, { native: false, image: 'docker.io/istio/proxyv2:1.28.0', version: '1.28.0', revision: 'canary' });
  const native = sidecarState(pod({ proxy: 'native', labels: { 'istio.io/rev': 'default' } }), ns({ 'istio-injection': 'enabled' }), 'n');
  assert.equal(native.kind, 'injected');
  assert.equal(native.proxy?.native, true);
  assert.equal(native.proxy?.revision, 'default');
});

test('outdated when the proxy image differs from the injector config', () => {
  const s = sidecarState(pod({ proxy: 'regular', image: 'docker.io/istio/proxyv2:1.27.1' }), ns({ 'istio-injection': 'enabled' }), 'n', 'docker.io/istio/proxyv2:1.28.0');
  assert.equal(s.kind, 'outdated');
  assert.match(s.reason, /1\.27\.1.*1\.28\.0/);
  assert.equal(sidecarState(pod({ proxy: 'regular' }), ns(), 'n', 'docker.io/istio/proxyv2:1.28.0').kind, 'injected');
});

test('missing: the namespace or pod asks but there is no proxy (created before the label)', () => {
  assert.equal(sidecarState(pod({}), ns({ 'istio-injection': 'enabled' }), 'n').kind, 'missing');
  assert.equal(sidecarState(pod({}), ns({ 'istio.io/rev': 'canary' }), 'n').kind, 'missing');
  assert.equal(sidecarState(pod({ labels: { 'sidecar.istio.io/inject': 'true' } }), ns(), 'n').kind, 'missing');
  assert.match(sidecarState(pod({}), ns({ 'istio-injection': 'enabled' }), 'n').reason, /Restart/);
});

test('disabled, not applicable and none', () => {
  assert.equal(sidecarState(pod({ labels: { 'sidecar.istio.io/inject': 'false' } }), ns({ 'istio-injection': 'enabled' }), 'n').kind, 'disabled');
  assert.equal(sidecarState(pod({ annotations: { 'sidecar.istio.io/inject': 'false' } }), ns({ 'istio-injection': 'enabled' }), 'n').kind, 'disabled');
  assert.equal(sidecarState(pod({}), ns({ 'istio-injection': 'disabled' }), 'n').kind, 'disabled');
  assert.equal(sidecarState(pod({ hostNetwork: true }), ns({ 'istio-injection': 'enabled' }), 'n').kind, 'notApplicable');
  assert.equal(sidecarState(pod({}), ns({ 'istio-injection': 'enabled' }), 'kube-system').kind, 'notApplicable');
  assert.equal(sidecarState(pod({}), ns(), 'n').kind, 'none');
});

test('image versions', () => {
  assert.equal(imageVersion('docker.io/istio/proxyv2:1.28.0'), '1.28.0');
  assert.equal(imageVersion('localhost:5000/proxyv2'), undefined);
  assert.equal(imageVersion('gcr.io/istio/proxyv2:1.28.0-distroless@sha256:abc'), '1.28.0-distroless');
});

test('container rows: istio-init, native istio-proxy, app containers, with state, restarts and image', () => {
  const p = pod({ proxy: 'native', containers: ['web', 'worker'] });
  p.status = {
    initContainerStatuses: [
      { name: 'istio-init', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
      { name: 'istio-proxy', ready: true, restartCount: 1, state: { running: {} } },
    ],
    containerStatuses: [{ name: 'web', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
  };
  assert.deepEqual(containerRows(p).map((c) => [c.name, c.role, c.native, c.state, c.restarts, c.image]), [
    ['istio-init', 'istioInit', false, 'Completed', 0, 'docker.io/istio/proxyv2:1.28.0'],
    ['istio-proxy', 'proxy', true, 'Running', 1, 'docker.io/istio/proxyv2:1.28.0'],
    ['web', 'app', false, 'Waiting: CrashLoopBackOff', 4, 'web:1'],
    ['worker', 'app', false, 'Unknown', 0, 'worker:1'],
  ]);
});

test('default logs container honours kubectl.kubernetes.io/default-logs-container', () => {
  assert.equal(defaultLogsContainer(pod({ containers: ['web', 'worker'], proxy: 'regular' })), 'web');
  assert.equal(defaultLogsContainer(pod({ containers: ['web', 'worker'], annotations: { 'kubectl.kubernetes.io/default-logs-container': 'worker' } })), 'worker');
  assert.equal(defaultLogsContainer(pod({ containers: ['web'], annotations: { 'kubectl.kubernetes.io/default-container': 'nope' } })), 'web');
});
