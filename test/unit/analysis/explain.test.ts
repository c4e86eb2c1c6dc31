/** "Why (not) injected": the explanation's content for the situations that decide injection. */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { builtinSettings, createInjector } from '../../../core/src/index';
import { explainInjection } from '../../../core/src/analysis/explain';
import type { ExplainContext } from '../../../core/src/analysis/explain-decision';
import { namespacesInTexts } from '../../../core/src/analysis/explain-namespaces';
import { installedWebhookConfiguration } from '../../../core/src/analysis/installed-webhooks';
import type { InjectionSettings } from '../../../core/src/inject/types';
import { splitYamlStream } from '../../../core/src/manifest/split';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { deployment } from './helpers';

const settings = builtinSettings();
const nativeSettings = builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true' });

/** The explanation of the document that contains `needle` (or the first), with the file's Namespaces as context. */
function explain(text: string, extra: ExplainContext = {}, s: InjectionSettings = settings, needle = 'kind: Deployment'): string {
  const chunks = splitYamlStream(text).chunks.map((c) => c.text);
  const chunk = chunks.find((c) => c.includes(needle)) ?? chunks[0];
  const report = injectManifest(chunk, createInjector(s), { print: false }).documents[0];
  return explainInjection(report, s, { namespaces: namespacesInTexts(chunks), ...extra });
}

const inShop = (podMeta: string, podSpec?: string) => deployment(podMeta, podSpec, '  namespace: shop\n');
const NAMESPACE = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels}---\n`;

test('golden: a Deployment in a namespace of the file with istio-injection=enabled', () => {
  const md = explain(NAMESPACE('  labels:\n    istio-injection: enabled\n') + inShop('      labels: {app: web}\n'));
  const golden = path.resolve('test/fixtures/explain/deployment-namespace-enabled.md');
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, `${md}\n`);
  assert.equal(`${md}\n`, fs.readFileSync(golden, 'utf8'));
});

test('kube-inject ignores namespace labels; the webhook is not called without them', () => {
  const md = explain(NAMESPACE('') + inShop('      labels: {app: web}\n'));
  assert.match(md, /kube-inject \(this editor, `istioctl kube-inject`\): injects the sidecar/);
  assert.match(md, /kube-inject injects regardless of namespace labels; the webhook/);
  assert.match(md, /In a cluster \(the injection webhook\): would not inject\./);
  assert.match(md, /Namespace `shop` \(labels from this file\): `kubernetes.io\/metadata.name=shop`|Namespace `shop` \(labels from this file\): none/);
  assert.match(md, /No webhook is called.*`istio-injection=enabled`/);
  const unknown = explain(inShop('      labels: {app: web}\n'));
  assert.match(unknown, /would not inject, if the namespace has no Istio labels/);
  assert.match(unknown, /Namespace `shop`: its labels are unknown here/);
});

test('labels from the cluster and the revision label', () => {
  const md = explain(inShop('      labels: {app: web}\n'), { namespaces: new Map([['shop', { name: 'shop', labels: { 'istio.io/rev': 'canary' }, source: 'the cluster' }]]) });
  assert.match(md, /Namespace `shop` \(labels from the cluster\): `istio.io\/rev=canary`/);
  assert.match(md, /would not inject/, 'the default install has no webhook for revision canary');
  const canary = { ...settings, revision: 'canary' };
  assert.match(explain(inShop('      labels: {app: web}\n'), { namespaces: new Map([['shop', { name: 'shop', labels: { 'istio.io/rev': 'canary' }, source: 'the cluster' }]]) }, canary),
    /would inject\.[\s\S]*istio-sidecar-injector-canary \| canary \| ✔ \| Namespace label istio.io\/rev=canary matches/);
});

test('the pod label wins over the annotation, and says so', () => {
  const md = explain(deployment('      labels:\n        sidecar.istio.io/inject: "true"\n      annotations:\n        sidecar.istio.io/inject: "false"\n'));
  assert.match(md, /3\. `sidecar.istio.io\/inject` label, else annotation: label `"true"` → \*\*inject\*\*/);
  assert.match(md, /injects the sidecar\*\*: the pod's `sidecar.istio.io\/inject` label is "true"/);
  const off = explain(deployment('      annotations:\n        sidecar.istio.io/inject: "false"\n'));
  assert.match(off, /skips this pod\*\*: the pod's `sidecar.istio.io\/inject` annotation is "false"/);
  assert.match(off, /Containers \(unchanged\): `app`/);
  const odd = explain(deployment('      labels:\n        sidecar.istio.io/inject: "yes"\n'));
  assert.match(odd, /label `"yes"`: neither "true" nor "false", so the policy decides/);
});

test('host networking and ignored namespaces stop injection first', () => {
  const host = explain(deployment('      labels: {app: web}\n', '      hostNetwork: true\n      containers:\n      - name: app\n        image: nginx\n'));
  assert.match(host, /skips this pod\*\*: the pod uses host networking/);
  assert.match(host, /1\. host networking: `hostNetwork: true` → \*\*skip\*\*/);
  assert.match(host, /istioctl prints:\n- ===> Skipping injection because Deployment "web" has host networking enabled/);
  // kube-inject checks only the pod template's namespace; the webhook the namespace the pod is created in.
  const system = explain(deployment('      labels: {app: web}\n', undefined, '  namespace: kube-system\n'));
  assert.match(system, /kube-inject \(this editor, `istioctl kube-inject`\): injects the sidecar/);
  assert.match(system, /kube-inject checks only a namespace written in the pod template \(none here\); the webhook checks the namespace the pod is created in \(`kube-system`\)/);
  const pod = explain('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: kube-public\nspec:\n  containers: [{name: a, image: b}]\n', {}, settings, 'kind: Pod');
  assert.match(pod, /skips this pod\*\*: Istio never injects into the system namespace `kube-public`/);
});

test('the webhook applies the injector config\'s policy and selectors, which kube-inject ignores', () => {
  const config = { ...settings.config, policy: 'disabled' as const, alwaysInjectSelector: [{ matchLabels: { app: 'web' } }], neverInjectSelector: [{ matchLabels: { tier: 'db' } }] };
  const s = { ...settings, config };
  const text = NAMESPACE('  labels:\n    istio-injection: enabled\n') + inShop('      labels: {app: web}\n');
  const md = explain(text, {}, s);
  assert.match(md, /neverInjectSelector, then alwaysInjectSelector \(pod labels\): kube-inject ignores them/);
  assert.match(md, /policy: `enabled` \(kube-inject's; it ignores the injector config's\) → \*\*inject\*\*/);
  assert.match(md, /Then the injector's policy \(`disabled`.*\): injects, because the pod's labels match alwaysInjectSelector\[0\]/);
  const db = explain(NAMESPACE('  labels:\n    istio-injection: enabled\n') + inShop('      labels: {app: web, tier: db}\n'), {}, s);
  assert.match(db, /would not inject\.[\s\S]*skips, because the pod's labels match neverInjectSelector\[0\]/);
});

test('templates and the native-sidecar choice', () => {
  const grpc = explain(deployment('      annotations:\n        inject.istio.io/templates: grpc-agent\n        sidecar.istio.io/nativeSidecar: "true"\n'));
  assert.match(grpc, /\*\*Templates\*\*: `grpc-agent` \(from the pod's `inject.istio.io\/templates` annotation \("grpc-agent"\)\)/);
  assert.match(grpc, /\*\*Native sidecar\*\*: no: .*annotation is "true", which overrides ENABLE_NATIVE_SIDECARS, but the template `grpc-agent` keeps it among the containers/);
  const md = explain(deployment('      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n'));
  assert.match(md, /\*\*Templates\*\*: `sidecar` \(the default\)/);
  assert.match(md, /\*\*Native sidecar\*\*: yes: `istio-proxy` goes to `initContainers`.*because the pod's `sidecar.istio.io\/nativeSidecar` annotation is "true"/);
  assert.match(md, /Init containers: .*`istio-proxy`/);
  const byFlag = explain(deployment('      labels: {app: web}\n'), {}, nativeSettings);
  assert.match(byFlag, /Native sidecar\*\*: yes.*ENABLE_NATIVE_SIDECARS is on/);
  const off = explain(deployment('      annotations:\n        sidecar.istio.io/nativeSidecar: "false"\n'), {}, nativeSettings);
  assert.match(off, /Native sidecar\*\*: no: `istio-proxy` is a regular container, because the pod's `sidecar.istio.io\/nativeSidecar` annotation is "false"/);
  assert.match(off, /Containers after injection: `app`, `istio-proxy`/);
});

test('webhooks from the cluster: more than one injecting is an error', () => {
  const second = { ...installedWebhookConfiguration(''), metadata: { name: 'istio-sidecar-injector-copy', labels: { 'istio.io/rev': 'default' } } };
  const md = explain(NAMESPACE('  labels:\n    istio-injection: enabled\n') + inShop('      labels: {app: web}\n'), { webhooks: [installedWebhookConfiguration(''), second] });
  assert.match(md, /Webhooks from the cluster/);
  assert.match(md, /- ⚠ ERROR: multiple webhooks will inject, which can lead to errors/);
  const none = explain(inShop('      labels: {app: web}\n'), { webhooks: [] });
  assert.match(none, /⚠ ERROR: no Istio injection hooks present\./);
  assert.match(none, /would not inject\./);
});

test('a List explains each item; a kind without a pod template says so; errors come first', () => {
  const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    hostNetwork: true\n    containers: [{name: a, image: b}]\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: q}\n  spec:\n    containers: [{name: a, image: b}]\n';
  const md = explain(list, {}, settings, 'kind: List');
  assert.match(md, /### List item Pod `p`[\s\S]*skips this pod[\s\S]*### List item Pod `q`[\s\S]*injects the sidecar/);
  assert.match(md, /Pod `q`: Containers after injection: `a`, `istio-proxy`/);
  assert.match(explain('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n', {}, settings, 'Service'), /kube-inject leaves this kind unchanged/);
  const bad = explain(deployment('      annotations:\n        traffic.sidecar.istio.io/includeInboundPorts: "x"\n'));
  assert.match(bad, /^\*\*Deployment `web`\*\*: injection fails: /);
  assert.match(bad, /the checks pass, but injection fails/);
});

test('Namespace documents are found in the file, whatever else it holds', () => {
  const found = namespacesInTexts(['kind: Namespace\napiVersion: v1\nmetadata:\n  name: a\n  labels: {x: "1", n: 2}\n', 'kind: ConfigMap\nmetadata: {name: b}\n', 'kind: "Namespace"\nmetadata: {}\n']);
  assert.deepEqual([...found.values()], [{ name: 'a', labels: { x: '1' }, source: 'this file' }]);
});

test('on a Namespace: which webhooks its labels select; on a CronJob: whose metadata each side reads', () => {
  const ns = explain(NAMESPACE('  labels:\n    istio.io/rev: default\n'), {}, settings, 'kind: Namespace');
  assert.match(ns, /^\*\*Namespace `shop`\*\*: kube-inject leaves it unchanged/);
  assert.match(ns, /\*\*In a cluster\*\*: for pods created in `shop` without Istio labels of their own, the injection webhook is called \(labels: `kubernetes.io\/metadata.name=shop`, `istio.io\/rev=default`\)/);
  assert.match(ns, /\| istio-sidecar-injector \| default \| ✔ \| Namespace label istio.io\/rev=default matches \|/);
  assert.match(explain(NAMESPACE(''), {}, settings, 'kind: Namespace'), /no injection webhook is called/);
  const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, namespace: shop}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    metadata:\n      labels: {sidecar.istio.io/inject: "false"}\n    spec:\n      template:\n        metadata:\n          labels: {sidecar.istio.io/inject: "true"}\n        spec:\n          containers: [{name: a, image: b}]\n';
  const md = explain(NAMESPACE('') + cron, {}, settings, 'kind: CronJob');
  assert.match(md, /kube-inject \(this editor, `istioctl kube-inject`\): skips this pod\*\*: the pod's `sidecar.istio.io\/inject` label is "false"/);
  assert.match(md, /For a CronJob, kube-inject reads labels and annotations from the Job template/);
  assert.match(md, /would inject\.[\s\S]*Pod label sidecar.istio.io\/inject=true matches/);
});

test('odd shapes still get an explanation, never an exception', () => {
  const odd = [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: 5\nspec: {template: []}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {sidecar.istio.io/inject: 1}, annotations: null}\nspec: {containers: [{name: a, image: b}]}\n',
    'apiVersion: v1\nkind: List\nitems: [1, "x", null, {kind: Pod}]\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {labels: {istio-injection: [1]}}\n',
  ];
  for (const text of odd) {
    const md = explain(text, { webhooks: [null, 3, { webhooks: 'x' }, { webhooks: [{ name: 'a.istio.io', namespaceSelector: 7 }] }] }, settings, 'kind:');
    assert.equal(typeof md, 'string');
    assert.ok(md.length > 0, text);
  }
});
