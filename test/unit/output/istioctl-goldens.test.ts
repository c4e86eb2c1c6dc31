import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { isTypedByIstioctl, printIstioctl } from '../../../core/src/output/istioctl';

const REFERENCE = path.resolve(process.cwd(), '../shared/istio-reference');
const GOLDEN_DIRS = ['inject', 'kubeinject-cli'].map((d) => path.join(REFERENCE, d));

function goldenFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.injected')) out.push(p);
    }
  };
  for (const dir of GOLDEN_DIRS) if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** Splits istioctl output at its `---` lines; every document, the last included, is followed by one. */
function documents(text: string): string[] {
  const docs: string[] = [];
  let current = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (line === '---\n') {
      docs.push(current);
      current = '';
    } else {
      current += line;
    }
  }
  if (current !== '') docs.push(current);
  return docs;
}

/** Goldens of webhook-only cases (skipInjection): produced by the webhook path, not by kube-inject's printer. */
function webhookOnlyGoldens(): Set<string> {
  const file = path.join(REFERENCE, 'cases.json');
  if (!fs.existsSync(file)) return new Set();
  const cases = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: Array<{ golden?: string; skipInjection?: boolean }> }).cases;
  const printed = new Set(cases.filter((c) => !c.skipInjection).map((c) => c.golden));
  return new Set(cases.filter((c) => c.skipInjection && c.golden && !printed.has(c.golden)).map((c) => path.join(REFERENCE, c.golden as string)));
}

test('every kube-inject golden is reproduced by parse + printIstioctl', (t) => {
  const webhookOnly = webhookOnlyGoldens();
  const files = goldenFiles().filter((f) => !webhookOnly.has(f));
  if (files.length === 0) {
    t.skip(`istio reference data not found at ${REFERENCE}`);
    return;
  }
  let typedDocs = 0;
  let rawDocs = 0;
  const failures: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    let printed = '';
    for (const doc of documents(text)) {
      const obj = parseDocument(doc).toJS() as Record<string, unknown>;
      if (isTypedByIstioctl(obj)) typedDocs++;
      else rawDocs++;
      printed += printIstioctl(obj, doc);
    }
    if (printed !== text) failures.push(path.relative(REFERENCE, file));
  }
  t.diagnostic(`${files.length - failures.length}/${files.length} goldens round-trip (${typedDocs} typed documents, ${rawDocs} echoed); `
    + `${webhookOnly.size} webhook-only goldens not applicable`);
  assert.deepEqual(failures, []);
});
