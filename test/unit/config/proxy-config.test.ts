import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMeshConfig } from '../../../core/src/config/mesh';
import { meshForPod, proxyConfigForPod } from '../../../core/src/config/proxy-config';

const renderedDefaultMesh = 'defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\ndefaultProviders:\n  metrics:\n  - prometheus\n';

test('no annotation: the mesh default config', () => {
  const mesh = applyMeshConfig(renderedDefaultMesh);
  assert.equal(meshForPod(mesh, {}), mesh);
  assert.deepEqual(proxyConfigForPod(mesh, undefined), mesh.defaultConfig);
});

test('JSON annotation (hello-probes-proxyHoldApplication-ProxyConfig)', () => {
  const mesh = applyMeshConfig(renderedDefaultMesh);
  const pc = proxyConfigForPod(mesh, { 'proxy.istio.io/config': '{ "holdApplicationUntilProxyStarts": true }' });
  assert.equal(pc.holdApplicationUntilProxyStarts, true);
  assert.equal(pc.statusPort, 15020);
  const off = proxyConfigForPod(mesh, { 'proxy.istio.io/config': '{ "holdApplicationUntilProxyStarts": false }' });
  assert.equal(off.holdApplicationUntilProxyStarts, false, 'a wrapper set to false stays set');
});

test('YAML annotation over mesh proxyMetadata (traffic-annotations)', () => {
  const meshFixed = applyMeshConfig(
    'defaultConfig:\n  proxyMetadata:\n    ISTIO_META_TLS_CLIENT_KEY: /etc/identity/client/keys/client-key.pem\n',
    applyMeshConfig(renderedDefaultMesh),
  );
  const annotations = {
    'proxy.istio.io/config':
      'discoveryAddress: foo:123\nconcurrency: 0\nproxyMetadata:\n  FOO: bar\n  ISTIO_META_TLS_CLIENT_KEY: /etc/identity2/client/keys/client-key.pem',
  };
  const podMesh = meshForPod(meshFixed, annotations);
  const pc = podMesh.defaultConfig as Record<string, unknown>;
  assert.equal(pc.discoveryAddress, 'foo:123');
  assert.equal(pc.concurrency, 0);
  assert.deepEqual(pc.proxyMetadata, { ISTIO_META_TLS_CLIENT_KEY: '/etc/identity2/client/keys/client-key.pem', FOO: 'bar' });
  assert.equal((meshFixed.defaultConfig as Record<string, unknown>).discoveryAddress, 'istiod.istio-system.svc:15012', 'mesh untouched');
});

test('ports from the annotation', () => {
  const mesh = applyMeshConfig('');
  const pc = proxyConfigForPod(mesh, { 'proxy.istio.io/config': 'statusPort: 15021\nproxyAdminPort: "15001"' });
  assert.equal(pc.statusPort, 15021);
  assert.equal(pc.proxyAdminPort, 15001);
});

test('bad annotation: Istio error text', () => {
  const mesh = applyMeshConfig('');
  assert.throws(() => proxyConfigForPod(mesh, { 'proxy.istio.io/config': 'statusPort: true' }), {
    message: 'could not parse proxy config: json: cannot unmarshal bool into Go value of type int32',
  });
  assert.throws(() => proxyConfigForPod(mesh, { 'proxy.istio.io/config': 'just a string' }), {
    message: 'could not parse proxy config: json: cannot unmarshal string into Go value of type map[string]json.RawMessage',
  });
});
