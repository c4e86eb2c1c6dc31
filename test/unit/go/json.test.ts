import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AS_BUILT, goJsonMarshal, inGoMapOrder } from '../../../core/src/go/json';

test('default marshal sorts every object as a Go map, by code point', () => {
  assert.equal(goJsonMarshal({ b: 1n, a: { d: true, c: null } }), '{"a":{"c":null,"d":true},"b":1}');
  assert.equal(goJsonMarshal({ '\ud83d\ude00': 1n, '\uffff': 2n }), '{"\uffff":2,"\ud83d\ude00":1}');
  assert.equal(goJsonMarshal({ a: undefined }), '{"a":null}', 'a nil interface value');
});

test('AS_BUILT keeps struct field order and leaves out undefined properties', () => {
  const status = { initContainers: ['istio-init'], containers: null, volumes: undefined, revision: 'default' };
  assert.equal(goJsonMarshal(status, AS_BUILT), '{"initContainers":["istio-init"],"containers":null,"revision":"default"}');
  assert.equal(goJsonMarshal([undefined], AS_BUILT), '[null]');
});

test('inGoMapOrder sorts a Go map inside data built in order', () => {
  const probers = inGoMapOrder({ '/b': { httpGet: { port: 1, path: '/z' } }, '/a': { tcpSocket: { port: 2 } } });
  assert.equal(goJsonMarshal(probers, AS_BUILT), '{"/a":{"tcpSocket":{"port":2}},"/b":{"httpGet":{"port":1,"path":"/z"}}}');
});

test('a value with toJSON is encoded from it, keeping its key order', () => {
  const struct = { toJSON: () => ({ name: 'http', containerPort: 80 }) };
  assert.equal(goJsonMarshal({ z: struct, a: 1n }), '{"a":1,"z":{"name":"http","containerPort":80}}');
});

test('strings escape as encoding/json does', () => {
  assert.equal(goJsonMarshal('<a&b>\u2028\u0001\t"\\'), '"\\u003ca\\u0026b\\u003e\\u2028\\u0001\\t\\"\\\\"');
  assert.equal(goJsonMarshal('<a>', { escapeHTML: false }), '"<a>"');
  assert.equal(goJsonMarshal('x\ud800y', AS_BUILT), '"x\\ufffdy"', 'a lone surrogate is invalid UTF-8 to Go');
});

test('floats: Go format, -0 kept, NaN and Inf rejected', () => {
  assert.equal(goJsonMarshal([1e21, 1e-7, 0.000001, -0, 2.5]), '[1e+21,1e-7,0.000001,-0,2.5]');
  assert.throws(() => goJsonMarshal(NaN), /json: unsupported value: NaN/);
  assert.throws(() => goJsonMarshal({ a: -Infinity }), /json: unsupported value: -Inf/);
});

test('indent as MarshalIndent', () => {
  assert.equal(goJsonMarshal({ a: [1n], b: {} }, { indent: '  ' }), '{\n  "a": [\n    1\n  ],\n  "b": {}\n}');
});
