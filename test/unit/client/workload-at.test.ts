import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workloadAt } from '../../../client/src/explain/workload-at';

const TEXT = [
  '# the namespace first',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
  '---\n# a comment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec: {}',
  '---\nkind: Pod\nmetadata:\n  name: p\n  namespace: [not, a, string]',
  '---\nkind: Job\nmetadata:\n  name: j\n  labels: {a: b\n',
].join('\n');

test('the document at the offset: its kind and the namespace it names', () => {
  assert.deepEqual(workloadAt(TEXT, 0), { kind: 'Namespace' }, 'a comment above the first document belongs to it');
  assert.deepEqual(workloadAt(TEXT, TEXT.indexOf('name: shop')), { kind: 'Namespace' });
  assert.deepEqual(workloadAt(TEXT, TEXT.indexOf('---')), { kind: 'Deployment', namespace: 'shop' }, 'the separator belongs to the next document');
  assert.deepEqual(workloadAt(TEXT, TEXT.indexOf('spec: {}')), { kind: 'Deployment', namespace: 'shop' });
  assert.deepEqual(workloadAt(TEXT, TEXT.indexOf('kind: Pod')), { kind: 'Pod' }, 'a namespace that is not a string is none');
  assert.deepEqual(workloadAt(TEXT, TEXT.indexOf('kind: Job') + 3), { kind: 'Job' }, 'a syntax error further on does not hide the kind');
});

test('an empty text has no workload; a document without kind or namespace is an empty reference', () => {
  assert.equal(workloadAt('', 0), undefined);
  assert.deepEqual(workloadAt('metadata:\n  name: x\n', 5), {});
});
