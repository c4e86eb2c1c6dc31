import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTarget } from '../../../client/src/commands/target';

const RANGE = { start: { line: 3, character: 0 }, end: { line: 9, character: 2 } };

test('palette: no arguments, no target (the active editor decides)', () => {
  assert.deepEqual(parseTarget([]), {});
});

test('code lens / code action: [uri string, LSP range]', () => {
  assert.deepEqual(parseTarget(['file:///w/app.yaml', RANGE]), { uri: 'file:///w/app.yaml', range: RANGE });
  const parsed = parseTarget(['file:///w/app.yaml', RANGE]);
  assert.notEqual(parsed.range, RANGE, 'the range is copied');
});

test('editor context menu: a vscode.Uri-like object', () => {
  const uri = { scheme: 'file', path: '/w/app.yaml', toString: () => 'file:///w/app.yaml' };
  assert.deepEqual(parseTarget([uri, { groupId: 0 }]), { uri: 'file:///w/app.yaml' });
});

test('junk is ignored rather than trusted', () => {
  assert.deepEqual(parseTarget(['not a uri', { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }]), {});
  assert.deepEqual(parseTarget([42, { start: { line: 1.5, character: 0 }, end: RANGE.end }]), {});
  assert.deepEqual(parseTarget([null, RANGE]), { range: RANGE });
});
