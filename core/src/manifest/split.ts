/**
 * Splits a YAML stream into documents exactly as Kubernetes' YAMLReader (and so istioctl kube-inject) does: a line
 * that starts with `---` followed only by spaces or a comment ends a document; empty chunks are dropped; a chunk that
 * holds only comments is still a document. istioctl echoes documents it does not decode byte for byte, so we need
 * its chunks, not a YAML parser's idea of documents.
 */

export interface RawChunk {
  /** UTF-16 offset of the chunk's first character in the stream. */
  start: number;
  /** Offset just past the chunk (its separator line excluded). */
  end: number;
  /** 1-based line of the chunk's first character in the stream. */
  line: number;
  text: string;
}

export interface SplitError {
  /** 1-based line of the offending separator. */
  line: number;
  message: string;
}

/** Chunks of the stream, or the error Kubernetes' reader reports for text after a `---` separator. */
export function splitYamlStream(text: string): { chunks: RawChunk[]; error?: SplitError } {
  const chunks: RawChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart < text.length) {
    lineNo++;
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    if (text.startsWith('---', lineStart)) {
      const rest = text.slice(lineStart + 3, lineEnd).trim();
      if (rest.length > 0 && !rest.startsWith('#')) {
        return { chunks, error: { line: lineNo, message: `invalid Yaml document separator: ${rest}` } };
      }
      if (lineStart > chunkStart) chunks.push({ start: chunkStart, end: lineStart, line: chunkLine, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineEnd;
      chunkLine = lineNo + 1;
    }
    lineStart = lineEnd;
  }
  if (text.length > chunkStart) chunks.push({ start: chunkStart, end: text.length, line: chunkLine, text: text.slice(chunkStart) });
  return { chunks };
}
