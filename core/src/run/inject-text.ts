/**
 * The editor-facing result of injecting a text: per document its identity, outcome, the minimal edits of the
 * user's text and the document's new text, plus both whole outputs.
 */
import type { Injector } from '../inject';
import { applyEdits, type TextEdit } from '../output/preserve';
import { injectManifest, type DocumentIdentity, type InjectOptions } from './inject-manifest';
import { editsPerDocument } from './preserve-manifest';

/** One document of an injectText result. */
export interface DocumentResult extends DocumentIdentity {
  /** Minimal edits of the input text (offsets into the whole text) that inject this document; [] when unchanged. */
  edits: TextEdit[];
  /** The document's text after those edits (`preserve` form). */
  newText: string;
  /** The document as istioctl prints it (no separator). */
  istioctlText: string;
}

/** The result of injectText: per-document results and, when nothing failed, both whole outputs. */
export interface TextResult {
  documents: DocumentResult[];
  /** `document N, line L: message` for every failure; when non-empty, the outputs below are absent. */
  errors: string[];
  /** istioctl's output for the whole text. */
  istioctl?: string;
  /** The input with every injected document edited in place. */
  preserved?: string;
}

/** Injects every document of `text` and returns both outputs. Pure; never throws. */
export function injectText(text: string, injector: Injector, options: InjectOptions = {}): TextResult {
  const report = injectManifest(text, injector, options);
  let perDocument: TextEdit[][] = [];
  if (!report.errors.length) {
    try {
      perDocument = editsPerDocument(text, report);
    } catch (e) {
      report.errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  const documents = report.documents.map((d, i): DocumentResult => {
    const chunk = text.slice(d.start, d.end);
    const edits = perDocument[i] ?? [];
    const local = edits.map((e) => ({ ...e, start: e.start - d.start, end: e.end - d.start }));
    return {
      index: d.index, apiVersion: d.apiVersion, kind: d.kind, name: d.name, namespace: d.namespace,
      outcome: d.outcome, warnings: d.warnings, start: d.start, end: d.end,
      edits, newText: applyEdits(chunk, local), istioctlText: d.istioctl,
    };
  });
  if (report.errors.length) return { documents, errors: report.errors };
  return {
    documents,
    errors: [],
    istioctl: report.istioctl,
    preserved: applyEdits(text, documents.flatMap((d) => d.edits)),
  };
}
