import { test } from 'node:test';
import assert from 'node:assert/strict';
import { injectionFuncMap, istioFuncs, sprigFuncs } from '../../../core/src/template/funcs';
import { goDurationString } from '../../../core/src/template/funcs/go-fmt';
import { appendMultusNetwork, omitNil } from '../../../core/src/template/funcs/istio';
import { GO_STRUCT, NOT_FOUND, mapZero, typedMap, type GoStruct } from '../../../core/src/template/value';

const f = injectionFuncMap({ env: { ISTIO_VAR: 'set' } });
const labels = (m: Record<string, string>) => typedMap({ ...m }, '');

/** A Go struct over JSON, reading fields by Go name (the first letter upper-cased). */
function struct(typeName: string, json: Record<string, unknown>): GoStruct {
  return {
    [GO_STRUCT]: true,
    goTypeName: typeName,
    goField: (name) => {
      const key = name[0].toLowerCase() + name.slice(1);
      return key in json ? json[key] : NOT_FOUND;
    },
    toJSON: () => json,
  };
}

const meta = (annotations: Record<string, string> | null) => struct('v1.ObjectMeta', { annotations: annotations && labels(annotations) });

test('injectionFuncMap: Istio overrides sprig (indent, contains, env, omit)', () => {
  assert.equal(f.indent(2n, 'a\nb\nc'), 'a\n  b\n  c'); // Istio: the first line is left alone
  assert.equal(sprigFuncs().indent(2n, 'a\nb'), '  a\n  b');
  assert.equal(f.indent(-2n, 'a\nb'), 'a\n  b');
  assert.equal(f.contains('/', 'docker.io/proxyv2'), true);
  assert.equal(f.env('ISTIO_VAR', 'def'), 'set');
  assert.equal(f.env('OTHER', 'def'), 'def');
  assert.equal(istioFuncs().env('ISTIO_VAR', 'def'), 'def');
  assert.ok(f.nindent && f.quote && f.toJson && f.otelResourceAttributes);
});

test('annotation reads ObjectMeta.Annotations, else fmt.Sprint(default)', () => {
  const m = meta({ 'sidecar.istio.io/proxyImage': 'img' });
  assert.equal(f.annotation(m, 'sidecar.istio.io/proxyImage', 'def'), 'img');
  assert.equal(f.annotation(m, 'status.sidecar.istio.io/port', 15020), '15020');
  assert.equal(f.annotation(m, 'x', 15020n), '15020');
  assert.equal(f.annotation(m, 'x', true), 'true');
  assert.equal(f.annotation(m, 'x', null), '<nil>');
  assert.equal(f.annotation(m, 'x', undefined), '<nil>');
  assert.equal(f.annotation(meta(null), 'x', 'd'), 'd');
  assert.equal(f.annotation({ annotations: { a: 'b' } }, 'a', ''), 'b'); // plain Kubernetes JSON works too
  assert.throws(() => f.annotation('x', 'a', ''), /expected v1.ObjectMeta; got string/);
});

test('excludeInboundPort adds the port once', () => {
  assert.equal(f.excludeInboundPort('15020', ''), '15020');
  assert.equal(f.excludeInboundPort('15020', '1,2'), '1,2,15020');
  assert.equal(f.excludeInboundPort('15020', ' 1 , ,2 '), '1,2,15020');
  assert.equal(f.excludeInboundPort('15020', '1,15020'), '1,15020');
  assert.equal(f.excludeInboundPort('0', '1,2'), '1,2');
  assert.equal(f.excludeInboundPort(' ', '1'), '1');
  assert.equal(f.excludeInboundPort(15021, '4,5,6'), '4,5,6,15021');
});

test('valueOrDefault treats only "" and nil as unset', () => {
  assert.equal(f.valueOrDefault('', 'd'), 'd');
  assert.equal(f.valueOrDefault(null, 'd'), 'd');
  assert.equal(f.valueOrDefault(undefined, 'd'), 'd');
  assert.equal(f.valueOrDefault(0n, 'd'), 0n);
  assert.equal(f.valueOrDefault(false, 'd'), false);
  assert.equal(f.valueOrDefault('cluster.local', 'd'), 'cluster.local');
});

test('isset needs a map[string]string', () => {
  assert.equal(f.isset(labels({ a: '' }), 'a'), true);
  assert.equal(f.isset(labels({}), 'a'), false);
  assert.equal(f.isset(null, 'a'), false);
  assert.throws(() => f.isset({ a: 'x' }, 'a'), /wrong type for value; expected map\[string\]string; got map\[string\]interface \{\}/);
});

test('strdict, omit, mergeMaps, toJsonMap, toJSON return and take map[string]string', () => {
  const d = f.strdict('a', 'b', 'c') as Record<string, string>;
  assert.deepEqual({ ...d }, { a: 'b', c: '' });
  assert.equal(mapZero(d).zero, '');
  assert.deepEqual({ ...(f.omit(labels({ a: '1', b: '2', c: '3' }), 'a', 'c') as object) }, { b: '2' });
  assert.deepEqual({ ...(f.omit(null, 'a') as object) }, {});
  assert.deepEqual({ ...(f.mergeMaps(labels({ a: '1', b: '2' }), labels({ b: '3' })) as object) }, { a: '1', b: '3' });
  assert.equal(f.mergeMaps(), null);
  assert.equal(f.toJsonMap(labels({ z: '1', a: '<x>' }), f.strdict('m', 'n')), '{"a":"\\u003cx\\u003e","m":"n","z":"1"}');
  assert.equal(f.toJsonMap(), 'null');
  assert.equal(f.toJsonMap(null), '{}');
  assert.equal(f.toJSON(null), '{}');
  assert.equal(f.toJSON(labels({ b: '1', a: '2' })), '{"a":"2","b":"1"}');
});

test('fromJSON returns the string "{}" on bad input; structToJSON keeps struct field order', () => {
  assert.deepEqual(f.fromJSON('[{"name":"v","emptyDir":{}}]'), [{ name: 'v', emptyDir: {} }]);
  assert.equal(f.fromJSON('not json'), '{}');
  const port = struct('v1.ContainerPort', { name: 'http', containerPort: 80n, protocol: 'TCP' });
  assert.equal(f.structToJSON(port), '{"name":"http","containerPort":80,"protocol":"TCP"}');
  assert.equal(f.structToJSON(null), '{}');
  assert.equal(f.structToJSON({ b: 1n, a: NaN }), '{}');
});

test('directory, toLower, kubevirtInterfaces, excludeInterfaces', () => {
  assert.equal(f.directory('/etc/certs/root-cert.pem'), '/etc/certs/');
  assert.equal(f.directory('file'), '');
  assert.equal(f.toLower('Deployment'), 'deployment');
  assert.equal(f.kubevirtInterfaces('a,b'), 'a,b');
  assert.equal(f.excludeInterfaces('a'), 'a');
});

test('includeInboundPorts / applicationPorts list TCP ports (UDP and SCTP skipped)', () => {
  const c = (name: string, ports: Record<string, unknown>[]) => struct('v1.Container', { name, ports: ports.map((p) => struct('v1.ContainerPort', p)) });
  const containers = [
    c('app', [{ containerPort: 80n, protocol: 'TCP' }, { containerPort: 53n, protocol: 'UDP' }, { containerPort: 90n, protocol: '' }]),
    c('istio-proxy', [{ containerPort: 15090n, protocol: 'TCP' }, { containerPort: 99n, protocol: 'SCTP' }]),
  ];
  assert.equal(f.includeInboundPorts(containers), '80,90,15090');
  assert.equal(f.applicationPorts(containers), '80,90');
  assert.equal(f.includeInboundPorts([{ name: 'a', ports: [{ containerPort: 8080 }] }]), '8080');
  assert.equal(f.includeInboundPorts(null), '');
});

test('formatDuration prints time.Duration.String', () => {
  assert.equal(f.formatDuration('45s'), '45s');
  assert.equal(f.formatDuration('90s'), '1m30s');
  assert.equal(f.formatDuration('3600s'), '1h0m0s');
  assert.equal(f.formatDuration('1.500s'), '1.5s');
  assert.equal(f.formatDuration('0.001s'), '1ms');
  assert.equal(f.formatDuration({ seconds: '5', nanos: 0 }), '5s');
  assert.equal(f.formatDuration(null), '0s');
  assert.equal(goDurationString(1500n), '1.5µs');
  assert.equal(goDurationString(-2000000000n), '-2s');
});

test('appendMultusNetwork (Istio TestAppendMultusNetwork), idempotent', () => {
  const cases: [string, string][] = [
    ['', 'istio-cni'],
    ['macvlan-conf-1', 'macvlan-conf-1, istio-cni'],
    ['macvlan-conf-1, macvlan-conf-2', 'macvlan-conf-1, macvlan-conf-2, istio-cni'],
    ['[{"name": "macvlan-conf-1"}]', '[{"name": "macvlan-conf-1"}, {"name": "istio-cni"}]'],
    ['[{"name": "macvlan-conf-1"}, {"name": "macvlan-conf-2"}]', '[{"name": "macvlan-conf-1"}, {"name": "macvlan-conf-2"}, {"name": "istio-cni"}]'],
    [
      '[\n                   {"name": "macvlan-conf-1"},\n                   {"name": "macvlan-conf-2"}\n                   ]',
      '[\n                   {"name": "macvlan-conf-1"},\n                   {"name": "macvlan-conf-2"}\n                   , {"name": "istio-cni"}]',
    ],
    [
      '[\n                   {"name": "macvlan-conf-1", "another-field": "another-value"},\n                   {"name": "macvlan-conf-2"}\n                   ]',
      '[\n                   {"name": "macvlan-conf-1", "another-field": "another-value"},\n                   {"name": "macvlan-conf-2"}\n                   , {"name": "istio-cni"}]',
    ],
    [
      '[\n {"name": "macvlan-conf-1"},\n {"name": "istio-cni", "config": "additional-config"},\n ]',
      '[\n {"name": "macvlan-conf-1"},\n {"name": "istio-cni", "config": "additional-config"},\n ]',
    ],
  ];
  for (const [input, want] of cases) {
    const got = appendMultusNetwork(input, 'istio-cni');
    assert.equal(got, want);
    assert.equal(appendMultusNetwork(got, 'istio-cni'), want);
  }
  assert.equal(f.appendMultusNetwork('[{"name":"a"}]', 'default/istio-cni'), '[{"name":"a"}, {"name": "istio-cni", "namespace": "default"}]');
  assert.equal(f.appendMultusNetwork('[{"name":"istio-cni","namespace":"default"}]', 'default/istio-cni'), '[{"name":"istio-cni","namespace":"default"}]');
});

test('omitNil (Istio TestOmitNil)', () => {
  assert.deepEqual(omitNil({ a: 1n, b: 'c' }), { a: 1n, b: 'c' });
  assert.deepEqual(omitNil({ a: null, b: 'c' }), { b: 'c' });
  assert.deepEqual(omitNil({ a: { x: null, y: 2n }, b: 'c' }), { a: { y: 2n }, b: 'c' });
  assert.deepEqual(omitNil([1n, null, 3n]), [1n, 3n]);
  assert.equal(omitNil({ a: [null, { x: null }] }), null);
  assert.equal(omitNil({ a: null, b: { x: null } }), null);
  const complex = { global: { proxy: { resources: { limits: { cpu: null, memory: '500Mi' } } } } };
  assert.deepEqual(omitNil(complex), { global: { proxy: { resources: { limits: { memory: '500Mi' } } } } });
  assert.deepEqual(f.omitNil({}), {});
  assert.equal(f.omitNil(undefined), null);
});

test('toYaml writes sigs.k8s.io/yaml output; nil is "null"', () => {
  assert.equal(f.toYaml({ limits: { memory: '1Gi', cpu: '2000m' }, requests: { cpu: 100n } }), 'limits:\n  cpu: 2000m\n  memory: 1Gi\nrequests:\n  cpu: 100\n');
  assert.equal(f.toYaml(undefined), 'null\n');
  assert.equal(f.toYaml([{ name: 'a' }]), '- name: a\n');
});
