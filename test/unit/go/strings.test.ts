import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSpace, trimSpace } from '../../../core/src/go/strings';

test('unicode.IsSpace differs from JavaScript white space at U+0085 and U+FEFF', () => {
  for (const ch of [' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00a0', '\u2000', '\u200a', '\u2028', '\u3000']) assert.ok(isSpace(ch), ch);
  for (const ch of ['\ufeff', '\u200b', 'a', '\u180e', '']) assert.ok(!isSpace(ch), ch);
});

test('strings.TrimSpace', () => {
  assert.equal(trimSpace(' \u0085a b\u3000\n'), 'a b');
  assert.equal(trimSpace('\ufeffa\ufeff'), '\ufeffa\ufeff');
  assert.equal(trimSpace(' \t '), '');
  assert.equal(trimSpace('\ud83d\ude00 '), '\ud83d\ude00');
});
