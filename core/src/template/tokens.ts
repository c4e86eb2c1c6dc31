/** The token vocabulary of Go templates: what the lexer produces and the parser consumes. */

export type TokenType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'complex' | 'assign' | 'declare' | 'eof' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string'
  | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Token {
  readonly type: TokenType;
  /** Offset of the token in the source (UTF-16 units). */
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** Words that lex as keywords (`break`/`continue` only when no function of that name exists). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with',
]);
export function isKeyword(t: TokenType): boolean {
  return t === 'dot' || KEYWORDS.has(t);
}
