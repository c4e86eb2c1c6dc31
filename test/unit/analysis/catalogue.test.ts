/** The catalogue's facts agree with Istio's own (names, feature status, deprecation, hidden, resource types). */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { keyFacts, keysOf, type KeyType } from '../../../core/src/analysis';

const REFERENCE = path.resolve(process.cwd(), '../shared/istio-reference');

interface IstioEntry {
  name: string;
  featureStatus?: string;
  deprecated?: boolean;
  hidden?: boolean;
  resources?: string[];
}

for (const [file, type] of [['annotations.yaml', 'annotation'], ['labels.yaml', 'label']] as [string, KeyType][]) {
  test(`every ${type} of Istio's catalogue is known with the same facts`, (t) => {
    const source = path.join(REFERENCE, file);
    if (!fs.existsSync(source)) {
      t.skip(`SKIPPED: ${source} is absent (the Istio reference data); catalogue facts not checked`);
      return;
    }
    const entries = (parse(fs.readFileSync(source, 'utf8')) as Record<string, IstioEntry[]>)[`${type}s`];
    assert.ok(entries.length > 20);
    for (const e of entries) {
      const f = keyFacts(type, e.name);
      assert.ok(f, `${e.name} missing`);
      assert.equal(f.status, (e.featureStatus ?? 'unspecified').toLowerCase(), e.name);
      assert.equal(f.deprecated, e.deprecated === true, e.name);
      assert.equal(f.hidden, e.hidden === true, e.name);
      assert.deepEqual([...f.resources], e.resources ?? [], e.name);
    }
    const names = new Set(entries.map((e) => e.name));
    for (const f of keysOf(type)) assert.ok(names.has(f.name) || f.uncatalogued, `${f.name} is not in Istio's catalogue: mark it uncatalogued`);
  });
}

test('descriptions are short and values are consistent', () => {
  for (const type of ['annotation', 'label'] as const) {
    for (const f of keysOf(type)) {
      assert.ok(f.description.length > 10 && f.description.length < 220, f.name);
      if (f.values) assert.ok(f.values.length > 0, f.name);
    }
  }
});
