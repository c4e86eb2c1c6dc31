import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncs } from '../../../core/src/template/funcs';
import { typedMap } from '../../../core/src/template/value';

const f = sprigFuncs();
const t123 = (): unknown[] => [1n, 2n, 3n];

test('append/push/prepend copy the list (sprig TestPush, TestPrepend)', () => {
  const l = t123();
  assert.deepEqual(f.append(l, 4n), [1n, 2n, 3n, 4n]);
  assert.deepEqual(l, [1n, 2n, 3n]);
  assert.equal(f.join('-', f.prepend([1n, 2n, 3n, 4n], 0n)), '0-1-2-3-4');
  assert.equal(f.join('-', f.push(f.regexSplit('/', 'foo/bar/baz', -1n), 'qux')), 'foo-bar-baz-qux');
  assert.throws(() => f.append('abc', 1n), /^Error: Cannot push on type string$/);
  assert.throws(() => f.append(null, 1n), /nil pointer dereference/);
});

test('first, last, rest, initial, reverse (sprig list tests)', () => {
  assert.equal(f.first(t123()), 1n);
  assert.equal(f.first([]), null);
  assert.equal(f.last(t123()), 3n);
  assert.deepEqual(f.rest(t123()), [2n, 3n]);
  assert.deepEqual(f.rest([]), []);
  assert.deepEqual(f.initial(t123()), [1n, 2n]);
  assert.deepEqual(f.reverse([1n, 2n, 3n, 4n]), [4n, 3n, 2n, 1n]);
  assert.deepEqual(f.initial(f.regexSplit('/', 'foo/bar/baz', -1n)), ['foo', 'bar']);
  assert.throws(() => f.first(5n), /Cannot find first on type int/);
});

test('compact, uniq, without, has (reflect.DeepEqual: 1 and 1.0 differ)', () => {
  assert.deepEqual(f.compact([1n, 0n, '', 'hello']), [1n, 'hello']);
  assert.deepEqual(f.compact(f.regexSplit('/', 'foo//bar', -1n)), ['foo', 'bar']);
  assert.deepEqual(f.uniq([1n, 1n, 1n, 2n, 2n]), [1n, 2n]);
  assert.deepEqual(f.uniq(['foo', 1n, 1n, 'foo']), ['foo', 1n]);
  assert.deepEqual(f.uniq([1n, 1]), [1n, 1]);
  assert.deepEqual(f.without([1n, 2n, 3n, 4n], 1n, 3n), [2n, 4n]);
  assert.equal(f.has(4n, [1n, 2n, 3n, 4n]), true);
  assert.equal(f.has('x', ['a']), false);
  assert.equal(f.has(1n, null), false);
});

test('concat, slice, chunk, until, untilStep', () => {
  assert.deepEqual(f.concat([1n, 2n], [3n], []), [1n, 2n, 3n]);
  assert.throws(() => f.concat([1n], 'x'), /Cannot concat type string as list/);
  assert.deepEqual(f.slice([1n, 2n, 3n, 4n, 5n], 1n, 3n), [2n, 3n]);
  assert.deepEqual(f.slice([1n, 2n, 3n, 4n, 5n], 3n), [4n, 5n]);
  assert.deepEqual(f.chunk(3n, [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]), [[1n, 2n, 3n], [4n, 5n, 6n], [7n, 8n]]);
  assert.deepEqual(f.chunk(3n, []), []);
  assert.deepEqual(f.until(3n), [0n, 1n, 2n]);
  assert.deepEqual(f.until(-3n), [0n, -1n, -2n]);
  assert.deepEqual(f.untilStep(0n, 10n, 3n), [0n, 3n, 6n, 9n]);
  assert.deepEqual(f.untilStep(3n, 0n, 1n), []);
});

test('dict, get, set, unset, hasKey, pick, omit, keys, values, pluck (sprig dict tests)', () => {
  const d = f.dict(1n, 2n, 'three', 'four', 5n) as Record<string, unknown>;
  assert.deepEqual(d, { 1: 2n, three: 'four', 5: '' });
  const e = f.dict('one', 1n, 'two', 222222n) as Record<string, unknown>;
  assert.equal(f.get(e, 'one'), 1n);
  assert.equal(f.get(e, 'nope'), '');
  assert.equal(f.set(e, 'three', 3n), e);
  assert.equal(e.three, 3n);
  f.unset(e, 'three');
  assert.equal(f.hasKey(e, 'three'), false);
  assert.equal(f.hasKey(e, 'one'), true);
  assert.deepEqual(f.pick(e, 'two', 'three'), { two: 222222n });
  assert.deepEqual(f.omit(e, 'one'), { two: 222222n });
  assert.deepEqual(f.keys(f.dict('foo', 1n, 'bar', 2n)), ['bar', 'foo']);
  assert.deepEqual(f.values(f.dict('foo', 1n, 'bar', 2n)), [2n, 1n]);
  assert.deepEqual(f.pluck('two', e, f.dict('one', 1n), f.dict('two', 4444n)), [222222n, 4444n]);
  assert.throws(() => f.set(null, 'a', 1n), /assignment to entry in nil map/);
  // a map[string]string (e.g. labels) is not a map[string]interface{} for Go
  assert.throws(() => f.hasKey(typedMap({ a: 'b' }, ''), 'a'), /expected map\[string\]interface \{\}; got map\[string\]string/);
  const proto = f.dict('__proto__', 'x') as Record<string, unknown>;
  assert.deepEqual(Object.keys(proto), ['__proto__']);
});

function mergeFixture() {
  return {
    src2: { h: 10n, i: 'i', j: 'j' },
    src1: { a: 1n, b: 2n, d: { e: 'four' }, g: [6n, 7n], i: 'aye', j: 'jay', k: { l: false } },
    dst: { a: 'one', c: 3n, d: { f: 5n }, g: [8n, 9n], i: 'eye', k: { l: true } },
  };
}

test('merge keeps dst values, deep-merges maps (sprig TestMerge)', () => {
  const m = mergeFixture();
  f.merge(m.dst, m.src1, m.src2);
  assert.deepEqual(m.dst, { a: 'one', b: 2n, c: 3n, d: { e: 'four', f: 5n }, g: [8n, 9n], h: 10n, i: 'eye', j: 'jay', k: { l: true } });
});

test('mergeOverwrite lets later values win, even empty ones (sprig TestMergeOverwrite)', () => {
  const m = mergeFixture();
  f.mergeOverwrite(m.dst, m.src1, m.src2);
  assert.deepEqual(m.dst, { a: 1n, b: 2n, c: 3n, d: { e: 'four', f: 5n }, g: [6n, 7n], h: 10n, i: 'i', j: 'j', k: { l: false } });
});

test('deepCopy copies maps and lists', () => {
  const src = { a: [1n, { b: 'c' }] };
  const copy = f.deepCopy(src) as typeof src;
  assert.deepEqual(copy, src);
  assert.notEqual(copy.a, src.a);
  assert.equal(f.dig('a', 'b', 'def', { a: { b: 'x' } }), 'x');
  assert.equal(f.dig('a', 'z', 'def', { a: { b: 'x' } }), 'def');
});
