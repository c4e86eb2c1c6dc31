import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncs } from '../../../core/src/template/funcs';
import { mapZero } from '../../../core/src/template/value';

const f = sprigFuncs();

test('trunc keeps the first or last bytes (sprig TestTrunc)', () => {
  assert.equal(f.trunc(3n, 'foooooo'), 'foo');
  assert.equal(f.trunc(-3n, 'baaaaaar'), 'aar');
  assert.equal(f.trunc(-999n, 'baaaaaar'), 'baaaaaar');
  assert.equal(f.trunc(0n, 'baaaaaz'), '');
  assert.equal(f.trunc(63n, 'short'), 'short');
});

test('substr (sprig TestSubstr)', () => {
  assert.equal(f.substr(0n, 3n, 'fooo'), 'foo');
  assert.equal(f.substr(0n, 10n, 'foo'), 'foo');
});

test('quote and squote skip nil and format with %q / %v (sprig TestQuote, TestSquote)', () => {
  assert.equal(f.quote('a', 'b', 'c'), '"a" "b" "c"');
  assert.equal(f.quote('"a"', 'b', 'c'), '"\\"a\\"" "b" "c"');
  assert.equal(f.quote(1n, 2n, 3n), '"1" "2" "3"');
  assert.equal(f.quote(null), '');
  assert.equal(f.quote(undefined), '');
  assert.equal(f.quote('tab\there\u0001'), '"tab\\there\\x01"');
  assert.equal(f.quote(15020), '"15020"');
  assert.equal(f.quote(1e6), '"1e+06"');
  assert.equal(f.squote('a', 'b', 'c'), "'a' 'b' 'c'");
  assert.equal(f.squote(1n, 2n, 3n), "'1' '2' '3'");
  assert.equal(f.squote(null), '');
});

test('contains, hasPrefix, hasSuffix take the needle first (sprig TestContains)', () => {
  assert.equal(f.contains('cat', 'fair catch'), true);
  assert.equal(f.hasPrefix('cat', 'catch'), true);
  assert.equal(f.hasSuffix('cat', 'ducat'), true);
  assert.equal(f.contains('dog', 'fair catch'), false);
});

test('trim family (sprig TestTrim)', () => {
  assert.equal(f.trim('   5.00   '), '5.00');
  assert.equal(f.trimAll('$', '$5.00$'), '5.00');
  assert.equal(f.trimPrefix('$', '$5.00'), '5.00');
  assert.equal(f.trimSuffix('$', '5.00$'), '5.00');
  assert.equal(f.trimAll('-_.', '-_my-app._'), 'my-app');
  // Go's unicode.IsSpace does not include the BOM, JS trim does
  assert.equal(f.trim('\ufeff x \u0085'), '\ufeff x');
});

test('split, splitn, splitList (sprig TestSplit)', () => {
  const m = f.split('$', 'foo$bar$baz') as Record<string, string>;
  assert.deepEqual({ ...m }, { _0: 'foo', _1: 'bar', _2: 'baz' });
  assert.equal(mapZero(m).zero, '');
  assert.deepEqual({ ...(f.splitn('$', 2n, 'foo$bar$baz') as object) }, { _0: 'foo', _1: 'bar$baz' });
  assert.deepEqual(f.splitList(',', 'a,b,,c'), ['a', 'b', '', 'c']);
  assert.deepEqual(f.splitList('', 'ab'), ['a', 'b']);
});

test('toString, toStrings, join (sprig TestToStrings, TestJoin)', () => {
  const toString = f['toString'] as (...args: unknown[]) => unknown; // FuncMap's key shadows Object#toString for TS
  assert.equal(toString(1n), '1');
  assert.equal(toString(2.5), '2.5');
  assert.deepEqual(f.toStrings([1n, 2n, 3n]), ['1', '2', '3']);
  assert.deepEqual(f.toStrings([1n, null, 2n]), ['1', '2']);
  assert.equal(f.join('-', ['a', 'b', 'c']), 'a-b-c');
  assert.equal(f.join('-', [1n, 2n, 3n]), '1-2-3');
  assert.equal(f.join('-', 'abc'), 'abc');
  assert.equal(f.join('-', ['1', null, '2']), '1-2');
  assert.equal(f.join(',', null), '');
});

test('sortAlpha, cat, repeat, replace, upper, lower, title', () => {
  assert.equal(f.join('', f.sortAlpha(['c', 'a', 'b'])), 'abc');
  assert.equal(f.cat('a', 1n, null, true), 'a 1 true');
  assert.equal(f.repeat(3n, 'ab'), 'ababab');
  assert.throws(() => f.repeat(-1n, 'ab'), /negative Repeat count/);
  assert.equal(f.replace(' ', '-', 'I Am Henry VIII'), 'I-Am-Henry-VIII');
  assert.equal(f.upper('foo'), 'FOO');
  assert.equal(f.upper('straße'), 'STRAßE');
  assert.equal(f.lower('FOO'), 'foo');
  assert.equal(f.title('hello world-wide web_x'), 'Hello World-Wide Web_x');
  assert.equal(f.untitle('Hello'), 'hello');
  assert.equal(f.nospace('a b\tc'), 'abc');
});

test("sprig's indent pads every line, nindent adds a leading newline", () => {
  assert.equal(f.indent(2n, 'a\nb'), '  a\n  b');
  assert.equal(f.nindent(4n, 'a\nb'), '\n    a\n    b');
});

test('arguments are type-checked like Go text/template', () => {
  assert.throws(() => f.trunc(3, 'abc'), /wrong type for value; expected int; got float64/);
  assert.throws(() => f.upper(1n), /wrong type for value; expected string; got int/);
  assert.throws(() => f.upper(undefined), /invalid value; expected string/);
  assert.throws(() => f.upper(), /wrong number of args for upper: want 1 got 0/);
  assert.equal(f.quote(), '');
});

test('extras: abbrev, initials, swapcase, wrap, digests, base32, duration (sprig tests)', () => {
  assert.equal(f.abbrev(5n, 'hello world'), 'he...');
  assert.equal(f.abbrev(3n, 'hello world'), 'hello world');
  assert.equal(f.abbrevboth(5n, 10n, '1234 5678 9123'), '...5678...');
  assert.equal(f.initials('First Try'), 'FT');
  assert.equal(f.swapcase('This Is A.Test'), 'tHIS iS a.tEST');
  assert.equal(f.wrap(5n, 'Hello World'), 'Hello\nWorld');
  assert.equal(f.wrapWith(5n, '\t', 'Hello World'), 'Hello\tWorld');
  assert.equal(f.sha1sum('123456789'), 'f7c3bc1d808e04732adf679965ccc34ca7ae3441');
  assert.equal(f.sha256sum('123456789'), '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225');
  assert.equal(f.sha256sum(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(f.adler32sum('123456789'), '152961502');
  assert.equal(f.b32enc('Hello!'), 'JBSWY3DPEE======');
  assert.equal(f.b32dec('JBSWY3DPEE======'), 'Hello!');
  assert.equal(f.duration('95'), '1m35s');
  assert.equal(f.duration(3600n), '1h0m0s');
  assert.equal(f.hello(), 'Hello!');
  assert.throws(() => f.now(), /now is not supported/);
  assert.equal(f.osBase('/a/b'), 'b');
});
