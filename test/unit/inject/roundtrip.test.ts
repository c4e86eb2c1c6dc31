/**
 * Re-injection and removal over the golden corpus: injecting Istio's own output again must give it back unchanged
 * (the previous injection is stripped first), and removeInjection must give back the input as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { createInjector, removeInjection } from '../../../core/src/inject';
import type { KubeObject } from '../../../core/src/inject/types';
import { printIstioctl } from '../../../core/src/output/istioctl';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { corpusCases as loadCases } from '../../conformance/cases';
import { MISSING_REFERENCE, readReference as readRef, referenceAvailable as haveReference, stripVersion as normalise } from '../../conformance/reference';
import { settingsForCase as settingsFor } from '../../conformance/settings-for-case';

/**
 * Re-injection differs from the golden where Istio's own re-injection would: user overrides of injected containers
 * are not re-applied (their names are in the status annotation), an input that was injected already, and templates
 * that add a second istio-proxy.
 */
const REINJECT_EXCEPTIONS = new Set([37, 40, 41, 42, 43, 44, 56, 69, 105]);

test('re-injecting an injected golden output reproduces it', (t) => {
  if (!haveReference()) {
    t.skip(MISSING_REFERENCE);
    return;
  }
  const failures: number[] = [];
  let n = 0;
  for (const c of loadCases()) {
    if (!c.golden || c.skipInjection || REINJECT_EXCEPTIONS.has(c.index)) continue;
    n++;
    const golden = readRef(c.golden);
    const report = injectManifest(golden, createInjector(settingsFor(c)));
    if (report.istioctl === undefined || normalise(report.istioctl) !== normalise(golden)) failures.push(c.index);
  }
  console.log(`re-injection: ${n - failures.length}/${n} reproduce the golden`);
  assert.deepEqual(failures, []);
});

/** Cases removal cannot undo exactly: CNI/custom template metadata, named probe ports resolved to numbers, etc. */
const REMOVAL_FLOOR = 92;

test('removeInjection on a golden output gives back the input', (t) => {
  if (!haveReference()) {
    t.skip(MISSING_REFERENCE);
    return;
  }
  const seen = new Set<string>();
  let same = 0;
  let n = 0;
  for (const c of loadCases()) {
    if (!c.golden || c.skipInjection || seen.has(c.golden)) continue;
    seen.add(c.golden);
    const docs = (rel: string) => parseAllDocuments(readRef(rel)).map((d) => d.toJS() as KubeObject).filter((x) => x);
    const input = docs(c.input);
    const injected = docs(c.golden);
    if (input.length !== injected.length) continue;
    n++;
    if (input.every((doc, i) => printIstioctl(removeInjection(injected[i]).object) === printIstioctl(doc))) same++;
  }
  console.log(`removal: ${same}/${n} give back the input`);
  assert.ok(same >= REMOVAL_FLOOR, `removal undid only ${same}/${n}`);
});

test('removeInjection: objects without injection come back unchanged', () => {
  const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: { spec: { containers: [{ name: 'a' }] } } } };
  const r = removeInjection(deployment);
  assert.equal(r.outcome.kind, 'unchanged');
  assert.equal(r.object, deployment);
  assert.equal(removeInjection({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }).outcome.kind, 'unchanged');
});
