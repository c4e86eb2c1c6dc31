/**
 * What a command acts on, from the arguments it was invoked with: `[uri, range]` from a code lens or code action
 * (LSP shapes), a `vscode.Uri` from the editor context menu, or nothing from the palette. No `vscode` import.
 */

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface CommandTarget {
  /** The document's URI as a string; undefined = the active editor's. */
  uri?: string;
  /** The range to act on; undefined = the active editor's selection (or the whole file, for file-wide commands). */
  range?: LspRange;
}

export function parseTarget(args: readonly unknown[]): CommandTarget {
  const target: CommandTarget = {};
  const [first, second] = args;
  const uri = uriString(first);
  if (uri !== undefined) target.uri = uri;
  if (isRange(second)) target.range = { start: { ...second.start }, end: { ...second.end } };
  return target;
}

/** A URI string, or an object shaped like `vscode.Uri` (scheme + path + toString), as a string. */
function uriString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes(':') ? value : undefined;
  if (typeof value === 'object' && value !== null && typeof (value as { scheme?: unknown }).scheme === 'string'
    && typeof (value as { path?: unknown }).path === 'string') {
    return String(value);
  }
  return undefined;
}

function isPosition(value: unknown): value is LspPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as Partial<LspPosition>;
  return Number.isInteger(line) && Number.isInteger(character) && line! >= 0 && character! >= 0;
}

function isRange(value: unknown): value is LspRange {
  return typeof value === 'object' && value !== null
    && isPosition((value as { start?: unknown }).start) && isPosition((value as { end?: unknown }).end);
}
