import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitYamlStream } from '../../../core/src/manifest/split';

test('splits on --- lines, keeping each chunk byte for byte', () => {
  const text = 'a: 1\n---\nb: 2\n--- # comment\nc: 3';
  const { chunks, error } = splitYamlStream(text);
  assert.equal(error, undefined);
  assert.deepEqual(chunks.map((c) => c.text), ['a: 1\n', 'b: 2\n', 'c: 3']);
  for (const c of chunks) assert.equal(text.slice(c.start, c.end), c.text);
  assert.deepEqual(chunks.map((c) => c.line), [1, 3, 5]);
});

test('drops empty chunks but keeps comment-only ones, as Kubernetes’ reader does', () => {
  const { chunks } = splitYamlStream('---\n---\n# only a comment\n---\na: 1\n---\n');
  assert.deepEqual(chunks.map((c) => c.text), ['# only a comment\n', 'a: 1\n']);
});

test('a separator followed by content is an error with its line', () => {
  const { error } = splitYamlStream('a: 1\n--- b: 2\n');
  assert.deepEqual(error, { line: 2, message: 'invalid Yaml document separator: b: 2' });
});

test('--- inside a line or indented is not a separator', () => {
  const { chunks } = splitYamlStream('a: |\n  ---\nb: "---"\n');
  assert.equal(chunks.length, 1);
});
