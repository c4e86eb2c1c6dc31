/** Reading a multi-document manifest: documents, their text ranges, values and problems. Never throws. */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { duplicateKeys, unresolvedAlias } from './checks';
import {
  exceedsNodeCount,
  firstNul,
  formatSize,
  nonPrintableCharacters,
  resolveLimits,
  utf8SizeWithin,
} from './limits';
import { rangeOfPath, shiftRanges } from './paths';
import { splitYamlStream, type SplitError } from './split';
import { buildLineIndex, positionAt } from './positions';
import type { LineIndex } from './positions';
import type { Manifest, ManifestDocument, ManifestLimits, ManifestProblem, TextRange } from './types';
import { MANIFEST_PARSE_OPTIONS } from './yaml-options';

/** Reported control characters per input: one is enough to fix, a few show the pattern. */
const MAX_CONTROL_CHAR_PROBLEMS = 3;

/**
 * Parse `text` (one or more YAML documents). Problems are returned in the result, never thrown: malformed YAML,
 * documents that are not mappings, alias bombs, oversized or binary input.
 */
export function parseManifest(text: string, limits?: Partial<ManifestLimits>): Manifest {
  const bounds = resolveLimits(limits);
  if (utf8SizeWithin(text, bounds.maxBytes) === undefined) {
    const size = text.length > bounds.maxBytes ? `at least ${formatSize(text.length)}` : 'larger than that';
    return refuse(text, `input is ${size}, over the ${formatSize(bounds.maxBytes)} limit`);
  }
  const lines = buildLineIndex(text);
  const nul = firstNul(text);
  if (nul !== -1) {
    return refuse(text, 'input looks binary (it contains a NUL character); expected YAML text', { start: nul, end: nul + 1 }, lines);
  }

  // Documents are Kubernetes' chunks (lines starting with `---` separate them), so numbering and ranges match what
  // istioctl reads; each chunk is then parsed as one YAML document.
  const split = splitYamlStream(text);
  const documents: ManifestDocument[] = [];
  for (const chunk of split.chunks) {
    let yamlDoc: Document.Parsed;
    try {
      yamlDoc = parseDocument(chunk.text, MANIFEST_PARSE_OPTIONS);
      shiftRanges(yamlDoc, chunk.start);
    } catch (e) {
      return refuse(text, `input could not be parsed: ${errorText(e)}`);
    }
    documents.push(readDocument(yamlDoc, documents.length + 1, { start: chunk.start, end: chunk.end }, bounds, lines));
  }
  return assemble(text, documents, lines, split.error);
}

/**
 * What parseManifest returns for `text` when it is one document whose yaml Document is at hand already (ranges are
 * offsets into `text`; `range` is the document's extent), e.g. one updated after an edit (see reparse.ts).
 */
export function manifestOfDocument(text: string, yamlDoc: Document.Parsed, range: TextRange, limits?: Partial<ManifestLimits>): Manifest {
  const lines = buildLineIndex(text);
  return assemble(text, [readDocument(yamlDoc, 1, range, resolveLimits(limits), lines)], lines);
}

function assemble(text: string, documents: ManifestDocument[], lines: LineIndex, splitError?: SplitError): Manifest {
  addControlCharacterProblems(text, documents, lines);
  const problems = documents.flatMap((d) => d.problems);
  if (splitError) {
    const at = lines.lineStarts[splitError.line - 1] ?? text.length;
    problems.push({ severity: 'error', message: splitError.message, range: { start: at, end: at }, position: positionAt(lines, at) });
  }
  return { text, documents, problems };
}

function refuse(text: string, message: string, range: TextRange = { start: 0, end: 0 }, lines?: LineIndex): Manifest {
  const position = lines ? positionAt(lines, range.start) : { line: 1, col: 1 };
  return { text, documents: [], problems: [{ severity: 'error', message, range, position }] };
}

function errorText(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'collections are nested too deeply';
  return e instanceof Error ? e.message : String(e);
}

type Report = (severity: ManifestProblem['severity'], message: string, at: TextRange) => void;

function readDocument(
  yamlDoc: Document.Parsed,
  index: number,
  range: TextRange,
  bounds: ManifestLimits,
  lines: LineIndex,
): ManifestDocument {
  const problems: ManifestProblem[] = [];
  const report: Report = (severity, message, at) => {
    problems.push({ severity, message, document: index, range: at, position: positionAt(lines, at.start) });
  };
  // Later errors of a malformed document mostly follow from the first: report that one.
  const firstError = yamlDoc.errors[0];
  if (firstError) report('error', yamlMessage(firstError), yamlRange(firstError, range));
  for (const w of yamlDoc.warnings) report('warning', yamlMessage(w), yamlRange(w, range));

  const doc: ManifestDocument = { index, range, yaml: yamlDoc, value: undefined, empty: false, problems };
  if (yamlDoc.errors.length > 0) return doc;
  try {
    doc.value = readValue(yamlDoc, bounds, report);
    if (doc.value !== undefined) describeObject(doc, report);
  } catch (e) {
    doc.value = undefined; // never thrown to the caller, whatever yaml does with odd input
    report('error', `document could not be read: ${errorText(e)}`, contentRange(yamlDoc));
  }
  return doc;
}

/** The document as JSON within the alias and node bounds, or undefined (with the problem reported). */
function readValue(yamlDoc: Document.Parsed, bounds: ManifestLimits, report: Report): unknown {
  let value: unknown;
  try {
    value = yamlDoc.toJS({ maxAliasCount: bounds.maxAliasCount });
  } catch (e) {
    const unknown = unresolvedAlias(yamlDoc);
    if (unknown) report('error', unknown.message, unknown.range);
    else if (/alias count/i.test(errorText(e))) {
      const message = `aliases expand too much (over ${bounds.maxAliasCount} alias uses): refusing a possible alias bomb`;
      report('error', message, contentRange(yamlDoc));
    } else throw e;
    return undefined;
  }
  if (exceedsNodeCount(value, bounds.maxNodes)) {
    report('error', `document has more than ${bounds.maxNodes} nodes once aliases are expanded`, contentRange(yamlDoc));
    return undefined;
  }
  return value;
}

/** Emptiness, the mapping check, identity fields and duplicate keys of a document with a value. */
function describeObject(doc: ManifestDocument, report: Report): void {
  const yamlDoc = doc.yaml;
  for (const dup of duplicateKeys(yamlDoc)) report('warning', dup.message, dup.range);
  doc.empty = isEmptyDocument(yamlDoc);
  if (doc.empty) return;
  if (!isMap(yamlDoc.contents)) {
    report('error', `expected a Kubernetes object (a mapping), found ${describe(yamlDoc.contents)}`, contentRange(yamlDoc));
    return;
  }
  const value = doc.value as Record<string, unknown>;
  if (typeof value.kind === 'string') doc.kind = value.kind;
  if (typeof value.apiVersion === 'string') doc.apiVersion = value.apiVersion;
  const metadata = value.metadata;
  if (metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)) {
    const meta = metadata as Record<string, unknown>;
    if (typeof meta.name === 'string') doc.name = meta.name;
    if (typeof meta.namespace === 'string') doc.namespace = meta.namespace;
  }
  doc.kindRange = rangeOfPath(yamlDoc, ['kind']);
}

/** True when the document has no content: only comments, `---` alone, or a bare null. */
export function isEmptyDocument(yamlDoc: Document): boolean {
  const contents = yamlDoc.contents;
  if (contents === null || contents === undefined) return true;
  return isScalar(contents) && contents.value === null && !contents.tag;
}

// yaml's messages sometimes carry a trailing position or source excerpt; messages here give the position separately.
function yamlMessage(e: YAMLError): string {
  if (/call stack/i.test(e.message)) return 'collections are nested too deeply';
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return first.replace(/[.:]$/, '');
}

function yamlRange(e: YAMLError, doc: TextRange): TextRange {
  const [start, end] = e.pos ?? [doc.start, doc.start];
  return { start, end: Math.max(start, end) };
}

function contentRange(yamlDoc: Document.Parsed): TextRange {
  const node = yamlDoc.contents;
  if (node?.range) return { start: node.range[0], end: node.range[1] };
  return { start: yamlDoc.range[0], end: yamlDoc.range[0] };
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a sequence';
  if (isScalar(node)) return `a scalar (${JSON.stringify(node.value)})`;
  return 'an alias or other node';
}

function addControlCharacterProblems(text: string, documents: ManifestDocument[], lines: LineIndex): void {
  for (const { offset, code } of nonPrintableCharacters(text, MAX_CONTROL_CHAR_PROBLEMS)) {
    const doc = documents.find((d) => offset >= d.range.start && offset < d.range.end) ?? documents[documents.length - 1];
    if (!doc) continue;
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    doc.problems.push({
      severity: 'error',
      message: `control character U+${hex} is not allowed in YAML`,
      document: doc.index,
      range: { start: offset, end: offset + 1 },
      position: positionAt(lines, offset),
    });
  }
}

/** "document 2, line 3:5: message" — a problem as one line of text. */
export function formatProblem(p: ManifestProblem): string {
  const where = `line ${p.position.line}:${p.position.col}`;
  return p.document === undefined ? `${where}: ${p.message}` : `document ${p.document}, ${where}: ${p.message}`;
}
