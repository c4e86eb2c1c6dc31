/**
 * The open documents' text, as vscode-languageserver-textdocument keeps it (same positions, same line rules, same
 * clamping; a change whose range lies past the end clamps its lines too), with one difference that matters for
 * typing latency: an incremental update never reads the new text.
 * V8 builds `prefix + change + suffix` as a rope and copies it into one flat string the first time a character of it
 * is read; the library reads one at once (a CR/LF check), which costs a copy of the whole file (≈0.1 ms for 300 KB)
 * before the edit's diagnostics can go out. Here the checks read the old text and the change instead, and the copy
 * happens when the text is next read (`flatten`, called once the edited document's quick findings are published).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;

function isEol(code: number): boolean {
  return code === CR || code === LF;
}

/** Offsets where lines start in `text` (shifted by `base`); the first line's start only when `atLineStart`. */
function lineStarts(text: string, atLineStart: boolean, base = 0): number[] {
  const out = atLineStart ? [base] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (!isEol(ch)) continue;
    if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    out.push(base + i + 1);
  }
  return out;
}

/** The line holding `offset`, by the line starts. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return Math.max(low - 1, 0);
}

/** A range whose start comes first. */
function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class EditableDocument implements TextDocument {
  readonly uri: string;
  readonly languageId: string;
  private currentVersion: number;
  private content: string;
  private starts: number[] | undefined;

  constructor(uri: string, languageId: string, version: number, content: string) {
    this.uri = uri;
    this.languageId = languageId;
    this.currentVersion = version;
    this.content = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line]!;
    if (position.character <= 0) return lineStart;
    return this.beforeEol(Math.min(lineStart + position.character, this.nextLineStart(starts, position.line)), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.lineStarts();
    if (starts.length === 0) return { line: 0, character: offset };
    const line = lineOf(starts, offset);
    return { line, character: this.beforeEol(offset, starts[line]!) - starts[line]! };
  }

  /** The line's range without its line break; out-of-range lines clamp to the first or past the last line. */
  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const end = this.beforeEol(this.nextLineStart(starts, line), starts[line]!);
    return { start: { line, character: 0 }, end: { line, character: end - starts[line]! } };
  }

  /** The line's break ('' for the last line or a line out of range). */
  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const next = this.nextLineStart(starts, line);
    return this.content.substring(this.beforeEol(next, starts[line]!), next);
  }

  /** Applies `changes` in order and takes `version`. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.replace(ordered(change.range), change.text);
      else {
        this.content = change.text;
        this.starts = undefined;
      }
    }
    this.currentVersion = version;
  }

  /** Makes the text one flat string now (see the file comment), so that the next edit does not pay for it. */
  flatten(): void {
    if (this.content.length > 0) this.content.charCodeAt(0);
  }

  private replace(range: Range, text: string): void {
    const old = this.content;
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    // The characters around both seams of the new text, read from the old text and the change.
    const afterStart = text.length > 0 ? text.charCodeAt(0) : old.charCodeAt(end);
    const beforeEnd = text.length > 0 ? text.charCodeAt(text.length - 1) : old.charCodeAt(start - 1);
    this.content = old.substring(0, start) + text + old.substring(end);
    const seamSplitsCrLf = (old.charCodeAt(start - 1) === CR && afterStart === LF) || (beforeEnd === CR && old.charCodeAt(end) === LF);
    if (seamSplitsCrLf || this.starts === undefined) {
      this.starts = undefined;
      return;
    }
    const starts = this.starts;
    // The lines of the clamped offsets: a range past the end would shift the wrong entries (the library does that).
    const startLine = lineOf(starts, start);
    const endLine = lineOf(starts, end);
    const added = lineStarts(text, false, start);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i]!;
    } else if (added.length < 10_000) {
      starts.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.starts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
    }
    const delta = text.length - (end - start);
    if (delta !== 0) {
      const shifted = this.starts;
      for (let i = startLine + 1 + added.length; i < shifted.length; i++) shifted[i] = shifted[i]! + delta;
    }
  }

  private nextLineStart(starts: readonly number[], line: number): number {
    return line + 1 < starts.length ? starts[line + 1]! : this.content.length;
  }

  private lineStarts(): number[] {
    this.starts ??= lineStarts(this.content, true);
    return this.starts;
  }

  /** `offset` moved back before a line break it points into (positions never sit between CR and LF or after them). */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** TextDocuments' configuration: documents are EditableDocuments. */
export const EDITABLE_DOCUMENTS = {
  create(uri: string, languageId: string, version: number, content: string): EditableDocument {
    return new EditableDocument(uri, languageId, version, content);
  },
  update(doc: EditableDocument, changes: TextDocumentContentChangeEvent[], version: number): EditableDocument {
    doc.update(changes, version);
    return doc;
  },
};

/** Flattens `doc`'s text when it is an EditableDocument (see the file comment). */
export function flattenText(doc: TextDocument): void {
  if (doc instanceof EditableDocument) doc.flatten();
}
