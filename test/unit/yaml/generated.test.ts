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

/** Multi-line values in every context, their lines indented from 0 to 7 spaces, followed by various siblings. */
function indentationSweep(): string[] {
  const contexts: ((v: string) => string)[] = [
    (v) => `k: ${v}`, (v) => `a:\n  k: ${v}`, (v) => `- ${v}`, (v) => `- k: ${v}`, (v) => `a:\n- k: ${v}\n  j: 1`,
    (v) => `  - - ${v}`, (v) => `a:\n  - k: ${v}`, (v) => `a:\n    b: ${v}\n    c: 2`, (v) => v, (v) => `a:\n  ${v}`,
    (v) => `-\n  ${v}`, (v) => `x:\n- ${v}`, (v) => `x:\n -   ${v}`,
  ];
  const values: ((pad: string) => string)[] = [
    (p) => `"a\n${p}b"`, (p) => `'a\n${p}b'`, (p) => `{\n${p}a: 1,\n${p}b: 2\n${p}}`, (p) => `[\n${p}a,\n${p}b]`,
    (p) => `[a,\n${p}]`, (p) => `|\n${p}text\n${p}more`, (p) => `>-\n${p}text\n${p} more`, (p) => `{a: [\n${p}1]}`,
    (p) => `"a\n${p}\n${p}b"`, (p) => `|+\n${p}x\n\n`, (p) => `{"a":\n${p}1}`, (p) => `[\n${p}"q\n${p}r"]`,
  ];
  const texts: string[] = [];
  for (const c of contexts) for (const v of values) for (let n = 0; n <= 7; n++) {
    for (const tail of ['', '\nz: 1', '\n- z', '\n  z: 1']) texts.push(c(v(' '.repeat(n))) + tail);
  }
  return texts;
}

test('multi-line values at every indentation decode exactly as with the yaml package or are declined', (t) => {
  const texts = indentationSweep();
  const result = tally(texts);
  t.diagnostic(`${result.same} same, ${declineCount(result)} declined`);
  assert.deepEqual(result.mismatches.slice(0, 5), []);
  assert.ok(result.same > texts.length * 0.3, `only ${result.same} of ${texts.length} decoded`);
});
