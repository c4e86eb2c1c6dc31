// Cross-check of the test API server with the machine's real kubectl: if the server drifted from the Kubernetes API
// (discovery, tables, patches, logs, pagination), kubectl would fail or print something else. The pod table's READY
// and STATUS come from the cluster view's printer model, so `kubectl get pods -A` also checks that model end to end.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deployment, namespace, pod, replicaSet, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const skip = hasKubectl ? false : 'kubectl is not installed: the real-kubectl cross-check of the test API server did NOT run';
if (!hasKubectl) console.warn(`SKIPPED: ${skip}`);

let api: KubeApiServer;
let dir: string;
let kubeconfig: string;

function kubectl(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }));
  });
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

before(async () => {
  api = await startKubeApi();
  dir = mkdtempSync(join(tmpdir(), 'kubectl-'));
  kubeconfig = writeKubeconfig(join(dir, 'config'), api.url);
  const created = minutesAgo(30);
  const withTime = <T extends { metadata: { creationTimestamp?: string } }>(o: T) => ((o.metadata.creationTimestamp = created), o);
  api.store.applyAll([
    namespace('demo'), namespace('mesh', { 'istio-injection': 'enabled' }),
    withTime(pod({ ns: 'demo', name: 'plain', containers: [{ name: 'web' }] })),
    withTime(pod({
      ns: 'mesh', name: 'native', containers: [{ name: 'web' }],
      initContainers: [{ name: 'istio-init', state: 'terminated:Completed' }, { name: 'istio-proxy', restartPolicy: 'Always', started: true }],
    })),
    withTime(pod({ ns: 'mesh', name: 'two-apps', containers: [{ name: 'web' }, { name: 'sidecar-app' }, { name: 'istio-proxy' }], initContainers: [{ name: 'istio-init', state: 'terminated:Completed' }] })),
    withTime(pod({ ns: 'mesh', name: 'crash', containers: [{ name: 'web', state: 'waiting:CrashLoopBackOff', restarts: 4 }, { name: 'istio-proxy' }] })),
    withTime(pod({ ns: 'mesh', name: 'init-pull', containers: [{ name: 'web', state: 'waiting:PodInitializing' }], initContainers: [{ name: 'istio-init', state: 'waiting:ErrImagePull' }] })),
    withTime(pod({ ns: 'mesh', name: 'init-wait', containers: [{ name: 'web', state: 'waiting:PodInitializing' }], initContainers: [{ name: 'istio-init', state: 'terminated:Completed' }, { name: 'setup', state: 'running', ready: false }] })),
    withTime(pod({ ns: 'mesh', name: 'done', phase: 'Succeeded', containers: [{ name: 'job', state: 'terminated:Completed' }] })),
    deployment('mesh', 'web'), replicaSet('mesh', 'web-5d8f', 'web'),
  ]);
  api.store.mutate(api.store.resourceOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '' } }), 'mesh', 'two-apps', (p) => {
    p.metadata.annotations = { 'kubectl.kubernetes.io/default-container': 'web' };
  });
  api.logs.append('mesh', 'two-apps', 'istio-init', '* nat', '-A ISTIO_INBOUND -p tcp --dport 15008 -j RETURN', 'COMMIT');
  api.logs.append('mesh', 'two-apps', 'web', 'GET / 200');
});
after(() => api?.close());

test('kubectl get pods -A prints READY and STATUS as a real cluster would', { skip }, async () => {
  const { stdout, stderr, code } = await kubectl('get', 'pods', '-A');
  assert.equal(code, 0, stderr);
  const rows = stdout.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(rows[0], ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(rows.slice(1), [
    ['demo', 'plain', '1/1', 'Running', '0', '30m'],
    ['mesh', 'crash', '1/2', 'CrashLoopBackOff', '4', '30m'],
    ['mesh', 'done', '0/1', 'Completed', '0', '30m'],
    ['mesh', 'init-pull', '0/1', 'Init:ErrImagePull', '0', '30m'],
    ['mesh', 'init-wait', '0/1', 'Init:1/2', '0', '30m'],
    ['mesh', 'native', '2/2', 'Running', '0', '30m'],
    ['mesh', 'two-apps', '3/3', 'Running', '0', '30m'],
  ]);
});

test('kubectl get pods pages with --chunk-size (limit/continue)', { skip }, async () => {
  const before = api.requests.length;
  const { stdout, code, stderr } = await kubectl('get', 'pods', '-n', 'mesh', '--chunk-size=2', '-o', 'name');
  assert.equal(code, 0, stderr);
  assert.equal(stdout.trim().split('\n').length, 6);
  const lists = api.requests.slice(before).filter((r) => r.path === '/api/v1/namespaces/mesh/pods');
  assert.equal(lists.length, 3);
  assert.ok(lists.every((r) => r.query.includes('limit=2')));
  assert.ok(lists.slice(1).every((r) => r.query.includes('continue=')));
});

test('kubectl label ns adds, overwrites and removes injection labels through merge patches', { skip }, async () => {
  const ns = api.store.resourceOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: '' } });
  assert.deepEqual(await kubectl('label', 'ns', 'demo', 'istio-injection=enabled'), { stdout: 'namespace/demo labeled\n', stderr: '', code: 0 });
  assert.equal(api.store.get(ns, undefined, 'demo')?.metadata.labels?.['istio-injection'], 'enabled');
  const clash = await kubectl('label', 'ns', 'demo', 'istio-injection=disabled');
  assert.notEqual(clash.code, 0);
  assert.match(clash.stderr, /already has a value \(enabled\), and --overwrite is false/);
  assert.equal((await kubectl('label', 'ns', 'demo', 'istio-injection=disabled', '--overwrite')).code, 0);
  assert.equal(api.store.get(ns, undefined, 'demo')?.metadata.labels?.['istio-injection'], 'disabled');
  assert.equal((await kubectl('label', 'ns', 'demo', 'istio-injection-')).stdout, 'namespace/demo unlabeled\n');
  assert.equal(api.store.get(ns, undefined, 'demo')?.metadata.labels?.['istio-injection'], undefined);
  assert.ok(api.requests.some((r) => r.method === 'PATCH' && r.path === '/api/v1/namespaces/demo' && r.contentType === 'application/merge-patch+json'));
});

test('kubectl logs reads the named container and honours the default-container annotation', { skip }, async () => {
  const init = await kubectl('logs', '-n', 'mesh', 'two-apps', '-c', 'istio-init');
  assert.equal(init.code, 0, init.stderr);
  assert.equal(init.stdout, '* nat\n-A ISTIO_INBOUND -p tcp --dport 15008 -j RETURN\nCOMMIT\n');
  const dflt = await kubectl('logs', '-n', 'mesh', 'two-apps');
  assert.equal(dflt.stdout, 'GET / 200\n');
  const bad = await kubectl('logs', '-n', 'mesh', 'two-apps', '-c', 'nope');
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /container nope is not valid for pod two-apps/);
});

test('kubectl rollout restart sends the restartedAt template annotation as a strategic merge patch', { skip }, async () => {
  const out = await kubectl('rollout', 'restart', 'deployment/web', '-n', 'mesh');
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, 'deployment.apps/web restarted\n');
  const dep = api.store.get(api.store.resourceOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: '' } }), 'mesh', 'web')!;
  const template = (dep['spec'] as { template: { metadata: { annotations?: Record<string, string>; labels?: Record<string, string> } } }).template;
  assert.match(template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(template.metadata.labels, { app: 'web' });
  assert.equal(dep.metadata.generation, 2);
  const patch = api.requests.find((r) => r.method === 'PATCH' && r.path === '/apis/apps/v1/namespaces/mesh/deployments/web');
  assert.equal(patch?.contentType, 'application/strategic-merge-patch+json');
});
