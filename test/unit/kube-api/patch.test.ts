// The test API server's patch types and selectors, on their own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../support/kube-api';
import { fieldSelector, labelSelector } from '../../support/kube-api/selectors';

const podSpec = () => ({
  spec: {
    containers: [{ name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }] }, { name: 'istio-proxy', image: 'proxyv2:1.27' }],
    volumes: [{ name: 'v1' }],
    tolerations: [{ key: 'a' }],
  },
});

test('merge patch: objects merge, null deletes, lists replace', () => {
  assert.deepEqual(mergePatch({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { a: null, c: '3' } } }), { metadata: { labels: { b: '2', c: '3' } } });
  assert.deepEqual(mergePatch(podSpec(), { spec: { containers: [{ name: 'x' }] } }), { spec: { ...podSpec().spec, containers: [{ name: 'x' }] } });
});

test('strategic merge patch: containers merge by name, env by name, other lists replace, $patch: delete removes', () => {
  const out = strategicMergePatch(podSpec(), {
    spec: {
      containers: [{ name: 'istio-proxy', image: 'proxyv2:1.28' }, { name: 'web', env: [{ name: 'B', value: '2' }] }, { name: 'new', image: 'x' }],
      volumes: [{ name: 'v1', $patch: 'delete' }],
      tolerations: [{ key: 'b' }],
    },
  }) as ReturnType<typeof podSpec>;
  assert.deepEqual(out.spec.containers, [
    { name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
    { name: 'istio-proxy', image: 'proxyv2:1.28' },
    { name: 'new', image: 'x' },
  ]);
  assert.deepEqual(out.spec.volumes, []);
  assert.deepEqual(out.spec.tolerations, [{ key: 'b' }]);
  assert.deepEqual(strategicMergePatch({ a: { b: 1, c: 2 } }, { a: { $patch: 'replace', d: 3 } }), { a: { d: 3 } });
});

test('JSON patch: add, replace, remove, test, escaped pointers', () => {
  const doc = { metadata: { labels: { 'istio.io/rev': 'x' } }, items: [1, 2] };
  assert.deepEqual(jsonPatch(doc, [
    { op: 'test', path: '/metadata/labels/istio.io~1rev', value: 'x' },
    { op: 'remove', path: '/metadata/labels/istio.io~1rev' },
    { op: 'add', path: '/metadata/labels/istio-injection', value: 'enabled' },
    { op: 'add', path: '/items/-', value: 3 },
    { op: 'replace', path: '/items/0', value: 0 },
  ]), { metadata: { labels: { 'istio-injection': 'enabled' } }, items: [0, 2, 3] });
  assert.throws(() => jsonPatch(doc, [{ op: 'test', path: '/items/0', value: 9 }]), /test operation failed/);
  assert.throws(() => jsonPatch(doc, [{ op: 'replace', path: '/nope', value: 1 }]), /not found/);
});

test('label and field selectors', () => {
  const o = { metadata: { name: 'web-1', namespace: 'mesh', labels: { app: 'web', tier: 'front' } }, status: { phase: 'Running' } };
  const yes = ['app=web', 'app==web,tier', 'app in (web, api)', 'tier notin (db)', '!missing', 'app!=api', ''];
  const no = ['app=api', 'missing', 'app notin (web)', '!app', 'app in (api)'];
  for (const s of yes) assert.ok(labelSelector(s)(o), s);
  for (const s of no) assert.ok(!labelSelector(s)(o), s);
  assert.ok(fieldSelector('metadata.name=web-1,status.phase=Running')(o));
  assert.ok(!fieldSelector('metadata.namespace!=mesh')(o));
});
