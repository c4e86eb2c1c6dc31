import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMeshConfig, applyProxyConfig, meshDefaults, mergeProxyConfig, proxyConfigDefaults } from '../../../core/src/config/mesh';
import { formatDuration, parseGoDuration } from '../../../core/src/config/proto-json';

test('meshDefaults carries Istio defaults in protojson form', () => {
  const m = meshDefaults();
  assert.equal(m.connectTimeout, '10s');
  assert.equal(m.protocolDetectionTimeout, '0s');
  assert.deepEqual(m.outboundTrafficPolicy, { mode: 'ALLOW_ANY' });
  assert.equal('accessLogEncoding' in m, false, 'zero enum omitted');
  assert.deepEqual((m.defaultConfig as Record<string, unknown>).drainDuration, '45s');
  assert.deepEqual(proxyConfigDefaults().statusPort, 15020);
});

test('an empty mesh YAML gives the defaults', () => {
  assert.deepEqual(applyMeshConfig(''), meshDefaults());
});

test('defaultConfig is merged onto the previous proxy config (ApplyMeshConfigDefaults)', () => {
  const got = applyMeshConfig('defaultConfig:\n  configPath: /test/config/patch\n');
  const want = meshDefaults();
  (want.defaultConfig as Record<string, unknown>).configPath = '/test/config/patch';
  assert.deepEqual(got, want);
});

test('overrides: fields replace, providers/aliases merge', () => {
  const got = applyMeshConfig(`
serviceSettings:
  - settings:
      clusterLocal: true
    host:
      - "*.myns.svc.cluster.local"
ingressClass: foo
enableTracing: false
trustDomainAliases: ["default", "both"]
defaultServiceExportTo:
- "foo"
outboundTrafficPolicy:
  mode: REGISTRY_ONLY
defaultProviders:
  tracing: [foo]
extensionProviders:
- name: sd
  stackdriver: {}
defaultConfig:
  tracing: {}
  concurrency: 4`);
  assert.equal(got.ingressClass, 'foo');
  assert.equal('enableTracing' in got, false, 'false is the zero value, omitted');
  assert.deepEqual(got.trustDomainAliases, ['both', 'default']);
  assert.deepEqual(got.defaultServiceExportTo, ['foo']);
  assert.deepEqual(got.outboundTrafficPolicy, { mode: 'REGISTRY_ONLY' });
  assert.deepEqual(got.defaultProviders, { tracing: ['foo'] });
  assert.deepEqual((got.extensionProviders as { name: string }[]).map((p) => p.name), ['prometheus', 'stackdriver', 'envoy', 'sd']);
  const pc = got.defaultConfig as Record<string, unknown>;
  assert.deepEqual(pc.tracing, {});
  assert.equal(pc.concurrency, 4);
  assert.equal(pc.discoveryAddress, 'istiod.istio-system.svc:15012');
  assert.equal(Object.keys(got)[0], 'proxyListenPort', 'declaration order kept');
});

test('deep merge cases (TestDeepMerge)', () => {
  const base = () => ({
    ...meshDefaults(),
    defaultProviders: { metrics: ['stackdriver'] },
    extensionProviders: [{ name: 'stackdriver', stackdriver: { maxNumberOfAttributes: 3 } }],
    trustDomainAliases: ['default', 'both'],
  });
  const pick = (m: Record<string, unknown>) => ({
    defaultProviders: m.defaultProviders,
    extensionProviders: m.extensionProviders,
    trustDomainAliases: m.trustDomainAliases,
  });
  const sd = { name: 'stackdriver', stackdriver: { maxNumberOfAttributes: 3 } };
  assert.deepEqual(pick(applyMeshConfig('defaultProviders:\n  tracing: [foo]', base())), {
    defaultProviders: { tracing: ['foo'], metrics: ['stackdriver'] },
    extensionProviders: [sd],
    trustDomainAliases: ['both', 'default'],
  });
  assert.deepEqual(pick(applyMeshConfig('defaultProviders:\n  metrics: [foo]', base())).defaultProviders, { metrics: ['foo'] });
  assert.deepEqual(
    pick(applyMeshConfig('extensionProviders:\n- name: stackdriver\n  stackdriver:\n    maxNumberOfAnnotations: 5', base())).extensionProviders,
    [{ name: 'stackdriver', stackdriver: { maxNumberOfAnnotations: 5 } }],
  );
  assert.deepEqual(
    pick(applyMeshConfig('extensionProviders:\n- name: prometheus\n  prometheus: {}', base())).extensionProviders,
    [sd, { name: 'prometheus', prometheus: {} }],
  );
  assert.deepEqual(pick(applyMeshConfig('trustDomainAliases: ["added", "both"]', base())).trustDomainAliases, ['added', 'both', 'default']);
});

test('proxy metadata maps are merged, base untouched', () => {
  const mesh = meshDefaults();
  (mesh.defaultConfig as Record<string, unknown>).proxyMetadata = { merged: 'original', default: 'foo' };
  const before = JSON.stringify(mesh);
  const got = applyProxyConfig('proxyMetadata: {"merged":"override","override":"bar"}', mesh);
  assert.deepEqual((got.defaultConfig as Record<string, unknown>).proxyMetadata, { merged: 'override', default: 'foo', override: 'bar' });
  assert.equal(JSON.stringify(mesh), before);
  const viaMesh = applyMeshConfig('defaultConfig:\n  proxyMetadata: {"merged":"override","override":"bar"}', mesh);
  assert.deepEqual((viaMesh.defaultConfig as Record<string, unknown>).proxyMetadata, { merged: 'override', default: 'foo', override: 'bar' });
});

test('apply single / apply again do not leak (TestApplyProxyConfig)', () => {
  const mesh = meshDefaults();
  const a = applyProxyConfig('discoveryAddress: foo', mesh);
  assert.equal((a.defaultConfig as Record<string, unknown>).discoveryAddress, 'foo');
  const b = applyProxyConfig('drainDuration: 5s', mesh);
  assert.equal((b.defaultConfig as Record<string, unknown>).discoveryAddress, 'istiod.istio-system.svc:15012');
  assert.equal((b.defaultConfig as Record<string, unknown>).drainDuration, '5s');
});

test('proxyHeaders merge (TestProxyConfigMerge)', () => {
  const twice = (base: string, overlay: string) => mergeProxyConfig(overlay, mergeProxyConfig(base, {}));
  assert.deepEqual(twice('proxyHeaders:\n  requestId:\n    disabled: true', 'proxyHeaders:\n  requestId:\n    disabled: false'), {
    proxyHeaders: { requestId: { disabled: false } },
  });
  assert.deepEqual(
    twice(
      'proxyHeaders:\n  forwardedClientCert: APPEND_FORWARD\n  server:\n    value: server\n  requestId:\n    disabled: true\n  attemptCount: {}\n  envoyDebugHeaders:\n    disabled: true',
      'proxyHeaders:\n  forwardedClientCert: ALWAYS_FORWARD_ONLY\n  server:\n    disabled: true\n  requestId: {}\n  attemptCount:\n    disabled: true\n  envoyDebugHeaders:\n    disabled: true',
    ),
    {
      proxyHeaders: {
        forwardedClientCert: 'ALWAYS_FORWARD_ONLY',
        server: { disabled: true },
        requestId: {},
        attemptCount: { disabled: true },
        envoyDebugHeaders: { disabled: true },
      },
    },
  );
  // An unset part keeps the previous one.
  assert.deepEqual(twice('proxyHeaders:\n  server:\n    value: s', 'proxyHeaders:\n  requestId: {}'), {
    proxyHeaders: { requestId: {}, server: { value: 's' } },
  });
});

test('values are normalised: durations, enums, snake_case, wrappers, oneof', () => {
  const pc = mergeProxyConfig('drain_duration: 1m30s\ninterceptionMode: 1\nconcurrency: "2"\ntracingServiceName: CANONICAL_NAME_ONLY\nunknownField: 1', proxyConfigDefaults());
  assert.equal(pc.drainDuration, '90s');
  assert.equal(pc.interceptionMode, 'TPROXY');
  assert.equal(pc.concurrency, 2);
  assert.equal(pc.tracingServiceName, 'CANONICAL_NAME_ONLY');
  assert.equal('serviceCluster' in pc, false, 'oneof sibling cleared');
  assert.equal('unknownField' in pc, false);
  const zero = mergeProxyConfig('concurrency: 0\nstatusPort: 0\ninterceptionMode: REDIRECT', proxyConfigDefaults());
  assert.equal(zero.concurrency, 0, 'a wrapper keeps its zero');
  assert.equal('statusPort' in zero, false, 'a scalar zero is unset');
  assert.equal('interceptionMode' in zero, false);
});

test('error texts', () => {
  assert.throws(() => mergeProxyConfig('drainDuration: abc', {}), { message: 'could not parse proxy config: bad Duration: time: invalid duration "abc"' });
  assert.throws(() => mergeProxyConfig('interceptionMode: FOO', {}), {
    message: 'could not parse proxy config: unknown value "\\"FOO\\"" for enum istio.mesh.v1alpha1.ProxyConfig.InboundInterceptionMode',
  });
  assert.throws(() => mergeProxyConfig('statusPort: abc', {}), { message: "could not parse proxy config: invalid character 'a' looking for beginning of value" });
  assert.throws(() => mergeProxyConfig('proxyMetadata: {A: 1}', {}), { message: 'could not parse proxy config: json: cannot unmarshal number into Go value of type string' });
  assert.throws(() => mergeProxyConfig('holdApplicationUntilProxyStarts: "yes"', {}), { message: 'could not parse proxy config: json: cannot unmarshal string into Go value of type bool' });
  assert.throws(() => mergeProxyConfig('{a: [', {}), { message: /^could not parse proxy config: error converting YAML to JSON: yaml: line 1: / });
  assert.throws(() => applyMeshConfig('connectTimeout: 5'), {
    message: '1 error occurred:\n\t* failed to convert to proto. json: cannot unmarshal number into Go value of type string\n\n',
  });
});

test('Go durations', () => {
  assert.equal(formatDuration(parseGoDuration('1.5s')), '1.500s');
  assert.equal(formatDuration(parseGoDuration('1h')), '3600s');
  assert.equal(formatDuration(parseGoDuration('1ns')), '0.000000001s');
  assert.equal(formatDuration(parseGoDuration('0')), '0s');
  assert.equal(formatDuration(parseGoDuration('-2ms')), '-0.002s');
  assert.throws(() => parseGoDuration('5'), { message: 'time: missing unit in duration "5"' });
  assert.throws(() => parseGoDuration('5x'), { message: 'time: unknown unit "x" in duration "5x"' });
});
