import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseInjectorConfig, parseValues } from '../../../core/src/config/injector-config';

const REF = path.resolve(process.cwd(), '../shared/istio-reference');

test('defaults of an empty config (UnmarshalConfig)', () => {
  const c = parseInjectorConfig('');
  assert.deepEqual(c.templates, {});
  assert.deepEqual(c.defaultTemplates, ['sidecar']);
  assert.deepEqual(c.aliases, {});
  assert.deepEqual(c.alwaysInjectSelector, []);
  assert.equal(c.policy, '');
});

test('all fields are read; the legacy `template` key is ignored as in Istio', () => {
  const c = parseInjectorConfig(`
policy: disabled
alwaysInjectSelector:
- matchLabels: {a: b}
neverInjectSelector:
- matchExpressions:
  - {key: k, operator: In, values: [x, z]}
injectedAnnotations: {foo: bar}
template: "{{ legacy }}"
templates:
  sidecar: "s"
  custom: |
    spec: {}
defaultTemplates: []
aliases:
  both: [sidecar, custom]
`);
  assert.equal(c.policy, 'disabled');
  assert.deepEqual(c.alwaysInjectSelector, [{ matchLabels: { a: 'b' } }]);
  assert.deepEqual(c.neverInjectSelector, [{ matchExpressions: [{ key: 'k', operator: 'In', values: ["x", "z"] }] }]);
  assert.deepEqual(c.injectedAnnotations, { foo: 'bar' });
  assert.deepEqual(c.templates, { sidecar: 's', custom: 'spec: {}\n' });
  assert.deepEqual(c.defaultTemplates, ['sidecar'], 'an empty list defaults too');
  assert.deepEqual(c.aliases, { both: ['sidecar', 'custom'] });
});

test('bad config: Istio error text', () => {
  assert.throws(() => parseInjectorConfig('templates: [a]'), {
    message:
      'failed to unmarshal injection template: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Config.templates of type map[string]string',
  });
  assert.throws(() => parseInjectorConfig('policy: [x'), { message: /^failed to unmarshal injection template: error converting YAML to JSON: yaml: line 1: / });
});

test('values: JSON or YAML; errors', () => {
  assert.deepEqual(parseValues('{"global":{"hub":"h"}}'), { global: { hub: 'h' } });
  // YAML 1.1, as go-yaml v2 reads it: a bare `n` key is the boolean false, written "false".
  assert.deepEqual(parseValues('global:\n  tag: "1.0"\n  count: 3\n  n: 4'), { global: { tag: '1.0', count: 3, false: 4 } });
  assert.deepEqual(parseValues(''), {});
  assert.throws(() => parseValues('- a'), {
    message:
      'could not parse configuration values: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
  });
});

test('the rendered default ConfigMap parses', (t) => {
  const dir = path.join(REF, 'rendered/default');
  if (!fs.existsSync(dir)) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const c = parseInjectorConfig(fs.readFileSync(path.join(dir, 'config.yaml'), 'utf8'));
  assert.equal(c.policy, 'enabled');
  assert.ok(c.templates.sidecar.includes('istio-proxy'));
  assert.ok('gateway' in c.templates);
  assert.deepEqual(c.injectedAnnotations, {}, 'null reads as empty');
  const v = parseValues(fs.readFileSync(path.join(dir, 'values.json'), 'utf8'));
  assert.equal((v.global as Record<string, unknown>).hub, 'registry.istio.io/testing');
});

test('YAML scalars are read as go-yaml v2 reads them', () => {
  assert.deepEqual(parseValues('a: 2001-12-14\nb: yes\nc: 0777\nd: 12:30\ne: ~\nf: "on"\n'), {
    a: '2001-12-14',
    b: true,
    c: 511,
    d: '12:30',
    e: null,
    f: 'on',
  });
});
