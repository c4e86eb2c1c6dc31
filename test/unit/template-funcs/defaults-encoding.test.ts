import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncs } from '../../../core/src/template/funcs';
import { goJsonMarshal } from '../../../core/src/go/json';
import { goJsonUnmarshal } from '../../../core/src/template/funcs/encoding';
import { GO_STRUCT, GoComplex, typedMap, type GoStruct } from '../../../core/src/template/value';

const f = sprigFuncs({ HOME: '/root', USER: 'me' });

function struct(typeName: string, json: unknown): GoStruct {
  return { [GO_STRUCT]: true, goTypeName: typeName, goField: () => undefined, toJSON: () => json };
}

test('default and empty use sprig emptiness (sprig TestDefault, TestEmpty)', () => {
  assert.equal(f.default('foo', ''), 'foo');
  assert.equal(f.default('foo', 234n), 234n);
  assert.equal(f.default('foo', 2.34), 2.34);
  assert.equal(f.default('123', undefined), '123');
  assert.equal(f.default('123'), '123');
  assert.equal(f.default('x', 0n), 'x');
  assert.equal(f.default('x', false), 'x');
  assert.deepEqual(f.default('x', []), 'x');
  assert.deepEqual(f.default('x', {}), 'x');
  const s = struct('v1.ObjectMeta', {});
  assert.equal(f.default('x', s), s); // structs are never empty
  for (const v of [0n, '', 0, false, null, undefined, [], {}]) assert.equal(f.empty(v), true);
  for (const v of [1n, 'a', 0.5, true, [0n], { a: null }]) assert.equal(f.empty(v), false);
  assert.equal(f.empty(new GoComplex(0, 0)), true, 'complex zero is empty, as in Go');
  assert.equal(f.empty(new GoComplex(0, 1)), false);
  assert.equal(f.empty({ ...s, goNil: true }), true, 'a nil pointer is empty');
});

test('coalesce, all, any (sprig tests)', () => {
  assert.equal(f.coalesce(1n), 1n);
  assert.equal(f.coalesce('', 0n, null, 2n), 2n);
  assert.equal(f.coalesce(), null);
  assert.equal(f.coalesce(undefined, undefined, 'airplane'), 'airplane');
  assert.equal(f.all(1n), true);
  assert.equal(f.all('', 0n, null, 2n), false);
  assert.equal(f.all(), true);
  assert.equal(f.any('', 0n, null, 2n), true);
  assert.equal(f.any(), false);
});

test('ternary (sprig TestTernary)', () => {
  assert.equal(f.ternary('foo', 'bar', true), 'foo');
  assert.equal(f.ternary('foo', 'bar', false), 'bar');
  assert.throws(() => f.ternary('foo', 'bar', 'true'), /expected bool/);
});

test('toJson sorts map keys and escapes HTML; toPrettyJson indents; toRawJson does not escape (sprig tests)', () => {
  const top = { bool: true, string: 'test', number: 42, html: '<HEAD>' };
  assert.equal(f.toJson(top), '{"bool":true,"html":"\\u003cHEAD\\u003e","number":42,"string":"test"}');
  assert.equal(f.toRawJson(top), '{"bool":true,"html":"<HEAD>","number":42,"string":"test"}');
  assert.equal(f.toPrettyJson({ bool: true, string: 'test', number: 42n }), '{\n  "bool": true,\n  "number": 42,\n  "string": "test"\n}');
  assert.equal(f.toPrettyJson({ a: [], b: {}, c: [1n] }), '{\n  "a": [],\n  "b": {},\n  "c": [\n    1\n  ]\n}');
  assert.equal(f.toJson(null), 'null');
  assert.equal(f.toJson(NaN), ''); // json: unsupported value, error dropped
  assert.throws(() => f.mustToJson(NaN), /json: unsupported value: NaN/);
});

test('Go JSON encoding details', () => {
  assert.equal(goJsonMarshal('a&b\u2028\n\u0001\t\b\f"\\'), '"a\\u0026b\\u2028\\n\\u0001\\t\\b\\f\\"\\\\"');
  assert.equal(goJsonMarshal(-0), '-0');
  assert.equal(goJsonMarshal(1e21), '1e+21');
  assert.equal(goJsonMarshal(0.000001), '0.000001');
  assert.equal(goJsonMarshal(1e-7), '1e-7');
  assert.equal(goJsonMarshal({ b: 1n, a: { d: 1n, c: 2n } }), '{"a":{"c":2,"d":1},"b":1}');
  // struct fields keep their order, including maps nested in the struct's JSON
  assert.equal(goJsonMarshal(struct('v1.ContainerPort', { name: 'http', containerPort: 80 })), '{"name":"http","containerPort":80}');
  assert.equal(goJsonMarshal([struct('x', { z: 1, a: 2 })]), '[{"z":1,"a":2}]');
  assert.equal(goJsonMarshal({ '\ud83d\ude00': 1n, '\uffff': 2n }), '{"\uffff":2,"\ud83d\ude00":1}'); // byte order
  assert.equal(goJsonMarshal(typedMap({ b: 'x', a: 'y' }, '')), '{"a":"y","b":"x"}');
});

test('fromJson decodes numbers as float64 and ignores errors', () => {
  assert.deepEqual(f.fromJson('{"a":[1,"x",null,true],"b":{"c":1.5}}'), { a: [1, 'x', null, true], b: { c: 1.5 } });
  assert.equal(f.fromJson('{bad'), null);
  assert.throws(() => f.mustFromJson(''), /unexpected end of JSON input/);
  assert.throws(() => f.mustFromJson('{bad'), { message: "invalid character 'b' looking for beginning of object key string" });
  const v = goJsonUnmarshal('{"__proto__": {"x": 1}}') as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ['__proto__']);
});

test('typeOf, kindOf, kindIs, typeIs (sprig reflect tests)', () => {
  assert.equal(f.typeOf(1n), 'int');
  assert.equal(f.typeOf(1.5), 'float64');
  assert.equal(f.typeOf('x'), 'string');
  assert.equal(f.typeOf(null), '<nil>');
  assert.equal(f.typeOf({}), 'map[string]interface {}');
  assert.equal(f.typeOf(typedMap({}, '')), 'map[string]string');
  assert.equal(f.typeOf(typedMap({}, null)), 'map[string]interface {}', 'a map whose zero is nil holds interfaces');
  assert.equal(f.typeOf(typedMap({}, typedMap({}, 0n))), 'map[string]map[string]int');
  assert.equal(f.typeOf([]), '[]interface {}');
  assert.equal(f.kindOf([]), 'slice');
  assert.equal(f.kindOf({}), 'map');
  assert.equal(f.kindOf(null), 'invalid');
  assert.equal(f.kindOf(struct('*v1.Pod', {})), 'ptr');
  assert.equal(f.kindIs('int', 1n), true);
  assert.equal(f.typeIsLike('v1.Pod', struct('*v1.Pod', {})), true);
  assert.equal(f.deepEqual([1n, { a: 'b' }], [1n, { a: 'b' }]), true);
});

test('fail, env, expandenv, b64, paths', () => {
  assert.throws(() => f.fail('boom'), /^Error: boom$/);
  assert.equal(f.env('HOME'), '/root');
  assert.equal(f.env('NOPE'), '');
  assert.equal(f.expandenv('$USER at ${HOME}$NOPE'), 'me at /root');
  assert.equal(f.b64enc('hello world'), 'aGVsbG8gd29ybGQ=');
  assert.equal(f.b64enc('é'), 'w6k=');
  assert.equal(f.b64dec('aGVsbG8gd29ybGQ='), 'hello world');
  assert.equal(f.b64dec('w6k='), 'é');
  assert.equal(f.b64dec('aGVsbG8\ngd29ybGQ='), 'hello world');
  assert.match(f.b64dec('a') as string, /^illegal base64 data at input byte/);
  assert.equal(f.base('/a/b/c.txt'), 'c.txt');
  assert.equal(f.base(''), '.');
  assert.equal(f.base('/'), '/');
  assert.equal(f.dir('/a/b/c.txt'), '/a/b');
  assert.equal(f.dir('c.txt'), '.');
  assert.equal(f.clean('a//b/../c/.'), 'a/c');
  assert.equal(f.clean('/../x'), '/x');
  assert.equal(f.ext('x/a.tar.gz'), '.gz');
  assert.equal(f.isAbs('/x'), true);
});

test('regex functions (sprig regex tests)', () => {
  const email = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}';
  assert.equal(f.regexMatch(email, 'test@acme.com'), true);
  assert.equal(f.regexMatch(email, 'test@acme'), false);
  assert.equal(f.regexMatch('(', 'x'), false);
  assert.throws(() => f.mustRegexMatch('(', 'x'), /error parsing regexp/);
  assert.equal((f.regexFindAll('a{2}', 'aaaa', -1n) as string[]).length, 2);
  assert.equal((f.regexFindAll('a{2}', 'aaaaaaaa', 1n) as string[]).length, 1);
  assert.equal(f.regexFind('fo.?', 'foo foe fome'), 'foo');
  assert.equal(f.regexFind('fo.?', 'none'), '');
  assert.equal(f.regexReplaceAll('a(x*)b', '-ab-axxb-', 'T'), '-T-T-');
  assert.equal(f.regexReplaceAll('a(x*)b', '-ab-axxb-', '$1'), '--xx-');
  assert.equal(f.regexReplaceAll('a(x*)b', '-ab-axxb-', '$1W'), '---');
  assert.equal(f.regexReplaceAll('a(x*)b', '-ab-axxb-', '${1}W'), '-W-xxW-');
  assert.equal(f.regexReplaceAll('(?P<n>x+)', 'axxb', '[${n}]'), 'a[xx]b');
  assert.equal(f.regexReplaceAllLiteral('a(x*)b', '-ab-axxb-', '$1'), '-$1-$1-');
  assert.deepEqual(f.regexSplit('z+', 'pizza', -1n), ['pi', 'a']);
  assert.deepEqual(f.regexSplit('z+', 'pizza', 1n), ['pizza']);
  assert.deepEqual(f.regexSplit('', 'abc', -1n), ['a', 'b', 'c']);
  assert.equal(f.regexMatch('(?i)^ABC$', 'abc'), true);
  assert.equal(f.regexMatch('^[[:digit:]]+$', '123'), true);
  assert.equal(f.regexQuoteMeta('1.5+x'), '1\\.5\\+x');
});
