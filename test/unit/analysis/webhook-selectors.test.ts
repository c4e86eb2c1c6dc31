/**
 * The webhook selector evaluator against istioctl x check-inject's behaviour: a default install, a revision "1-16"
 * install and a deactivated webhook (our own configurations, built like the istiod chart builds them).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { installedWebhookConfiguration } from '../../../core/src/analysis/installed-webhooks';
import {
  MULTIPLE_WEBHOOKS, NO_WEBHOOKS, checkInjectWebhooks, labelSelectorMatches, matchedSelector,
} from '../../../core/src/analysis/webhook-selectors';

const deactivated = {
  metadata: { name: 'istio-sidecar-injector-deactivated', labels: { 'istio.io/rev': 'default' } },
  webhooks: ['rev.namespace.', 'rev.object.', 'namespace.', 'object.'].map((prefix) => ({
    name: `${prefix}sidecar-injector.istio.io`,
    namespaceSelector: { matchLabels: { 'istio.io/deactivated': 'never-match' } },
    objectSelector: { matchLabels: { 'istio.io/deactivated': 'never-match' } },
  })),
};
const notIstio = { metadata: { name: 'cert-manager-webhook' }, webhooks: [{ name: 'webhook.cert-manager.io' }] };
const CONFIGS = [installedWebhookConfiguration(''), installedWebhookConfiguration('1-16'), deactivated, notIstio];

const NO_DEFAULT = 'No matching namespace labels (istio.io/rev=default, istio-injection=enabled) or pod labels (istio.io/rev=default, sidecar.istio.io/inject=true)';
const NO_1_16 = 'No matching namespace labels (istio.io/rev=1-16) or pod labels (istio.io/rev=1-16)';
const OFF = 'The injection webhook is deactivated, and will never match labels.';

function labels(inject: string, rev: string, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (inject) out[key] = inject;
  if (rev) out['istio.io/rev'] = rev;
  return out;
}

/** Each case: pod (inject label, rev), namespace (istio-injection, rev) → [injected, reason] per config, sorted. */
const CASES: [string, [string, string], [string, string], [boolean, string][]][] = [
  ['no labels', ['', ''], ['', ''], [[false, NO_DEFAULT], [false, NO_1_16], [false, OFF]]],
  ['namespace istio-injection=enabled', ['', ''], ['enabled', ''], [[true, 'Namespace label istio-injection=enabled matches'], [false, NO_1_16], [false, OFF]]],
  ['namespace revision', ['', ''], ['', '1-16'], [[false, NO_DEFAULT], [true, 'Namespace label istio.io/rev=1-16 matches'], [false, OFF]]],
  ['pod revision', ['', '1-16'], ['', ''], [[false, 'Pod has istio.io/rev=1-16 label, preventing injection'], [true, 'Pod label istio.io/rev=1-16 matches'], [false, OFF]]],
  ['pod inject=true', ['true', ''], ['', ''], [[true, 'Pod label sidecar.istio.io/inject=true matches'], [false, NO_1_16], [false, OFF]]],
  ['both default', ['true', ''], ['enabled', ''], [[true, 'Namespace label istio-injection=enabled matches, and pod label sidecar.istio.io/inject=true matches'], [false, NO_1_16], [false, OFF]]],
  ['both revision', ['', '1-16'], ['', '1-16'], [[false, NO_DEFAULT], [true, 'Namespace label istio.io/rev=1-16 matches'], [false, OFF]]],
  ['namespace disabled, pod revision', ['', '1-16'], ['disabled', ''], [[false, 'Namespace has istio-injection=disabled label, preventing injection'], [false, 'Namespace has istio-injection=disabled label, preventing injection'], [false, OFF]]],
  ['namespace enabled, pod revision', ['', '1-16'], ['enabled', ''], [[true, 'Namespace label istio-injection=enabled matches'], [false, NO_1_16], [false, OFF]]],
  ['namespace enabled, pod inject=false', ['false', ''], ['enabled', ''], [[false, 'Pod has sidecar.istio.io/inject=false label, preventing injection'], [false, NO_1_16], [false, OFF]]],
  ['namespace revision, pod inject=false', ['false', ''], ['', '1-16'], [[false, NO_DEFAULT], [false, 'Pod has sidecar.istio.io/inject=false label, preventing injection'], [false, OFF]]],
];

for (const [name, pod, ns, expected] of CASES) {
  test(`check-inject: ${name}`, () => {
    const r = checkInjectWebhooks(CONFIGS, labels(pod[0], pod[1], 'sidecar.istio.io/inject'), labels(ns[0], ns[1], 'istio-injection'));
    assert.deepEqual(r.verdicts.map((v) => v.name), ['istio-sidecar-injector', 'istio-sidecar-injector-1-16', 'istio-sidecar-injector-deactivated']);
    assert.deepEqual(r.verdicts.map((v) => v.revision), ['default', '1-16', 'default']);
    assert.deepEqual(r.verdicts.map((v) => [v.injected, v.reason]), expected);
    assert.equal(r.error, undefined);
  });
}

test('check-inject: two webhooks that inject are an error; none at all too', () => {
  const r = checkInjectWebhooks(CONFIGS, { 'istio.io/rev': '1-16' }, { 'istio-injection': 'enabled' });
  assert.deepEqual(r.verdicts.filter((v) => v.injected).map((v) => v.name), ['istio-sidecar-injector']);
  const both = checkInjectWebhooks(CONFIGS, {}, { 'istio.io/rev': '1-16', other: 'x' });
  assert.equal(both.error, undefined);
  const twice = checkInjectWebhooks([installedWebhookConfiguration(''), { ...installedWebhookConfiguration(''), metadata: { name: 'copy' } }], {}, { 'istio-injection': 'enabled' });
  assert.equal(twice.error, MULTIPLE_WEBHOOKS);
  assert.equal(checkInjectWebhooks([notIstio, 'junk', null], {}, {}).error, NO_WEBHOOKS);
});

test('check-inject: the all-namespaces webhook names the namespace label Kubernetes sets', () => {
  const auto = installedWebhookConfiguration('', true, ['kube-system']);
  const r = checkInjectWebhooks([auto], {}, { 'kubernetes.io/metadata.name': 'shop' });
  assert.deepEqual(r.verdicts[0], {
    name: 'istio-sidecar-injector', revision: 'default', injected: true,
    reason: 'Namespace label kubernetes.io/metadata.name=shop matches (Automatic injection is enabled in all namespaces).',
  });
  assert.equal(checkInjectWebhooks([auto], {}, { 'kubernetes.io/metadata.name': 'kube-system' }).verdicts[0].injected, false);
});

test('check-inject: selectors that match without naming a label still mean the webhook is called', () => {
  const open = { metadata: { name: 'open' }, webhooks: [{ name: 'sidecar-injector.istio.io' }] };
  const r = checkInjectWebhooks([open], { app: 'x' }, {});
  assert.equal(r.verdicts[0].injected, true);
  assert.match(r.verdicts[0].reason, /selectors of webhook sidecar-injector.istio.io match/);
});

test('label selectors follow Kubernetes: empty matches all, invalid matches none', () => {
  assert.equal(labelSelectorMatches({}, {}), true);
  assert.equal(labelSelectorMatches({ matchLabels: { a: '1' } }, { a: '1', b: '2' }), true);
  assert.equal(labelSelectorMatches({ matchLabels: { a: '1' } }, { a: '2' }), false);
  const expr = (operator: string, values?: string[]) => ({ matchExpressions: [{ key: 'a', operator, ...(values ? { values } : {}) }] });
  assert.equal(labelSelectorMatches(expr('In', ['1', '2']), { a: '2' }), true);
  assert.equal(labelSelectorMatches(expr('In', ['1']), {}), false);
  assert.equal(labelSelectorMatches(expr('NotIn', ['1']), {}), true);
  assert.equal(labelSelectorMatches(expr('NotIn', ['1']), { a: '1' }), false);
  assert.equal(labelSelectorMatches(expr('Exists'), { a: '' }), true);
  assert.equal(labelSelectorMatches(expr('DoesNotExist'), { a: '' }), false);
  assert.equal(labelSelectorMatches(expr('In', []), { a: '' }), false, 'In without values is invalid');
  assert.equal(labelSelectorMatches(expr('Exists', ['x']), { a: '' }), false, 'Exists with values is invalid');
  assert.equal(labelSelectorMatches(expr('Gt', ['1']), { a: '2' }), false, 'unknown operator');
  assert.deepEqual(matchedSelector(undefined, {}), { matched: true, label: '' });
  assert.deepEqual(matchedSelector(expr('NotIn', ['false']), { a: 'yes' }), { matched: true, label: 'a=yes' });
});
