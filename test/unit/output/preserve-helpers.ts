/** Shared checks for preserve tests: apply, re-parse, compare, and find what kept its bytes. */
import assert from 'node:assert/strict';
import { isMap, isScalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import { parseManifest } from '../../../core/src/manifest/parse';
import type { ManifestDocument } from '../../../core/src/manifest/types';
import { applyEdits, preserveDocument } from '../../../core/src/output/preserve';
import type { TextEdit } from '../../../core/src/output/preserve';
import { jsonEqual } from '../../../core/src/output/preserve-json';
import { contentEnd } from '../../../core/src/output/preserve-text';

export interface Outcome {
  out: string;
  edits: TextEdit[];
  rewritten: boolean;
}

/** Documents with content, as injection sees them. */
export function contentDocs(text: string): ManifestDocument[] {
  const m = parseManifest(text);
  assert.deepEqual(m.problems.filter((p) => p.severity === 'error'), [], 'fixture parses');
  return m.documents.filter((d) => !d.empty);
}

/** Preserve every content document of `text` into the matching value of `afters`; checks the re-parse. */
export function preserveAll(text: string, afters: unknown[]): Outcome {
  const docs = contentDocs(text);
  assert.equal(docs.length, afters.length, 'one value per document');
  const results = docs.map((d, i) => preserveDocument(text, d, afters[i]));
  const edits = results.flatMap((r) => r.edits);
  results.forEach((r, i) => {
    for (const e of r.edits) assert.ok(e.start >= docs[i].range.start && e.end <= docs[i].range.end, 'edits stay in their document');
  });
  const out = applyEdits(text, edits);
  const reparsed = contentDocs(out);
  assert.equal(reparsed.length, afters.length);
  reparsed.forEach((d, i) => assert.ok(jsonEqual(d.value, afters[i]), `document ${i + 1} re-parses to the new value`));
  return { out, edits, rewritten: results.some((r) => r.rewritten) };
}

/** Text of each top-level entry (key through the end of its value) of a document. */
function topLevelEntries(text: string, doc: ManifestDocument): Map<string, string> {
  const entries = new Map<string, string>();
  const root = doc.yaml.contents;
  if (!isMap(root)) return entries;
  for (const pair of root.items as Pair[]) {
    const key = pair.key as Node;
    if (!isScalar(key) || !key.range) continue;
    const value = pair.value as Node | null;
    const end = value?.range ? contentEnd(text, value) : key.range[1];
    entries.set(String(key.value), text.slice(key.range[0], end));
  }
  return entries;
}

/** Asserts that top-level entries whose value did not change are byte-identical in `out`. */
export function assertUnchangedEntriesKept(text: string, out: string, afters: unknown[]): number {
  const before = contentDocs(text);
  const after = contentDocs(out);
  let checked = 0;
  before.forEach((doc, i) => {
    const value = afters[i] as Record<string, unknown>;
    const old = doc.value as Record<string, unknown>;
    const was = topLevelEntries(text, doc);
    const now = topLevelEntries(out, after[i]);
    for (const [key, source] of was) {
      if (value[key] === undefined || !jsonEqual(old[key], value[key])) continue;
      assert.equal(now.get(key), source, `unchanged top-level key ${key} keeps its text`);
      checked++;
    }
  });
  return checked;
}

/** Full-line and trailing comments of a text. */
export function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)(#.*)$/gm)].map((m) => m[1].trim());
}
