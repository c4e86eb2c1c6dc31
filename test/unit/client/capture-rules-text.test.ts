import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineCaptureRules } from '../../../client/src/preview/capture-rules-text';

test('the workloads\' rules follow each other and the notes move to the combined lines', () => {
  const { text, notes } = combineCaptureRules([
    { title: 'Deployment/web', text: '# Deployment/web\n*nat\n-A PREROUTING -p tcp -j ISTIO_INBOUND\nCOMMIT\n', notes: [{ line: 2, note: 'inbound' }] },
    { title: 'Deployment/api', text: '# Deployment/api\n*nat\nCOMMIT', notes: [{ line: 0, note: 'title' }, { line: 2, note: 'commit' }] },
  ]);
  assert.equal(text, '# Deployment/web\n*nat\n-A PREROUTING -p tcp -j ISTIO_INBOUND\nCOMMIT\n# Deployment/api\n*nat\nCOMMIT\n');
  const lines = text.split('\n');
  assert.deepEqual([...notes].map(([line, note]) => [lines[line], note]), [
    ['-A PREROUTING -p tcp -j ISTIO_INBOUND', 'inbound'], ['# Deployment/api', 'title'], ['COMMIT', 'commit'],
  ]);
  assert.deepEqual([...notes.keys()], [2, 4, 6]);
});

test('no documents: an empty text without notes', () => {
  assert.deepEqual(combineCaptureRules([]), { text: '', notes: new Map() });
});
