/**
 * The explanation tells the truth about the core: its step-by-step policy equals injectRequired on any input, and
 * its kube-inject verdict equals the core's outcome for every workload of the examples and Istio's corpus inputs.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { builtinSettings, createInjector } from '../../../core/src/index';
import { explainInjection } from '../../../core/src/analysis/explain';
import { decideInjection } from '../../../core/src/analysis/explain-decision';
import { policyVerdict } from '../../../core/src/analysis/policy-steps';
import type { Injector } from '../../../core/src/inject';
import { IGNORED_NAMESPACES, injectRequired, type PolicyConfig } from '../../../core/src/inject/policy';
import type { InjectionSettings, KubeObject, Outcome } from '../../../core/src/inject/types';
import { podTemplateLocation } from '../../../core/src/manifest/kinds';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { caseName, corpusCases } from '../../conformance/cases';
import { MISSING_REFERENCE, readReference, referenceAvailable } from '../../conformance/reference';
import { settingsForCase } from '../../conformance/settings-for-case';

const KEY = 'sidecar.istio.io/inject';

test('policyVerdict decides exactly like injectRequired (random pods, policies and selectors)', () => {
  const value = fc.constantFrom('true', 'false', '', 'yes', 'TRUE');
  const labelMap = fc.dictionary(fc.constantFrom(KEY, 'app', 'tier'), fc.oneof(value, fc.constantFrom('web', 'db')), { maxKeys: 3 });
  const selector = fc.record({
    matchLabels: fc.option(fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('web', 'db'), { maxKeys: 2 }), { nil: undefined }),
    matchExpressions: fc.option(fc.array(fc.record({
      key: fc.constantFrom('app', 'tier', KEY),
      operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Bad'),
      values: fc.option(fc.array(fc.constantFrom('web', 'db', 'true'), { maxLength: 2 }), { nil: undefined }),
    }), { maxLength: 2 }), { nil: undefined }),
  }, { requiredKeys: [] });
  const policy: fc.Arbitrary<PolicyConfig> = fc.record({
    policy: fc.constantFrom('enabled', 'disabled', 'off'),
    neverInjectSelector: fc.array(selector, { maxLength: 2 }),
    alwaysInjectSelector: fc.array(selector, { maxLength: 2 }),
  });
  const namespace = fc.constantFrom('', 'shop', ...IGNORED_NAMESPACES);
  fc.assert(fc.property(policy, labelMap, labelMap, fc.boolean(), namespace, (p, labels, annotations, hostNetwork, ns) => {
    const spec = hostNetwork ? { hostNetwork: true } : {};
    const metadata = { labels, annotations };
    const verdict = policyVerdict(p, spec, metadata, ns);
    assert.equal(verdict.inject, injectRequired(p, spec, { ...metadata, namespace: ns }));
    // Exactly the last step decides, and it agrees with the verdict.
    const deciding = verdict.steps.filter((s) => s.effect !== 'continue');
    assert.ok(deciding.length >= 1);
    assert.equal(deciding[deciding.length - 1].effect, verdict.inject ? 'inject' : 'skip');
  }), { numRuns: 3000, seed: 6 });
});

/** Checks every workload of the text; returns how many were compared. */
function checkText(where: string, text: string, injector: Injector, settings: InjectionSettings): number {
  let compared = 0;
  for (const report of injectManifest(text, injector, { print: false }).documents) {
    // Whatever the document, the explanation is produced (errors and odd shapes included).
    assert.equal(typeof explainInjection(report, settings), 'string', where);
    const original = report.original;
    if (!original || report.outcome.kind === 'error') continue;
    const objects: KubeObject[] = report.kind === 'List'
      ? (Array.isArray(original.items) ? original.items : []).filter((i): i is KubeObject => typeof i === 'object' && i !== null && !Array.isArray(i))
      : [original];
    for (const object of objects) {
      if (!podTemplateLocation(String(object.kind))) continue;
      const outcome: Outcome = report.kind === 'List' ? injector.inject(object).outcome : report.outcome;
      if (outcome.kind === 'error') continue;
      const decision = decideInjection(object, settings);
      assert.ok(decision, `${where}: ${String(object.kind)} has a decision`);
      assert.equal(decision.kubeInject.inject, outcome.kind === 'injected', `${where}: ${String(object.kind)} ${decision.name}: ${decision.kubeInject.because} vs ${JSON.stringify(outcome)}`);
      compared++;
    }
    if (report.kind !== 'List' && podTemplateLocation(report.kind ?? '')) {
      const markdown = explainInjection(report, settings);
      const says = /kube-inject \(this editor, `istioctl kube-inject`\): injects the sidecar/.test(markdown);
      assert.equal(says, report.outcome.kind === 'injected', `${where}: the markdown's verdict`);
    }
  }
  return compared;
}

test('the kube-inject verdict is the core\'s outcome for every workload of the examples', () => {
  const settings = builtinSettings();
  const injector = createInjector(settings);
  const dir = path.resolve('examples');
  let compared = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    compared += checkText(name, fs.readFileSync(path.join(dir, name), 'utf8'), injector, settings);
  }
  assert.ok(compared >= 11, `compared ${compared} workloads`);
});

test('the kube-inject verdict is the core\'s outcome over Istio\'s corpus inputs, with each case\'s config', (t) => {
  if (!referenceAvailable()) return t.skip(MISSING_REFERENCE);
  let compared = 0;
  for (const c of corpusCases()) {
    if (c.skipInjection) continue;
    const settings = settingsForCase(c);
    compared += checkText(caseName(c), readReference(c.input), createInjector(settings), settings);
  }
  assert.ok(compared >= 100, `compared ${compared} workloads`);
});
