import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIptablesFlags } from '../../../core/src/capture/flags';
import { cniCaptureConfig } from '../../../core/src/capture/cni';

test('istio-init args as the 1.28 template writes them', () => {
  const { config, warnings } = parseIptablesFlags([
    'istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*',
    '-d', '15090,15021,15020', '--log_output_level=default:info',
  ]);
  assert.deepEqual(warnings, []);
  assert.equal(config.proxyPort, '15001');
  assert.equal(config.proxyUID, '1337');
  assert.equal(config.proxyGID, '1337', 'GID defaults to the UID');
  assert.equal(config.inboundInterceptionMode, 'REDIRECT');
  assert.equal(config.outboundIPRangesInclude, '*');
  assert.equal(config.outboundIPRangesExclude, '');
  assert.equal(config.inboundPortsInclude, '*');
  assert.equal(config.inboundPortsExclude, '15090,15021,15020');
  assert.equal(config.ownerGroupsInclude, '*');
  assert.equal(config.hostIPv4LoopbackCidr, '127.0.0.1/32');
});

test('pflag forms: --long=value, --long value, -xvalue, bare booleans', () => {
  const { config } = parseIptablesFlags(['--envoy-port=16001', '--istio-service-cidr', '10.0.0.0/8', '-q5432', '--redirect-dns', '--drop-invalid=false']);
  assert.equal(config.proxyPort, '16001');
  assert.equal(config.outboundIPRangesInclude, '10.0.0.0/8');
  assert.equal(config.outboundPortsInclude, '5432');
  assert.equal(config.redirectDNS, true);
  assert.equal(config.dropInvalid, false);
});

test('environment: bound variables, aliases (ISTIO_META_DNS_CAPTURE, INVALID_DROP), env-only settings; flags win', () => {
  const { config } = parseIptablesFlags(['-b', '8080'], {
    ISTIO_META_DNS_CAPTURE: 'true', INVALID_DROP: '1', ISTIO_INBOUND_PORTS: '9090',
    ISTIO_OUTBOUND_OWNER_GROUPS_EXCLUDE: '888', ISTIO_OUTBOUND_IPV4_LOOPBACK_CIDR: '127.0.0.1/8', PROXY_GID: '2000',
  });
  assert.equal(config.redirectDNS, true);
  assert.equal(config.dropInvalid, true);
  assert.equal(config.inboundPortsInclude, '8080');
  assert.equal(config.ownerGroupsExclude, '888');
  assert.equal(config.hostIPv4LoopbackCidr, '127.0.0.1/8');
  assert.equal(config.proxyGID, '2000');
});

test('errors istio-iptables gives: unknown flags, missing values, bad booleans, bad loopback CIDR', () => {
  assert.throws(() => parseIptablesFlags(['--nope']), /unknown flag: --nope/);
  assert.throws(() => parseIptablesFlags(['-Y']), /unknown shorthand flag: 'Y'/);
  assert.throws(() => parseIptablesFlags(['-p']), /flag needs an argument: --envoy-port/);
  assert.throws(() => parseIptablesFlags(['--redirect-dns=maybe']), /strconv.ParseBool/);
  assert.throws(() => parseIptablesFlags([], { ISTIO_OUTBOUND_IPV4_LOOPBACK_CIDR: '10.0.0.1/32' }), /loopback/);
});

test('CNI: defaults of the plugin, annotations, and the ports it always excludes', () => {
  const plain = cniCaptureConfig({ annotations: {}, proxyEnv: {} });
  assert.equal(plain.inboundInterceptionMode, 'REDIRECT');
  assert.equal(plain.outboundIPRangesInclude, '*');
  assert.equal(plain.inboundPortsInclude, '*');
  assert.equal(plain.inboundPortsExclude, '15020,15021,15090');
  assert.equal(plain.outboundPortsExclude, '15020');
  assert.equal(plain.proxyUID, '1337');
  const custom = cniCaptureConfig({
    annotations: {
      'traffic.sidecar.istio.io/excludeInboundPorts': '8081,15020',
      'sidecar.istio.io/interceptionMode': 'TPROXY',
      'traffic.sidecar.istio.io/kubevirtInterfaces': 'net1',
    },
    proxyEnv: { ISTIO_META_DNS_CAPTURE: 'true' },
    proxyUID: 1500,
  });
  assert.equal(custom.inboundPortsExclude, '8081,15020,15021,15090');
  assert.equal(custom.inboundInterceptionMode, 'TPROXY');
  assert.equal(custom.rerouteVirtualInterfaces, 'net1');
  assert.equal(custom.redirectDNS, true);
  assert.equal(custom.captureAllDNS, true, 'the plugin cannot read resolv.conf, so it captures all DNS');
  assert.equal(custom.proxyUID, '1500');
  assert.throws(() => cniCaptureConfig({ annotations: { 'sidecar.istio.io/interceptionMode': 'NONE' }, proxyEnv: {} }), /interceptionMode invalid: NONE/);
});
