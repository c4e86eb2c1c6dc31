/**
 * The `preserve` output of a whole manifest: every injected document edited minimally in the user's text, every
 * other byte untouched. Each document is edited inside its own chunk, so edits can never leak across `---`.
 */
import { parseManifest } from '../manifest/parse';
import { applyEdits, preserveEdits, type TextEdit } from '../output/preserve';
import type { DocumentReport, ManifestReport } from './inject-manifest';

/** Edits (offsets into `text`) that turn each injected document into its injected form. */
export function documentEdits(text: string, d: DocumentReport): TextEdit[] {
  if (d.outcome.kind !== 'injected' || d.result === undefined) return [];
  const chunk = text.slice(d.start, d.end);
  const doc = parseManifest(chunk).documents.find((x) => !x.empty);
  if (!doc) return [];
  return preserveEdits(chunk, doc, d.result).map((e) => ({ ...e, start: e.start + d.start, end: e.end + d.start }));
}

/** All documents' edits, in text order. */
export function manifestEdits(text: string, report: ManifestReport): TextEdit[] {
  return report.documents.flatMap((d) => documentEdits(text, d));
}

/** The user's text with every injected document edited in place. */
export function preserveManifest(text: string, report: ManifestReport): string {
  return applyEdits(text, manifestEdits(text, report));
}
