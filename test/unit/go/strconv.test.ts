import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atoi, parseBool, parseFloat64, parseInt0, parseUint0 } from '../../../core/src/go/strconv';

test('atoi returns what Go returns, and whether Go reports an error', () => {
  assert.deepEqual(atoi('+15020'), { value: 15020n });
  assert.deepEqual(atoi('-7'), { value: -7n });
  assert.deepEqual(atoi('1_000'), { value: 0n, error: 'strconv.Atoi: parsing "1_000": invalid syntax' }, 'no underscores in base 10');
  assert.deepEqual(atoi('\t1'), { value: 0n, error: 'strconv.Atoi: parsing "\\t1": invalid syntax' });
  assert.deepEqual(atoi('99999999999999999999'), { value: (1n << 63n) - 1n, error: 'strconv.Atoi: parsing "99999999999999999999": value out of range' });
  assert.equal(atoi('-99999999999999999999').value, -(1n << 63n));
});

test('parseBool accepts exactly Go\'s spellings', () => {
  for (const s of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(parseBool(s), true, s);
  for (const s of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(parseBool(s), false, s);
  for (const s of ['yes', 'tRUE', ' true', '']) assert.equal(parseBool(s), undefined, s);
});

test('base-0 integers and floats as Go literals', () => {
  assert.equal(parseInt0('0x_1F'), 31n);
  assert.equal(parseInt0('017'), 15n);
  assert.equal(parseInt0('1__0'), undefined);
  assert.equal(parseInt0('-9223372036854775808'), -(1n << 63n));
  assert.equal(parseInt0('9223372036854775808'), undefined);
  assert.equal(parseUint0('18446744073709551615'), (1n << 64n) - 1n);
  assert.equal(parseFloat64('1_000.5e1_0'), 1000.5e10);
  assert.equal(parseFloat64('0x1.8p1'), 3);
  assert.equal(parseFloat64('-inf'), -Infinity);
  assert.equal(parseFloat64('+nan'), undefined);
  assert.equal(parseFloat64('1e400'), undefined);
});
