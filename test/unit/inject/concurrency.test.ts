import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateConcurrency, quantityToConcurrency } from '../../../core/src/inject/concurrency';
import { parseTemplate } from '../../../core/src/template';
import { injectionFuncMap } from '../../../core/src/template/funcs';
import { sidecarTemplateData } from '../../../core/src/inject/template-data';

test('quantities round up to whole CPUs', () => {
  assert.equal(quantityToConcurrency('100m'), 1);
  assert.equal(quantityToConcurrency('1500m'), 2);
  assert.equal(quantityToConcurrency('2'), 2);
  assert.equal(quantityToConcurrency('3.2'), 4);
  assert.equal(quantityToConcurrency('nonsense'), undefined);
});

test('Istio 1.12 rules: default 2, positive config wins, 0 estimates from annotations then values', () => {
  const values = { global: { proxy: { resources: { limits: { cpu: '3' }, requests: { cpu: '100m' } } } } };
  assert.equal(estimateConcurrency({}, {}, values), 2);
  assert.equal(estimateConcurrency({ concurrency: 4 }, { 'sidecar.istio.io/proxyCPULimit': '8' }, values), 4);
  assert.equal(estimateConcurrency({ concurrency: 0 }, { 'sidecar.istio.io/proxyCPULimit': '1500m', 'sidecar.istio.io/proxyCPU': '4' }, values), 2);
  assert.equal(estimateConcurrency({ concurrency: 0 }, { 'sidecar.istio.io/proxyCPU': '2500m' }, values), 3);
  assert.equal(estimateConcurrency({ concurrency: 0 }, {}, values), 3);
  assert.equal(estimateConcurrency({ concurrency: 0 }, { 'sidecar.istio.io/proxyCPULimit': 'bad' }, values), 2);
});

test('1.12-era templates can read .EstimatedConcurrency', () => {
  const t = parseTemplate('inject', '--concurrency {{ .EstimatedConcurrency }}', injectionFuncMap());
  const data = sidecarTemplateData({
    typeMeta: { kind: 'Deployment', apiVersion: 'apps/v1' }, deployMeta: { name: 'a', namespace: 'b' },
    pod: { metadata: { annotations: { 'sidecar.istio.io/proxyCPU': '1200m' } }, spec: {} },
    proxyConfig: { concurrency: 0 }, mesh: {}, values: {}, revision: '', nativeSidecars: false,
    proxyUID: 1337, proxyGID: 1337, compliancePolicy: '',
  });
  assert.equal(t.execute(data), '--concurrency 2');
});
