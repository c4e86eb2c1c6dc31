import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate } from '../../../core/src/template';
import { injectionFuncMap } from '../../../core/src/template/funcs';
import { GO_STRUCT, NOT_FOUND, typedMap, type GoStruct } from '../../../core/src/template/value';

const funcs = injectionFuncMap();
const run = (text: string, data: unknown = {}): string => parseTemplate('t', text, funcs).execute(data);

function struct(typeName: string, fields: Record<string, unknown>): GoStruct {
  return {
    [GO_STRUCT]: true,
    goTypeName: typeName,
    goField: (n) => (n in fields ? fields[n] : NOT_FOUND),
    toJSON: () => fields,
  };
}

test('sprig through the template engine (sprig runt cases)', () => {
  assert.equal(run('{{ "" | default "foo" }}'), 'foo');
  assert.equal(run('{{ .Nothing | default "123" }}'), '123');
  assert.equal(run('{{ .value | quote }}', { value: null }), '');
  assert.equal(run('{{ .missing | quote }}', {}), '');
  assert.equal(run('{{ list 1 2 3 | join "-" }}'), '1-2-3');
  assert.equal(run('{{ $v := "foo$bar$baz" | split "$" }}{{ $v._0 }}'), 'foo');
  assert.equal(run('{{ coalesce }}'), '<no value>');
  assert.equal(run('{{ toString 1 | kindOf }}'), 'string');
  assert.equal(run('{{ $s := list 1 2 3 | toStrings }}{{ index $s 1 | kindOf }}'), 'string');
  assert.equal(run('{{ dict "foo" 1 "bar" 2 | keys | sortAlpha }}'), '[bar foo]');
  assert.equal(run('{{ 3 | add 1 2 }}'), '6');
  assert.equal(run('{{ 2 | divf 5 4 }}'), '0.625');
  assert.equal(run('{{ list 1 0 "" "hello" | compact }}'), '[1 hello]');
  assert.equal(run('{{ seq 5 }}'), '1 2 3 4 5');
});

test('Istio template idioms', () => {
  const meta = struct('v1.ObjectMeta', {
    Labels: typedMap({ app: 'my-app-' }, ''),
    Annotations: typedMap({ 'sidecar.istio.io/proxyImage': 'docker.io/istio/proxyv2' }, ''),
  });
  const data = { ObjectMeta: meta, Values: { global: { proxy: { resources: { limits: { cpu: null, memory: '1Gi' } } } } } };
  assert.equal(
    run('{{ index .ObjectMeta.Labels `service.istio.io/canonical-name` | default (index .ObjectMeta.Labels `app`) | trunc 63 | trimAll "-_." | quote }}', data),
    '"my-app"',
  );
  assert.equal(run('{{- if contains "/" (annotation .ObjectMeta `sidecar.istio.io/proxyImage` "x") }}yes{{ end }}', data), 'yes');
  assert.equal(run('resources:{{ toYaml (omitNil .Values.global.proxy.resources) | nindent 2 }}', data), 'resources:\n  limits:\n    memory: 1Gi\n  ');
  assert.equal(run('{{ toJsonMap (strdict "b" "1" "a" "2") }}', data), '{"a":"2","b":"1"}');
  assert.equal(run('{{ isset .ObjectMeta.Annotations `x` }}', data), 'false');
});

test('argument errors read like Go', () => {
  assert.throws(() => run('{{ trunc "3" "abc" }}'), /wrong type for value; expected int; got string/);
  assert.throws(() => run('{{ isset .Values "x" }}', { Values: {} }), /expected map\[string\]string; got map\[string\]interface \{\}/);
  assert.throws(() => run('{{ fail "boom" }}'), /error calling fail: boom/);
});
