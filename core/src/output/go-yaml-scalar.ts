/**
 * Character classes and the scalar analysis of go-yaml's (libyaml's) emitter: which presentation styles a string
 * may take. Works on Unicode code points; go-yaml's byte-level tests map onto them one to one.
 */

export const isSpace = (c: number | undefined): boolean => c === 0x20;
export const isBreak = (c: number | undefined): boolean =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
/** Blank, break or NUL (the end of the buffer counts as NUL in libyaml). */
const isBlankOrBreakOrEnd = (c: number | undefined): boolean => c === undefined || c === 0 || isBlank(c) || isBreak(c);

/** libyaml's "printable": what may appear unescaped. Notably excludes TAB, CR, C1 controls and anything above U+FFFF. */
export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** Characters that make a scalar start with an indicator: `#,[]{}&*!|>'"%@\``. */
const FIRST_CHAR_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));
/** Flow indicators anywhere after the first character: `,?[]{}`. */
const FLOW_INDICATORS = new Set(Array.from(',?[]{}', (ch) => ch.charCodeAt(0)));
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const QUESTION = 0x3f;
const HASH = 0x23;

/** Decides which styles can represent `chars` faithfully (yaml_emitter_analyze_scalar's verdicts). */
export function analyzeScalar(chars: readonly number[]): ScalarAnalysis {
  if (chars.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
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

  // A document marker at the start (`---`, `...`).
  if (chars.length >= 3 && (chars[0] === DASH || chars[0] === DOT) && chars[1] === chars[0] && chars[2] === chars[0]) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === QUESTION || c === COLON) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === DASH && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (FLOW_INDICATORS.has(c)) {
      flowIndicators = true;
    } else if (c === COLON) {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === HASH && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(c)) specialCharacters = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrEnd(c);
  }

  const a: ScalarAnalysis = {
    multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
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

/** What the writer needs to know about a scalar's text, worked out once per distinct string (see `scalarInfo`). */
export interface ScalarInfo {
  chars: number[];
  analysis: ScalarAnalysis;
  /**
   * Every character is written as itself in plain, single- and double-quoted style (printable, no break, quote or
   * backslash), so the text can be copied whole when no line folding can happen; then `chars.length` is its length.
   */
  verbatim: boolean;
  /** Position of the last space, the only place a line may be folded; -1 when there is none. */
  lastSpace: number;
  utf8Length: number;
}

/** Enough for the keys and common values of many documents; cleared when full rather than tracking use. */
const INFO_CACHE_LIMIT = 4096;
const infoCache = new Map<string, ScalarInfo>();

/** The ScalarInfo of `s`. Map keys and enum-like values repeat across objects, so results are cached (bounded). */
export function scalarInfo(s: string): ScalarInfo {
  let info = infoCache.get(s);
  if (info === undefined) {
    info = computeInfo(s);
    if (infoCache.size >= INFO_CACHE_LIMIT) infoCache.clear();
    infoCache.set(s, info);
  }
  return info;
}

function computeInfo(s: string): ScalarInfo {
  const chars = codePoints(s);
  let verbatim = true;
  let lastSpace = -1;
  let utf8Length = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    utf8Length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c === 0x20) lastSpace = i;
    if (!isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x27 || c === 0x5c) verbatim = false;
    // A lone surrogate is written as U+FFFD, so the text itself cannot be copied.
    if (s.charCodeAt(i) !== c) verbatim = false;
  }
  return { chars, analysis: analyzeScalar(chars), verbatim, lastSpace, utf8Length };
}
