import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KUBE_INJECT_POLICY, injectRequired, selectorMatches, type PolicyConfig } from '../../../core/src/inject/policy';

const meta = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}, namespace = '') => ({ labels, annotations, namespace });

test('injectRequired: label wins over annotation; invalid values fall back to the policy', () => {
  const enabled = KUBE_INJECT_POLICY;
  const disabled: PolicyConfig = { ...enabled, policy: 'disabled' };
  const rows: [PolicyConfig, Record<string, string>, Record<string, string>, boolean][] = [
    [enabled, {}, {}, true],
    [disabled, {}, {}, false],
    [enabled, {}, { 'sidecar.istio.io/inject': 'false' }, false],
    [disabled, {}, { 'sidecar.istio.io/inject': 'true' }, true],
    [enabled, { 'sidecar.istio.io/inject': 'true' }, { 'sidecar.istio.io/inject': 'false' }, true],
    [enabled, { 'sidecar.istio.io/inject': 'false' }, { 'sidecar.istio.io/inject': 'true' }, false],
    [disabled, { 'sidecar.istio.io/inject': 'yes' }, {}, false],
    [enabled, { 'sidecar.istio.io/inject': 'nope' }, {}, true],
    [{ ...enabled, policy: 'bogus' }, {}, {}, false],
  ];
  for (const [cfg, labels, annotations, want] of rows) {
    assert.equal(injectRequired(cfg, {}, meta(labels, annotations)), want, JSON.stringify({ cfg: cfg.policy, labels, annotations }));
  }
});

test('injectRequired: hostNetwork and ignored namespaces are never injected', () => {
  assert.equal(injectRequired(KUBE_INJECT_POLICY, { hostNetwork: true }, meta({ 'sidecar.istio.io/inject': 'true' })), false);
  for (const ns of ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']) {
    assert.equal(injectRequired(KUBE_INJECT_POLICY, {}, meta({}, {}, ns)), false, ns);
  }
  assert.equal(injectRequired(KUBE_INJECT_POLICY, {}, meta({}, {}, 'default')), true);
});

test('injectRequired: never selector beats always selector, explicit label beats both', () => {
  const cfg: PolicyConfig = {
    policy: 'disabled',
    neverInjectSelector: [{ matchLabels: { never: 'x' } }],
    alwaysInjectSelector: [{ matchExpressions: [{ key: 'always', operator: 'Exists' }] }],
  };
  assert.equal(injectRequired(cfg, {}, meta({ always: '1' })), true);
  assert.equal(injectRequired(cfg, {}, meta({ always: '1', never: 'x' })), false);
  assert.equal(injectRequired({ ...cfg, policy: 'enabled' }, {}, meta({ never: 'x' })), false);
  assert.equal(injectRequired(cfg, {}, meta({ never: 'x', 'sidecar.istio.io/inject': 'true' })), true);
});

test('selectorMatches: operators, empty and invalid selectors', () => {
  const l = { app: 'a', tier: 'web' };
  assert.equal(selectorMatches({}, l), false);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] }, l), true);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }, l), false);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['a'] }] }, l), true);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, l), true);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Bogus' }] }, l), false);
  assert.equal(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, l), false);
});
