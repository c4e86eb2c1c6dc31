import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../../core/src/manifest/parse';
import { applyEdits, preserveDocument, preserveEdits, preserveText } from '../../../core/src/output/preserve';
import { preserveAll } from './preserve-helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Preserve the single content document of `text` into mutate(value); returns the new text (re-parse checked). */
function edit(text: string, mutate: (v: Json) => unknown): { out: string; rewritten: boolean } {
  const doc = parseManifest(text).documents.find((d) => !d.empty)!;
  const value = structuredClone(doc.value) as Json;
  const after = mutate(value) ?? value;
  const { out, rewritten } = preserveAll(text, [after]);
  return { out, rewritten };
}

function same(text: string, mutate: (v: Json) => unknown, expected: string): void {
  const { out, rewritten } = edit(text, mutate);
  assert.equal(out, expected);
  assert.equal(rewritten, false);
}

test('no change, no edits', () => {
  const text = 'a: 1 # c\n';
  const doc = parseManifest(text).documents[0];
  assert.deepEqual(preserveEdits(text, doc, { a: 1 }), []);
});

test('changed scalars are replaced in place, keeping their quotes and comments', () => {
  same(
    '# top\na: "x"   # keep\nb: \'y\'\nc: plain\nd: 1\n',
    (v) => ({ ...v, a: 'new', b: "it's", c: 'true', d: 2 }),
    '# top\na: "new"   # keep\nb: \'it\'\'s\'\nc: "true"\nd: 2\n',
  );
});

test('strings that would read back as something else are quoted (YAML 1.1)', () => {
  same('a: x\nb: x\nc: x\n', () => ({ a: 'yes', b: '0777', c: '15020' }), 'a: "yes"\nb: "0777"\nc: "15020"\n');
});

test('new keys go at the end of their mapping, at its indentation; removed keys take their lines', () => {
  same(
    'metadata:\n  name: web\n  labels:\n    app: web # the app\n    tier: front\nspec:\n  x: 1\n  z: 2\n',
    (v) => {
      v.metadata.labels.version = 'v1';
      delete v.metadata.labels.tier;
      v.metadata.annotations = { a: 'b' };
      delete v.spec.x;
    },
    'metadata:\n  name: web\n  labels:\n    app: web # the app\n    version: v1\n  annotations:\n    a: b\nspec:\n  z: 2\n',
  );
});

test('sorted mappings get new keys in order', () => {
  same('m:\n  a: 1\n  c: 3\n  e: 5\n', (v) => void Object.assign(v.m, { b: 2, d: 4, f: 6, A: 0 }), 'm:\n  A: 0\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  e: 5\n  f: 6\n');
});

test('initContainers lands next to containers', () => {
  same(
    'spec:\n  containers:\n  - name: app\n  volumes: []\n',
    (v) => void (v.spec.initContainers = [{ name: 'init' }]),
    'spec:\n  containers:\n  - name: app\n  initContainers:\n  - name: init\n  volumes: []\n',
  );
});

test('sequences: new items follow the file\'s dash indentation (at the key, or indented)', () => {
  same('a:\n- x\n', (v) => void v.a.push('w', { k: [1] }), 'a:\n- x\n- w\n- k:\n  - 1\n');
  same('a:\n    - x\n', (v) => void v.a.push('w', { k: [1] }), 'a:\n    - x\n    - w\n    - k:\n        - 1\n');
  same('a:\n  - x\nb: 1\n', (v) => void (v.c = ['m']), 'a:\n  - x\nb: 1\nc:\n  - m\n');
  same('a:\n- x\nb: 1\n', (v) => void (v.c = ['m']), 'a:\n- x\nb: 1\nc:\n- m\n');
});

test('lists of containers are edited item by item, matched by name', () => {
  same(
    'spec:\n  containers:\n  - name: app   # main\n    image: nginx\n  - name: old\n    image: x\n',
    (v) => {
      v.spec.containers[0].image = 'nginx:2';
      v.spec.containers.splice(1, 1);
      v.spec.containers.unshift({ name: 'proxy', args: ['a'] });
    },
    'spec:\n  containers:\n  - name: proxy\n    args:\n    - a\n  - name: app   # main\n    image: nginx:2\n',
  );
});

test('plain lists keep unchanged items and replace changed ones in place', () => {
  same('args:\n  - a  # first\n  - "b"\n  - c\n', (v) => void (v.args = ['a', 'B', 'c', 'd']), 'args:\n  - a  # first\n  - "B"\n  - c\n  - d\n');
  same('args:\n  - a\n  - b\n  - c\n', (v) => void (v.args = ['a', 'c']), 'args:\n  - a\n  - c\n');
});

test('a compact first key (after "- ") gives its line to the next key', () => {
  same('a:\n  - name: x\n    v: 1\n  - name: y\n', (v) => void delete v.a[0].name, 'a:\n  - v: 1\n  - name: y\n');
  same('a:\n  - n: x\n    m: 1\n    v: 1\n', (v) => void (v.a[0] = { v: 2 }), 'a:\n  - v: 2\n');
});

test('flow collections that change are written again in flow style; empty ones grow in block style', () => {
  same('a: {x: 1, y: [1, 2]}\nb: [ 1 ]\n', (v) => ({ ...v, a: { x: 2, y: [1, 2] }, b: [1, 2] }), 'a: {x: 2, "y": [1, 2]}\nb: [ 1, 2 ]\n');
  same('args: ["-c", "x"]\n', () => ({ args: ['-c', 'y', 'true'] }), 'args: ["-c", "y", "true"]\n');
  same('b: {}\nc: []\n', () => ({ b: { k: 'v' }, c: ['one'] }), 'b:\n  k: v\nc:\n  - one\n');
});

test('null values, shape changes, and collections that become empty', () => {
  same('d:\ne: x\n', () => ({ d: { n: 1 }, e: { f: [] } }), 'd:\n  "n": 1\ne:\n  f: []\n');
  same('a:\n  b: 1\nc:\n  - 1\n', () => ({ a: {}, c: [] }), 'a: {}\nc: []\n');
  same('a:\n  b: 1\n', () => ({ a: 'flat' }), 'a: flat\n');
});

test('anchors and aliases: untouched ones stay, a changed alias is replaced by its value', () => {
  same('e: &anc hello\nf: *anc\ng: *anc\n', (v) => ({ ...v, f: 'changed' }), 'e: &anc hello\nf: changed\ng: *anc\n');
});

test('block scalars keep their style', () => {
  same('g: |\n  line1\n  line2\nh: 1\n', (v) => ({ ...v, g: 'line1\nline3\n' }), 'g: |\n  line1\n  line3\nh: 1\n');
});

test('CRLF line breaks and a missing final line break are respected', () => {
  same('a: 1\r\nb: 2\r\n', (v) => ({ ...v, c: { d: 3 } }), 'a: 1\r\nb: 2\r\nc:\r\n  d: 3\r\n');
  same('a: 1\nb: 2', (v) => ({ ...v, c: 3 }), 'a: 1\nb: 2\nc: 3');
});

test('indentation of new nested maps follows the file', () => {
  same('a:\n    b: 1\n', (v) => void (v.c = { d: { e: 1 } }), 'a:\n    b: 1\nc:\n    d:\n        e: 1\n');
});

test('multi-document: edits stay in their document, the others are byte for byte', () => {
  const text = '# first\nkind: A  # a\n---\nkind: B\nspec:\n  x: 1\n---\n# only comments\n---\nkind: C\n';
  const { out } = preserveAll(text, [{ kind: 'A' }, { kind: 'B', spec: { x: 2, y: 'new' } }, { kind: 'C' }]);
  assert.equal(out, '# first\nkind: A  # a\n---\nkind: B\nspec:\n  x: 2\n  "y": new\n---\n# only comments\n---\nkind: C\n');
  const docs = parseManifest(text).documents;
  const edits = preserveEdits(text, docs[1], { kind: 'B', spec: {} });
  assert.ok(edits.every((e) => e.start >= docs[1].range.start && e.end <= docs[1].range.end));
});

test('merge keys: the mapping is written again, correct above all', () => {
  const { out } = edit('base: &b {x: 1}\nd:\n  <<: *b\n  z: 2\n', (v) => void (v.d.x = 5));
  assert.deepEqual(parseManifest(out).documents[0].value, { base: { x: 1 }, d: { x: 5, z: 2 } });
  assert.ok(out.startsWith('base: &b {x: 1}\n'));
});

test('a changed anchor that aliases still use falls back to a whole rewrite, still exact', () => {
  const text = 'a: &x 1\nb: *x\n';
  const doc = parseManifest(text).documents[0];
  const result = preserveDocument(text, doc, { a: 2, b: 1 });
  assert.equal(result.rewritten, true);
  assert.deepEqual(parseManifest(applyEdits(text, result.edits)).documents[0].value, { a: 2, b: 1 });
});

test('applyEdits orders insertions before a replacement at the same offset and refuses overlaps', () => {
  assert.equal(applyEdits('abc', [{ start: 1, end: 2, newText: 'X' }, { start: 1, end: 1, newText: '+' }]), 'a+Xc');
  assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]), RangeError);
});

test('explicit tags are dropped when their value changes', () => {
  same('a: !!str 123\nb: 1\n', (v) => ({ ...v, a: 456 }), 'a: 456\nb: 1\n');
});

test('a container moved to a sibling list keeps its text, re-indented and edited', () => {
  const text = [
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: app:1',
    '    - name: istio-proxy',
    '      image: auto',
    '      # keep me',
    '      args: ["--x"]',
    '',
  ].join('\n');
  same(
    text,
    (v) => {
      const proxy = v.spec.containers.pop();
      proxy.image = 'proxyv2';
      proxy.restartPolicy = 'Always';
      v.spec.initContainers = [{ name: 'istio-init' }, proxy];
    },
    [
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: app:1',
      '  initContainers:',
      '    - name: istio-init',
      '    - name: istio-proxy',
      '      image: proxyv2',
      '      # keep me',
      '      args: ["--x"]',
      '      restartPolicy: Always',
      '',
    ].join('\n'),
  );
  same(
    'spec:\n  containers:\n  - name: a\n  - name: p # the proxy\n    tty: true\n  initContainers:\n      - name: i\n',
    (v) => void v.spec.initContainers.push(v.spec.containers.pop()),
    'spec:\n  containers:\n  - name: a\n  initContainers:\n      - name: i\n      - name: p # the proxy\n        tty: true\n',
  );
});

test('preserveText edits the given documents and copies the others', () => {
  const text = 'kind: A\n---\nkind: B # b\n---\nkind: C\n';
  const manifest = parseManifest(text);
  assert.equal(preserveText(manifest, [undefined, { kind: 'B', x: 1 }]), 'kind: A\n---\nkind: B # b\nx: 1\n---\nkind: C\n');
  assert.equal(preserveText(manifest, []), text);
});

test('JSON manifests stay JSON: indented JSON keeps its indentation, one-line JSON stays on one line', () => {
  same(
    '{\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a"}]}\n}\n',
    (v) => void v.spec.containers.push({ name: 'b' }),
    '{\n  "kind": "Pod",\n  "spec": {\n    "containers": [\n      {\n        "name": "a"\n      },\n      {\n        "name": "b"\n      }\n    ]\n  }\n}\n',
  );
  same('{"kind": "Pod", "metadata": {"name": "x"}}', (v) => void (v.metadata.labels = { a: 'b' }), '{"kind": "Pod", "metadata": {"name": "x", "labels": {"a": "b"}}}');
});

test('a trailing comment of a value that becomes a block moves to the key line', () => {
  same('a: 1 # note\nb: 2\n', (v) => void (v.a = { x: 1 }), 'a: # note\n  x: 1\nb: 2\n');
  same('a: 1 # note\n', (v) => void (v.a = 'one\ntwo\n'), 'a: | # note\n  one\n  two\n');
  same('l:\n  - 1 # note\n', (v) => void (v.l[0] = { k: 'v', w: 1 }), 'l:\n  - k: v # note\n    w: 1\n');
});

test('nested compact sequences (- - a): items removed and inserted before the first', () => {
  same('a:\n- - x\n  - q\n- - z\n', (v) => void (v.a[0] = ['w', 'q']), 'a:\n- - w\n  - q\n- - z\n');
  same('a:\n- - x\n  - q\n', (v) => void v.a[0].shift(), 'a:\n- - q\n');
  same('a:\n- - x\n  - q\n', (v) => void v.a[0].unshift('m'), 'a:\n- - m\n  - x\n  - q\n');
});

test('an empty document that gains content keeps its comments', () => {
  const text = 'kind: A\n---\n# just a note\n---\nkind: C\n';
  const manifest = parseManifest(text);
  assert.equal(preserveText(manifest, [undefined, { kind: 'B' }]), 'kind: A\n---\n# just a note\nkind: B\n---\nkind: C\n');
});
