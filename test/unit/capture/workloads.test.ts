import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureDocument, captureWorkloads, formatWorkload, podCapture, versionOf } from '../../../core/src/capture';
import { builtinSettings, createInjector, settingsFromSources } from '../../../core/src';

const injector = createInjector(builtinSettings());

function pod(name: string, annotations: Record<string, string> = {}, spec = ''): string {
  const ann = Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${ann ? `  annotations:\n${ann}` : ''}spec:\n${spec}  containers:\n  - name: app\n    image: app:1\n`;
}

test('a plain pod: istio-init\'s arguments give the current rules, headed by # Kind/name', () => {
  const r = captureWorkloads(pod('web'), injector);
  assert.deepEqual(r.errors, []);
  assert.equal(r.workloads.length, 1);
  const w = r.workloads[0];
  assert.equal(w.source, 'istio-init');
  assert.equal(w.rulesLine, 'current');
  assert.equal(w.version, '1.28.0');
  const text = formatWorkload(w);
  assert.ok(text.startsWith('# Pod/web\n* nat\n-N ISTIO_INBOUND\n-N ISTIO_REDIRECT\n-N ISTIO_IN_REDIRECT\n-N ISTIO_OUTPUT\n'));
  assert.match(text, /\n-A ISTIO_INBOUND -p tcp --dport 15090 -j RETURN\n-A ISTIO_INBOUND -p tcp --dport 15021 -j RETURN\n-A ISTIO_INBOUND -p tcp --dport 15020 -j RETURN\n/);
  assert.match(text, /\n-A OUTPUT -j ISTIO_OUTPUT\n/);
  assert.ok(text.endsWith('-A ISTIO_OUTPUT -j ISTIO_REDIRECT\nCOMMIT\n'));
});

test('traffic annotations flow through the template into the rules', () => {
  const w = captureWorkloads(pod('p', {
    'traffic.sidecar.istio.io/includeOutboundIPRanges': '10.0.0.0/8',
    'traffic.sidecar.istio.io/excludeOutboundIPRanges': '10.96.0.0/12',
    'traffic.sidecar.istio.io/includeInboundPorts': '8080',
    'traffic.sidecar.istio.io/excludeOutboundPorts': '5432',
    'traffic.sidecar.istio.io/excludeInterfaces': 'net1',
    'sidecar.istio.io/interceptionMode': 'TPROXY',
  }), injector).workloads[0];
  const text = formatWorkload(w);
  for (const line of [
    '-A PREROUTING -i net1 -j RETURN', '-A OUTPUT -o net1 -j RETURN', '* mangle',
    '-A ISTIO_INBOUND -p tcp --dport 8080 -j ISTIO_TPROXY', '-A ISTIO_OUTPUT -p udp --dport 5432 -j RETURN',
    '-A ISTIO_OUTPUT -d 10.96.0.0/12 -j RETURN', '-A ISTIO_OUTPUT -d 10.0.0.0/8 -j ISTIO_REDIRECT',
  ]) assert.ok(text.includes(`\n${line}\n`), line);
});

test('the proxy image decides the release line: 1.12.9 gets the 1.12 rules (ssh excluded, tcp-only OUTPUT)', () => {
  const w = captureWorkloads(pod('old', { 'sidecar.istio.io/proxyImage': 'docker.io/istio/proxyv2:1.12.9' }), injector).workloads[0];
  assert.equal(w.rulesLine, '1.12');
  assert.equal(w.version, '1.12.9');
  const text = formatWorkload(w);
  assert.ok(text.includes('\n-A ISTIO_INBOUND -p tcp --dport 22 -j RETURN\n'));
  assert.ok(text.includes('\n-A OUTPUT -p tcp -j ISTIO_OUTPUT\n'));
  assert.equal(versionOf('gcr.io/istio-release/proxyv2:1.20.3-distroless'), '1.20.3');
  const between = captureWorkloads(pod('mid', { 'sidecar.istio.io/proxyImage': 'docker.io/istio/proxyv2:1.20.3' }), injector).workloads[0];
  assert.equal(between.rulesLine, 'current');
  assert.ok(between.notes.some((n) => n.startsWith('Istio 1.20.3 is older than the current line')));
  assert.equal(versionOf('proxyv2@sha256:abc'), undefined);
  assert.equal(versionOf('localhost:5000/proxyv2'), undefined);
});

test('DNS capture: resolvers assumed (and said), or taken from dnsPolicy None', () => {
  const dns = { 'proxy.istio.io/config': 'proxyMetadata:\n  ISTIO_META_DNS_CAPTURE: "true"\n' };
  const assumed = captureWorkloads(pod('a', dns), injector, { clusterDNS: '10.0.0.10' }).workloads[0];
  assert.ok(formatWorkload(assumed).includes('\n-A ISTIO_OUTPUT_DNS -p udp --dport 53 -d 10.0.0.10/32 -j REDIRECT --to-port 15053\n'));
  assert.ok(assumed.notes.some((n) => n.includes('10.0.0.10')));
  const none = captureWorkloads(pod('b', dns, '  dnsPolicy: None\n  dnsConfig:\n    nameservers: ["1.1.1.1"]\n'), injector).workloads[0];
  assert.ok(formatWorkload(none).includes('-d 1.1.1.1/32 -j CT --zone 2'));
  assert.ok(!none.notes.some((n) => n.includes('assuming')));
});

test('IPv6 pods also get the ip6tables-restore input', () => {
  const w = captureWorkloads(pod('v6'), injector, { ipv6: true }).workloads[0];
  const text = formatWorkload(w);
  assert.match(text, /\n# Pod\/v6 \(ip6tables-restore\)\n\* nat\n/);
  assert.ok(text.includes('-A ISTIO_OUTPUT -o lo -s ::6/128 -j RETURN'));
});

test('Istio CNI: istio-validation only checks; the rules come from the annotations as the plugin reads them', () => {
  const cni = createInjector(settingsFromSources({ operator: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      cni:\n        enabled: true\n' }));
  const w = captureWorkloads(pod('c', { 'traffic.sidecar.istio.io/excludeInboundPorts': '9000' }), cni).workloads[0];
  assert.equal(w.source, 'cni');
  const text = formatWorkload(w);
  assert.ok(text.includes('\n-A ISTIO_INBOUND -p tcp --dport 9000 -j RETURN\n-A ISTIO_INBOUND -p tcp --dport 15020 -j RETURN\n-A ISTIO_INBOUND -p tcp --dport 15021 -j RETURN\n-A ISTIO_INBOUND -p tcp --dport 15090 -j RETURN\n'));
  assert.ok(text.includes('\n-A ISTIO_OUTPUT -p tcp --dport 15020 -j RETURN\n'), 'the plugin excludes outbound 15020 by default');
});

test('gateways have no istio-init: said, no rules; skipped and non-pod documents are left out', () => {
  const text = `${pod('gw', { 'inject.istio.io/templates': 'gateway' })}---\n${pod('off', { 'sidecar.istio.io/inject': 'false' })}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n`;
  const r = captureWorkloads(text, injector);
  assert.equal(r.workloads.length, 1);
  assert.equal(r.workloads[0].source, 'none');
  assert.match(formatWorkload(r.workloads[0]), /^# Pod\/gw\n# No istio-init/);
});

test('List items are captured one by one; the editor document has notes per rule line', () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n- ${pod('one').replace(/\n(?=.)/g, '\n  ')}`;
  const r = captureWorkloads(list, injector);
  assert.deepEqual(r.workloads.map((w) => `${w.kind}/${w.name}`), ['Pod/one']);
  const doc = captureDocument(r.workloads[0]);
  assert.equal(doc.title, 'Pod/one');
  const lines = doc.text.split('\n');
  assert.equal(lines[0], '# Pod/one');
  assert.equal(lines[1], '# Rules of the Istio current line (proxy image 1.28.0).');
  const uidLine = lines.indexOf('-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN');
  assert.deepEqual(doc.notes.find((n) => n.line === uidLine), { line: uidLine, note: 'Traffic from the proxy itself (UID 1337) is not captured again.' });
});

test('injection errors come back as errors, a rejected capture config as the workload\'s error', () => {
  assert.equal(captureWorkloads('kind: Pod\nmetadata: [\n', injector).errors.length, 1);
  const bad = podCapture({ spec: { initContainers: [{ name: 'istio-init', image: 'proxyv2:1.28.0', args: ['istio-iptables', '-x', '*'] }] } });
  assert.equal(bad.error, 'invalid value for OUTBOUND_IP_RANGES_EXCLUDE');
  assert.equal(bad.rules, undefined);
});
