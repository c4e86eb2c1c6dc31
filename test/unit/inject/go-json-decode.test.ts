import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJsonSyntaxError } from '../../../core/src/go/json-decode';
import { settingsFromSources } from '../../../core/src/config/sources';
import { createInjector } from '../../../core/src/inject';

test("goJsonSyntaxError: Go's scanner messages", () => {
  const rows: [string, string | undefined][] = [
    ['{"a":[1,2,{"b":null}],"c":"\\u00e9\\n","d":-1.5e+3}', undefined],
    ['', 'unexpected end of JSON input'],
    ['{"a":', 'unexpected end of JSON input'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['tru', 'unexpected end of JSON input'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['"a\\qb"', "invalid character 'q' in string escape code"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
  ];
  for (const [text, want] of rows) assert.equal(goJsonSyntaxError(text), want, text);
});

test('a malformed overrides annotation fails injection with Go texts', () => {
  const settings = settingsFromSources({ config: 'templates:\n  sidecar: |\n    spec:\n      containers:\n      - name: istio-proxy\n', values: '{}', mesh: '' });
  const inject = (value: string) => createInjector(settings).inject({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations: { 'proxy.istio.io/overrides': value } }, spec: { containers: [{ name: 'a' }] },
  }).outcome;
  assert.deepEqual(inject('{bad'), { kind: 'error', message: "failed to run injection template: invalid character 'b' looking for beginning of object key string" });
  assert.deepEqual(inject('[]'), { kind: 'error', message: 'failed to run injection template: json: cannot unmarshal array into Go value of type inject.podOverrides' });
  assert.deepEqual(inject('{"containers":[{"name":"x","ports":"p"}]}'), {
    kind: 'error',
    message: 'failed to run injection template: json: cannot unmarshal string into Go struct field podOverrides.containers.ports of type []v1.ContainerPort',
  });
  assert.equal(inject('{"containers":[{"name":"istio-proxy","image":"x"}]}').kind, 'injected');
});
