/** Shared fixtures for the analysis tests. */
import assert from 'node:assert/strict';
import { builtinSettings, createInjector } from '../../../core/src/index';
import { analyzeDocument } from '../../../core/src/analysis';
import type { Finding } from '../../../core/src/analysis';
import { applyEdits } from '../../../core/src/output/preserve';

export const settings = builtinSettings();
export const injector = createInjector(settings);

export function analyze(text: string): Finding[] {
  return analyzeDocument(text, injector, settings);
}

/** The range of the `occurrence`-th appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `"${needle}" (#${occurrence}) not in the text`);
  }
  return { start: at, end: at + needle.length };
}

/** The only finding with this code (fails when there are none or several). */
export function only(findings: Finding[], code: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => f.code))}`);
  return hits[0];
}

export function assertAt(f: Finding, text: string, needle: string, occurrence = 0): void {
  const r = rangeOf(text, needle, occurrence);
  assert.deepEqual({ start: f.start, end: f.end, text: text.slice(f.start, f.end) }, { ...r, text: needle });
}

/** The text after applying the finding's first fix. */
export function applyFix(text: string, f: Finding): string {
  assert.ok(f.fixes?.length, `${f.code} has no fix`);
  return applyEdits(text, f.fixes![0].edits);
}

export function deployment(podMeta: string, podSpec = '      containers:\n      - name: app\n        image: nginx\n', ownMeta = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${ownMeta}spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
${podMeta}    spec:
${podSpec}`;
}
