// The owning workload of a pod (pod → ReplicaSet → Deployment, pod → Job → CronJob, …) and its manifest without
// server-set fields: pure cases with a fake reader, and the owner walk against the local API server.
import { KubeConfig } from '@kubernetes/client-node';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cleanManifest, manifestDocumentName, manifestInjected, owningWorkload, workloadObjectPath, type ManifestObject } from '../../../client/src/cluster/owner-manifest';
import { openClusterClient, type ClusterClient } from '../../../client/src/kube';
import { deployment, namespace, pod, replicaSet, startKubeApi, writeKubeconfig, type KubeApiServer, type KubeObject } from '../../support/kube-api';

const owned = (kind: string, name: string, apiVersion = 'apps/v1') => [{ apiVersion, kind, name, uid: `${name}-uid`, controller: true }];

function reader(objects: Record<string, ManifestObject>) {
  const read: string[] = [];
  return {
    read,
    get: async (path: string) => {
      read.push(path);
      const o = objects[path];
      if (!o) throw new Error(`404 ${path}`);
      return structuredClone(o);
    },
  };
}

test('REST paths of the kinds injection works on; none for other kinds', () => {
  assert.equal(workloadObjectPath('Deployment', 'demo', 'web'), '/apis/apps/v1/namespaces/demo/deployments/web');
  assert.equal(workloadObjectPath('CronJob', 'demo', 'nightly'), '/apis/batch/v1/namespaces/demo/cronjobs/nightly');
  assert.equal(workloadObjectPath('ReplicationController', 'a b', 'rc'), '/api/v1/namespaces/a%20b/replicationcontrollers/rc');
  assert.equal(workloadObjectPath('DeploymentConfig', 'demo', 'dc'), '/apis/apps.openshift.io/v1/namespaces/demo/deploymentconfigs/dc');
  assert.equal(workloadObjectPath('Node', 'demo', 'node-1'), undefined);
  assert.equal(workloadObjectPath('Rollout', 'demo', 'r'), undefined);
});

test('pod → ReplicaSet → Deployment; pod → Job → CronJob; StatefulSet and DaemonSet directly', async () => {
  const r = reader({
    '/apis/apps/v1/namespaces/demo/replicasets/web-5d8f': { kind: 'ReplicaSet', metadata: { name: 'web-5d8f', ownerReferences: owned('Deployment', 'web') } },
    '/apis/apps/v1/namespaces/demo/deployments/web': { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'demo' } },
    '/apis/batch/v1/namespaces/demo/jobs/nightly-29000': { kind: 'Job', metadata: { name: 'nightly-29000', ownerReferences: owned('CronJob', 'nightly', 'batch/v1') } },
    '/apis/batch/v1/namespaces/demo/cronjobs/nightly': { kind: 'CronJob', metadata: { name: 'nightly' } },
    '/apis/apps/v1/namespaces/demo/statefulsets/db': { kind: 'StatefulSet', metadata: { name: 'db' } },
    '/apis/apps/v1/namespaces/demo/daemonsets/agent': { kind: 'DaemonSet', metadata: { name: 'agent' } },
  });
  const podOf = (name: string, ownerReferences?: ReturnType<typeof owned>): ManifestObject => ({ metadata: { name, namespace: 'demo', ...(ownerReferences ? { ownerReferences } : {}) } });
  const web = await owningWorkload(podOf('web-5d8f-abcde', owned('ReplicaSet', 'web-5d8f')), r.get);
  assert.deepEqual(web.chain, ['pod/web-5d8f-abcde', 'replicaset/web-5d8f', 'deployment/web']);
  assert.equal(web.object.kind, 'Deployment');
  const job = await owningWorkload(podOf('nightly-29000-x', owned('Job', 'nightly-29000', 'batch/v1')), r.get);
  assert.deepEqual(job.chain, ['pod/nightly-29000-x', 'job/nightly-29000', 'cronjob/nightly']);
  assert.equal(job.object.kind, 'CronJob');
  assert.equal((await owningWorkload(podOf('db-0', owned('StatefulSet', 'db')), r.get)).object.kind, 'StatefulSet');
  assert.equal((await owningWorkload(podOf('agent-x', owned('DaemonSet', 'agent')), r.get)).object.kind, 'DaemonSet');
});

test('a bare pod is its own workload; an owner of another kind ends the walk below it', async () => {
  const r = reader({ '/apis/apps/v1/namespaces/demo/replicasets/canary-1': { kind: 'ReplicaSet', metadata: { name: 'canary-1', ownerReferences: owned('Rollout', 'canary', 'argoproj.io/v1alpha1') } } });
  const bare = await owningWorkload({ metadata: { name: 'debug', namespace: 'demo' } }, r.get);
  assert.deepEqual(bare.chain, ['pod/debug']);
  assert.equal(bare.object.kind, 'Pod', 'a list item without kind gets Pod');
  assert.equal(bare.object.apiVersion, 'v1');
  const staticPod = await owningWorkload({ metadata: { name: 'etcd-node-1', namespace: 'kube-system', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', controller: true }] } }, r.get);
  assert.deepEqual(staticPod.chain, ['pod/etcd-node-1']);
  const rollout = await owningWorkload({ metadata: { name: 'canary-1-x', namespace: 'demo', ownerReferences: owned('ReplicaSet', 'canary-1') } }, r.get);
  assert.deepEqual(rollout.chain, ['pod/canary-1-x', 'replicaset/canary-1']);
  assert.deepEqual(r.read, ['/apis/apps/v1/namespaces/demo/replicasets/canary-1'], 'Node and Rollout owners are not read');
});

test('a failed read (403, owner gone) rejects with the reader\'s error', async () => {
  await assert.rejects(owningWorkload({ metadata: { name: 'p', namespace: 'demo', ownerReferences: owned('ReplicaSet', 'gone') } }, reader({}).get), /404/);
});

test('cleanManifest drops status and server-set metadata, keeps what someone wrote, and does not touch its input', () => {
  const deploymentFromApi: ManifestObject = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {
      name: 'web', namespace: 'demo', uid: 'u', resourceVersion: '42', generation: 3, creationTimestamp: '2026-01-01T00:00:00Z',
      managedFields: [{ manager: 'kubectl' }], selfLink: '/x', labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '3', team: 'blue' },
    },
    spec: { replicas: 2, template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    status: { replicas: 2 },
  };
  const before = structuredClone(deploymentFromApi);
  const clean = cleanManifest(deploymentFromApi);
  assert.deepEqual(clean, {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'demo', labels: { app: 'web' }, annotations: { team: 'blue' } },
    spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  });
  assert.deepEqual(Object.keys(clean), ['apiVersion', 'kind', 'metadata', 'spec'], 'key order kept');
  assert.deepEqual(deploymentFromApi, before);
  const onlyServerAnnotations = cleanManifest({ metadata: { name: 'x', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } });
  assert.equal(onlyServerAnnotations.metadata.annotations, undefined, 'an emptied annotations map goes');
  const cron = cleanManifest({ kind: 'CronJob', metadata: { name: 'c', ownerReferences: [] }, spec: { jobTemplate: { metadata: { creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null } } } } } });
  assert.deepEqual(cron, { kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { metadata: {}, spec: { template: { metadata: {} } } } } });
});

test('manifestInjected reads the status annotation where the manifest\'s pods get theirs', () => {
  const status = { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' };
  assert.equal(manifestInjected({ kind: 'Pod', metadata: { name: 'p', annotations: status } }), true);
  assert.equal(manifestInjected({ kind: 'Pod', metadata: { name: 'p' } }), false);
  assert.equal(manifestInjected({ kind: 'Deployment', metadata: { name: 'd', annotations: status }, spec: { template: { metadata: {} } } }), false, 'the Deployment\'s own annotations do not count');
  assert.equal(manifestInjected({ kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { metadata: { annotations: status } } } }), true);
  assert.equal(manifestInjected({ kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { metadata: { annotations: status } } } } } }), true);
});

test('the document is named after namespace, kind and name, safely', () => {
  assert.equal(manifestDocumentName({ kind: 'Deployment', metadata: { name: 'web', namespace: 'demo' } }), 'demo-deployment-web.yaml');
  assert.equal(manifestDocumentName({ metadata: { name: 'a/b c' } }), 'default-object-a_b_c.yaml');
});

let api: KubeApiServer;
let client: ClusterClient;

before(async () => {
  api = await startKubeApi();
  const file = writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'owner-')), 'config'), [{ name: 'test', server: api.url }]);
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  client = openClusterClient({ kubeConfig: kc });
  const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'nightly-29000', namespace: 'demo', ownerReferences: owned('CronJob', 'nightly', 'batch/v1') }, spec: { template: { spec: { containers: [{ name: 'task', image: 'busybox' }], restartPolicy: 'Never' } } } };
  const cronJob: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'demo' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: job['spec'] } } };
  api.store.applyAll([
    namespace('demo'), deployment('demo', 'web'), replicaSet('demo', 'web-5d8f', 'web'), cronJob, job,
    pod({ ns: 'demo', name: 'web-5d8f-abcde', containers: [{ name: 'web' }], owner: { kind: 'ReplicaSet', name: 'web-5d8f' } }),
    pod({ ns: 'demo', name: 'nightly-29000-x', containers: [{ name: 'task' }], owner: { apiVersion: 'batch/v1', kind: 'Job', name: 'nightly-29000' } }),
  ]);
});
after(() => api.close());

test('against the local API server: a Deployment\'s and a CronJob\'s pods lead to them, cleaned of what the server set', async () => {
  const get = (path: string) => client.get<ManifestObject>(path);
  const podItem = async (name: string) => (await client.listAll<ManifestObject>('/api/v1/namespaces/demo/pods')).items.find((p) => p.metadata.name === name)!;
  const web = await owningWorkload(await podItem('web-5d8f-abcde'), get);
  assert.deepEqual(web.chain, ['pod/web-5d8f-abcde', 'replicaset/web-5d8f', 'deployment/web']);
  assert.ok(web.object.metadata.uid && web.object.metadata.resourceVersion && web.object['status'], 'the server set them');
  const clean = cleanManifest(web.object);
  assert.deepEqual(Object.keys(clean.metadata).sort(), ['labels', 'name', 'namespace']);
  assert.equal(clean['status'], undefined);
  const nightly = await owningWorkload(await podItem('nightly-29000-x'), get);
  assert.deepEqual(nightly.chain, ['pod/nightly-29000-x', 'job/nightly-29000', 'cronjob/nightly']);
  assert.equal(cleanManifest(nightly.object).metadata.generation, undefined);
});
