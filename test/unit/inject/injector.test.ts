import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromSources } from '../../../core/src/config/sources';
import { createInjector, removeInjection } from '../../../core/src/inject';
import type { KubeObject } from '../../../core/src/inject/types';

/** A tiny injector config: one sidecar template that reads template data, one extra template, an alias. */
const CONFIG = `
policy: disabled
defaultTemplates: [sidecar, extra]
aliases:
  both: [sidecar, extra]
injectedAnnotations:
  injected: "yes"
templates:
  sidecar: |
    metadata:
      labels:
        kind-seen: {{ .TypeMeta.Kind | quote }}
        owner: {{ .DeploymentMeta.Name | quote }}
    spec:
      containers:
      - name: istio-proxy
        image: {{ .ProxyImage }}
        args: [{{ .ProxyConfig.InterceptionMode.String | quote }}, {{ .MeshConfig.TrustDomain | quote }}, {{ .ProxyUID | quote }}]
      volumes:
      - name: istio-envoy
        emptyDir: {}
  extra: |
    spec:
      initContainers:
      - name: extra-init
        image: busybox
  broken: |
    spec: [
  mistyped: |
    spec:
      containers:
      - name: istio-proxy
        ports:
        - containerPort: abc
`;

function injector(options?: { webhookPolicy?: boolean }) {
  const settings = settingsFromSources({ config: CONFIG, values: JSON.stringify({ global: { hub: 'hub.example', tag: '1.2' } }), mesh: '' });
  return createInjector(settings, options);
}

const deployment = (extra: Record<string, unknown> = {}, podMeta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { template: { metadata: podMeta, spec: { containers: [{ name: 'app', image: 'app:1' }], ...extra } } },
});

test('injects a Deployment with the sidecar template only (kube-inject ignores policy and defaultTemplates)', () => {
  const r = injector().inject(deployment());
  assert.equal(r.outcome.kind, 'injected');
  const template = (r.object.spec as { template: { metadata: Record<string, Record<string, string>>; spec: Record<string, unknown> } }).template;
  assert.deepEqual(template.metadata.labels, { 'kind-seen': 'Deployment', owner: 'web' });
  assert.equal(template.metadata.annotations['sidecar.istio.io/status'],
    '{"initContainers":null,"containers":["istio-proxy"],"volumes":["istio-envoy"],"imagePullSecrets":null,"revision":"default"}');
  assert.equal(template.metadata.annotations.injected, undefined);
  const containers = template.spec.containers as { name: string; image: string; args?: string[] }[];
  assert.deepEqual(containers.map((c) => c.name), ['app', 'istio-proxy']);
  assert.equal(containers[1].image, 'hub.example/proxyv2:1.2');
  assert.deepEqual(containers[1].args, ['REDIRECT', 'cluster.local', '1337']);
  assert.equal(template.spec.initContainers, undefined);
});

test('webhookPolicy: config policy, default templates, aliases and injected annotations apply', () => {
  const inj = injector({ webhookPolicy: true });
  const skipped = inj.inject(deployment());
  assert.equal(skipped.outcome.kind, 'skipped', 'policy disabled');
  const r = inj.inject(deployment({}, { labels: { 'sidecar.istio.io/inject': 'true' } }));
  assert.equal(r.outcome.kind, 'injected');
  const tmpl = (r.object.spec as { template: { metadata: Record<string, Record<string, string>>; spec: Record<string, unknown[]> } }).template;
  assert.equal(tmpl.spec.initContainers.length, 1);
  assert.equal(tmpl.metadata.annotations.injected, 'yes');
  const aliased = inj.inject(deployment({}, { labels: { 'sidecar.istio.io/inject': 'true' }, annotations: { 'inject.istio.io/templates': 'both' } }));
  assert.equal(aliased.outcome.kind, 'injected');
});

test('skips with istioctl warnings: host network and disabled injection', () => {
  const input = deployment({ hostNetwork: true });
  const host = injector().inject(input);
  assert.equal(host.outcome.kind, 'skipped');
  assert.deepEqual(host.warnings, ['===> Skipping injection because Deployment "shop/web" has host networking enabled\n']);
  assert.equal(host.object, input);
  const off = injector().inject(deployment({}, { annotations: { 'sidecar.istio.io/inject': 'false' } }));
  assert.deepEqual(off.warnings, ['===> Skipping injection because Deployment "shop/web" has sidecar injection disabled\n']);
});

test('kinds: CronJob writes the job template metadata; Service and unknown kinds are unchanged; List injects items', () => {
  const cron: KubeObject = {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' },
    spec: { jobTemplate: { metadata: { labels: { a: 'b' } }, spec: { template: { spec: { containers: [{ name: 'job' }] } } } } },
  };
  const r = injector().inject(cron);
  const jt = (r.object.spec as { jobTemplate: { metadata: { labels: Record<string, string> }; spec: { template: { metadata?: unknown; spec: { containers: unknown[] } } } } }).jobTemplate;
  assert.equal(jt.metadata.labels.owner, 'c');
  assert.equal(jt.spec.template.metadata, undefined);
  assert.equal(jt.spec.template.spec.containers.length, 2);

  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } };
  const u = injector().inject(svc);
  assert.equal(u.outcome.kind, 'unchanged');
  assert.equal(u.object, svc);

  const list: KubeObject = { apiVersion: 'v1', kind: 'List', items: [svc, deployment()] };
  const l = injector().inject(list);
  assert.equal(l.outcome.kind, 'injected');
  const items = l.object.items as KubeObject[];
  assert.equal(items[0], svc);
  assert.equal(((items[1].spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers).length, 2);
});

test('Pod: deployment metadata comes from the controller reference', () => {
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { generateName: 'web-5d8f-', labels: { 'pod-template-hash': '5d8f' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', controller: true }] },
    spec: { containers: [{ name: 'app' }] },
  };
  const r = injector().inject(pod);
  assert.deepEqual((r.object.metadata as { labels: Record<string, string> }).labels, { 'pod-template-hash': '5d8f', 'kind-seen': 'Deployment', owner: 'web' });
});

test('errors come back as outcomes with Istio wording', () => {
  const missing = injector().inject(deployment({}, { annotations: { 'inject.istio.io/templates': 'nope' } }));
  assert.deepEqual(missing.outcome, { kind: 'error', message: 'failed to run injection template: requested template "nope" not found; have broken, extra, mistyped, sidecar' });
  const broken = injector().inject(deployment({}, { annotations: { 'inject.istio.io/templates': 'broken' } }));
  assert.deepEqual(broken.outcome, { kind: 'error', message: 'failed to run injection template: failed applying injection overlay: strategic merge: invalid JSON document' });
  const mistyped = injector().inject(deployment({}, { annotations: { 'inject.istio.io/templates': 'mistyped' } }));
  assert.deepEqual(mistyped.outcome, {
    kind: 'error',
    message: 'failed to run injection template: failed applying injection overlay: unmarshal patched pod: json: cannot unmarshal string into Go struct field Pod.spec.containers.ports.containerPort of type int32',
  });
  const bad = injector().inject(deployment({}, { annotations: { 'traffic.sidecar.istio.io/includeInboundPorts': 'x' } }));
  assert.match((bad.outcome as { message: string }).message, /^failed to run injection template: 1 error occurred:\n\t\* invalid value 'x' for annotation/);
  const rc = injector().inject({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'r' }, spec: {} });
  assert.deepEqual(rc.outcome, { kind: 'error', message: 'spec.template is required value' });
});

test('re-injection is idempotent and removeInjection undoes injection', () => {
  const inj = injector();
  const once = inj.inject(deployment()).object;
  const twice = inj.inject(once).object;
  assert.deepEqual(twice, once);
  const removed = removeInjection(once);
  assert.equal(removed.outcome.kind, 'removed');
  const tmpl = (removed.object.spec as { template: { metadata: Record<string, unknown>; spec: Record<string, unknown> } }).template;
  assert.deepEqual(tmpl.spec, { containers: [{ name: 'app', image: 'app:1' }] });
  assert.equal((tmpl.metadata.annotations as Record<string, string> | undefined)?.['sidecar.istio.io/status'], undefined);
});

test('the input object is never modified', () => {
  const d = deployment({}, { annotations: { 'prometheus.io/port': '8080' } });
  const before = JSON.stringify(d);
  injector().inject(d);
  removeInjection(injector().inject(d).object);
  assert.equal(JSON.stringify(d), before);
});

test('objects Go cannot decode into their type fail like istioctl (sigs.k8s.io/yaml wording)', () => {
  const r = injector().inject(deployment({ containers: [{ name: 'a', ports: [{ containerPort: 'x' }] }] }));
  assert.deepEqual(r.outcome, {
    kind: 'error',
    message: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Deployment.spec.template.spec.containers.ports.containerPort of type int32',
  });
});
