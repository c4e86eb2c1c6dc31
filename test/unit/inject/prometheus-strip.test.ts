import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPrometheusMerge } from '../../../core/src/inject/prometheus';
import { stripPod } from '../../../core/src/inject/strip';
import { uninjectPod } from '../../../core/src/inject/uninject';
import { injectionStatusValue, parseInjectionStatus } from '../../../core/src/inject/status';
import type { PodJson } from '../../../core/src/inject/pod';

const withProxy = (annotations: Record<string, string>): PodJson => ({
  metadata: { annotations: { ...annotations } },
  spec: { containers: [{ name: 'app' }, { name: 'istio-proxy', env: [] }] },
});

test('applyPrometheusMerge: moves the app scrape config into the proxy env and points annotations at the agent', () => {
  const pod = withProxy({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080', 'prometheus.io/path': '/m' });
  applyPrometheusMerge(pod, {}, 15020);
  assert.deepEqual(pod.metadata.annotations, { 'prometheus.io/port': '15020', 'prometheus.io/path': '/stats/prometheus', 'prometheus.io/scrape': 'true' });
  const env = (pod.spec.containers as { env: unknown[] }[])[1].env;
  assert.deepEqual(env, [{ name: 'ISTIO_PROMETHEUS_ANNOTATIONS', value: '{"scrape":"true","path":"/m","port":"8080"}' }]);
});

test('applyPrometheusMerge: scrape false, merge disabled, and already-merged pods are left alone', () => {
  for (const [annotations, mesh] of [
    [{ 'prometheus.io/scrape': 'false' }, {}],
    [{ 'prometheus.istio.io/merge-metrics': 'false' }, {}],
    [{}, { enablePrometheusMerge: false }],
    [{ 'prometheus.io/port': '15020' }, {}],
  ] as [Record<string, string>, Record<string, unknown>][]) {
    const pod = withProxy(annotations);
    applyPrometheusMerge(pod, mesh, 15020);
    assert.deepEqual(pod.metadata.annotations, annotations);
  }
});

test('applyPrometheusMerge: no scrape annotations still scrapes the agent, without env var', () => {
  const pod = withProxy({});
  applyPrometheusMerge(pod, {}, 15020);
  assert.equal((pod.metadata.annotations as Record<string, string>)['prometheus.io/port'], '15020');
  assert.deepEqual((pod.spec.containers as { env: unknown[] }[])[1].env, []);
});

test('applyPrometheusMerge: Istio errors for reserved and bad ports', () => {
  assert.throws(() => applyPrometheusMerge(withProxy({ 'prometheus.io/port': '15090' }), {}, 15020),
    { message: 'invalid prometheus scrape configuration: port 15090 is reserved for Istio (Envoy Prometheus (already merged)) and cannot be scraped' });
  assert.throws(() => applyPrometheusMerge(withProxy({ 'prometheus.io/port': 'x' }), {}, 15020),
    { message: 'invalid prometheus scrape configuration: invalid port "x"' });
  assert.throws(() => applyPrometheusMerge(withProxy({ 'prometheus.istio.io/scrape-targets': '8080,15020:/m' }), {}, 15020),
    { message: 'invalid prometheus scrape targets: target port 15020 conflicts with agent port' });
});

test('status annotation: Go marshalling with nulls and default revision; parse is strict about types', () => {
  const v = injectionStatusValue({ initContainers: [{ name: 'istio-init' }], volumes: [{ name: 'v' }] }, '');
  assert.equal(v, '{"initContainers":["istio-init"],"containers":null,"volumes":["v"],"imagePullSecrets":null,"revision":"default"}');
  assert.deepEqual(parseInjectionStatus(v)?.initContainers, ['istio-init']);
  assert.equal(parseInjectionStatus('{"containers":"x"}'), undefined);
  assert.equal(parseInjectionStatus('not json'), undefined);
});

test('stripPod removes injected containers, the status and agent-pointing Prometheus annotations', () => {
  const pod: PodJson = {
    metadata: { annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"]}', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true', keep: 'me' } },
    spec: { containers: [{ name: 'app' }, { name: 'istio-proxy' }], initContainers: [{ name: 'istio-init' }] },
  };
  const s = stripPod(pod, 15020);
  assert.deepEqual(s.spec, { containers: [{ name: 'app' }] });
  assert.deepEqual(s.metadata.annotations, { keep: 'me' });
  assert.equal((pod.spec.containers as unknown[]).length, 2, 'input untouched');
  const plain: PodJson = { metadata: {}, spec: { containers: [] } };
  assert.equal(stripPod(plain, 15020), plain);
});

test('uninjectPod removes everything the status lists, or reports not injected', () => {
  const pod: PodJson = {
    metadata: { annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy"],"imagePullSecrets":null}' } },
    spec: { containers: [{ name: 'app' }, { name: 'istio-proxy' }], initContainers: [{ name: 'istio-init' }], volumes: [{ name: 'istio-envoy' }, { name: 'data' }] },
  };
  assert.deepEqual(uninjectPod(pod), { metadata: {}, spec: { containers: [{ name: 'app' }], volumes: [{ name: 'data' }] } });
  assert.equal(uninjectPod({ metadata: {}, spec: {} }), undefined);
});
