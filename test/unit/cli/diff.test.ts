import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unifiedDiff } from '../../../cli/src/diff';

test('equal texts give no diff', () => {
  assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y'), '');
});

test('a change in the middle gives one hunk with 3 lines of context', () => {
  const a = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
  const b = 'l1\nl2\nl3\nl4\nX\nl6\nl7\nl8\n';
  assert.equal(unifiedDiff(a, b, 'a/f', 'b/f'), [
    '--- a/f', '+++ b/f', '@@ -2,7 +2,7 @@', ' l2', ' l3', ' l4', '-l5', '+X', ' l6', ' l7', ' l8', '',
  ].join('\n'));
});

test('insertions at the end and far-apart changes make separate hunks', () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
  const b = a.replace('l1\n', 'L1\n') + 'new\n';
  const d = unifiedDiff(a, b, 'a', 'b');
  assert.equal(d.match(/^@@/gm)?.length, 2);
  assert.match(d, /\+new\n$/);
  assert.match(d, /^-l1\n\+L1$/m);
});
