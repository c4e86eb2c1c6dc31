/**
 * reparseScalarEdit must give exactly what parseManifest gives for the new text (every node, range, comment and
 * problem), or nothing. Checked on chosen edits and on seeded random edits of every scalar position in our examples,
 * fixtures and Istio's inject corpus.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../../core/src/manifest/parse';
import { reparseScalarEdit } from '../../../core/src/manifest/reparse';
import { loadCorpus } from '../../fuzz/corpus';
import { manifestShape as shape, scalarRanges } from '../../support/manifest-shape';
import { rng } from '../yaml/yaml-gen';

/** The edit applied by reparse, checked against a fresh parse; true when it was taken. */
function check(before: string, after: string): boolean {
  const previous = parseManifest(before);
  const reread = reparseScalarEdit(previous, after);
  if (!reread) {
    assert.deepEqual(shape(previous), shape(parseManifest(before)), `declined edit left the previous manifest as it was:\n${before}\n→\n${after}`);
    return false;
  }
  assert.deepEqual(shape(reread), shape(parseManifest(after)), `reparse differs from a parse:\n${before}\n→\n${after}`);
  return true;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the front end
  labels: {app: web}
spec:
  replicas: 2
  template:
    metadata:
      annotations:
        sidecar.istio.io/inject: "true"
        proxy.istio.io/config: 'holdApplicationUntilProxyStarts: true'
        anchored: &a shared
        tagged: !!str 12
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0.0
          args: [--port, "8080"]
          ports:
            - containerPort: 8080
          env:
            - name: EMPTY
              value:
`;

function edited(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, find);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

test('typing in plain and simply quoted scalars, values and keys, is read without a parse and equals one', () => {
  for (const [find, replacement] of [
    ['replicas: 2', 'replicas: 20'],
    ['replicas: 2', 'replicas: 2x'],
    ['replicas: 2', 'replicas: yes'],
    ['replicas: 2', 'replicas: 0x1F'],
    ['replicas: 2', 'replicas: 2.50'],
    ['name: web #', 'name: webs #'],
    ['image: registry.example.com/app:1.0.0', 'image: registry.example.com/app:1.0.1'],
    ['image: registry.example.com/app:1.0.0', 'image: registry.example.com/app'],
    ['inject: "true"', 'inject: "false"'],
    ["config: 'holdApplicationUntilProxyStarts: true'", "config: 'holdApplicationUntilProxyStarts: false'"],
    ['sidecar.istio.io/inject:', 'sidecar.istio.io/injec:'],
    ['kind: Deployment', 'kind: Deploymen'],
    ['containerPort: 8080', 'containerPort: 15001'],
    ['- name: app', '- name: app two'],
  ]) {
    assert.equal(check(DEPLOYMENT, edited(DEPLOYMENT, find!, replacement!)), true, `${find} → ${replacement}`);
  }
});

test('a document that is one scalar: the scalar is replaced as the document contents', () => {
  // Found by the fuzzer: `null` is an empty document, `nu7l` a string where an object was expected (a problem).
  assert.equal(check('null\n', 'nu7l\n'), true);
  assert.equal(check('web\n', 'webs\n'), false, 'a string where an object was expected is a problem already');
});

test('edits whose meaning depends on more than the scalar are declined, and leave the previous manifest intact', () => {
  for (const [find, replacement] of [
    ['replicas: 2', 'replicas: 2 # two'], // a comment starts
    ['replicas: 2', 'replicas: 2:'], // a mapping starts
    ['replicas: 2', 'replicas: a: b'],
    ['replicas: 2', 'replicas: '], // empty
    ['replicas: 2', 'replicas: &r 2'], // an anchor
    ['replicas: 2', 'replicas: "2'], // an unclosed quote
    ['replicas: 2', 'replicas: 2\n  paused: true'], // a new line
    ['inject: "true"', 'inject: "tr\\"ue"'], // an escape
    ['anchored: &a shared', 'anchored: &a share'], // an anchored node
    ['tagged: !!str 12', 'tagged: !!str 123'], // an explicit tag
    ['[--port, "8080"]', '[--port, "8081"]'], // a flow collection
    ['labels: {app: web}', 'labels: {app: webs}'],
    ['kind: Deployment', '---: Deployment'],
    ['value:\n', 'value: x\n'], // an empty value
    ['name: app', 'name: [app'],
    ['name: app', 'name: *app'],
  ]) {
    assert.equal(check(DEPLOYMENT, edited(DEPLOYMENT, find!, replacement!)), false, `${find} → ${replacement}`);
  }
  for (const [before, after] of [
    ['a: 1\n<<: {b: 2}\n', 'a: 1\n<<x: {b: 2}\n'], // a merge key
    ['%YAML 1.2\n---\na: yes\n', '%YAML 1.2\n---\na: yess\n'], // a directive changes how scalars read
    ['a: [1\n', 'a: [12\n'], // a document with errors
    ['- a\n- b\n', '- a\n- c\n'], // not a Kubernetes object: a problem already
  ]) {
    assert.equal(check(before!, after!), false, `${before} → ${after}`);
  }
});

/** Per seed document: about 1,200 edits in all (≈8 s; each is checked against a full parse). */
const EDITS_PER_DOCUMENT = 5;

const TYPED = 'aZ09._/- :#"\'&*!{}[],|>?%@`\\\t\u00e9\u{1F600}=';

test('random edits inside scalars of the corpus: a reread equals a parse of the new text', () => {
  const next = rng(20261126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  let taken = 0;
  let tried = 0;
  let alnumTaken = 0;
  let alnumTried = 0;
  for (const { text } of loadCorpus().seeds) {
    const m = parseManifest(text);
    if (m.documents.length !== 1 || m.problems.length > 0) continue;
    const ranges = scalarRanges(m);
    for (let k = 0; k < Math.min(EDITS_PER_DOCUMENT, ranges.length); k++) {
      const [from, to] = pick(ranges);
      const at = from + Math.floor(next() * (to - from + 1));
      const removed = next() < 0.4 ? Math.min(to - at, 1 + Math.floor(next() * 3)) : 0;
      const alnum = next() < 0.5;
      const typed = alnum ? pick(['1', 'x', 'Q', '7', '.', '-']) : pick([...TYPED]);
      const after = text.slice(0, at) + typed + text.slice(at + removed);
      tried++;
      if (alnum) alnumTried++;
      if (check(text, after)) {
        taken++;
        if (alnum) alnumTaken++;
      }
    }
  }
  console.log(`reparse: ${taken} of ${tried} random edits taken (${alnumTaken} of ${alnumTried} letters, digits, '.' and '-')`);
  assert.ok(tried > 1000, `enough edits tried (${tried})`);
  assert.ok(alnumTaken > alnumTried * 0.6, `most edits typing letters or digits are taken (${alnumTaken} of ${alnumTried})`);
});
