/**
 * Unit tables for the fast YAML decoder: how plain scalars resolve under YAML 1.1 (as yamlToJson configures the
 * `yaml` package), keys, quoting, block scalars, flow collections and layouts, and what it declines. Every
 * expected value is also checked against the `yaml` package.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { yamlPackageToJson } from '../../../core/src/config/yaml-json';
import { DECLINED, fastYamlToJson } from '../../../core/src/yaml';

/** Decodes with both decoders and checks both give `want`. */
function check(text: string, want: unknown): void {
  const fast = fastYamlToJson(text);
  assert.notEqual(fast, DECLINED, `declined ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast, want, JSON.stringify(text));
  assert.deepStrictEqual(yamlPackageToJson(text), want, `yaml package on ${JSON.stringify(text)}`);
}

const PLAIN: [string, unknown][] = [
  ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
  ['y', true], ['Y', true], ['yes', true], ['Yes', true], ['YES', true], ['yEs', 'yEs'], ['on', true], ['On', true],
  ['ON', true], ['oN', 'oN'], ['true', true], ['True', true], ['TRUE', true], ['tRUE', 'tRUE'],
  ['n', false], ['N', false], ['no', false], ['No', false], ['NO', false], ['off', false], ['Off', false],
  ['OFF', false], ['false', false], ['False', false], ['FALSE', false], ['fALSE', 'fALSE'],
  ['0', 0], ['-0', -0], ['+0', 0], ['12', 12], ['+12', 12], ['-12', -12], ['1_000', 1000], ['0777', 511],
  ['012', 10], ['08', 8], ['0o17', '0o17'], ['0b101', 5], ['-0b11', -3], ['0x1F', 31], ['-0xff', -255], ['0xG', '0xG'],
  ['123456789012345678901', 123456789012345680000],
  ['1.5', 1.5], ['-1.5', -1.5], ['.5', 0.5], ['1.', 1], ['1_0.5', 10.5], ['1e3', 1000], ['1E-3', 0.001],
  ['1.5e+10', 1.5e10], ['1e400', Infinity], ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity],
  ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN], ['.Nan', '.Nan'], ['inf', 'inf'], ['.', NaN], ['e5', NaN],
  ['12:30', '12:30'], ['1:20:30', '1:20:30'], ['2024-01-01', '2024-01-01'], ['<<', '<<'], ['=', '='],
  ['a b', 'a b'], ['a#b', 'a#b'], ['a #b', 'a'], ['http://x:80/y', 'http://x:80/y'], ['-p', '-p'], ['--flag=x', '--flag=x'],
  ['$(POD_NAMESPACE).svc', '$(POD_NAMESPACE).svc'], ['a[b]', 'a[b]'], ['a,b', 'a,b'], ['日本語', '日本語'],
];

test('plain scalars resolve as YAML 1.1 without timestamps or base 60', () => {
  for (const [text, want] of PLAIN) {
    check(`v: ${text}`, { v: want });
    check(`- ${text}`, [want]);
    if (!/[,[\]#]/.test(text)) check(`[${text}]`, [want]);
  }
});

test('keys become strings as the yaml package names object properties', () => {
  check('1: a\n0x10: b\n1.0: c\ntrue: d\nyes: e\noff: f\n.inf: g\n"2": h\n\'q\': i\nk k: j\nx:y: k\n', {
    1: 'c', 2: 'h', 16: 'b', true: 'e', false: 'f', Infinity: 'g', q: 'i', 'k k': 'j', 'x:y': 'k',
  });
  check('a: 1\na: 2\nb: 3', { a: 2, b: 3 }); // the last repeated key wins
  check('"<<": 1', { '<<': 1 }); // a quoted << is an ordinary key
});

test('merge keys', () => {
  check('a: 1\n<<: {a: 2, b: 3}\n', { a: 1, b: 3 });
  check('<<:\n  a: 2\n  b: 3\na: 1\n', { a: 1, b: 3 });
  check('<<: [{a: 1}, {a: 2, c: 3}]\nb: 4', { a: 1, b: 4, c: 3 });
  check('x: {<<: {k: v}, k: w}', { x: { k: 'w' } });
});

test('quoted scalars: escapes and line folding', () => {
  check('v: "a\\tb\\n\\\\\\"\\/\\x41\\u263A\\U0001F600\\_\\ \\0"', { v: 'a\tb\n\\"/A☺😀\u00a0 \0' });
  check('v: "line one\n  line two\n\n  para  \n  end"', { v: 'line one line two\npara end' });
  check('v: "joined\\\n   here"', { v: 'joinedhere' });
  check("v: 'it''s'", { v: "it's" });
  check("v: 'a\n  b\n\n  c  '", { v: 'a b\nc  ' });
  check('v: "  kept  " # comment', { v: '  kept  ' });
  check("- 'x' # c\n- \"\"\n- ''", ['x', '', '']);
});

test('block scalars', () => {
  check('v: |\n  a\n   b\n\n  c\n\n\nw: 1', { v: 'a\n b\n\nc\n', w: 1 });
  check('v: |-\n  a\n\n', { v: 'a' });
  check('v: |+\n  a\n\n\nw: 1', { v: 'a\n\n\n', w: 1 });
  check('v: >\n  a\n  b\n\n  c\n    d\n  e\n', { v: 'a b\nc\n  d\ne\n' });
  check('v: >-\n  folded\n  text\n', { v: 'folded text' });
  check('v: | # comment\n  # not a comment\n', { v: '# not a comment\n' });
  check('- |\n  item\n- >\n  next\n', ['item\n', 'next\n']);
  check('v: |\n\n  after a blank\n', { v: '\nafter a blank\n' });
  check('v: |\nw: 1', { v: '', w: 1 });
  check('- k: |\n    deep\n  j: 1', [{ k: 'deep\n', j: 1 }]);
});

test('flow collections, on one line or spread over several', () => {
  check('v: {}\nw: []', { v: {}, w: [] });
  check('v: [a, "b", \'c\', 1, [2, {x: z}]]', { v: ['a', 'b', 'c', 1, [2, { x: 'z' }]] });
  check('v: {a: 1, "b": two, \'c\': [x]}', { v: { a: 1, b: 'two', c: ['x'] } });
  check('annotations: {\n  istio.io/rev: "default",\n  a/b: "x",\n}\nspec: 1', { annotations: { 'istio.io/rev': 'default', 'a/b': 'x' }, spec: 1 });
  check('v: [\n  a,  # one\n  b\n  ]', { v: ['a', 'b'] });
  check('v: {a: }', { v: { a: null } });
  check('v: {"a":1}', { v: { a: 1 } });
});

test('block layouts templates write', () => {
  check('a:\n- x\n- z\nb: 1', { a: ['x', 'z'], b: 1 });
  check('a:\n  - x\n  -  z', { a: ['x', 'z'] });
  check('- - a\n  - b\n- - c', [['a', 'b'], ['c']]);
  check('- name: a\n  image: b\n-   name: c\n    ports:\n    - 1', [{ name: 'a', image: 'b' }, { name: 'c', ports: [1] }]);
  check('-\n  a: 1\n-\n- # c\n  x', [{ a: 1 }, null, 'x']);
  check('volumes:\n- emptyDir:\n  name: w\n- emptyDir:\n    medium: Memory\n  name: e', { volumes: [{ emptyDir: null, name: 'w' }, { emptyDir: { medium: 'Memory' }, name: 'e' }] });
  check('\n  \n# c\nmeta:\n  \n    # deep comment\n  x: 1\n  \n', { meta: { x: 1 } });
  check('---\na: 1\n...\n', { a: 1 });
  check('', null);
  check('# only a comment\n', null);
  check('---\n', null);
  check('  a: 1\n  b: 2', { a: 1, b: 2 });
  check('"quoted key": 1\n\'single\': 2', { 'quoted key': 1, single: 2 });
  check('plain', 'plain');
  check('v:', { v: null });
});

test('declines what it does not read with certainty', () => {
  const declined = [
    'a: &x 1\nb: *x', 'a: !!str 1', '? complex\n: key', '[a]: b', 'a:\n\tb: 1', 'a: b\r\n', 'a: multi\n  line plain',
    'a: |2\n   x', '%YAML 1.1\n---\na: 1', '~: null key', 'null: x', '__proto__: x', 'a: 1\n b: 2', '- a\n - b',
    'a: b: c', 'a: "x"y', 'a: [a, b', 'a: {a: 1}\n  b: 2', 'a: [x: y]', 'a: {x}', 'a: [a,,b]', '<<: 1', '--- a',
    '---\n---\na: 1', 'a: 1\n---\nb: *x\nc: d\n', 'v: |+\n\nw: 1', 'a: "\\q"', 'a: -', 'a: @x', 'a: `x', 'a: ,x',
    'a:\n  "x\ny"', 'a: 1\n---\nb: 2\n', 'a: [b,\nc]', '\ufeffa: 1', 'x: |\n  \n    \n  a',
  ];
  for (const text of declined) assert.equal(fastYamlToJson(text), DECLINED, JSON.stringify(text));
});
