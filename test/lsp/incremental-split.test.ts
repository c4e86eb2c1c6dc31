import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitYamlStream } from '../../core/src/manifest/split';
import { resplit, type Replacement } from '../../server/src/incremental-split';
import { rng as prng } from '../unit/yaml/yaml-gen';


/**
 * Lines chosen to hit the separator rules: valid, commented and look-alike `---` lines (an invalid one is rare, as
 * a text with a split error is never re-split; the edits' pieces make lines invalid often enough).
 */
const LINES = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '---', '---', '--- # next', '---   ', ' ---', '---\t',
  '# comment', '', 'spec: {}', '- a', '--', '-',
];
const PIECES = ['---', '\n', '\r\n', '---\n', '\n---\n', '\n---', '-', 'a', ' ', '#', 'kind: Pod\n', '--- # c\r\n', ''];

function randomText(rand: () => number): string {
  const eol = rand() < 0.3 ? '\r\n' : '\n';
  const lines: string[] = [];
  const count = Math.floor(rand() * 14);
  for (let i = 0; i < count; i++) lines.push(LINES[Math.floor(rand() * LINES.length)]!);
  let text = lines.join(eol);
  if (rand() < 0.6) text += eol;
  return text;
}

function randomEdit(rand: () => number, text: string): Replacement {
  const pick = (): number => {
    const r = rand();
    if (r < 0.1) return 0;
    if (r < 0.2) return text.length;
    return Math.floor(rand() * (text.length + 1));
  };
  let start = pick();
  let end = rand() < 0.35 ? start : pick();
  if (end < start) [start, end] = [end, start];
  let insert = '';
  if (rand() < 0.7) {
    const parts = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < parts; i++) insert += PIECES[Math.floor(rand() * PIECES.length)]!;
  }
  return { start, end, text: insert };
}

function apply(text: string, edit: Replacement): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The incremental split, when it answers, equals a full split of the new text (and never answers for an error). */
function check(oldText: string, edit: Replacement): 'incremental' | 'fallback' | 'skipped' {
  const before = splitYamlStream(oldText);
  if (before.error) return 'skipped'; // the server never re-splits a text that had a split error
  const newText = apply(oldText, edit);
  const got = resplit(before.chunks, oldText, edit, newText);
  const want = splitYamlStream(newText);
  const context = JSON.stringify({ oldText, edit });
  if (got === undefined) {
    // Falling back is always allowed; it must happen when the new text has a split error.
    return 'fallback';
  }
  assert.equal(want.error, undefined, `incremental result for a text with a split error: ${context}`);
  assert.deepEqual(got, want.chunks, context);
  return 'incremental';
}

test('random single-range edits: the incremental split equals a full split of the new text', () => {
  const rand = prng(20261126);
  const counts = { incremental: 0, fallback: 0, skipped: 0 };
  for (let i = 0; i < 5000; i++) {
    const text = randomText(rand);
    counts[check(text, randomEdit(rand, text))]++;
  }
  // The generator must mostly exercise the incremental path, not only fall back.
  assert.ok(counts.incremental > 2000, JSON.stringify(counts));
  assert.ok(counts.fallback > 0, JSON.stringify(counts));
});

test('chains of edits on one text stay equal to a full split (each step re-splits the previous result)', () => {
  const rand = prng(7);
  let incrementalSteps = 0;
  for (let round = 0; round < 200; round++) {
    let text = randomText(rand);
    let chunks = splitYamlStream(text);
    for (let step = 0; step < 20 && !chunks.error; step++) {
      const edit = randomEdit(rand, text);
      const next = apply(text, edit);
      const want = splitYamlStream(next);
      const got = resplit(chunks.chunks, text, edit, next);
      if (got) {
        assert.deepEqual(got, want.chunks, JSON.stringify({ text, edit }));
        incrementalSteps++;
      }
      text = next;
      chunks = want;
    }
  }
  assert.ok(incrementalSteps > 1000, `${incrementalSteps} incremental steps`);
});

const THREE = 'a: 1\n---\nb: 2\n---\nc: 3\n';

function incremental(oldText: string, edit: Replacement) {
  const before = splitYamlStream(oldText);
  return resplit(before.chunks, oldText, edit, apply(oldText, edit));
}

test('an edit inside the middle document keeps the other chunks and their text strings', () => {
  const before = splitYamlStream(THREE).chunks;
  const at = THREE.indexOf('2');
  const edit = { start: at, end: at + 1, text: '22\nbb: 3' };
  const got = resplit(before, THREE, edit, apply(THREE, edit))!;
  assert.deepEqual(got, splitYamlStream(apply(THREE, edit)).chunks);
  assert.equal(got[2]!.text, before[2]!.text);
  assert.equal(got[2]!.line, 6);
});

test('named edge cases match a full split', () => {
  const cases: Array<[string, [string, Replacement]]> = [
    ['removing a separator joins two documents', [THREE, { start: 5, end: 9, text: '' }]],
    ['adding a separator splits a document', [THREE, { start: 14, end: 14, text: '---\n' }]],
    ['a separator becomes a comment-carrying one', [THREE, { start: 8, end: 8, text: ' # x' }]],
    ['insertion at the very start', [THREE, { start: 0, end: 0, text: '---\nz: 0\n' }]],
    ['insertion at the very end without a newline', [THREE, { start: THREE.length, end: THREE.length, text: '---\nd: 4' }]],
    ['deleting everything', [THREE, { start: 0, end: THREE.length, text: '' }]],
    ['CRLF: a separator typed between the CR and the LF', ['a: 1\r\nb: 2\r\n', { start: 5, end: 5, text: '\n---\r' }]],
    ['CRLF: deleting a CR before a separator', ['a: 1\r\n---\r\nb: 2\r\n', { start: 4, end: 5, text: '' }]],
  ];
  for (const [name, [text, edit]] of cases) {
    const got = incremental(text, edit);
    assert.ok(got, `${name}: expected the incremental path`);
    assert.deepEqual(got, splitYamlStream(apply(text, edit)).chunks, name);
  }
});

test('an edit that makes a separator invalid falls back to a full split', () => {
  assert.equal(incremental(THREE, { start: 8, end: 8, text: 'x' }), undefined);
  assert.equal(splitYamlStream(apply(THREE, { start: 8, end: 8, text: 'x' })).error?.line, 2);
});

test('no previous documents: a full split is needed', () => {
  assert.equal(resplit([], '', { start: 0, end: 0, text: 'a: 1\n' }, 'a: 1\n'), undefined);
  assert.equal(resplit([], '---\n', { start: 4, end: 4, text: 'a: 1\n' }, '---\na: 1\n'), undefined);
});
