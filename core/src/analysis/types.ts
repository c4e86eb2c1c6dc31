/**
 * Findings: what the editor says about a manifest, as offsets into ONE document's text (a chunk of the stream as
 * Kubernetes' reader splits it). No LSP types here: the language server converts offsets to positions, and caches
 * findings per document text, shifting them to where the document sits in the file.
 */
import type { TextEdit } from '../output/preserve';

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A fix the editor can offer: edits of the same document text (offsets relative to it). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix to apply when the user asks for "the" fix (LSP isPreferred). */
  preferred?: boolean;
}

export interface Finding {
  /** Stable, documented code, e.g. `no-pod-template`; fixes and settings key on it, never on the message. */
  code: string;
  severity: FindingSeverity;
  message: string;
  /** Range in the document text (UTF-16 offsets, half-open). */
  start: number;
  end: number;
  tags?: ('deprecated' | 'unnecessary')[];
  fixes?: Fix[];
}

/** A hover's content (markdown) and the range it is about. */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

export type CompletionKind = 'annotation' | 'label' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Short text shown next to the label (e.g. "stable", "alpha · deprecated"). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text to insert, and the range of the document text it replaces. */
  insertText: string;
  start: number;
  end: number;
  deprecated?: boolean;
}
