/**
 * Single- and double-quoted scalars: finding where they end and what they mean, with line folding and escapes as
 * the `yaml` package resolves them. Tabs and carriage returns never get here (the decoder declines such texts).
 */
import { decline } from './decline';

/** Offset of the quote that closes the scalar opened at `start`. */
export function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let end = text.indexOf(quote, start + 1);
  if (quote === "'") {
    while (end !== -1 && text.charCodeAt(end + 1) === 0x27) end = text.indexOf("'", end + 2);
  } else {
    while (end !== -1) {
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
  }
  if (end === -1) decline('unterminated quoted scalar');
  return end;
}

/**
 * Checks the lines a multi-line quoted scalar continues on: each must be indented deeper than `minIndent` (or be
 * blank), and none may look like a document marker.
 */
export function checkContinuationLines(text: string, start: number, end: number, minIndent: number): void {
  let nl = text.indexOf('\n', start);
  while (nl !== -1 && nl < end) {
    let p = nl + 1;
    while (text.charCodeAt(p) === 0x20) p++;
    const blank = p >= end ? false : text.charCodeAt(p) === 0x0a;
    if (!blank && p - (nl + 1) <= minIndent) decline('quoted scalar continues too far left');
    if (p === nl + 1 && (text.startsWith('---', p) || text.startsWith('...', p))) decline('document marker in quoted scalar');
    nl = text.indexOf('\n', nl + 1);
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

function hexChar(text: string, at: number, length: number): string {
  const hex = text.substr(at, length);
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) decline('bad escape');
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) decline('bad escape');
  return String.fromCodePoint(code);
}

/** The value of the double-quoted scalar text[start..end] (both quotes included). */
export function doubleQuotedValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end);
  if (inner.indexOf('\\') === -1 && inner.indexOf('\n') === -1) return inner;
  let out = '';
  for (let i = start + 1; i < end; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A line break folds to a space; n+1 breaks (blank lines between) keep n of them.
      let breaks = 0;
      while (i + 1 < end && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        if (text[i + 1] === '\n') breaks++;
        i++;
      }
      out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
    } else if (ch === '\\') {
      const next = text[++i];
      const simple = ESCAPES[next];
      if (simple !== undefined) out += simple;
      else if (next === '\n') {
        while (i + 1 < end && text[i + 1] === ' ') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        out += hexChar(text, i + 1, length);
        i += length;
      } else decline('unknown escape');
    } else if (ch === ' ') {
      // Spaces before a line break are not content.
      let j = i;
      while (j + 1 < end && text[j + 1] === ' ') j++;
      if (text[j + 1] !== '\n') out += text.slice(i, j + 1);
      i = j;
    } else out += ch;
  }
  return out;
}

/** The value of the single-quoted scalar text[start..end] (both quotes included). */
export function singleQuotedValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end);
  const unfolded = inner.indexOf('\n') === -1 ? inner : unfold(inner);
  return unfolded.indexOf("''") === -1 ? unfolded : unfolded.replace(/''/g, "'");
}

/** Line folding of a single-quoted scalar: inner lines trimmed, one break is a space, blank lines are breaks. */
function unfold(inner: string): string {
  const lines = inner.split('\n');
  let out = lines[0].replace(/ +$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i].replace(/^ +| +$/g, '');
    if (line === '') {
      if (sep === '\n') out += sep;
      else sep = '\n';
    } else {
      out += sep + line;
      sep = ' ';
    }
  }
  return out + sep + lines[lines.length - 1].replace(/^ +/, '');
}
