/** Shapes produced by manifest parsing: documents, their text ranges and the problems found. */
import type { Document } from 'yaml';

/** A half-open range [start, end) of UTF-16 offsets into the manifest text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A 1-based line and column (UTF-16 code units), as people read positions in messages. */
export interface LineCol {
  line: number;
  col: number;
}

/** Something wrong with the input or one of its documents. */
export interface ManifestProblem {
  severity: 'error' | 'warning';
  /** Concise text without position; see formatProblem for the message with its position. */
  message: string;
  /** 1-based document number, absent for problems of the whole input (size, binary data). */
  document?: number;
  /** Where the problem is; an empty range when it has no extent. */
  range: TextRange;
  /** Start of `range` as line:col. */
  position: LineCol;
}

export interface ManifestLimits {
  /** Largest accepted input, in UTF-8 bytes. Default 10 MB. */
  maxBytes: number;
  /** yaml's bound on alias expansion (per document). Default 1000, as the CLI's decoder. */
  maxAliasCount: number;
  /** Bound on the nodes of a document's value once aliases are expanded. Default 2,000,000. */
  maxNodes: number;
}

/** One document of a parsed manifest. */
export interface ManifestDocument {
  /** 1-based position of the document in the input, for messages. */
  index: number;
  /**
   * The document's text: the lines between two `---` separator lines (or the start or end of the input), as
   * Kubernetes' YAML reader splits a stream. Separator lines belong to no document.
   */
  range: TextRange;
  /** The parsed yaml Document; node ranges are offsets into the whole text. */
  yaml: Document.Parsed;
  /** The document as plain JSON (undefined when it could not be built, see problems). */
  value: unknown;
  /** No content: only comments, `---` alone, or an explicit null. */
  empty: boolean;
  /** Top-level string fields when the document is a mapping. */
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  /** Where the value of `kind` is, for diagnostics. */
  kindRange?: TextRange;
  problems: ManifestProblem[];
}

/** A multi-document YAML text as parseManifest reads it. */
export interface Manifest {
  text: string;
  documents: ManifestDocument[];
  /** Every problem: those of the whole input, then each document's (also found in its `problems`). */
  problems: ManifestProblem[];
}
