import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatProblem, isEmptyDocument, parseManifest } from '../../../core/src/manifest/parse';
import type { Manifest } from '../../../core/src/manifest/types';

const messages = (m: Manifest): string[] => m.problems.map(formatProblem);

test('splits documents on --- lines; ranges tile the text and slice to each document', () => {
  const text = '# leading comment\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: prod}\n---\n# only a comment\n---\nkind: Service\n';
  const m = parseManifest(text);
  assert.deepEqual(m.problems, []);
  assert.deepEqual(m.documents.map((d) => d.index), [1, 2, 3, 4]);
  assert.deepEqual(m.documents.map((d) => d.empty), [true, false, true, false]);
  assert.equal(text.slice(m.documents[1].range.start, m.documents[1].range.end), 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: prod}\n');
  assert.equal(text.slice(m.documents[3].range.start, m.documents[3].range.end), 'kind: Service\n');
  const pod = m.documents[1];
  assert.equal(pod.kind, 'Pod');
  assert.equal(pod.apiVersion, 'v1');
  assert.equal(pod.name, 'web');
  assert.equal(pod.namespace, 'prod');
  assert.deepEqual(pod.value, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod' } });
  assert.equal(text.slice(pod.kindRange!.start, pod.kindRange!.end), 'Pod');
  assert.equal(m.documents[3].kind, 'Service');
  assert.equal(m.documents[3].apiVersion, undefined);
});

test('yaml Document node ranges are offsets into the whole text', () => {
  const text = 'a: 1\n---\nkind: Deployment\nmetadata:\n  name: x\n';
  const doc = parseManifest(text).documents[1];
  const range = doc.yaml.contents!.range!;
  assert.equal(text.slice(range[0], range[0] + 4), 'kind');
  assert.equal(text.slice(doc.kindRange!.start, doc.kindRange!.end), 'Deployment');
});

test('empty documents: nothing, comments only, --- alone, explicit null', () => {
  assert.deepEqual(parseManifest('').documents, []);
  for (const text of ['# just a comment\n', '---\n', '---\n---\n', '---\n# c\n', '~\n', 'null\n']) {
    const m = parseManifest(text);
    assert.deepEqual(m.problems, [], text);
    assert.ok(m.documents.every((d) => d.empty && isEmptyDocument(d.yaml)), text);
  }
  assert.equal(parseManifest('a: 1\n').documents[0].empty, false);
});

test('malformed YAML: document number, 1-based line:col, one concise message per document', () => {
  assert.deepEqual(messages(parseManifest('a: b: c\n')), ['document 1, line 1:4: Nested mappings are not allowed in compact mappings']);
  assert.deepEqual(messages(parseManifest('kind: Pod\n---\nmetadata:\n\tname: x\n')), ['document 2, line 4:1: Tabs are not allowed as indentation']);
  assert.deepEqual(messages(parseManifest('a: 1\n---\n- a\nb: 1\n')), ['document 2, line 4:1: Unexpected scalar at node end']);
  assert.deepEqual(messages(parseManifest('a: "open\n')), ['document 1, line 2:1: Missing closing "quote']);
  const m = parseManifest('x: 1\n---\nspec:\n  ports: [80\n');
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0].severity, 'error');
  assert.equal(m.problems[0].document, 2);
  assert.match(m.problems[0].message, /^Flow sequence in block collection must be sufficiently indented and end with a \]$/);
  assert.equal(m.documents[1].value, undefined);
  assert.equal(m.documents[0].problems.length, 0);
  assert.deepEqual(m.documents[1].problems, m.problems);
});

test('a document that is not a mapping is an error at its content', () => {
  const m = parseManifest('kind: Pod\n---\n- a\n- b\n---\nhello\n');
  assert.deepEqual(messages(m), [
    'document 2, line 3:1: expected a Kubernetes object (a mapping), found a sequence',
    'document 3, line 6:1: expected a Kubernetes object (a mapping), found a scalar ("hello")',
  ]);
  assert.deepEqual(m.documents[1].value, ['a', 'b']);
});

test('an alias without its anchor points at the alias', () => {
  assert.deepEqual(messages(parseManifest('a: 1\nb: *nope\n')), ['document 1, line 2:4: unknown alias *nope (its anchor must come before it)']);
});

test('repeated keys: the last wins, with a warning at the repeat', () => {
  const m = parseManifest('kind: Pod\nkind: Service\n');
  assert.equal(m.documents[0].kind, 'Service');
  assert.deepEqual(messages(m), ['document 1, line 2:1: duplicate key "kind": the last one wins']);
  assert.equal(m.problems[0].severity, 'warning');
});

test('YAML 1.1 scalars as Kubernetes reads them; no timestamps or base-60 numbers', () => {
  assert.deepEqual(parseManifest('y: 1\n').documents[0].value, { true: 1 }, 'go-yaml v2 reads the key y as a boolean');
  const m = parseManifest('a: yes\nb: off\nc: 0777\nd: 2001-12-14\ne: 1:20\nf: "yes"\ng: 1_000\n');
  assert.deepEqual(m.documents[0].value, { a: true, b: false, c: 511, d: '2001-12-14', e: '1:20', f: 'yes', g: 1000 });
});

test('merge keys are expanded', () => {
  const m = parseManifest('base: &b {x: 1, z: 2}\nderived:\n  <<: *b\n  z: 3\n');
  assert.deepEqual(m.documents[0].value, { base: { x: 1, z: 2 }, derived: { x: 1, z: 3 } });
});

test('alias bomb: refused quickly with a clear error', () => {
  let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= 9; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  const started = Date.now();
  const m = parseManifest(text);
  assert.ok(Date.now() - started < 2000);
  assert.equal(m.documents[0].value, undefined);
  assert.deepEqual(messages(m), ['document 1, line 1:1: aliases expand too much (over 1000 alias uses): refusing a possible alias bomb']);
});

test('node-count bound catches expansion under the alias count', () => {
  // 20 aliases of a 1000-item list: few alias uses for yaml, but 20,000 nodes once expanded.
  let text = `big: &big [${Array(1000).fill('x').join(', ')}]\ncopies:\n`;
  for (let i = 0; i < 20; i++) text += '  - *big\n';
  assert.deepEqual(parseManifest(text).problems, []);
  const m = parseManifest(text, { maxNodes: 5000 });
  assert.deepEqual(messages(m), ['document 1, line 1:1: document has more than 5000 nodes once aliases are expanded']);
  assert.equal(m.documents[0].value, undefined);
});

test('a 50 MB input is refused fast, naming the limit', () => {
  const line = 'key: ' + 'x'.repeat(95) + '\n';
  const text = line.repeat((50 * 1024 * 1024) / line.length);
  const started = Date.now();
  const m = parseManifest(text);
  assert.ok(Date.now() - started < 100, `took ${Date.now() - started} ms`);
  assert.deepEqual(m.documents, []);
  assert.deepEqual(messages(m), ['line 1:1: input is at least 50 MB, over the 10 MB limit']);
});

test('the size limit counts UTF-8 bytes and can be configured', () => {
  assert.deepEqual(messages(parseManifest('a: ééé\n', { maxBytes: 8 })), ['line 1:1: input is larger than that, over the 8 bytes limit']);
  assert.deepEqual(parseManifest('a: ééé\n', { maxBytes: 10 }).problems, []);
});

test('binary garbage: an error, never a crash', () => {
  assert.deepEqual(messages(parseManifest('PK\u0003\u0004\u0000\u0000garbage')), ['line 1:5: input looks binary (it contains a NUL character); expected YAML text']);
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 200; round++) {
    const chars = Array.from({ length: 300 }, () => String.fromCharCode(1 + Math.floor(random() * 255)));
    const m = parseManifest(chars.join(''));
    assert.ok(Array.isArray(m.documents));
  }
  const controls = parseManifest('a: 1\nb: x\u0007y\n');
  assert.deepEqual(messages(controls), ['document 1, line 2:5: control character U+0007 is not allowed in YAML']);
});

test('deep nesting is an error, not a stack overflow', () => {
  const m = parseManifest('a: ' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n');
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0].severity, 'error');
  assert.match(formatProblem(m.problems[0]), /^document 1, line 1:\d+: collections are nested too deeply$/);
});

test('an invalid document separator is reported at its line', () => {
  const m = parseManifest('kind: Pod\n--- kind: Service\n');
  assert.deepEqual(messages(m), ['line 2:1: invalid Yaml document separator: kind: Service']);
  assert.equal(m.documents.length, 0, 'like Kubernetes\' reader, the stream is refused');
});

test('CRLF text: ranges and positions still in UTF-16 offsets', () => {
  const text = 'kind: Pod\r\n---\r\nkind: Service\r\nbad: [\r\n';
  const m = parseManifest(text);
  assert.equal(m.documents.length, 2);
  assert.equal(m.documents[0].kind, 'Pod');
  assert.equal(m.problems[0].document, 2);
  assert.equal(m.problems[0].position.line >= 4, true);
});
