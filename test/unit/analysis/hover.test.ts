import test from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../../core/src/analysis';
import { deployment, injector, rangeOf, settings } from './helpers';

const hover = (text: string, offset: number) => hoverAt(text, offset, injector, settings);

test('hover on an Istio annotation key: description, values, default, status and range of the key', () => {
  const text = deployment('      annotations:\n        sidecar.istio.io/interceptionMode: TPROXY\n');
  const r = rangeOf(text, 'sidecar.istio.io/interceptionMode');
  const h = hover(text, r.start + 5)!;
  assert.deepEqual({ start: h.start, end: h.end }, r);
  assert.match(h.markdown, /^\*\*sidecar\.istio\.io\/interceptionMode\*\* \(Istio annotation, alpha\)/);
  assert.match(h.markdown, /Values: `REDIRECT`, `TPROXY`, `NONE`/);
  assert.match(h.markdown, /Default: REDIRECT/);
  // On the value too (same key facts), at its last character.
  const v = rangeOf(text, 'TPROXY');
  assert.deepEqual({ start: hover(text, v.end)!.start, end: hover(text, v.end)!.end }, v);
});

test('hover on a label key, and nothing on keys Istio does not know', () => {
  const text = deployment('      labels:\n        sidecar.istio.io/inject: "true"\n        app: web\n');
  assert.match(hover(text, rangeOf(text, 'sidecar.istio.io/inject').start)!.markdown, /Istio label, beta/);
  assert.equal(hover(text, rangeOf(text, 'app: web').start), undefined);
});

test('hover on a reserved port and on the proxy UID', () => {
  const text = deployment('      labels: {app: web}\n', '      containers:\n      - name: app\n        image: a\n        ports:\n        - containerPort: 15006\n        securityContext: {runAsUser: 1337}\n');
  const p = hover(text, rangeOf(text, '15006').start + 2)!;
  assert.deepEqual({ start: p.start, end: p.end }, rangeOf(text, '15006'));
  assert.match(p.markdown, /Port 15006.*inbound/);
  const u = hover(text, rangeOf(text, '1337').start)!;
  assert.match(u.markdown, /UID 1337\*\* is the sidecar proxy's user/);
  assert.equal(hover(text, rangeOf(text, 'image: a').start + 8), undefined);
});

test('hover on kind: why nothing happens for a non-injectable kind; the core\'s outcome for a workload', () => {
  const svc = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
  const h = hover(svc, rangeOf(svc, 'ConfigMap').start)!;
  assert.deepEqual({ start: h.start, end: h.end }, rangeOf(svc, 'ConfigMap'));
  assert.match(h.markdown, /leaves this kind unchanged/);
  const dep = deployment('      labels: {app: web}\n');
  const d = hover(dep, rangeOf(dep, 'Deployment').start)!;
  assert.match(d.markdown, /adds Istio's sidecar/);
  assert.match(d.markdown, /`istio-proxy`/);
  const off = deployment('      labels:\n        sidecar.istio.io/inject: "false"\n');
  assert.match(hover(off, rangeOf(off, 'Deployment').start)!.markdown, /skips this pod: sidecar injection is disabled/);
});

test('no hover on broken YAML or plain keys', () => {
  assert.equal(hover('a: [b\n', 1), undefined);
  const dep = deployment('      labels: {app: web}\n');
  assert.equal(hover(dep, rangeOf(dep, 'apiVersion').start), undefined);
});

test('hover on a pod key on the workload\'s own metadata says it does nothing there', () => {
  const text = deployment('      labels: {app: web}\n', undefined, '  annotations:\n    sidecar.istio.io/proxyCPU: 100m\n');
  assert.match(hover(text, rangeOf(text, 'sidecar.istio.io/proxyCPU').start)!.markdown, /On the Deployment's own metadata it does nothing/);
  const onTemplate = deployment('      annotations:\n        sidecar.istio.io/proxyCPU: 100m\n');
  assert.doesNotMatch(hover(onTemplate, rangeOf(onTemplate, 'sidecar.istio.io/proxyCPU').start)!.markdown, /does nothing/);
});

test('hover on the kind of a List item: that item\'s outcome', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    hostNetwork: true\n    containers: [{name: a, image: b}]\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n';
  const pod = hover(text, rangeOf(text, 'Pod').start)!;
  assert.deepEqual({ start: pod.start, end: pod.end }, rangeOf(text, 'Pod'));
  assert.match(pod.markdown, /\(List item\): kube-inject skips this pod: host networking is enabled/);
  assert.match(hover(text, rangeOf(text, 'Secret').start)!.markdown, /leaves this kind unchanged/);
});
