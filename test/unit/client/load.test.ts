import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSourceConfig, type ClusterCache, type ClusterTexts, type LoadDeps } from '../../../client/src/config-source/load';

/** vscode.l10n.t's formatting, without VS Code. */
const t = (message: string, ...args: (string | number)[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

function deps(files: Record<string, string>, cluster: () => Promise<ClusterTexts>, context = 'kind-dev'): LoadDeps & { clusterReads: number } {
  const d = {
    clusterReads: 0,
    t,
    currentContext: () => context,
    readFile: async (file: string) => {
      if (!(file in files)) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return files[file]!;
    },
    readCluster: async () => {
      d.clusterReads++;
      return cluster();
    },
  };
  return d;
}

const noCluster = async (): Promise<ClusterTexts> => {
  throw new Error('no cluster in this test');
};

test('built-in: no texts, no error', async () => {
  assert.deepEqual(await loadSourceConfig({ kind: 'builtin' }, deps({}, noCluster), new Map()), {});
});

test('untrusted: no texts, and the error says why', async () => {
  const result = await loadSourceConfig({ kind: 'builtin', reason: 'untrusted' }, deps({}, noCluster), new Map());
  assert.equal(result.config, undefined);
  assert.match(result.error ?? '', /not trusted/);
});

test('files: the texts under istioctl\'s meaning (--injectConfigFile is not the ConfigMap key), labelled by file name', async () => {
  const d = deps({ '/w/inject.yaml': 'INJECT', '/w/values.yaml': 'VALUES', '/w/mesh.yaml': 'MESH' }, noCluster);
  const result = await loadSourceConfig({ kind: 'files', files: { injectConfigFile: '/w/inject.yaml', meshConfigFile: '/w/mesh.yaml', valuesFile: '/w/values.yaml' } }, d, new Map());
  assert.deepEqual(result, { config: { source: 'files', label: 'inject.yaml, mesh.yaml, values.yaml', injectConfigFile: 'INJECT', mesh: 'MESH', values: 'VALUES' } });
  const partial = await loadSourceConfig({ kind: 'files', files: { valuesFile: '/w/values.yaml' } }, d, new Map());
  assert.deepEqual(partial.config, { source: 'files', label: 'values.yaml', values: 'VALUES' });
});

test('files: none set, or one missing, is an error naming the file', async () => {
  const d = deps({ '/w/values.yaml': 'VALUES' }, noCluster);
  assert.match((await loadSourceConfig({ kind: 'files', files: {} }, d, new Map())).error ?? '', /no configuration file is set/);
  const missing = await loadSourceConfig({ kind: 'files', files: { valuesFile: '/w/values.yaml', meshConfigFile: '/w/nope.yaml' } }, d, new Map());
  assert.equal(missing.config, undefined);
  assert.match(missing.error ?? '', /cannot read \/w\/nope\.yaml: ENOENT/);
});

test('cluster: the ConfigMap texts, labelled context/namespace, read once per context+namespace+revision', async () => {
  const texts = { context: 'kind-dev', injectorConfig: 'CONFIG', values: 'VALUES', mesh: 'MESH' };
  const d = deps({}, async () => texts);
  const cache: ClusterCache = new Map();
  const plan = { kind: 'cluster' as const, namespace: 'istio-system', revision: '' };
  const first = await loadSourceConfig(plan, d, cache);
  assert.deepEqual(first, { config: { source: 'cluster', label: 'kind-dev/istio-system', injectorConfig: 'CONFIG', values: 'VALUES', mesh: 'MESH' } });
  await loadSourceConfig(plan, d, cache);
  assert.equal(d.clusterReads, 1, 'cached');
  await loadSourceConfig({ ...plan, revision: 'canary' }, d, cache);
  assert.equal(d.clusterReads, 2, 'another revision is another read');
  cache.clear();
  await loadSourceConfig(plan, d, cache);
  assert.equal(d.clusterReads, 3, 'a cleared cache (Reload) reads again');
});

test('cluster: another kubeconfig context is another cache entry', async () => {
  const cache: ClusterCache = new Map();
  const plan = { kind: 'cluster' as const, namespace: 'istio-system', revision: '' };
  const a = deps({}, async () => ({ context: 'a', injectorConfig: 'A' }), 'a');
  const b = deps({}, async () => ({ context: 'b', injectorConfig: 'B' }), 'b');
  assert.equal((await loadSourceConfig(plan, a, cache)).config?.injectorConfig, 'A');
  assert.equal((await loadSourceConfig(plan, b, cache)).config?.injectorConfig, 'B');
  assert.equal((await loadSourceConfig(plan, a, cache)).config?.injectorConfig, 'A');
  assert.equal(a.clusterReads + b.clusterReads, 2);
});

test('cluster: a failure is an error (not cached), so the next attempt asks again', async () => {
  let fail = true;
  const d = deps({}, async () => {
    if (fail) throw new Error('connect ECONNREFUSED 127.0.0.1:6443');
    return { context: 'kind-dev', injectorConfig: 'CONFIG' };
  });
  const cache: ClusterCache = new Map();
  const plan = { kind: 'cluster' as const, namespace: 'istio-system', revision: '' };
  assert.deepEqual(await loadSourceConfig(plan, d, cache), { error: 'connect ECONNREFUSED 127.0.0.1:6443' });
  fail = false;
  assert.equal((await loadSourceConfig(plan, d, cache)).config?.injectorConfig, 'CONFIG');
});

test('cluster: a kubeconfig that does not load is an error, not a throw', async () => {
  const d = deps({}, noCluster);
  d.currentContext = () => {
    throw new Error('invalid kubeconfig');
  };
  assert.deepEqual(await loadSourceConfig({ kind: 'cluster', namespace: 'istio-system', revision: '' }, d, new Map()), { error: 'invalid kubeconfig' });
});
