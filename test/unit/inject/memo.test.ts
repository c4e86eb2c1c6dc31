import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSettings } from '../../../core/src/config/sources';
import { createInjector } from '../../../core/src/inject';
import { canonicalJson } from '../../../core/src/inject/memo';
import type { KubeObject } from '../../../core/src/inject/types';

function deployment(replicas: number, image = 'app:1', extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, annotations: { 'sidecar.istio.io/proxyCPU': '200m' } },
        spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }], ...extra },
      },
    },
  };
}

test('a workload whose pod did not change is injected exactly as a fresh injector injects it', () => {
  const shared = createInjector(builtinSettings());
  const first = shared.inject(deployment(1));
  assert.equal(first.outcome.kind, 'injected');
  // Only the replicas differ: the pod comes from the memo, and must equal a fresh computation.
  const again = shared.inject(deployment(7));
  const fresh = createInjector(builtinSettings()).inject(deployment(7));
  assert.deepEqual(again, fresh);
  assert.equal((again.object.spec as { replicas: number }).replicas, 7);
});

test('a changed pod is injected again, not taken from the memo', () => {
  const shared = createInjector(builtinSettings());
  shared.inject(deployment(1, 'app:1'));
  const changed = shared.inject(deployment(1, 'app:2'));
  assert.deepEqual(changed, createInjector(builtinSettings()).inject(deployment(1, 'app:2')));
  // A field the templates read (hostAliases) and one a value of another type would blur (a number as a string).
  assert.deepEqual(shared.inject(deployment(1, 'app:1', { hostAliases: [{ ip: '10.0.0.1' }] })),
    createInjector(builtinSettings()).inject(deployment(1, 'app:1', { hostAliases: [{ ip: '10.0.0.1' }] })));
});

test('results taken from the memo are private copies: changing one does not change the next', () => {
  const shared = createInjector(builtinSettings());
  const a = shared.inject(deployment(1));
  const podSpec = (o: KubeObject): { containers: { name: string }[] } => ((o.spec as Record<string, unknown>).template as { spec: { containers: { name: string }[] } }).spec;
  podSpec(a.object).containers[0]!.name = 'mutated';
  podSpec(a.object).containers.length = 0;
  const b = shared.inject(deployment(2));
  assert.deepEqual(podSpec(b.object).containers.map((c) => c.name), ['app', 'istio-proxy']);
  podSpec(b.object).containers.pop();
  assert.deepEqual(podSpec(shared.inject(deployment(3)).object).containers.map((c) => c.name), ['app', 'istio-proxy']);
});

test('canonicalJson refuses values JSON would blur, so they are never memo keys', () => {
  assert.equal(canonicalJson({ a: [1, 'x', true, null, { b: 2 }] }), '{"a":[1,"x",true,null,{"b":2,}],}');
  for (const blurred of [Number.NaN, Infinity, -0, undefined, 1n, new Date(0), [1, , 3], { a: undefined }]) {
    assert.equal(canonicalJson({ v: blurred }), undefined, String(blurred));
  }
  assert.notEqual(canonicalJson({ a: '1' }), canonicalJson({ a: 1 }));
  assert.notEqual(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

test('a pod edit the templates do not print (an image) reuses the decoded render and still injects exactly as afresh', () => {
  const shared = createInjector(builtinSettings());
  shared.inject(deployment(1, 'app:1'));
  for (const image of ['app:2', 'app:3', 'registry.example.com/other:9']) {
    assert.deepEqual(shared.inject(deployment(1, image)), createInjector(builtinSettings()).inject(deployment(1, image)), image);
  }
  // The pod the injection returns is its own: changing it leaves the next injection intact.
  const a = shared.inject(deployment(1, 'app:4'));
  const spec = ((a.object.spec as Record<string, unknown>).template as { spec: { initContainers?: unknown[]; volumes?: unknown[] } }).spec;
  spec.initContainers?.splice(0);
  spec.volumes?.splice(0);
  assert.deepEqual(shared.inject(deployment(1, 'app:5')), createInjector(builtinSettings()).inject(deployment(1, 'app:5')));
});
