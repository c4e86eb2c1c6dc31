import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PREVIEW_SCHEME, parsePreviewQuery, previewUriParts } from '../../../client/src/preview/preview-uri';

test('the scheme is istio-inject-preview and the path keeps the file name', () => {
  const parts = previewUriParts({ source: 'file:///work/app%20one.yaml' });
  assert.equal(PREVIEW_SCHEME, 'istio-inject-preview');
  assert.equal(parts.scheme, PREVIEW_SCHEME);
  assert.equal(parts.path, '/work/app one.yaml');
});

test('a source that does not end in .yaml gets the extension, so the preview is YAML', () => {
  assert.equal(previewUriParts({ source: 'untitled:Untitled-1' }).path, '/Untitled-1.yaml');
  assert.equal(previewUriParts({ source: 'file:///k8s/deploy.YML' }).path, '/k8s/deploy.YML');
});

test('source and range round-trip through the query', () => {
  const range = { start: { line: 4, character: 0 }, end: { line: 20, character: 7 } };
  const source = 'file:///work/a&b=c.yaml';
  assert.deepEqual(parsePreviewQuery(previewUriParts({ source, range }).query), { source, range });
  assert.deepEqual(parsePreviewQuery(previewUriParts({ source }).query), { source });
});

test('a query without a source, or with a broken range, is handled', () => {
  assert.equal(parsePreviewQuery(''), undefined);
  assert.deepEqual(parsePreviewQuery('source=file%3A%2F%2F%2Fa.yaml&range=1,2,x,4'), { source: 'file:///a.yaml' });
});
