import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainLine } from '../../../core/src/capture/notes';

test('plain-language notes for rule lines', () => {
  assert.equal(explainLine('-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN'), 'Traffic from the proxy itself (UID 1337) is not captured again.');
  assert.equal(explainLine('-A ISTIO_INBOUND -p tcp --dport 15008 -j RETURN'), "Arriving TCP traffic to port 15008 (the HBONE tunnel port): not captured (leaves Istio's rules here).");
  assert.equal(explainLine('-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001'), "Outgoing TCP traffic: redirected to local port 15001 (Envoy's outbound listener).");
  assert.equal(explainLine('-A ISTIO_OUTPUT -d 1.1.0.0/16 -j RETURN'), "Outgoing traffic to 1.1.0.0/16: not captured (leaves Istio's rules here).");
  assert.match(explainLine('-I ISTIO_INBOUND 2 -p tcp -s 127.0.0.6/32 -i lo -j RETURN') ?? '', /from 127\.0\.0\.6\/32, arriving on loopback: .*\(inserted at position 2\)\.$/);
  assert.match(explainLine('-A ISTIO_TPROXY ! -d 127.0.0.1/32 -p tcp -j TPROXY --tproxy-mark 1337/0xffffffff --on-port 15006') ?? '', /not to 127\.0\.0\.1\/32.*TPROXY, mark 1337\/0xffffffff/);
  assert.match(explainLine('-A ISTIO_OUTPUT_DNS -p udp --dport 53 -m owner --uid-owner 1337 -j CT --zone 1') ?? '', /^Outgoing DNS UDP traffic to port 53 \(DNS\), sent by UID 1337: tracked in conntrack zone 1/);
  assert.match(explainLine('* nat') ?? '', /^Table nat: /);
  assert.match(explainLine('-N ISTIO_OUTPUT') ?? '', /^Creates chain ISTIO_OUTPUT: /);
  assert.match(explainLine(':ISTIO_INBOUND - [0:0]') ?? '', /^Creates chain ISTIO_INBOUND/);
  assert.match(explainLine('COMMIT') ?? '', /one step/);
  assert.equal(explainLine('# Deployment/web'), undefined);
  assert.equal(explainLine(''), undefined);
});
