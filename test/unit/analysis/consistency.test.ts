/**
 * Every finding about injection agrees with what the core does with the same document and config: run over the
 * examples and Istio's kube-inject corpus inputs.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { injectManifest } from '../../../core/src/index';
import { splitYamlStream } from '../../../core/src/manifest/split';
import { applyEdits } from '../../../core/src/output/preserve';
import type { Outcome } from '../../../core/src/inject/types';
import { analyzeDocument } from '../../../core/src/analysis';
import { analyze, injector, settings } from './helpers';

const REFERENCE = path.resolve(process.cwd(), '../shared/istio-reference/inject');

function yamlFiles(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir).filter((n) => keep(n)).sort().map((n) => path.join(dir, n));
}

/** The core's outcome for each pod of the chunk (a List: each item). */
function podOutcomes(text: string): { document: Outcome; pods: Outcome[] } {
  const report = injectManifest(text, injector).documents[0];
  const original = report.original as Record<string, unknown> | undefined;
  if (report.kind === 'List' && report.outcome.kind !== 'error' && Array.isArray(original?.items)) {
    const pods = (original.items as Record<string, unknown>[]).map((item) => injector.inject(item).outcome);
    return { document: report.outcome, pods };
  }
  return { document: report.outcome, pods: [report.outcome] };
}

function checkChunk(where: string, text: string): number {
  const findings = analyze(text);
  const report = injectManifest(text, injector).documents[0];
  if (!report) {
    assert.deepEqual(findings, [], where);
    return 0;
  }
  const { document, pods } = podOutcomes(text);
  const codes = findings.map((f) => f.code);
  const has = (prefix: string) => codes.some((c) => c.startsWith(prefix));
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `${where}: ${f.code} range`);
    for (const fix of f.fixes ?? []) {
      const fixed = applyEdits(text, fix.edits);
      assert.equal(parseDocument(fixed).errors.length, 0, `${where}: fix "${fix.title}" gives valid YAML`);
    }
  }
  const skips = findings.filter((f) => f.code.startsWith('skip-')).length;
  assert.equal(skips, pods.filter((o) => o.kind === 'skipped').length, `${where}: one skip finding per skipped pod (${codes})`);
  if (codes.includes('already-injected')) assert.ok(pods.some((o) => o.kind === 'injected'), `${where}: already-injected but not injected`);
  if (codes.includes('no-pod-template')) assert.equal(document.kind, 'unchanged', where);
  if (codes.includes('invalid-value') || codes.includes('injection-error')) assert.equal(document.kind, 'error', where);
  if (document.kind === 'error' && !has('yaml-syntax')) {
    assert.ok(codes.includes('invalid-value') || codes.includes('injection-error'), `${where}: the core fails (${document.message}) but no error finding`);
  }
  // Without the injection run, the findings are those of the full analysis minus the outcome-based ones.
  const outcomeCodes = /^(skip-|invalid-value$|injection-error$|already-injected$)/;
  const key = (f: { code: string; start: number; end: number }) => `${f.code}@${f.start}-${f.end}`;
  const fast = analyzeDocument(text, injector, settings, { injection: false });
  const expected = findings.filter((f) => !outcomeCodes.test(f.code)).map(key);
  if (pods.some((o) => o.kind === 'skipped')) {
    // Skipped pods get no container findings in the full analysis; the fast one cannot know they are skipped.
    const fastKeys = new Set(fast.map(key));
    assert.ok(expected.every((k) => fastKeys.has(k)), `${where}: fast analysis`);
    assert.ok(fast.every((f) => expected.includes(key(f)) || /^(proxy-uid|reserved-port|proxy-container-name)$/.test(f.code)), `${where}: fast analysis`);
  } else {
    assert.deepEqual(fast.map(key), expected, `${where}: fast analysis`);
  }
  for (const f of findings.filter((x) => x.code === 'invalid-value')) {
    assert.ok(document.kind === 'error' && document.message.includes(f.message), `${where}: ${f.message}`);
  }
  return findings.length;
}

function checkFile(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  for (const [i, chunk] of splitYamlStream(text).chunks.entries()) checkChunk(`${path.basename(file)} #${i + 1}`, chunk.text);
}

test('findings agree with the core over examples/', () => {
  const files = yamlFiles(path.resolve(process.cwd(), 'examples'), (n) => /\.ya?ml$/.test(n));
  assert.ok(files.length > 5);
  for (const f of files) checkFile(f);
});

test('findings agree with the core over Istio\'s kube-inject corpus inputs (and injected outputs)', (t) => {
  if (!fs.existsSync(REFERENCE)) {
    t.skip(`SKIPPED: ${REFERENCE} is absent (the Istio reference data); consistency over the corpus not checked`);
    return;
  }
  const inputs = yamlFiles(REFERENCE, (n) => n.endsWith('.yaml') && !n.endsWith('.iop.yaml'));
  const outputs = yamlFiles(REFERENCE, (n) => n.includes('.injected'));
  assert.ok(inputs.length > 50);
  for (const f of [...inputs, ...outputs]) checkFile(f);
});
