/**
 * Findings → LSP diagnostics. Findings come per document text (cached), are shifted to where the document sits in
 * the file, and only here become line/character ranges. `data` carries the fixes as ready edits plus the version
 * they were computed for, so code actions resolve them by code and data, never by message text.
 */
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, FindingSeverity } from '../../core/src/analysis/types';
import type { SeverityName } from '../../protocol/src/protocol';
import type { ChunkCache } from './chunk-cache';
import type { FileModel } from './file-model';
import { flattenText } from './editable-document';
import { rangeOf, toLspEdit } from './positions';

export const DIAGNOSTIC_SOURCE = 'istio-inject';

export interface FixData {
  title: string;
  edits: LspTextEdit[];
  preferred?: boolean;
}

/** The `data` of every diagnostic the server publishes. */
export interface DiagnosticData {
  uri: string;
  version: number;
  fixes: FixData[];
}

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One finding of the document starting at `base`, or undefined when its code is turned off. */
export function toDiagnostic(
  doc: TextDocument, finding: Finding, base: number, overrides: Record<string, SeverityName | 'off'>,
): Diagnostic | undefined {
  const override = overrides[finding.code];
  if (override === 'off') return undefined;
  const data: DiagnosticData = {
    uri: doc.uri,
    version: doc.version,
    fixes: (finding.fixes ?? []).map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => toLspEdit(doc, e, base)),
      ...(f.preferred ? { preferred: true } : {}),
    })),
  };
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, base + finding.start, base + finding.end),
    severity: SEVERITY[override ?? finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  const tags = (finding.tags ?? []).map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  if (tags.length) diagnostic.tags = tags;
  return diagnostic;
}

/** Work between two yields to the event loop, so a newer edit or a request can interrupt a long validation. */
const SLICE_MS = 15;

/**
 * Diagnostics of a whole file, document by document. Returns undefined when `superseded()` turns true on the way
 * (a newer version arrived, or the request was cancelled): its results would be stale. `quick`: documents not yet
 * analysed get their quick findings (no injection run) instead of the full ones.
 */
export async function computeDiagnostics(
  doc: TextDocument, model: FileModel, cache: ChunkCache, overrides: Record<string, SeverityName | 'off'>,
  superseded: () => boolean, quick = false,
): Promise<Diagnostic[] | undefined> {
  // The quick publish is out (or there is none): the edited text's one-time copy into a flat string happens here.
  if (!quick) flattenText(doc);
  const out: Diagnostic[] = [];
  let sliceStart = Date.now();
  for (const chunk of model.chunks) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (superseded()) return undefined;
      sliceStart = Date.now();
    }
    for (const finding of quick ? cache.quickFindings(chunk.text) : cache.findings(chunk.text)) {
      const d = toDiagnostic(doc, finding, chunk.start, overrides);
      if (d) out.push(d);
    }
  }
  if (model.splitError) {
    const line = model.splitError.line - 1;
    const d = toDiagnostic(doc, {
      code: 'invalid-separator', severity: 'error', message: model.splitError.message,
      start: doc.offsetAt({ line, character: 0 }), end: doc.offsetAt({ line: line + 1, character: 0 }),
    }, 0, overrides);
    if (d) out.push(d);
  }
  return superseded() ? undefined : out;
}

export function isOurDiagnostic(d: Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE;
}

/** The data of one of our diagnostics, checked (it travelled through the client). */
export function diagnosticData(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.uri !== 'string' || typeof data.version !== 'number' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}
