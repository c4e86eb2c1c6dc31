import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, canonicalQuantityValue } from '../../../core/src/k8s/quantity';

// [canonical, alternate spelling] pairs from apimachinery's TestQuantityString: the canonical text parses to
// itself, the alternate canonicalises to it.
const STRING_TABLE: Array<[string, string]> = [
  ['1Gi', '1024Mi'], ['300Mi', '307200Ki'], ['6Ki', ''], ['1001Gi', '1025024Mi'], ['1Ti', '1024Gi'], ['5', '5000m'],
  ['500m', '0.5'], ['1G', '1000M'], ['1G', '0.001T'], ['1m', '1000u'], ['80m', ''], ['1080m', '1.08'],
  ['1080m', '1080000000n'], ['300M', ''], ['1T', ''], ['1234567M', ''], ['1234567m', ''], ['3k', ''], ['1025', ''],
  ['0', ''], ['1e9', '.001e12'], ['1e-3', '0.001e0'], ['1e-9', '1000e-12'], ['80e-3', ''], ['300e6', ''], ['1e12', ''],
  ['1e3', ''], ['3e3', ''], ['0', '00'], ['1n', ''], ['80n', ''], ['1080n', ''], ['1u', ''], ['80u', ''], ['1080u', ''],
];

test('canonical strings are kept, alternates canonicalised (TestQuantityString)', () => {
  for (const [canonical, alternate] of STRING_TABLE) {
    assert.equal(canonicalQuantity(canonical), canonical, canonical);
    if (alternate) assert.equal(canonicalQuantity(alternate), canonical, alternate);
  }
});

test('parse then emit (TestQuantityParseEmit), also negated', () => {
  const table: Array<[string, string]> = [
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1000M', '1G'], ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
  ];
  for (const [input, expected] of table) {
    assert.equal(canonicalQuantity(input), expected, input);
    assert.equal(canonicalQuantity('-' + input), '-' + expected, '-' + input);
  }
});

// Texts already canonical in shape (exponent a multiple of 3, no trailing 000) are kept verbatim, like Go's cache.
test('values from TestQuantityParse print in canonical form', () => {
  const table: Array<[string, string]> = [
    ['0n', '0'], ['0Ki', '0'], ['50k', '50k'], ['40T', '40T'], ['1E', '1E'], ['1E-3', '1E-3'], ['100.035k', '100.035k'],
    ['0.0005k', '500m'], ['0.5e0', '500e-3'], ['0.5e-1', '50e-3'], ['10.035M', '10.035M'], ['1.2e3', '1200'],
    ['1.3E+6', '1300e3'], ['9.01', '9010m'], ['8.1k', '8100'], ['7.123456M', '7.123456M'], ['2.5P', '2500T'],
    ['3.001n', '4n'], ['1.1E-9', '2e-9'], ['0.0000000001', '1n'], ['0.00000012345', '124n'], ['12E', '12E'],
    ['100.035Ki', '102435840m'], ['0.5Mi', '512Ki'], ['0.05Gi', '53687091200m'], ['0.000000000001Ki', '2n'],
    ['.001', '1m'], ['1.', '1.'], ['1.G', '1.G'], ['9Ei', '9223372036854775807'], ['9223372036854775807Ki', '9223372036854775807'],
  ];
  for (const [input, expected] of table) assert.equal(canonicalQuantity(input), expected, input);
});

test('numbers and strings as the JSON decoder hands them over', () => {
  assert.equal(canonicalQuantityValue(0.1), '100m');
  assert.equal(canonicalQuantityValue('0.1'), '100m');
  assert.equal(canonicalQuantityValue('2000m'), '2');
  assert.equal(canonicalQuantityValue('1000Mi'), '1000Mi');
  assert.equal(canonicalQuantityValue(1000), '1k');
  assert.equal(canonicalQuantityValue('1e3'), '1e3');
  assert.equal(canonicalQuantityValue(2), '2');
  assert.equal(canonicalQuantityValue('128Mi'), '128Mi');
  assert.equal(canonicalQuantityValue('1.5Gi'), '1536Mi');
  assert.equal(canonicalQuantityValue(' 100m '), '100m');
  assert.equal(canonicalQuantityValue(null), '0');
});

test('malformed quantities are rejected', () => {
  for (const bad of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-']) {
    assert.throws(() => canonicalQuantity(bad), Error, bad);
  }
});
