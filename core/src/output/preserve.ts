/**
 * `preserve` output: the injected document written back into the user's text with the fewest edits, so comments,
 * quoting, key order, flow style, blank lines and anchors of everything that did not change stay as they were.
 */
import { parseDocument } from 'yaml';
import type { Manifest, ManifestDocument } from '../manifest/types';
import { MANIFEST_PARSE_OPTIONS } from '../manifest/yaml-options';
import { diffRoot } from './preserve-diff';
import { jsonEqual } from './preserve-json';
import { detectStyle, renderInPlace } from './preserve-render';
import type { FileStyle } from './preserve-render';
import { applyEdits, columnOf, contentEnd, sortEdits } from './preserve-text';
import type { TextEdit } from './preserve-text';

export type { TextEdit } from './preserve-text';
export { applyEdits } from './preserve-text';

/** Edits for one document, and whether they had to rewrite its whole content. */
export interface PreserveResult {
  edits: TextEdit[];
  /** True when minimal edits were not possible and the document's content was rewritten in the file's style. */
  rewritten: boolean;
}

/**
 * Edits of `text` (offsets into the whole text, inside `doc.range`) after which `doc` reads as `after`. Empty when
 * nothing changed. The edits are checked by parsing the result: if the minimal edits would not give exactly `after`
 * (e.g. an anchor shared with a changed node), the document's content is rewritten whole instead.
 */
export function preserveEdits(text: string, doc: ManifestDocument, after: unknown): TextEdit[] {
  return preserveDocument(text, doc, after).edits;
}

/** preserveEdits, telling also whether the document had to be rewritten whole. */
export function preserveDocument(text: string, doc: ManifestDocument, after: unknown): PreserveResult {
  if (doc.value !== undefined && jsonEqual(doc.value, after)) return { edits: [], rewritten: false };
  const style = detectStyle(text, doc.yaml, doc.range);
  const usable = doc.value !== undefined && doc.yaml.errors.length === 0 && doc.yaml.contents !== null && !doc.empty;
  if (usable) {
    const edits = minimalEdits(text, doc, after, style);
    if (edits && readsAs(text, doc, edits, after)) return { edits: sortEdits(edits), rewritten: false };
  }
  const content = rewriteContent(text, doc, after, style);
  if (content && readsAs(text, doc, content, after)) return { edits: content, rewritten: true };
  return { edits: [rewriteDocument(text, doc, after, style)], rewritten: true };
}

function minimalEdits(text: string, doc: ManifestDocument, after: unknown, style: FileStyle): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  try {
    diffRoot({ text, doc: doc.yaml, style, edits, moves: new Map() }, doc.yaml.contents!, after);
  } catch {
    return undefined; // CannotPreserve, or anything unforeseen: the whole rewrite is always correct
  }
  return edits;
}

/** Whether the document's text with `edits` applied parses, without errors, to `after`. */
function readsAs(text: string, doc: ManifestDocument, edits: TextEdit[], after: unknown): boolean {
  const { start, end } = doc.range;
  if (edits.some((e) => e.start < start || e.end > end)) return false;
  try {
    const local = edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
    const reparsed = parseDocument(applyEdits(text.slice(start, end), local), MANIFEST_PARSE_OPTIONS);
    return reparsed.errors.length === 0 && jsonEqual(reparsed.toJS({ maxAliasCount: -1 }), after);
  } catch {
    return false;
  }
}

/** Replace the document's content (comments before and after it stay) with `after` in the file's style. */
function rewriteContent(text: string, doc: ManifestDocument, after: unknown, style: FileStyle): TextEdit[] | undefined {
  const contents = doc.yaml.contents;
  if (!contents?.range || doc.empty) return undefined;
  const start = contents.range[0];
  return [{ start, end: contentEnd(text, contents), newText: renderInPlace(after, style, columnOf(text, start)) }];
}

/**
 * The last resort, right by construction: the document's whole text becomes `after`. An empty document (comments
 * only) keeps its comments and gets the content after them.
 */
function rewriteDocument(text: string, doc: ManifestDocument, after: unknown, style: FileStyle): TextEdit {
  const { start, end } = doc.range;
  const rendered = renderInPlace(after, style, 0) + style.eol;
  if (doc.empty && doc.yaml.errors.length === 0) {
    const lead = end > start && text[end - 1] !== '\n' ? style.eol : '';
    return { start: end, end, newText: lead + rendered };
  }
  return { start, end, newText: rendered };
}

/**
 * The whole text with each document whose new value is given (afters[i] for documents[i], undefined to leave it)
 * written back with minimal edits. Documents left alone are copied byte for byte.
 */
export function preserveText(manifest: Manifest, afters: readonly unknown[]): string {
  const edits = manifest.documents.flatMap((doc, i) =>
    afters[i] === undefined ? [] : preserveEdits(manifest.text, doc, afters[i]),
  );
  return applyEdits(manifest.text, edits);
}
