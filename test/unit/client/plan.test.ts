import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { clusterCacheKey, configMapNames, planConfigSource, resolveFilePath } from '../../../client/src/config-source/plan';
import { parseClientSettings } from '../../../client/src/settings-model';

const settings = (raw: Record<string, unknown>) => parseClientSettings((key) => raw[key]);
const HOME = '/home/dev';
const FOLDER = '/work/repo';

test('built-in is built-in, trusted or not', () => {
  assert.deepEqual(planConfigSource(settings({}), true, FOLDER, HOME), { kind: 'builtin' });
  assert.deepEqual(planConfigSource(settings({}), false, FOLDER, HOME), { kind: 'builtin' });
});

test('an untrusted workspace gets the built-in config instead of files or a cluster, and the reason', () => {
  for (const configSource of ['files', 'cluster']) {
    assert.deepEqual(planConfigSource(settings({ configSource, valuesFile: 'v.yaml' }), false, FOLDER, HOME), { kind: 'builtin', reason: 'untrusted' });
  }
});

test('files: only the set ones, relative to the workspace folder, ~ to the home directory', () => {
  const plan = planConfigSource(settings({ configSource: 'files', injectConfigFile: 'istio/inject.yaml', valuesFile: '~/values.yaml' }), true, FOLDER, HOME);
  assert.deepEqual(plan, { kind: 'files', files: { injectConfigFile: path.join(FOLDER, 'istio/inject.yaml'), valuesFile: path.join(HOME, 'values.yaml') } });
});

test('cluster: the namespace and revision of the settings', () => {
  assert.deepEqual(planConfigSource(settings({ configSource: 'cluster', revision: 'canary' }), true, FOLDER, HOME), { kind: 'cluster', namespace: 'istio-system', revision: 'canary' });
  assert.deepEqual(planConfigSource(settings({ configSource: 'cluster', istioNamespace: 'mesh' }), true, undefined, HOME), { kind: 'cluster', namespace: 'mesh', revision: '' });
});

test('file paths: absolute kept, relative without a folder kept as given', () => {
  assert.equal(resolveFilePath('/etc/istio/mesh.yaml', FOLDER, HOME), '/etc/istio/mesh.yaml');
  assert.equal(resolveFilePath('mesh.yaml', undefined, HOME), 'mesh.yaml');
  assert.equal(resolveFilePath('~', FOLDER, HOME), HOME);
});

test('ConfigMap names per revision, as istioctl reads them', () => {
  assert.deepEqual(configMapNames(''), { injector: 'istio-sidecar-injector', mesh: 'istio' });
  assert.deepEqual(configMapNames('default'), { injector: 'istio-sidecar-injector', mesh: 'istio' });
  assert.deepEqual(configMapNames('1-28'), { injector: 'istio-sidecar-injector-1-28', mesh: 'istio-1-28' });
});

test('cache key: context, namespace and revision; "default" is the default revision', () => {
  assert.equal(clusterCacheKey('kind', 'istio-system', 'default'), clusterCacheKey('kind', 'istio-system', ''));
  assert.notEqual(clusterCacheKey('kind', 'istio-system', ''), clusterCacheKey('prod', 'istio-system', ''));
  assert.notEqual(clusterCacheKey('kind', 'istio-system', 'canary'), clusterCacheKey('kind', 'istio-system', ''));
});
