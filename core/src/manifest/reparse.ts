/**
 * Reading a one-document manifest again after an edit inside one scalar, without parsing it again: typing changes a
 * value or key a character at a time, and the parse of the whole document is most of what an edit costs. The
 * previous manifest's yaml Document is updated in place: the scalar is replaced by the same scalar as a parse of its
 * new text alone gives, and every offset after it moves. The result equals parseManifest of the new text; when that
 * is not certain (a scalar that is empty, spans lines, is quoted with escapes, has an anchor or tag, sits in a flow
 * collection, or whose new text would read differently in place) the answer is undefined and the caller parses.
 */
import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Scalar } from 'yaml';
import { forEachNode } from './checks';
import { manifestOfDocument } from './parse';
import { resolveLimits } from './limits';
import type { Manifest, ManifestLimits } from './types';
import { MANIFEST_PARSE_OPTIONS } from './yaml-options';

/** Where a scalar sits: replacing it puts another node in its place. */
interface Site {
  node: Scalar;
  isKey: boolean;
  replace(next: Scalar): void;
}

// Printable characters only: no line breaks, tabs, control characters or surrogates (astral characters bail too).
const PRINTABLE = /^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/;

/**
 * `text` read as parseManifest would, derived from `previous` (a one-document manifest without problems, whose
 * Document this CONSUMES: it must not be used again). Undefined when the edit from `previous.text` to `text` is not
 * inside one single-line scalar or the result could differ from a parse; then nothing was changed.
 */
export function reparseScalarEdit(previous: Manifest, text: string, limits?: Partial<ManifestLimits>): Manifest | undefined {
  const old = previous.text;
  const doc = previous.documents[0];
  if (previous.documents.length !== 1 || previous.problems.length > 0 || !doc || doc.value === undefined) return undefined;
  if (old === text || text.length * 3 > resolveLimits(limits).maxBytes || old.startsWith('%') || old.includes('\n%')) return undefined;
  const { start, oldEnd } = difference(old, text);
  const site = scalarSite(doc.yaml, start, oldEnd);
  if (!site) return undefined;
  const { node } = site;
  const [from, to, after] = node.range!;
  const delta = text.length - old.length;
  const source = text.slice(from, to + delta);
  if (!readsAlike(node, old.slice(from, to), source, site.isKey)) return undefined;
  const fresh = loneScalar(source, node.type);
  if (!fresh) return undefined;
  fresh.range = [from, to + delta, after + delta];
  if (node.comment !== undefined) fresh.comment = node.comment;
  if (node.commentBefore !== undefined) fresh.commentBefore = node.commentBefore;
  if (node.spaceBefore !== undefined) fresh.spaceBefore = node.spaceBefore;
  site.replace(fresh);
  moveOffsets(doc.yaml, to, delta, fresh);
  return manifestOfDocument(text, doc.yaml, { start: doc.range.start, end: doc.range.end + delta }, limits);
}

/** The one changed region: [start, oldEnd) of the old text was replaced. */
function difference(a: string, b: string): { start: number; oldEnd: number } {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, oldEnd: a.length - tail };
}

/** The scalar whose text holds [start, end], in block collections only (flow collections read `,[]{}` differently). */
function scalarSite(yamlDoc: Document.Parsed, start: number, end: number): Site | undefined {
  const holds = (n: unknown): n is Node => isNode(n) && !!n.range && n.range[0] <= start && end <= n.range[2];
  const search = (n: Node, replace: (next: Scalar) => void, isKey: boolean): Site | undefined => {
    if (isScalar(n)) return n.range![0] <= start && end <= n.range![1] ? { node: n, isKey, replace } : undefined;
    if (isMap(n) && !n.flow) {
      for (const pair of n.items) {
        const key = pair.key as unknown;
        const value = pair.value as unknown;
        const found = (holds(key) ? search(key, (next) => { pair.key = next; }, true) : undefined)
          ?? (holds(value) ? search(value, (next) => { pair.value = next; }, false) : undefined);
        if (found) return isMergeKey(key) ? undefined : found;
      }
    } else if (isSeq(n) && !n.flow) {
      const items = n.items as unknown[];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const found = holds(item) ? search(item, (next) => { items[i] = next; }, false) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  };
  const root = yamlDoc.contents as unknown;
  return holds(root) ? search(root, (next) => { yamlDoc.contents = next as Scalar.Parsed; }, false) : undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.source === '<<';
}

/**
 * Whether the scalar's old and new text are plain or simply quoted single-line text whose meaning does not depend
 * on where they are written (checked further by loneScalar).
 */
function readsAlike(node: Scalar, oldSource: string, source: string, isKey: boolean): boolean {
  if (node.anchor !== undefined || node.tag !== undefined || oldSource.length === 0 || source.length === 0) return false;
  if (!PRINTABLE.test(oldSource) || !PRINTABLE.test(source)) return false;
  // A line starting with these is a document separator or end marker to Kubernetes' reader and to yaml.
  if (source.startsWith('---') || source.startsWith('...') || source.includes('\\')) return false;
  if (isKey && (source.length > 1024 || source === '<<' || oldSource === '<<')) return false;
  if (node.type === 'PLAIN') return oldSource === node.source;
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
  if (!quote) return false;
  const quoted = (s: string): boolean => s.length >= 2 && s.startsWith(quote) && s.endsWith(quote) && !s.slice(1, -1).includes(quote);
  return quoted(oldSource) && quoted(source);
}

/** The scalar `source` is when parsed alone, when it is exactly one scalar of `type` and nothing else. */
function loneScalar(source: string, type: Scalar['type']): Scalar | undefined {
  const lone = parseDocument(source, MANIFEST_PARSE_OPTIONS);
  const node = lone.contents as unknown;
  if (lone.errors.length > 0 || lone.warnings.length > 0 || lone.commentBefore || lone.comment || !isScalar(node)) return undefined;
  const clean = node.type === type && node.tag === undefined && node.anchor === undefined && !node.comment && !node.commentBefore;
  return clean && node.range?.[0] === 0 && node.range[1] === source.length ? node : undefined;
}

/** Offsets at or after `at` (the end of the replaced scalar's old text) move by `delta`. */
function moveOffsets(yamlDoc: Document.Parsed, at: number, delta: number, except: Node): void {
  if (delta === 0) return;
  const move = (r: number[] | null | undefined): void => {
    if (r) for (let i = 0; i < r.length; i++) if (r[i]! >= at) r[i] = r[i]! + delta;
  };
  move(yamlDoc.range);
  forEachNode(yamlDoc.contents, (n) => {
    if (n !== except) move(n.range);
  });
}
