import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyImage, sidecarTemplateData } from '../../../core/src/inject/template-data';
import { k8sValue, typedJson } from '../../../core/src/inject/go-data';
import { meshConfigValue, proxyConfigValue } from '../../../core/src/inject/proto-data';
import { NOT_FOUND, isGoStruct, mapZero, type GoStruct } from '../../../core/src/template/value';

const field = (v: unknown, ...path: string[]): unknown => path.reduce((cur, name) => (cur as GoStruct).goField(name), v);
const call = (v: unknown, method: string): unknown => (v as GoStruct).goMethod!(method)!();

test('proxyImage: Istio TestProxyImage table', () => {
  const rows: [string, unknown, string, string | undefined, string][] = [
    ['registry.istio.io/release', 11, '', undefined, 'registry.istio.io/release/proxyv2:11'],
    ['registry.istio.io/release', 1.12, 'distroless', undefined, 'registry.istio.io/release/proxyv2:1.12-distroless'],
    ['gcr.io/gke-release/asm', '1.11.2-asm.17', '', 'distroless', 'gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17-distroless'],
    ['gcr.io/gke-release/asm', '1.11.2-asm.17', 'distroless', 'debug', 'gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17-debug'],
    ['gcr.io/gke-release/asm', '1.11.2-asm.17', 'debug', 'default', 'gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17'],
    ['gcr.io/gke-release/asm', '1.11.2-asm.17-distroless', 'default', undefined, 'gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17'],
    ['gcr.io/gke-release/asm', '1.11.2-asm.17-distroless', '', 'default', 'gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17'],
    ['registry.istio.io/release', '1.12-debug', 'distroless', undefined, 'registry.istio.io/release/proxyv2:1.12-distroless'],
    ['registry.istio.io/release', '1.12-distroless', '', 'distroless', 'registry.istio.io/release/proxyv2:1.12-distroless'],
    ['private-repo/istio', '1.12-this-is-unusual-tag', '', undefined, 'private-repo/istio/proxyv2:1.12-this-is-unusual-tag'],
    ['private-repo/istio', '1.12-this-is-unusual-tag-distroless', 'default', undefined, 'private-repo/istio/proxyv2:1.12-this-is-unusual-tag'],
    ['private-repo/istio', '1.12-this-is-unusual-tag', '', 'distroless', 'private-repo/istio/proxyv2:1.12-this-is-unusual-tag-distroless'],
  ];
  for (const [hub, tag, pcType, ann, want] of rows) {
    const annotations: Record<string, string> = ann === undefined ? {} : { 'sidecar.istio.io/proxyImageType': ann };
    assert.equal(proxyImage({ global: { hub, tag } }, pcType, annotations), want);
  }
  assert.equal(proxyImage({ global: { hub: 'h', tag: 't', variant: 'distroless', proxy: { image: 'custom' } } }, '', {}), 'h/custom:t-distroless');
  // The tag is a structpb.Value printed with %v: numbers are float64s.
  assert.equal(proxyImage({ global: { hub: 'h', tag: 20240101 } }, '', {}), 'h/proxyv2:2.0240101e+07');
  assert.equal(proxyImage({ global: { hub: 'h', tag: ['a', 1] } }, '', {}), 'h/proxyv2:[a 1]');
});

test('Kubernetes values: Go field names, zero values, typed maps, IntOrString', () => {
  const spec = k8sValue({ containers: [{ name: 'a', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 'http' } } }] }, 'v1.PodSpec');
  assert.ok(isGoStruct(spec));
  const containers = field(spec, 'Containers') as GoStruct[];
  assert.equal(field(containers[0], 'Name'), 'a');
  assert.equal(field(containers[0], 'Image'), '');
  assert.ok(Array.isArray(field(containers[0], 'Ports')));
  assert.equal(field((field(containers[0], 'Ports') as GoStruct[])[0], 'ContainerPort'), 80n);
  assert.equal(field(containers[0], 'LivenessProbe'), null);
  assert.equal(call(field(containers[0], 'ReadinessProbe', 'HTTPGet', 'Port'), 'String'), 'http');
  assert.equal(field(spec, 'HostNetwork'), false);
  assert.deepEqual(field(spec, 'InitContainers'), []);
  assert.equal(field(spec, 'NoSuchField'), NOT_FOUND);
  const meta = k8sValue({ name: 'x' }, 'metav1.ObjectMeta');
  const annotations = field(meta, 'Annotations') as object;
  assert.deepEqual(mapZero(annotations), { typed: true, zero: '' });
  assert.equal(call(meta, 'GetName'), 'x');
});

test('typedJson: Go field order, omitempty, pointers, quantities, unknown fields dropped', () => {
  const c = typedJson({ image: 'i', name: 'n', bogus: 1, args: [], resources: { limits: { cpu: '3000m' } }, securityContext: { readOnlyRootFilesystem: false, privileged: null } }, 'v1.Container');
  assert.equal(JSON.stringify(c), '{"name":"n","image":"i","resources":{"limits":{"cpu":"3"}},"securityContext":{"readOnlyRootFilesystem":false}}');
});

test('ProxyConfig and MeshConfig: enums print their name, wrappers are nil-safe, getters chain', () => {
  const pc = proxyConfigValue({ statusPort: 15020, proxyMetadata: { A: 'b' }, tracing: { zipkin: { address: 'z:9411' } } });
  assert.equal(call(field(pc, 'InterceptionMode'), 'String'), 'REDIRECT');
  assert.equal(field(pc, 'StatusPort'), 15020n);
  assert.equal(field(pc, 'DiscoveryAddress'), '');
  assert.equal(call(field(pc, 'HoldApplicationUntilProxyStarts'), 'GetValue'), false);
  assert.equal((field(pc, 'ProxyMetadata') as Record<string, string>).A, 'b');
  const tracing = call(pc, 'GetTracing');
  assert.equal(isGoStruct(tracing), true);
  assert.equal(isGoStruct(call(tracing, 'GetTlsSettings')), true, 'nil message keeps getters working');
  assert.equal(field(pc, 'Bogus'), NOT_FOUND);
  const tproxy = proxyConfigValue({ interceptionMode: 'TPROXY', holdApplicationUntilProxyStarts: true });
  assert.equal(call(field(tproxy, 'InterceptionMode'), 'String'), 'TPROXY');
  assert.equal(call(field(tproxy, 'HoldApplicationUntilProxyStarts'), 'GetValue'), true);
  const mesh = meshConfigValue({ trustDomain: 'td', proxyListenPort: 15001 });
  assert.equal(field(mesh, 'TrustDomain'), 'td');
  assert.equal(field(mesh, 'ProxyInboundListenPort'), 0n);
});

test('sidecarTemplateData: the fields Istio passes to templates', () => {
  const data = sidecarTemplateData({
    typeMeta: { kind: 'Deployment', apiVersion: 'apps/v1' },
    deployMeta: { name: 'web', namespace: 'ns' },
    pod: { metadata: { annotations: { a: 'b' } }, spec: { containers: [] } },
    proxyConfig: {}, mesh: { inboundTrafficPolicy: { mode: 'LOCALHOST' } }, values: { global: { hub: 'h', tag: 't' } },
    revision: 'canary', nativeSidecars: true, proxyUID: 1337, proxyGID: 1338, compliancePolicy: 'fips-140-3',
  });
  assert.equal(field(data, 'TypeMeta', 'Kind'), 'Deployment');
  assert.equal(field(data, 'DeploymentMeta', 'Name'), 'web');
  assert.equal(call(field(data, 'DeploymentMeta'), 'String'), 'ns/web');
  assert.equal((field(data, 'ObjectMeta', 'Annotations') as Record<string, string>).a, 'b');
  assert.equal(field(data, 'ProxyImage'), 'h/proxyv2:t');
  assert.equal(field(data, 'ProxyInitImage'), 'h/proxyv2:t');
  assert.equal(field(data, 'Revision'), 'canary');
  assert.equal(field(data, 'NativeSidecars'), true);
  assert.equal(field(data, 'ProxyUID'), 1337n);
  assert.equal(field(data, 'ProxyGID'), 1338n);
  assert.equal(field(data, 'InboundTrafficPolicyMode'), 'localhost');
  assert.equal(field(data, 'CompliancePolicy'), 'fips-140-3');
  assert.equal(field(data, 'EstimatedConcurrency'), 2n, 'kept for 1.12-era templates (Istio dropped it in 1.18)');
});
