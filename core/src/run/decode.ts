/**
 * Turns one raw document (a chunk of the YAML stream) into a JSON value the way istioctl's decoder sees it:
 * YAML 1.1 (go-yaml), duplicate keys allowed (last wins), aliases bounded. Errors carry a 1-based line and column
 * in the whole stream, so messages can name the document and the place.
 */
import { MAX_ALIAS_COUNT, parseDocumentLikeGo } from '../manifest/go-yaml-parse';
import { nonPrintableCharacters } from '../manifest/limits';
import { offsetToLineCol } from '../manifest/positions';
import type { RawChunk } from '../manifest/split';
import { DECLINED, fastYamlToJson } from '../yaml';
import { aliasTargets, excessiveAliasing, selfReference } from './aliases';

export interface DecodeError {
  line: number;
  col: number;
  message: string;
}

export type Decoded = { ok: true; value: unknown } | { ok: false; error: DecodeError };

export function decodeChunk(chunk: RawChunk): Decoded {
  const firstLine = chunk.line;
  // go-yaml's reader refuses control characters anywhere in a document, comments included, so istioctl fails on
  // them whatever the kind; the decoders below would accept them.
  const [control] = nonPrintableCharacters(chunk.text, 1);
  if (control) {
    const { line, col } = offsetToLineCol(chunk.text, control.offset);
    const hex = control.code.toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: { line: firstLine + line - 1, col, message: `control character U+${hex} is not allowed in YAML` } };
  }
  // Most manifests are plain block YAML the fast decoder reads exactly; anything else (and every error) goes
  // through the yaml package, which also gives the positions.
  const fast = fastYamlToJson(chunk.text);
  if (fast !== DECLINED) return jsonable(fast, firstLine);
  const doc = parseDocumentLikeGo(chunk.text);
  const problem = doc.errors[0];
  if (problem) {
    const { line, col } = offsetToLineCol(chunk.text, problem.pos[0]);
    return { ok: false, error: { line: firstLine + line - 1, col, message: nestingMessage(firstLineOf(problem.message)) } };
  }
  // Only the slow path sees anchors and aliases: the fast decoder declines them.
  if (chunk.text.includes('*')) {
    const targets = aliasTargets(doc);
    const cycle = selfReference(targets);
    if (cycle) {
      const { line, col } = offsetToLineCol(chunk.text, cycle.offset);
      return { ok: false, error: { line: firstLine + line - 1, col, message: `anchor '${cycle.anchor}' value contains itself` } };
    }
    if (excessiveAliasing(doc, targets)) return { ok: false, error: { line: firstLine, col: 1, message: 'document contains excessive aliasing' } };
  }
  try {
    return jsonable(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), firstLine);
  } catch (e) {
    return { ok: false, error: { line: firstLine, col: 1, message: nestingMessage(e instanceof Error ? e.message : String(e)) } };
  }
}

/**
 * sigs.k8s.io/yaml turns the YAML into JSON before decoding, and JSON has no NaN or infinities: `.nan`, `.inf` or
 * `1e400` anywhere fails the document (istioctl reads every document's TypeMeta this way, whatever its kind). Only
 * the top-level apiVersion and kind escape: their Go fields are strings, so the number is written as one.
 */
function jsonable(value: unknown, line: number): Decoded {
  const bad = nonFinite(value, true);
  if (bad === undefined) return { ok: true, value };
  const name = Number.isNaN(bad) ? 'NaN' : bad > 0 ? '+Inf' : '-Inf';
  return { ok: false, error: { line, col: 1, message: `error converting YAML to JSON: json: unsupported value: ${name}` } };
}

function nonFinite(value: unknown, root: boolean): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : value;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = nonFinite(item, false);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (root && /^(apiversion|kind)$/i.test(key)) continue;
    const bad = nonFinite(item, false);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** The yaml package runs out of JavaScript stack on very deep nesting; say what is wrong with the document instead. */
function nestingMessage(message: string): string {
  return /call stack/i.test(message) ? 'collections are nested too deeply' : message;
}

function firstLineOf(message: string): string {
  const nl = message.indexOf('\n');
  return nl === -1 ? message : message.slice(0, nl);
}
