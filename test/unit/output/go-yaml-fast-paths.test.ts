import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshalGoYaml } from '../../../core/src/output/go-yaml';
import { compareGoYamlKeys, goYamlKeyLess } from '../../../core/src/output/go-yaml-sort';

test('text copied whole folds exactly where the character-by-character writer would', () => {
  // "a: " puts the scalar at column 3; a space is a fold point only once the column is past 80.
  assert.equal(marshalGoYaml({ a: `${'x'.repeat(77)} y` }), `a: ${'x'.repeat(77)} y\n`);
  assert.equal(marshalGoYaml({ a: `${'x'.repeat(78)} y` }), `a: ${'x'.repeat(78)}\n  y\n`);
  assert.equal(marshalGoYaml({ a: { b: `${'x'.repeat(75)} y` } }), `a:\n  b: ${'x'.repeat(75)} y\n`);
  assert.equal(marshalGoYaml({ a: { b: `${'x'.repeat(76)} y` } }), `a:\n  b: ${'x'.repeat(76)}\n    y\n`);
  // Quoted styles: the opening quote takes a column.
  assert.equal(marshalGoYaml({ a: `#${'x'.repeat(75)} y` }), `a: '#${'x'.repeat(75)} y'\n`);
  assert.equal(marshalGoYaml({ a: `#${'x'.repeat(76)} y` }), `a: '#${'x'.repeat(76)}\n  y'\n`);
  assert.equal(marshalGoYaml({ a: `1${' '.repeat(0)}` }), 'a: "1"\n');
  // Without spaces nothing folds, however long.
  assert.equal(marshalGoYaml({ a: 'x'.repeat(200) }), `a: ${'x'.repeat(200)}\n`);
  // Keys never fold.
  const key = `${'k'.repeat(90)} k`;
  assert.equal(marshalGoYaml({ [key]: 1 }), `${key}: 1\n`);
});

test('characters that are not copied as they are: lone surrogates, quotes, non-BMP', () => {
  assert.equal(marshalGoYaml({ a: 'x\ud800y' }), 'a: x\ufffdy\n');
  assert.equal(marshalGoYaml({ a: "it's" }), "a: it's\n");
  assert.equal(marshalGoYaml({ a: "'q" }), "a: '''q'\n");
  assert.equal(marshalGoYaml({ a: '€ ünï' }), 'a: € ünï\n');
  // A repeated string (served from the analysis cache) is written the same each time, at any column.
  const s = `${'w '.repeat(45)}end`;
  const once = marshalGoYaml({ a: s });
  assert.equal(marshalGoYaml({ a: s }), once);
  assert.notEqual(marshalGoYaml({ deeper: { a: s } }).split('\n')[1], once.split('\n')[0]);
});

test('the key comparator agrees with goYamlKeyLess, including digits, non-ASCII and split surrogates', () => {
  const parts = ['', 'a', 'B', 'z', '0', '1', '01', '10', '.', '/', '_', '~', 'é', 'Ä', '٣', '😀', '\ud83d'];
  const keys: string[] = [];
  for (const x of parts) for (const y of parts) keys.push(x + y, `a${x}${y}`);
  for (const a of keys) {
    for (const b of keys) {
      const want = goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
      assert.equal(Math.sign(compareGoYamlKeys(a, b)), want, JSON.stringify([a, b]));
    }
  }
});
