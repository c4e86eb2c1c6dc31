/** sprig's string functions (strings.go, and the string entries of functions.go). */
import { quoteGo } from '../../go/quote';
import { isSpace, trimSpace } from '../../go/strings';
import { byteSlice, compareGoStrings, utf8Length } from '../../go/utf8';
import { formatValue } from '../printf';
import { typedMap } from '../value';
import { anyArg, fixed, FuncSpec, intArg, stringArg, variadic } from './args';
import { strval } from './go-fmt';
import { withGoType } from './go-values';

/** strings.Trim(s, cutset): drops leading and trailing runes found in cutset. */
export function goTrim(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && cut.has(chars[a])) a++;
  while (b > a && cut.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** Unicode case mapping rune by rune, as Go does (no multi-rune expansions such as ß → SS). */
function mapRunes(s: string, f: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const m = f(ch);
    out += Array.from(m).length === 1 ? m : ch;
  }
  return out;
}

export const goToUpper = (s: string): string => mapRunes(s, (c) => c.toUpperCase());
export const goToLower = (s: string): string => mapRunes(s, (c) => c.toLowerCase());

/** strings.Title: upper-cases the first letter of each word; words are split at non-letter/digit/underscore. */
function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = isTitleSeparator(prev);
    out += sep ? mapRunes(ch, (c) => c.toUpperCase()) : ch;
    prev = ch;
  }
  return out;
}

function isTitleSeparator(ch: string): boolean {
  if (ch.charCodeAt(0) < 0x80) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return isSpace(ch);
}

/** strings.Split: an empty separator splits into runes. */
export function goSplit(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

/** strings.SplitN. */
function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  const all = goSplit(s, sep);
  if (n < 0 || all.length <= n) return all;
  if (sep === '') return [...all.slice(0, n - 1), all.slice(n - 1).join('')];
  return [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}

/** strings.Replace(s, old, new, -1): an empty old inserts new around every rune. */
export function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === '') return repl + Array.from(s).map((c) => c + repl).join('');
  return s.split(old).join(repl);
}

function goRepeat(s: string, count: number): string {
  if (count < 0) throw new Error('strings: negative Repeat count');
  return s.repeat(count);
}

/** sprig's strslice: a list of strings from a slice (nil elements dropped), or a one-element list. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

function splitMap(parts: string[]): Record<string, string> {
  const m: Record<string, string> = {};
  parts.forEach((p, i) => (m[`_${i}`] = p));
  return typedMap(m, '');
}

export function sprigIndent(spaces: number, s: string): string {
  const pad = goRepeat(' ', spaces);
  return pad + s.split('\n').join(`\n${pad}`);
}

/** sprig's trunc: keeps the first c bytes, or with c < 0 the last -c bytes. */
function trunc(c: number, s: string): string {
  const n = utf8Length(s);
  if (c < 0 && n + c > 0) return byteSlice(s, n + c);
  if (c >= 0 && n > c) return byteSlice(s, 0, c);
  return s;
}

/** sprig's substr on bytes. */
function substr(start: number, end: number, s: string): string {
  const n = utf8Length(s);
  const oob = (): Error => new Error(`runtime error: slice bounds out of range [:${end}] with length ${n}`);
  if (start < 0) {
    if (end < 0 || end > n) throw oob();
    return byteSlice(s, 0, end);
  }
  if (end < 0 || end > n) {
    if (start > n) throw new Error(`runtime error: slice bounds out of range [${start}:${n}]`);
    return byteSlice(s, start);
  }
  if (start > end) throw new Error(`runtime error: slice bounds out of range [${start}:${end}]`);
  return byteSlice(s, start, end);
}

const s = stringArg;
/** A []string result. */
export const strings = (l: string[]): string[] => withGoType(l, '[]string');
const notNil = (v: unknown): boolean => v !== null && v !== undefined;

export const stringFuncs: Record<string, FuncSpec> = {
  trim: fixed(1, (a) => trimSpace(s(a))),
  trimAll: fixed(2, (cut, str) => goTrim(s(str), s(cut))),
  trimall: fixed(2, (cut, str) => goTrim(s(str), s(cut))),
  trimPrefix: fixed(2, (p, str) => (s(str).startsWith(s(p)) ? s(str).slice(s(p).length) : s(str))),
  trimSuffix: fixed(2, (p, str) => (s(str).endsWith(s(p)) ? s(str).slice(0, s(str).length - s(p).length) : s(str))),
  trunc: fixed(2, (c, str) => trunc(intArg(c), s(str))),
  substr: fixed(3, (a, b, str) => substr(intArg(a), intArg(b), s(str))),
  upper: fixed(1, (a) => goToUpper(s(a))),
  lower: fixed(1, (a) => goToLower(s(a))),
  title: fixed(1, (a) => goTitle(s(a))),
  untitle: fixed(1, (a) => {
    const [first, ...more] = Array.from(s(a));
    return first === undefined ? '' : goToLower(first) + more.join('');
  }),
  nospace: fixed(1, (a) => Array.from(s(a)).filter((c) => !isSpace(c)).join('')),
  replace: fixed(3, (old, repl, src) => goReplaceAll(s(src), s(old), s(repl))),
  repeat: fixed(2, (count, str) => goRepeat(s(str), intArg(count))),
  contains: fixed(2, (sub, str) => s(str).includes(s(sub))),
  hasPrefix: fixed(2, (p, str) => s(str).startsWith(s(p))),
  hasSuffix: fixed(2, (p, str) => s(str).endsWith(s(p))),
  split: fixed(2, (sep, str) => splitMap(goSplit(s(str), s(sep)))),
  splitn: fixed(3, (sep, n, str) => splitMap(goSplitN(s(str), s(sep), intArg(n)))),
  splitList: fixed(2, (sep, str) => strings(goSplit(s(str), s(sep)))),
  join: fixed(2, (sep, v) => strslice(anyArg(v)).join(s(sep))),
  toStrings: fixed(1, (v) => strings(strslice(anyArg(v)))),
  sortAlpha: fixed(1, (v) => strings(Array.isArray(v) ? strslice(v).sort(compareGoStrings) : [strval(anyArg(v))])),
  toString: fixed(1, (v) => strval(anyArg(v))),
  cat: variadic(1, (...vs) => vs.filter(notNil).map((v) => formatValue(v)).join(' ')),
  quote: variadic(1, (...vs) => vs.filter(notNil).map((v) => quoteGo(strval(v))).join(' ')),
  squote: variadic(1, (...vs) => vs.filter(notNil).map((v) => `'${formatValue(v)}'`).join(' ')),
  indent: fixed(2, (n, str) => sprigIndent(intArg(n), s(str))),
  nindent: fixed(2, (n, str) => `\n${sprigIndent(intArg(n), s(str))}`),
  plural: fixed(3, (one, many, n) => (intArg(n) === 1 ? s(one) : s(many))),
};
