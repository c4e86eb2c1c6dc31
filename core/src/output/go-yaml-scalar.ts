/**
 * Character classes and the scalar analysis of go-yaml's (libyaml's) emitter: which presentation styles a string
 * may take. Works on Unicode code points; go-yaml's byte-level tests map onto them one to one.
 */

export const isSpace = (c: number | undefined): boolean => c === 0x20;
export const isBreak = (c: number | undefined): boolean =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
/** Blank, break or NUL (the end of the buffer counts as NUL in libyaml). */
const isBlankOrBreakOrNul = (c: number): boolean => c === 0 || isBlank(c) || isBreak(c);

/** libyaml's "printable": what may appear unescaped. Notably excludes TAB, CR, C1 controls and anything above U+FFFF. */
export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/** What the writer needs to know about a scalar's text: libyaml's style verdicts plus facts for fast writing. */
export interface ScalarInfo {
  /** Length in code points. */
  length: number;
  utf8Length: number;
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  /**
   * Every character is written as itself in that style, so the text can be copied whole when no line folding can
   * happen (the text then has `length` UTF-16 units). Never with a lone surrogate (written as U+FFFD); single quotes
   * double `'` and break lines; double quotes escape breaks, `"`, `\` and unprintable characters.
   */
  copyPlain: boolean;
  copySingle: boolean;
  copyDouble: boolean;
  /** Position (in code points) of the last space, the only place a line may be folded; -1 when there is none. */
  lastSpace: number;
}

/** Characters that make a scalar start with an indicator: `#,[]{}&*!|>'"%@\``. */
const FIRST_CHAR_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const QUESTION = 0x3f;
const HASH = 0x23;

/** Enough for the keys and repeated values of many objects; cleared when full rather than tracking use. */
const CACHE_LIMIT = 4096;
const cache = new Map<string, ScalarInfo>();

/**
 * The ScalarInfo of `s`. Keys repeat across objects, and so do the values injection adds (the same sidecar in
 * every workload), so results are cached (bounded).
 */
export function scalarInfo(s: string): ScalarInfo {
  let info = cache.get(s);
  if (info === undefined) {
    info = analyze(s);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, info);
  }
  return info;
}

/**
 * yaml_emitter_analyze_scalar's verdicts for `s`, in one pass over its code points (lone surrogates count as the
 * U+FFFD they are written as). Only block-context verdicts: this writer never uses flow style for scalars.
 */
function analyze(s: string): ScalarInfo {
  const n = s.length;
  if (n === 0) {
    return {
      length: 0, utf8Length: 0, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false,
      copyPlain: true, copySingle: true, copyDouble: true, lastSpace: -1,
    };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let loneSurrogate = false;
  let singleQuote = false;
  let escaped = false;
  let lastSpace = -1;
  let utf8Length = 0;
  let count = 0;

  // A document marker at the start (`---`, `...`).
  const c0 = s.charCodeAt(0);
  if (n >= 3 && (c0 === DASH || c0 === DOT) && s.charCodeAt(1) === c0 && s.charCodeAt(2) === c0) blockIndicators = true;

  let precededByWhitespace = true;
  for (let i = 0; i < n; count++) {
    let c = s.charCodeAt(i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = s.charCodeAt(i + 1);
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      } else {
        c = 0xfffd;
        loneSurrogate = true;
      }
    }
    const first = i === 0;
    const last = i + width >= n;
    const followedByWhitespace = last || isBlank(s.charCodeAt(i + width));
    if (first) {
      if (FIRST_CHAR_INDICATORS.has(c)) blockIndicators = true;
      else if ((c === QUESTION || c === COLON || c === DASH) && followedByWhitespace) blockIndicators = true;
    } else if (c === COLON) {
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === HASH && precededByWhitespace) {
      blockIndicators = true;
    }

    const printable = isPrintable(c);
    if (!printable) specialCharacters = true;
    if (isSpace(c)) {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
      lastSpace = count;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(c);
    if (c === 0x27) singleQuote = true;
    if (!printable || isBreak(c) || c === 0x22 || c === 0x5c) escaped = true;
    utf8Length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += width;
  }

  let blockPlainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (blockIndicators) blockPlainAllowed = false;
  return {
    length: count, utf8Length, multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed, lastSpace,
    copyPlain: !loneSurrogate, copySingle: !loneSurrogate && !singleQuote && !lineBreaks, copyDouble: !loneSurrogate && !escaped,
  };
}

/** A string as code points; lone surrogates become U+FFFD as Go's JSON encoder would make them. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      out.push(c);
      continue;
    }
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      i++;
    } else {
      out.push(0xfffd);
    }
  }
  return out;
}
