import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnnotations } from '../../../core/src/inject/validate';

const one = (name: string, value: string, detail: string) =>
  `1 error occurred:\n\t* invalid value '${value}' for annotation '${name}': ${detail}\n\n`;

test('validateAnnotations: valid values and unrelated annotations pass', () => {
  assert.equal(validateAnnotations({
    'traffic.sidecar.istio.io/includeOutboundIPRanges': '*',
    'traffic.sidecar.istio.io/excludeOutboundIPRanges': '10.0.0.0/8,fd00::/8',
    'traffic.sidecar.istio.io/includeInboundPorts': '*',
    'traffic.sidecar.istio.io/excludeInboundPorts': '80, 443',
    'sidecar.istio.io/interceptionMode': 'TPROXY',
    'sidecar.istio.io/proxyCPU': '100m',
    'sidecar.istio.io/proxyMemory': '1Gi',
    'prometheus.istio.io/merge-metrics': 'false',
    'traffic.sidecar.istio.io/excludeInterfaces': 'eth1,net1',
    'unrelated': 'bad',
  }), undefined);
});

test('validateAnnotations: Istio error texts', () => {
  assert.equal(validateAnnotations({ 'traffic.sidecar.istio.io/includeOutboundIPRanges': 'bad' }),
    one('traffic.sidecar.istio.io/includeOutboundIPRanges', 'bad', `includeIPRanges invalid: failed parsing cidr 'bad': netip.ParsePrefix("bad"): no '/'`));
  assert.equal(validateAnnotations({ 'traffic.sidecar.istio.io/excludeOutboundIPRanges': '*' }),
    one('traffic.sidecar.istio.io/excludeOutboundIPRanges', '*', `excludeIPRanges invalid: failed parsing cidr '*': netip.ParsePrefix("*"): no '/'`));
  assert.equal(validateAnnotations({ 'traffic.sidecar.istio.io/includeInboundPorts': 'bad' }),
    one('traffic.sidecar.istio.io/includeInboundPorts', 'bad',
      `includeInboundPorts invalid: failed parsing port 'bad': failed parsing port 'bad': strconv.ParseUint: parsing "bad": invalid syntax`));
  assert.equal(validateAnnotations({ 'traffic.sidecar.istio.io/excludeOutboundPorts': '70000' }),
    one('traffic.sidecar.istio.io/excludeOutboundPorts', '70000',
      `excludeOutboundPorts invalid: failed parsing port '70000': failed parsing port '70000': strconv.ParseUint: parsing "70000": value out of range`));
  assert.equal(validateAnnotations({ 'sidecar.istio.io/interceptionMode': 'X' }),
    one('sidecar.istio.io/interceptionMode', 'X', 'interceptionMode invalid, use REDIRECT,TPROXY,NONE: X'));
  assert.equal(validateAnnotations({ 'prometheus.istio.io/merge-metrics': 'yes' }),
    one('prometheus.istio.io/merge-metrics', 'yes', 'strconv.ParseBool: parsing "yes": invalid syntax'));
  assert.equal(validateAnnotations({ 'sidecar.istio.io/proxyCPU': 'lots' }),
    one('sidecar.istio.io/proxyCPU', 'lots', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  assert.equal(validateAnnotations({ 'traffic.sidecar.istio.io/excludeInterfaces': '1eth' }),
    one('traffic.sidecar.istio.io/excludeInterfaces', '1eth', 'interface name "1eth" contains invalid characters'));
});

test('validateAnnotations: several errors are listed', () => {
  const e = validateAnnotations({ 'sidecar.istio.io/interceptionMode': 'X', 'prometheus.istio.io/merge-metrics': 'maybe' });
  assert.ok(e?.startsWith('2 errors occurred:\n\t* '));
  assert.ok(e?.includes('interceptionMode invalid'));
  assert.ok(e?.includes('strconv.ParseBool'));
});

test('validateAnnotations: proxy.istio.io/config is applied onto the defaults and validated', () => {
  const name = 'proxy.istio.io/config';
  assert.equal(validateAnnotations({ [name]: 'holdApplicationUntilProxyStarts: true\nconcurrency: 2' }), undefined);
  const nested = (value: string, inner: string[]) =>
    one(name, value, `${inner.length} error${inner.length > 1 ? 's' : ''} occurred:\n${inner.map((e) => `\t* ${e}`).join('\n')}\n\n`);
  assert.equal(validateAnnotations({ [name]: 'statusPort: 70000' }), nested('statusPort: 70000', ['invalid status port: port number 70000 must be in the range 1..65535']));
  assert.equal(validateAnnotations({ [name]: 'discoveryAddress: istiod' }),
    nested('discoveryAddress: istiod', ['invalid discovery address: unable to split "istiod": address istiod: missing port in address']));
  assert.equal(validateAnnotations({ [name]: 'drainDuration: 1.5s\nconfigPath: ""' }),
    nested('drainDuration: 1.5s\nconfigPath: ""', ['config path must be set', 'drain time only supports durations to seconds precision']));
  assert.equal(validateAnnotations({ [name]: 'tracing:\n  zipkin:\n    address: "bad host:9411"' }),
    nested('tracing:\n  zipkin:\n    address: "bad host:9411"', ['invalid zipkin config: "bad host" is not a valid hostname or an IP address']));
});
