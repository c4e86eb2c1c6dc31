import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatGoFloat, marshalGoYaml } from '../../../core/src/output/go-yaml';
import { needsQuotes } from '../../../core/src/output/go-yaml-resolve';
import { sortKeysGoYaml } from '../../../core/src/output/go-yaml-sort';

test('scalars and collections (go-yaml v2 encode_test cases that JSON can express)', () => {
  const table: Array<[unknown, string]> = [
    [null, 'null\n'],
    [{}, '{}\n'],
    [{ v: 'hi' }, 'v: hi\n'],
    [{ v: 'true' }, 'v: "true"\n'],
    [{ v: 'false' }, 'v: "false"\n'],
    [{ v: true }, 'v: true\n'],
    [{ v: 10 }, 'v: 10\n'],
    [{ v: -10 }, 'v: -10\n'],
    [{ v: 4294967296 }, 'v: 4294967296\n'],
    [{ v: '10' }, 'v: "10"\n'],
    [{ v: 0.1 }, 'v: 0.1\n'],
    [{ v: -0.1 }, 'v: -0.1\n'],
    [{ v: null }, 'v: null\n'],
    [{ v: '' }, 'v: ""\n'],
    [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n'],
    [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C\n'],
    [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
    [{ a: { b: 'c' } }, 'a:\n  b: c\n'],
    [{ a: '-' }, "a: '-'\n"],
    [123, '123\n'],
    [{ a: '<foo>' }, 'a: <foo>\n'],
    [{ a: '1:1' }, 'a: "1:1"\n'],
    [{ a: '\x00' }, 'a: "\\0"\n'],
    [{ a: '你好' }, 'a: 你好\n'],
    [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: 'b: c' }, "a: 'b: c'\n"],
    [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n"],
    [{ a: '你好 #comment' }, "a: '你好 #comment'\n"],
    [{ a: 100.5 }, 'a: 100.5\n'],
  ];
  for (const [value, expected] of table) assert.equal(marshalGoYaml(value), expected, JSON.stringify(value));
});

test('strings that would read as another type are double-quoted, indicators single-quoted', () => {
  const quoted = ['15001', '1337', 'true', 'True', 'yes', 'Y', 'n', 'on', 'OFF', 'null', '~', '', '1e3', '1.5', '.5', '-1',
    '+1', '0x1F', '0o17', '0755', '08', '1_000', '.inf', '-.Inf', '.nan', '2024-01-02', '2024-1-2', '1:20', '-10:30:00',
    '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10'];
  for (const s of quoted) assert.equal(marshalGoYaml({ k: s }), `k: ${JSON.stringify(s)}\n`, s);
  const plain = ['hello', '1.2.3', 'v1', 'yes please', 'Nope', '<<', '0x', '2024-02-30', '1e', '15001a', '10.0.0.1', 'a:b',
    'http://x:80/y', 'a#b', 'x-', '0xFFFFFFFFFFFFFFFFFF', '*/'.slice(1), 'registry.istio.io/testing/proxyv2:latest'];
  for (const s of plain) assert.equal(marshalGoYaml({ k: s }), `k: ${s}\n`, s);
  const single: Array<[string, string]> = [
    ['*', "'*'"], ['- x', "'- x'"], ['-', "'-'"], [':', "':'"], ['? x', "'? x'"], ['#x', "'#x'"], ['&a', "'&a'"],
    ['!x', "'!x'"], ['%', "'%'"], ['@x', "'@x'"], ['`x', "'`x'"], ['[a]', "'[a]'"], ['{a}', "'{a}'"], ['|', "'|'"],
    ['>', "'>'"], ["'q'", "'''q'''"], ['"q"', '\'"q"\''], ['---', "'---'"], ['...x', "'...x'"], [' lead', "' lead'"],
    ['trail ', "'trail '"], ['a: b', "'a: b'"], ['x:', "'x:'"],
  ];
  for (const [s, out] of single) assert.equal(marshalGoYaml({ k: s }), `k: ${out}\n`, s);
  assert.ok(needsQuotes('0b101') && needsQuotes('-0b101') && !needsQuotes('0b2'));
});

test('unprintable characters force double quotes with escapes', () => {
  assert.equal(marshalGoYaml({ k: 'a\tb' }), 'k: "a\\tb"\n');
  assert.equal(marshalGoYaml({ k: 'a\rb' }), 'k: "a\\rb"\n');
  assert.equal(marshalGoYaml({ k: 'x\u0085y' }), 'k: "x\\Ny"\n');
  assert.equal(marshalGoYaml({ k: 'e\u001b' }), 'k: "e\\e"\n');
  assert.equal(marshalGoYaml({ k: 'smile 😀' }), 'k: "smile \\U0001F600"\n');
  assert.equal(marshalGoYaml({ k: '\ufeffab' }), 'k: "\\uFEFF\\x61\\x62"\n');
  assert.equal(marshalGoYaml({ k: 'tab\tand\nline' }), 'k: "tab\\tand\\nline"\n');
});

test('multi-line strings use literal blocks with chomping and indentation indicators', () => {
  assert.equal(marshalGoYaml({ k: 'a\nb' }), 'k: |-\n  a\n  b\n');
  assert.equal(marshalGoYaml({ k: 'a\nb\n' }), 'k: |\n  a\n  b\n');
  assert.equal(marshalGoYaml({ k: 'a\n\n' }), 'k: |+\n  a\n\n');
  assert.equal(marshalGoYaml({ k: 'a\n\n', z: 1 }), 'k: |+\n  a\n\nz: 1\n');
  assert.equal(marshalGoYaml({ k: '\n' }), 'k: |2+\n\n');
  assert.equal(marshalGoYaml({ k: '  x\ny' }), 'k: |2-\n    x\n  y\n');
  assert.equal(marshalGoYaml({ k: 'a\n\nb' }), 'k: |-\n  a\n\n  b\n');
  // Trailing spaces on a line (space before break) rule out the block style.
  assert.equal(marshalGoYaml({ k: 'a \nb' }), 'k: "a \\nb"\n');
  assert.equal(marshalGoYaml({ k: 'a\n b' }), 'k: |-\n  a\n   b\n');
  assert.equal(marshalGoYaml([{ k: 'x\ny' }]), '- k: |-\n    x\n    y\n');
  // A multi-line key cannot be a simple key.
  assert.equal(marshalGoYaml({ 'a\nb': 1 }), '? |-\n  a\n  b\n: 1\n');
});

test('layout: sequences in mappings are not indented, nested sequences are, empty collections are flow', () => {
  const v = { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }], args: [] }], volumes: [[1, 2], []], x: {} } };
  assert.equal(marshalGoYaml(v), [
    'spec:', '  containers:', '  - args: []', '    name: a', '    ports:', '    - containerPort: 80', '  volumes:',
    '  - - 1', '    - 2', '  - []', '  x: {}', '',
  ].join('\n'));
  assert.equal(marshalGoYaml([]), '[]\n');
  assert.equal(marshalGoYaml('s'), 's\n');
  assert.equal(marshalGoYaml({ a: undefined, b: 1 }), 'b: 1\n');
});

test('long strings wrap at spaces after column 80 (go-yaml v2 TestLineWrapping)', () => {
  const s = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
  assert.equal(marshalGoYaml({ a: s }),
    "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n");
  const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
  assert.equal(marshalGoYaml({ a: { b: words } }),
    'a:\n  b: w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\n    w22 w23 w24 w25 w26 w27 w28 w29\n');
  // The line is broken at the first space once the column passes 80, so lines may run a little past it.
  // Keys never wrap; a key over 128 bytes switches to the explicit form.
  const longKey = 'k'.repeat(129);
  assert.equal(marshalGoYaml({ [longKey]: 1 }), `? ${longKey}\n: 1\n`);
  // Double-quoted strings wrap too, escaping a following space.
  const dq = `${'x'.repeat(78)} \t  y`;
  assert.equal(marshalGoYaml({ a: dq }), `a: "${'x'.repeat(78)}\n  \\t  y"\n`);
});

test('map keys sort like go-yaml (TestSortedOutput, string keys)', () => {
  const order = ['', '.1', '.2', '.a', '1', '2', 'a!10', 'a/0001', 'a/002', 'a/3', 'a/10', 'a/11', 'a/0012', 'a/100', 'a~10',
    'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3', 'c2.10', 'c10.2', 'd1', 'd7', 'd7abc', 'd12', 'd12a'];
  const shuffled = [...order].reverse();
  assert.deepEqual(sortKeysGoYaml(shuffled), order);
  assert.deepEqual(sortKeysGoYaml(['b', 'B', '_a', 'a', 'Z', '1']), ['_a', '1', 'B', 'Z', 'a', 'b']);
});

test('numbers follow the JSON round trip: integers exact, floats in Go %g form', () => {
  assert.equal(marshalGoYaml({ a: 1e6, b: 1.5e-7, c: 1234567.5, d: 1e21, e: 2n ** 63n, f: 2n ** 70n, g: 0.000123 }),
    'a: 1000000\nb: 1.5e-07\nc: 1.2345675e+06\nd: 1e+21\ne: 9223372036854775808\nf: 1.1805916207174113e+21\ng: 0.000123\n');
  assert.equal(formatGoFloat(123456.7), '123456.7');
  assert.equal(formatGoFloat(-2.5e-5), '-2.5e-05');
  assert.throws(() => marshalGoYaml({ a: NaN }));
});
