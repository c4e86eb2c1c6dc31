import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePrefixNet, parsePrefixNetip } from '../../../core/src/capture/cidr';

test('netip prefixes (current line): address kept, canonical text, loopback detection, Go errors', () => {
  assert.deepEqual(parsePrefixNetip('10.1.2.3/8'), { family: 4, text: '10.1.2.3/8', loopback: false });
  assert.deepEqual(parsePrefixNetip('2001:DB8:0:0:0:0:0:1/64'), { family: 6, text: '2001:db8::1/64', loopback: false });
  assert.equal(parsePrefixNetip('::1/128').loopback, true);
  assert.equal(parsePrefixNetip('127.1.2.3/32').loopback, true);
  assert.equal(parsePrefixNetip('1:0:0:2:0:0:0:3/128').text, '1:0:0:2::3/128');
  assert.equal(parsePrefixNetip('::ffff:1.2.3.4/120').family, 6);
  assert.throws(() => parsePrefixNetip('10.0.0.0'), /no '\/'/);
  assert.throws(() => parsePrefixNetip('10.0.0.0/33'), /out of range/);
  assert.throws(() => parsePrefixNetip('010.0.0.0/8'), /unable to parse IP/);
});

test('net.ParseCIDR prefixes (1.12 line): the network is masked, bad entries give nothing', () => {
  assert.deepEqual(parsePrefixNet('10.1.2.3/8'), { family: 4, text: '10.0.0.0/8', loopback: false });
  assert.equal(parsePrefixNet('2001:db8::7/32')?.text, '2001:db8::/32');
  assert.deepEqual(parsePrefixNet('::ffff:10.1.2.3/120'), { family: 4, text: '10.1.2.0/24', loopback: false });
  assert.equal(parsePrefixNet('nonsense'), undefined);
});
