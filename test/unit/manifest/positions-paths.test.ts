import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../../core/src/manifest/parse';
import { keyRangeOfPath, rangeOfPath } from '../../../core/src/manifest/paths';
import { buildLineIndex, offsetAt, offsetToLineCol, positionAt } from '../../../core/src/manifest/positions';

test('offset ↔ 1-based line:col in UTF-16 units', () => {
  const text = 'ab\n😀x\r\n\nlast';
  const index = buildLineIndex(text);
  assert.deepEqual(positionAt(index, 0), { line: 1, col: 1 });
  assert.deepEqual(positionAt(index, 2), { line: 1, col: 3 });
  assert.deepEqual(positionAt(index, 3), { line: 2, col: 1 });
  assert.deepEqual(positionAt(index, 5), { line: 2, col: 3 }, 'the emoji is two UTF-16 units');
  assert.deepEqual(positionAt(index, 8), { line: 3, col: 1 });
  assert.deepEqual(positionAt(index, 9), { line: 4, col: 1 });
  assert.deepEqual(positionAt(index, 999), { line: 4, col: 5 }, 'clamped to the end');
  assert.deepEqual(offsetToLineCol(text, 5), { line: 2, col: 3 });
  for (let offset = 0; offset <= text.length; offset++) assert.equal(offsetAt(index, positionAt(index, offset)), offset);
});

const TEXT = `kind: ignored
---
apiVersion: apps/v1
kind: Deployment # the kind
metadata:
  name: "web"
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
        - name: side
          args: [a, b]
`;

test('rangeOfPath finds values by path in the whole text', () => {
  const doc = parseManifest(TEXT).documents[1];
  const at = (path: (string | number)[]): string | undefined => {
    const r = rangeOfPath(doc.yaml, path);
    return r && TEXT.slice(r.start, r.end);
  };
  assert.equal(at(['kind']), 'Deployment');
  assert.equal(TEXT.slice(doc.kindRange!.start, doc.kindRange!.end), 'Deployment');
  assert.equal(at(['metadata', 'name']), '"web"');
  assert.equal(at(['spec', 'template', 'spec', 'containers', 1, 'name']), 'side');
  assert.equal(at(['spec', 'template', 'spec', 'containers', 1, 'args']), '[a, b]');
  assert.equal(at(['spec', 'template', 'spec', 'containers', 0]), 'name: app\n          image: nginx');
  assert.equal(at(['spec', 'nope']), undefined);
  assert.equal(at(['spec', 'template', 'spec', 'containers', 5]), undefined);
  const key = keyRangeOfPath(doc.yaml, ['metadata', 'name'])!;
  assert.equal(TEXT.slice(key.start, key.end), 'name');
});
