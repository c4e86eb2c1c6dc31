/**
 * Mutated corpus objects (fields dropped or replaced by odd values) must never crash the pipeline: every call returns
 * an outcome, and errors are Istio's or Go's messages, not JavaScript internals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { builtinSettings } from '../../../core/src/config/sources';
import { createInjector, removeInjection } from '../../../core/src/inject';
import type { KubeObject } from '../../../core/src/inject/types';
import { MISSING_REFERENCE, REFERENCE_DIR as REF, referenceAvailable as haveReference } from '../../conformance/reference';

const ODD: unknown[] = [null, '', 0, -1, 'x', true, [], {}, [1], { a: 1 }, 'auto', '15020', 1.5];

test('mutated objects never crash inject or removeInjection', (t) => {
  if (!haveReference()) {
    t.skip(MISSING_REFERENCE);
    return;
  }
  const dir = path.join(REF, 'inject');
  const docs: KubeObject[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.injected')).sort()) {
    for (const d of parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))) {
      const v = d.toJS() as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) docs.push(v as KubeObject);
    }
  }
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = () => ODD[Math.floor(rnd() * ODD.length)];
  const mutate = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => (rnd() < 0.05 ? pick() : mutate(x)));
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const r = rnd();
        if (r < 0.03) continue;
        out[k] = r < 0.06 ? pick() : mutate(x);
      }
      return out;
    }
    return v;
  };
  const injector = createInjector(builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true' }));
  const internal: string[] = [];
  for (let i = 0; i < 300; i++) {
    const doc = mutate(docs[i % docs.length]) as KubeObject;
    for (const r of [injector.inject(doc), removeInjection(doc)]) {
      if (r.outcome.kind === 'error' && /TypeError|ReferenceError|Cannot read|is not a function|is not iterable|undefined/.test(r.outcome.message)) {
        internal.push(r.outcome.message);
      }
    }
  }
  assert.deepEqual(internal, []);
});
