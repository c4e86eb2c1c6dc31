import { test } from 'node:test';
import assert from 'node:assert/strict';
import { injectionFuncMap } from '../../../core/src/template/funcs';
import { parseImageTagDigest } from '../../../core/src/template/funcs/istio-otel';
import { GO_STRUCT, typedMap, type GoStruct } from '../../../core/src/template/value';

const f = injectionFuncMap();
const smap = (m: Record<string, string> | undefined) => (m ? typedMap({ ...m }, '') : null);

function proto(typeName: string, json: Record<string, unknown> | null): GoStruct {
  return { [GO_STRUCT]: true, goTypeName: typeName, goField: () => null, toJSON: () => json };
}

const otelMesh = (mode: string) =>
  proto('*v1alpha1.MeshConfig', {
    extensionProviders: [{ name: 'otel', opentelemetry: { service: 'otel-collector', port: 4317, serviceAttributeEnrichment: mode } }],
  });

test('otelResourceAttributes (Istio TestOtelResourceAttributes)', () => {
  const semconv = otelMesh('OTEL_SEMANTIC_CONVENTIONS');
  const ctr = (name: string, image: string) => ({ name, image });
  type Case = [string, GoStruct, Record<string, string> | undefined, Record<string, string> | undefined, string, unknown[], string];
  const cases: Case[] = [
    ['no provider', proto('*v1alpha1.MeshConfig', {}), undefined, undefined, 'default', [], ''],
    ['ISTIO_CANONICAL', otelMesh('ISTIO_CANONICAL'), undefined, undefined, 'default', [], ''],
    ['namespace only', semconv, undefined, undefined, 'my-namespace', [], 'service.namespace=my-namespace'],
    ['namespace + instance', semconv, undefined, undefined, 'my-namespace', [ctr('myapp', 'myapp')], 'service.namespace=my-namespace,service.instance.id=my-namespace.$(POD_NAME).myapp'],
    [
      'annotations override',
      semconv,
      { 'resource.opentelemetry.io/service.namespace': 'custom-ns', 'resource.opentelemetry.io/service.version': 'v2.0', 'resource.opentelemetry.io/service.instance.id': 'custom-id' },
      { 'app.kubernetes.io/version': 'should-not-use' },
      'my-namespace',
      [ctr('myapp', 'myapp')],
      'service.namespace=custom-ns,service.version=v2.0,service.instance.id=custom-id',
    ],
    ['version from label', semconv, undefined, { 'app.kubernetes.io/version': 'v1.2.3' }, 'default', [ctr('myapp', 'myapp')], 'service.namespace=default,service.version=v1.2.3,service.instance.id=default.$(POD_NAME).myapp'],
    ['empty namespace', semconv, undefined, undefined, '', [], ''],
    ['image tag', semconv, undefined, undefined, 'default', [ctr('nginx', 'nginx:1.21')], 'service.namespace=default,service.version=1.21,service.instance.id=default.$(POD_NAME).nginx'],
    ['image digest', semconv, undefined, undefined, 'default', [ctr('nginx', 'nginx@sha256:abc123')], 'service.namespace=default,service.version=sha256:abc123,service.instance.id=default.$(POD_NAME).nginx'],
    ['tag+digest', semconv, undefined, undefined, 'default', [ctr('nginx', 'nginx:1.21@sha256:abc123')], 'service.namespace=default,service.version=1.21@sha256:abc123,service.instance.id=default.$(POD_NAME).nginx'],
    ['registry port', semconv, undefined, undefined, 'default', [ctr('nginx', 'registry:5000/nginx:1.21')], 'service.namespace=default,service.version=1.21,service.instance.id=default.$(POD_NAME).nginx'],
    ['two containers', semconv, undefined, undefined, 'default', [ctr('nginx', 'nginx:1.21'), ctr('sidecar', 'sidecar:2.0')], 'service.namespace=default,service.instance.id=default.$(POD_NAME).nginx'],
    ['no tag', semconv, undefined, undefined, 'default', [ctr('nginx', 'nginx')], 'service.namespace=default,service.instance.id=default.$(POD_NAME).nginx'],
  ];
  for (const [name, mc, ann, lab, ns, containers, want] of cases) {
    assert.equal(f.otelResourceAttributes(mc, smap(ann), smap(lab), ns, containers), want, name);
  }
  assert.deepEqual(parseImageTagDigest('registry:5000/nginx'), { tag: '', digest: '' });
});

const DEFAULT_PC = {
  configPath: './etc/istio/proxy',
  binaryPath: '/usr/local/bin/envoy',
  serviceCluster: 'istio-proxy',
  drainDuration: '45s',
  discoveryAddress: 'istiod.istio-system.svc:15012',
  proxyAdminPort: 15000,
  controlPlaneAuthPolicy: 'MUTUAL_TLS',
  statNameLength: 189,
  statusPort: 15020,
  terminationDrainDuration: '5s',
};
const pc = (json: Record<string, unknown>) => proto('*v1alpha1.ProxyConfig', json);

test('protoToJSON strips ProxyConfig defaults (Istio TestCleanProxyConfig)', () => {
  assert.equal(f.protoToJSON(pc(DEFAULT_PC)), '{}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, proxyAdminPort: 15000n, statusPort: 15020n })), '{}');
  const overrides = { ...DEFAULT_PC, configPath: '/foo/bar', drainDuration: '7s', proxyMetadata: { foo: 'barr' } };
  assert.equal(f.protoToJSON(pc(overrides)), '{"configPath":"/foo/bar","drainDuration":"7s","proxyMetadata":{"foo":"barr"}}');
});

test('protoToJSON writes jsonpb: declaration order, sorted map keys, set wrappers and empty messages kept', () => {
  const json = {
    proxyMetadata: { ISTIO_META_TLS_CLIENT_KEY: '/etc/identity2/client/keys/client-key.pem', FOO: 'bar' },
    concurrency: 0,
    ...DEFAULT_PC,
    discoveryAddress: 'foo:123',
  };
  assert.equal(f.protoToJSON(pc(json)), '{"discoveryAddress":"foo:123","concurrency":0,"proxyMetadata":{"FOO":"bar","ISTIO_META_TLS_CLIENT_KEY":"/etc/identity2/client/keys/client-key.pem"}}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, tracing: {} })), '{"tracing":{}}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, holdApplicationUntilProxyStarts: false })), '{"holdApplicationUntilProxyStarts":false}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, interceptionMode: 'TPROXY' })), '{"interceptionMode":"TPROXY"}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, serviceCluster: '' })), '{"serviceCluster":""}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, proxyMetadata: {} })), '{}');
  assert.equal(f.protoToJSON(null), '{}');
  assert.equal(f.protoToJSON(pc({ ...DEFAULT_PC, meshId: '<m>' })), '{"meshId":"\\u003cm\\u003e"}');
});

test('protoToJSON takes the defaults from the caller when given', () => {
  const g = injectionFuncMap({ defaultProxyConfig: () => ({ ...DEFAULT_PC, statusPort: 1 }) });
  assert.equal(g.protoToJSON(pc({ ...DEFAULT_PC })), '{"statusPort":15020}');
});
