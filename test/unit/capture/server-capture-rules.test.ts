import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinSettings, createInjector } from '../../../core/src';
import { captureRules } from '../../../server/src/capture-rules';

const injector = createInjector(builtinSettings());
const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers: [{name: a, image: a}]
---
apiVersion: v1
kind: Service
metadata: {name: s}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  containers: [{name: b, image: b}]
`;

test('captureRules: every injected workload, or the one at the position, with notes per rule line', () => {
  const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, TEXT);
  const all = captureRules(doc, injector, { uri: doc.uri });
  assert.deepEqual(all.documents.map((d) => d.title), ['Pod/a', 'Pod/b']);
  const b = captureRules(doc, injector, { uri: doc.uri, position: { line: 12, character: 3 } });
  assert.deepEqual(b.documents.map((d) => d.title), ['Pod/b']);
  const onService = captureRules(doc, injector, { uri: doc.uri, position: { line: 7, character: 0 } });
  assert.equal(onService.documents.length, 2, 'a position outside any injected workload shows them all');
  const d = b.documents[0];
  const lines = d.text.split('\n');
  assert.equal(lines[0], '# Pod/b');
  const commit = lines.indexOf('COMMIT');
  assert.ok(d.notes.some((n) => n.line === commit && /one step/.test(n.note)));
  assert.ok(d.notes.every((n) => n.line < lines.length && !lines[n.line].startsWith('#')));
  assert.ok(captureRules(doc, injector, { uri: doc.uri, ipv6: true }).documents[0].text.includes('(ip6tables-restore)'));
});

test('captureRules: says why when there is nothing to show', () => {
  const none = captureRules(TextDocument.create('file:///s.yaml', 'yaml', 1, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n'), injector, { uri: 'file:///s.yaml' });
  assert.deepEqual(none, { documents: [], error: 'no workload in this file gets a sidecar' });
  const broken = captureRules(TextDocument.create('file:///b.yaml', 'yaml', 1, 'kind: Pod\nspec: [\n'), injector, { uri: 'file:///b.yaml' });
  assert.match(broken.error ?? '', /^injection fails: document 1, line/);
});
