/**
 * Re-splitting after one edit: only the documents around the edit are split again; the others keep their chunk (and
 * text string, whose hash the caches already computed), shifted. Kubernetes' reader splits at separator lines, and a
 * region that starts where a document starts and ends where one ends (a separator line or the end of the file)
 * splits exactly as it does inside the whole text, so the result equals a full split.
 */
import { splitYamlStream, type RawChunk } from '../../core/src/manifest/split';

/** One replacement: old text [start, end) became `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The chunks of `_newText`, which is `oldText` (split into `previous` without error) with `edit` applied; undefined
 * when a full split is needed (no documents before, or the edited region does not split cleanly).
 */
export function resplit(previous: readonly RawChunk[], oldText: string, edit: Replacement, _newText: string): RawChunk[] | undefined {
  const n = previous.length;
  if (n === 0) return undefined;
  // One untouched document on each side: the separator lines next to the edit are inside the region.
  let lo = 0;
  while (lo < n && previous[lo]!.end < edit.start) lo++;
  lo--;
  let hi = n - 1;
  while (hi >= 0 && previous[hi]!.start > edit.end) hi--;
  hi++;
  const from = lo < 0 ? 0 : previous[lo]!.start;
  const delta = edit.text.length - (edit.end - edit.start);
  const to = (hi >= n ? oldText.length : previous[hi]!.end) + delta;
  const fromLine = lo < 0 ? 1 : previous[lo]!.line;
  // The region's new text is cut from the old text and the change, not from the new text: reading the new text would
  // make V8 copy the whole file into one flat string now (see editable-document.ts), before the quick publish.
  const region = splitYamlStream(oldText.slice(from, edit.start) + edit.text + oldText.slice(edit.end, to - delta));
  if (region.error) return undefined;
  const lineDelta = newlines(edit.text, 0, edit.text.length) - newlines(oldText, edit.start, edit.end);
  const out: RawChunk[] = previous.slice(0, Math.max(lo, 0));
  for (const c of region.chunks) out.push({ start: c.start + from, end: c.end + from, line: c.line + fromLine - 1, text: detached(c.text) });
  for (let i = Math.max(hi + 1, 0); i < n; i++) {
    const c = previous[i]!;
    out.push({ start: c.start + delta, end: c.end + delta, line: c.line + lineDelta, text: c.text });
  }
  return out;
}

function newlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * A copy of `s` that does not share memory with the string it was cut from. V8 keeps a whole file's text alive behind
 * every slice of it, so caching slices of each file version would keep every version alive (≈900 MB after 10,000
 * edits of a 10k-line file). JSON's round trip copies and keeps lone surrogates.
 */
export function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
