/**
 * The fast YAML decoder against the `yaml` package on generated texts: random documents in the layouts templates
 * write (and some the decoder must decline), then the same with random small edits. Whenever the fast decoder
 * does not decline, both must give the same value.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { declineCount, tally } from './differential';
import { mutate, randomDocument, rng } from './yaml-gen';

test('generated documents decode exactly as with the yaml package', (t) => {
  const r = rng(20261126);
  const texts = Array.from({ length: 4000 }, () => randomDocument(r));
  const result = tally(texts);
  t.diagnostic(`${result.same} same, ${declineCount(result)} declined ${JSON.stringify([...result.declined].sort((a, b) => b[1] - a[1]).slice(0, 8))}`);
  assert.deepEqual(result.mismatches.slice(0, 5), []);
  // The generator mostly writes what the decoder reads; most must take the fast path for this test to mean much.
  assert.ok(result.same > texts.length * 0.5, `only ${result.same} of ${texts.length} decoded`);
});

test('mutated documents decode exactly as with the yaml package or are declined', (t) => {
  const r = rng(7);
  const texts = Array.from({ length: 4000 }, () => mutate(r, randomDocument(r)));
  const result = tally(texts);
  t.diagnostic(`${result.same} same, ${declineCount(result)} declined`);
  assert.deepEqual(result.mismatches.slice(0, 5), []);
  assert.ok(result.same > texts.length * 0.2, `only ${result.same} of ${texts.length} decoded`);
});
