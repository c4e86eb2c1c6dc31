import test from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt } from '../../../core/src/analysis';

/** Completions at the `|` of the text (removed). */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { text, offset, entries: completionsAt(text, offset) };
}

const DEPLOYMENT = (podAnnotations: string, own = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${own}spec:
  template:
    metadata:
${podAnnotations}    spec:
      containers: []
`;

test('pod template annotations: Istio pod annotation keys, replacing the typed prefix', () => {
  const { entries, offset } = at(DEPLOYMENT('      annotations:\n        sidecar.istio.io/pro|\n'));
  const labels = entries.map((e) => e.label);
  assert.ok(labels.includes('sidecar.istio.io/proxyCPU'));
  assert.ok(labels.includes('traffic.sidecar.istio.io/excludeOutboundPorts'));
  assert.ok(!labels.includes('networking.istio.io/exportTo'), 'a Service annotation is not offered on a pod');
  assert.ok(!labels.includes('proxy.istio.io/overrides'), 'hidden keys are not offered');
  const cpu = entries.find((e) => e.label === 'sidecar.istio.io/proxyCPU')!;
  assert.equal(cpu.kind, 'annotation');
  assert.equal(cpu.insertText, 'sidecar.istio.io/proxyCPU: ');
  assert.equal(cpu.end, offset);
  assert.equal(cpu.start, offset - 'sidecar.istio.io/pro'.length);
  assert.equal(cpu.detail, 'alpha');
  const inject = entries.find((e) => e.label === 'sidecar.istio.io/inject')!;
  assert.equal(inject.deprecated, true);
});

test('pod template labels: label keys; an existing colon is kept', () => {
  const { entries, offset } = at(DEPLOYMENT('      labels:\n        app: web\n        sidecar|.istio.io/x: "1"\n'));
  const inject = entries.find((e) => e.label === 'sidecar.istio.io/inject')!;
  assert.equal(inject.kind, 'label');
  assert.equal(inject.insertText, 'sidecar.istio.io/inject');
  assert.equal(inject.end, offset + '.istio.io/x'.length);
  assert.ok(!entries.some((e) => e.label === 'sidecar.istio.io/proxyCPU'), 'annotations are not labels');
});

test('the workload\'s own metadata gets only keys that act on its kind; a Namespace gets namespace labels', () => {
  const own = at(DEPLOYMENT('      labels: {}\n', '  labels:\n    |\n'));
  assert.deepEqual(own.entries.map((e) => e.label).sort(), ['gateway.istio.io/managed', 'gateway.networking.k8s.io/gateway-class-name', 'gateway.networking.k8s.io/gateway-name']);
  const ns = at('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    |\n');
  const labels = ns.entries.map((e) => e.label);
  assert.ok(labels.includes('istio-injection'));
  assert.ok(labels.includes('istio.io/rev'));
  assert.ok(!labels.includes('sidecar.istio.io/inject'));
  const pod = at('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    |\n');
  assert.ok(pod.entries.some((e) => e.label === 'sidecar.istio.io/proxyCPU'));
});

test('CronJob and List item pod templates are found through the indentation', () => {
  const cron = at('apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n            |\n');
  assert.ok(cron.entries.some((e) => e.label === 'sidecar.istio.io/interceptionMode'));
  const list = at('apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n      metadata:\n        labels:\n          |\n');
  assert.ok(list.entries.some((e) => e.label === 'sidecar.istio.io/inject'));
});

test('values: enumerated values after `key: `, quoted when YAML would not read a string', () => {
  const mode = at(DEPLOYMENT('      annotations:\n        sidecar.istio.io/interceptionMode: TP|\n'));
  assert.deepEqual(mode.entries.map((e) => e.label), ['REDIRECT', 'TPROXY', 'NONE']);
  assert.equal(mode.entries[1].insertText, 'TPROXY');
  assert.equal(mode.entries[1].start, mode.offset - 2);
  assert.equal(mode.entries[1].end, mode.offset);
  const bool = at(DEPLOYMENT('      labels:\n        sidecar.istio.io/inject: |"tr" # why\n'));
  assert.deepEqual(bool.entries.map((e) => e.insertText), ['"true"', '"false"']);
  assert.equal(bool.entries[0].start, bool.offset);
  assert.equal(bool.entries[0].end, bool.offset + '"tr"'.length);
});

test('nothing outside annotations and labels, or for keys without enumerated values', () => {
  assert.deepEqual(at(DEPLOYMENT('      annotations:\n        sidecar.istio.io/proxyCPU: |\n')).entries, []);
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nspec:\n  |\n').entries, []);
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nmetadata:\n  na|\n').entries, []);
});

test('quoted keys keep their quotes; the closing quote is replaced, not doubled', () => {
  const open = at(DEPLOYMENT('      annotations:\n        "sidecar.istio.io/proxyC|\n'));
  const cpu = open.entries.find((e) => e.label === 'sidecar.istio.io/proxyCPU')!;
  assert.equal(cpu.insertText, '"sidecar.istio.io/proxyCPU": ');
  assert.equal(cpu.start, open.offset - '"sidecar.istio.io/proxyC'.length);
  const closed = at(DEPLOYMENT("      annotations:\n        'sidecar.istio.io/proxyC|PU': \"1\"\n"));
  const c = closed.entries.find((e) => e.label === 'sidecar.istio.io/proxyCPU')!;
  assert.equal(c.insertText, "'sidecar.istio.io/proxyCPU'");
  assert.equal(c.end, closed.offset + "PU'".length);
});
