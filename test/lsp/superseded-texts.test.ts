import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileModels } from '../../server/src/file-model';

const text = ['kind: Service', 'metadata: {name: a}', '---', 'kind: ConfigMap', 'metadata: {name: b}', ''].join('\n');

test('a new version reports exactly the document texts it no longer has (so caches drop dead versions)', () => {
  const reported: string[][] = [];
  const models = new FileModels((texts) => reported.push(texts()));
  let doc = TextDocument.create('file:///m.yaml', 'yaml', 1, text);
  models.get(doc);
  assert.deepEqual(reported, [], 'the first version supersedes nothing');

  const changes = [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 18 } }, text: 'c' }];
  models.noteEdit(doc, changes, 2);
  doc = TextDocument.update(doc, changes, 2);
  const model = models.get(doc);
  assert.deepEqual(reported, [['kind: ConfigMap\nmetadata: {name: b}\n']], 'only the edited document, the Service is kept');
  assert.equal(model.chunks[1]!.text, 'kind: ConfigMap\nmetadata: {name: c}\n');

  models.get(doc);
  assert.equal(reported.length, 1, 'asking again for the same version reports nothing');
});
