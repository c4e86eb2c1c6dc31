/**
 * The `preserve` output of a whole manifest: every injected document edited minimally in the user's text, every
 * other byte untouched. The text is parsed once; its documents are the same Kubernetes-reader chunks the injection
 * report numbers, so report i and document i are the same text.
 */
import { parseManifest } from '../manifest/parse';
import type { ManifestDocument } from '../manifest/types';
import { applyEdits, preserveEdits, type TextEdit } from '../output/preserve';
import type { DocumentReport, ManifestReport } from './inject-manifest';

/** Edits (offsets into `text`) per report document: [] for documents that were not injected. */
export function editsPerDocument(text: string, report: ManifestReport): TextEdit[][] {
  const injected = report.documents.filter((d) => d.outcome.kind === 'injected' && d.result !== undefined);
  if (injected.length === 0) return report.documents.map(() => []);
  const byStart = new Map<number, ManifestDocument>();
  for (const doc of parseManifest(text).documents) if (!doc.empty) byStart.set(doc.range.start, doc);
  return report.documents.map((d) => documentEdits(text, d, byStart));
}

function documentEdits(text: string, d: DocumentReport, byStart: ReadonlyMap<number, ManifestDocument>): TextEdit[] {
  if (d.outcome.kind !== 'injected' || d.result === undefined) return [];
  const doc = byStart.get(d.start);
  if (!doc) throw new Error(`document ${d.index}: no parsed text to edit`);
  return preserveEdits(text, doc, d.result);
}

/** The user's text with every injected document edited in place. */
export function preserveManifest(text: string, report: ManifestReport): string {
  return applyEdits(text, editsPerDocument(text, report).flat());
}
