import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyAddressError } from '../../../core/src/inject/proxy-config-validate';

test('proxyAddressError: port texts as Istio writes them (strconv.Atoi errors)', () => {
  assert.equal(proxyAddressError('zipkin.istio-system:9411'), undefined);
  assert.equal(proxyAddressError('zipkin:x1'), 'port (x1) is not a number: strconv.Atoi: parsing "x1": invalid syntax');
  assert.equal(
    proxyAddressError('zipkin:99999999999999999999'),
    'port (99999999999999999999) is not a number: strconv.Atoi: parsing "99999999999999999999": value out of range',
  );
  assert.equal(proxyAddressError('zipkin:0'), 'port number 0 must be in the range 1..65535');
});
