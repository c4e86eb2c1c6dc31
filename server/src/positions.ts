/**
 * The one place where the core's UTF-16 offsets become LSP positions and back. Everything inside the server works in
 * offsets; conversion happens at the protocol edge, against the exact document version being answered.
 */
import type { Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../core/src/output/preserve';

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function offsetOf(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

/** A core edit whose offsets are relative to a chunk starting at `base`, as an LSP edit of the whole document. */
export function toLspEdit(doc: TextDocument, edit: TextEdit, base = 0): LspTextEdit {
  return { range: rangeOf(doc, base + edit.start, base + edit.end), newText: edit.newText };
}
