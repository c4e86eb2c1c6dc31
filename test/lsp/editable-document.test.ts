import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EDITABLE_DOCUMENTS, EditableDocument } from '../../server/src/editable-document';
import { rng as prng } from '../unit/yaml/yaml-gen';

/** Pieces that make line breaks of every kind meet at the edit's seams (CR then LF, lone CR, CRLF split in two). */
const PIECES = ['\n', '\r', '\r\n', 'a', 'kind: Pod', '  ', 'é', '😀', ''];

function randomText(rand: () => number, parts: number): string {
  let text = '';
  for (let i = 0; i < parts; i++) text += PIECES[Math.floor(rand() * PIECES.length)]!;
  return text;
}

/** A position that is sometimes out of range, on a line break, or past the line's end: both must clamp alike. */
function randomPosition(rand: () => number, doc: TextDocument): { line: number; character: number } {
  const line = Math.floor(rand() * (doc.lineCount + 2)) - (rand() < 0.05 ? 2 : 0);
  return { line, character: Math.floor(rand() * 12) - (rand() < 0.05 ? 3 : 0) };
}

/**
 * The reference: each change applied at the offsets a document freshly created from the current text gives (the
 * library's own incremental update drifts after a range past the end: its line offsets shift by the unclamped lines).
 */
function applyReference(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
      continue;
    }
    const fresh = TextDocument.create('file:///ref', 'yaml', 1, text);
    const a = fresh.offsetAt(change.range.start);
    const b = fresh.offsetAt(change.range.end);
    text = text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
  }
  return text;
}

/** The reference text, and every position answer of a document the library creates from it. */
function sameDocument(ours: EditableDocument, text: string, version: number, rand: () => number, label: string): void {
  assert.equal(ours.getText(), text, label);
  assert.equal(ours.version, version, label);
  const theirs = TextDocument.create('file:///ref', 'yaml', version, text);
  assert.equal(ours.lineCount, theirs.lineCount, label);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${label}: positionAt(${offset})`);
  }
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${label}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${label}: getEOLCharacters(${line})`);
  }
  for (let i = 0; i < 20; i++) {
    const p = randomPosition(rand, theirs);
    assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `${label}: offsetAt(${JSON.stringify(p)})`);
    const q = randomPosition(rand, theirs);
    assert.equal(ours.getText({ start: p, end: q }), theirs.getText({ start: p, end: q }), label);
  }
}

test('EditableDocument: each change at the offsets of the current text, positions as the library computes them, over random edits', () => {
  const rand = prng(20261126);
  for (let round = 0; round < 300; round++) {
    let text = randomText(rand, Math.floor(rand() * 30));
    const ours = EDITABLE_DOCUMENTS.create('file:///a.yaml', 'yaml', 1, text);
    // Line offsets known before the first edit (the incremental path) or not (computed afresh).
    if (rand() < 0.7) ours.positionAt(0);
    for (let step = 0; step < 12; step++) {
      const current = TextDocument.create('file:///ref', 'yaml', 1, text);
      const changes: TextDocumentContentChangeEvent[] = [];
      const count = rand() < 0.8 ? 1 : 2;
      for (let c = 0; c < count; c++) {
        if (rand() < 0.05) changes.push({ text: randomText(rand, 8) });
        else changes.push({ range: { start: randomPosition(rand, current), end: randomPosition(rand, current) }, text: randomText(rand, Math.floor(rand() * 4)) });
      }
      const version = step + 2;
      EDITABLE_DOCUMENTS.update(ours, changes, version);
      text = applyReference(text, changes);
      if (rand() < 0.5) ours.flatten();
      sameDocument(ours, text, version, rand, `round ${round}, step ${step}: ${JSON.stringify(changes)}`);
    }
  }
});

test('in range, EditableDocument and the library update alike', () => {
  const rand = prng(7);
  for (let round = 0; round < 200; round++) {
    const initial = randomText(rand, 20);
    const ours = EDITABLE_DOCUMENTS.create('file:///a.yaml', 'yaml', 1, initial);
    let theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
    for (let step = 0; step < 10; step++) {
      const a = theirs.positionAt(Math.floor(rand() * (theirs.getText().length + 1)));
      const b = theirs.positionAt(Math.floor(rand() * (theirs.getText().length + 1)));
      const changes = [{ range: { start: a, end: b }, text: randomText(rand, 3) }];
      EDITABLE_DOCUMENTS.update(ours, changes, step + 2);
      theirs = TextDocument.update(theirs, changes, step + 2);
      assert.equal(ours.getText(), theirs.getText());
      assert.equal(ours.lineCount, theirs.lineCount);
    }
  }
});
