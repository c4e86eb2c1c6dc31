import assert from 'node:assert/strict';
import test from 'node:test';
import { analyzeDocument } from '../../../core/src/analysis';
import { parseManifest } from '../../../core/src/manifest/parse';
import { splitYamlStream } from '../../../core/src/manifest/split';
import { manifestOf } from '../../bench/workloads';
import { injector, settings } from './helpers';

const samples = [
  ...splitYamlStream(manifestOf(12)).chunks.map((c) => c.text),
  'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: a, annotations: {sidecar.istio.io/inject: "false"}}\n  spec:\n    template:\n      metadata: {labels: {app: a}}\n      spec: {containers: [{name: a, image: a, ports: [{containerPort: 15001}]}]}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    metadata:\n      annotations: {sidecar.istio.io/proxyCPU: lots, traffic.sidecar.istio.io/includeOutboundIPRanges: "10.0.0.0/99"}\n    spec: {hostNetwork: true, containers: [{name: x, image: x, securityContext: {runAsUser: 1337}}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [unclosed\n',
];

test('the full analysis of a text already parsed (and analysed quickly) finds exactly what a fresh one finds', () => {
  for (const text of samples) {
    const parsed = parseManifest(text);
    const quick = analyzeDocument(text, injector, settings, { injection: false, parsed });
    assert.deepEqual(quick, analyzeDocument(text, injector, settings, { injection: false }));
    // The parse the quick analysis read is read again by the full one: the quick analysis left it as it was.
    assert.deepEqual(analyzeDocument(text, injector, settings, { parsed }), analyzeDocument(text, injector, settings));
  }
  assert.ok(samples.some((t) => analyzeDocument(t, injector, settings).length > 0), 'the samples have findings');
});

test('a parse of another text is not used', () => {
  const service = samples[samples.length - 2];
  const hostNetwork = samples[samples.length - 3];
  const expected = analyzeDocument(hostNetwork, injector, settings);
  assert.ok(expected.length > 1);
  assert.deepEqual(analyzeDocument(hostNetwork, injector, settings, { parsed: parseManifest(service) }), expected);
});
