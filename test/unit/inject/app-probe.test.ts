import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpAppProbers, mergeOrAppendProbers, rewriteProbes, shouldRewriteAppHTTPProbers } from '../../../core/src/inject/app-probe';
import type { PodJson } from '../../../core/src/inject/pod';

const podOf = (containers: unknown[], initContainers?: unknown[]): PodJson => ({
  metadata: {},
  spec: initContainers ? { containers, initContainers } : { containers },
});

test('shouldRewriteAppHTTPProbers: a parseable annotation wins over the values setting', () => {
  const a = 'sidecar.istio.io/rewriteAppHTTPProbers';
  assert.equal(shouldRewriteAppHTTPProbers({}, true), true);
  assert.equal(shouldRewriteAppHTTPProbers({}, false), false);
  assert.equal(shouldRewriteAppHTTPProbers({ [a]: 'true' }, false), true);
  assert.equal(shouldRewriteAppHTTPProbers({ [a]: 'false' }, true), false);
  assert.equal(shouldRewriteAppHTTPProbers({ [a]: 'garbage' }, true), true);
});

test('dumpAppProbers: gRPC probes (Istio app_probe_test cases)', () => {
  assert.equal(dumpAppProbers(podOf([{ name: 'foo', livenessProbe: { grpc: { port: 1234 } } }]), 15020),
    '{"/app-health/foo/livez":{"grpc":{"port":1234,"service":null}}}');
  assert.equal(dumpAppProbers(podOf([{ name: 'bar', readinessProbe: { grpc: { port: 1234, service: 'foo' } } }]), 15020),
    '{"/app-health/bar/readyz":{"grpc":{"port":1234,"service":"foo"}}}');
  assert.equal(dumpAppProbers(podOf([{
    name: 'foo',
    startupProbe: { grpc: { port: 1234, service: 'foo' }, timeoutSeconds: 10 },
    lifecycle: { preStop: { httpGet: { scheme: 'HTTP', host: 'foo', port: 1234, path: '/foo' } } },
  }]), 15020),
  '{"/app-health/foo/startupz":{"grpc":{"port":1234,"service":"foo"},"timeoutSeconds":10},' +
    '"/app-lifecycle/foo/prestopz":{"httpGet":{"path":"/foo","port":1234,"host":"foo","scheme":"HTTP"}}}');
});

test('dumpAppProbers: named ports resolve, unknown names and the status port are dropped, proxy skipped', () => {
  const pod = podOf([
    { name: 'app', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { port: 'http', path: '/r' } }, livenessProbe: { tcpSocket: { port: 'nope' } } },
    { name: 'other', readinessProbe: { httpGet: { port: 15020 } } },
    { name: 'istio-proxy', readinessProbe: { httpGet: { port: 15021 } } },
  ]);
  assert.equal(dumpAppProbers(pod, 15020), '{"/app-health/app/readyz":{"httpGet":{"path":"/r","port":8080}}}');
  assert.equal(dumpAppProbers(podOf([{ name: 'x' }]), 15020), '');
});

test('rewriteProbes: probes point at the status port, TCP/gRPC become HTTP, HTTPS becomes HTTP', () => {
  const pod = podOf([
    {
      name: 'app',
      readinessProbe: { httpGet: { port: 8080, path: '/ready', scheme: 'HTTPS', host: 'h' }, periodSeconds: 3 },
      livenessProbe: { tcpSocket: { port: 8080 } },
      startupProbe: { grpc: { port: 9000 } },
      lifecycle: { postStart: { tcpSocket: { port: 1 } } },
    },
    { name: 'istio-proxy', readinessProbe: { httpGet: { port: 15021 } } },
  ], [{ name: 'init', readinessProbe: { httpGet: { port: 1 } } }]);
  rewriteProbes(pod, {}, 15020);
  const app = (pod.spec.containers as Record<string, unknown>[])[0];
  assert.deepEqual(app.readinessProbe, { httpGet: { port: 15020, path: '/app-health/app/readyz', scheme: 'HTTP', host: 'h' }, periodSeconds: 3 });
  assert.deepEqual(app.livenessProbe, { httpGet: { port: 15020, path: '/app-health/app/livez' } });
  assert.deepEqual(app.startupProbe, { httpGet: { port: 15020, path: '/app-health/app/startupz' } });
  assert.deepEqual(app.lifecycle, { postStart: { httpGet: { port: 15020, path: '/app-lifecycle/app/poststartz' } } });
  assert.deepEqual((pod.spec.containers as Record<string, unknown>[])[1].readinessProbe, { httpGet: { port: 15021 } });
  assert.deepEqual((pod.spec.initContainers as Record<string, unknown>[])[0].readinessProbe, { httpGet: { port: 15020, path: '/app-health/init/readyz' } });
});

test('rewriteProbes: the status port annotation overrides the mesh port', () => {
  const pod = podOf([{ name: 'a', readinessProbe: { httpGet: { port: 1 } } }]);
  rewriteProbes(pod, { 'status.sidecar.istio.io/port': '15999' }, 15020);
  assert.equal(((pod.spec.containers as Record<string, Record<string, Record<string, unknown>>>[])[0].readinessProbe.httpGet).port, 15999);
});

test('mergeOrAppendProbers: appends on first injection, merges (old entries win) on re-injection', () => {
  const env = [{ name: 'A', value: '1' }];
  assert.deepEqual(mergeOrAppendProbers(false, env, '{"x":{}}'), [...env, { name: 'ISTIO_KUBE_APP_PROBERS', value: '{"x":{}}' }]);
  const old = [{ name: 'ISTIO_KUBE_APP_PROBERS', value: '{"/app-health/a/readyz":{"httpGet":{"port":80}}}' }];
  const merged = mergeOrAppendProbers(true, old, '{"/app-health/a/readyz":{"httpGet":{"port":15020}},"/app-health/b/livez":{"tcpSocket":{"port":9}}}');
  assert.deepEqual(merged, [{ name: 'ISTIO_KUBE_APP_PROBERS', value: '{"/app-health/a/readyz":{"httpGet":{"port":80}},"/app-health/b/livez":{"tcpSocket":{"port":9}}}' }]);
});
