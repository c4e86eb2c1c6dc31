/** The text being decoded, seen as lines: where each starts and ends, its indentation, blank and comment lines. */
export class Source {
  readonly text: string;
  /** Offset of each line's first character. A final empty segment after the last line break is not a line. */
  readonly starts: number[] = [];
  /** Offset of each line's line break (or the text's end). */
  readonly ends: number[] = [];

  /** Leading spaces of each line (all of them for a line of spaces only). */
  private readonly indents: number[] = [];

  constructor(text: string) {
    this.text = text;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let p = start;
      while (p < end && text.charCodeAt(p) === 0x20) p++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(p - start);
      start = end + 1;
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Leading spaces of the line; for a line of spaces only, all of them. */
  indent(line: number): number {
    return this.indents[line];
  }

  /** True when the line holds nothing but spaces. */
  isBlank(line: number): boolean {
    return this.starts[line] + this.indents[line] === this.ends[line];
  }

  /** True for a line of spaces only or one whose first non-space character starts a comment. */
  isBlankOrComment(line: number): boolean {
    const p = this.starts[line] + this.indents[line];
    return p === this.ends[line] || this.text.charCodeAt(p) === 0x23;
  }

  /** True for `---` or `...` at the start of the line followed by a space or the line's end. */
  isDocumentMarker(line: number): boolean {
    const { text } = this;
    const start = this.starts[line];
    if (this.ends[line] - start < 3) return false;
    const s = text.substr(start, 3);
    if (s !== '---' && s !== '...') return false;
    return start + 3 === this.ends[line] || text.charCodeAt(start + 3) === 0x20;
  }

  /** The line holding `offset` (searching forward from `from`). */
  lineAt(offset: number, from: number): number {
    let line = from;
    while (line < this.lineCount - 1 && this.ends[line] < offset) line++;
    return line;
  }
}
