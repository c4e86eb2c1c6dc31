// The cluster config source against the local API server: the ConfigMaps istioctl reads (per revision), a
// KUBECONFIG of several files, and failures that name the ConfigMap and the context.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { currentKubeContext, readIstioConfigMaps } from '../../../client/src/kube';
import { configMap, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';

let api: KubeApiServer;
const savedKubeconfig = process.env.KUBECONFIG;

before(async () => {
  api = await startKubeApi();
  api.store.applyAll([
    configMap('istio-system', 'istio-sidecar-injector', { config: 'policy: enabled\n', values: '{"global":{"tag":"1.28.0"}}' }),
    configMap('istio-system', 'istio', { mesh: 'defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n' }),
    configMap('istio-system', 'istio-sidecar-injector-canary', { config: 'policy: disabled\n', values: '{"global":{"tag":"1.29.0"}}' }),
    configMap('istio-system', 'istio-canary', { mesh: 'defaultConfig: {}\n' }),
    configMap('mesh', 'istio-sidecar-injector', { values: '{}' }),
    configMap('mesh', 'istio', { mesh: '{}' }),
  ]);
  // Two kubeconfig files, as KUBECONFIG lists them: the first names the current context, the second defines it.
  const dir = mkdtempSync(join(tmpdir(), 'istio-config-maps-'));
  const first = writeKubeconfig(join(dir, 'first'), [{ name: 'elsewhere', server: 'http://127.0.0.1:9' }], 'test');
  const second = writeKubeconfig(join(dir, 'second'), [{ name: 'test', server: api.url }]);
  process.env.KUBECONFIG = [first, second].join(delimiter);
});

after(async () => {
  if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = savedKubeconfig;
  await api.close();
});

beforeEach(() => api.faults.clear());

test('the current context comes from the merged KUBECONFIG files', () => {
  assert.equal(currentKubeContext(), 'test');
});

test('default revision: istio-sidecar-injector (config, values) and istio (mesh)', async () => {
  assert.deepEqual(await readIstioConfigMaps('istio-system', ''), {
    context: 'test',
    injectorConfig: 'policy: enabled\n',
    values: '{"global":{"tag":"1.28.0"}}',
    mesh: 'defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n',
  });
  assert.equal((await readIstioConfigMaps('istio-system', 'default')).values, '{"global":{"tag":"1.28.0"}}');
});

test('a revision reads the -REV ConfigMaps', async () => {
  const texts = await readIstioConfigMaps('istio-system', 'canary');
  assert.equal(texts.injectorConfig, 'policy: disabled\n');
  assert.equal(texts.mesh, 'defaultConfig: {}\n');
});

test('a missing ConfigMap, or one without `config`, is an error naming it and the context', async () => {
  await assert.rejects(readIstioConfigMaps('istio-system', 'nope'), /ConfigMap istio-system\/istio-sidecar-injector-nope in context "test": not found/);
  await assert.rejects(readIstioConfigMaps('mesh', ''), /ConfigMap mesh\/istio-sidecar-injector in context "test" has no `config` key/);
});

test('access denied is said as such', async () => {
  api.faults.add({ match: /configmaps/, status: 403 });
  await assert.rejects(readIstioConfigMaps('istio-system', ''), /access denied \(HTTP 403\)/);
});
