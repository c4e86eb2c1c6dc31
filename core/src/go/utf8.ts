/** Go strings are UTF-8 byte sequences: `len`, `index`, `slice` and `%x` work on bytes, not UTF-16 units. */

const ASCII = /^[\x00-\x7f]*$/;

/** True when every character is ASCII (then bytes and UTF-16 units coincide). */
export function isAscii(s: string): boolean {
  return ASCII.test(s);
}

/** The UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as Go would have it). */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decodes bytes; each invalid sequence becomes U+FFFD (as Go's range-over-string sees it). */
export function utf8Decode(b: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    if (c < 0x80) { s += String.fromCharCode(c); i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 31; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 15; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 7; }
    else { s += '\ufffd'; i++; continue; }
    let ok = true;
    for (let k = 1; ok && k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (cc & 63);
    }
    const min = n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { s += '\ufffd'; i++; continue; }
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return s;
}

/** Go's len(s): the number of UTF-8 bytes. */
export function utf8Length(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Go's s[start:end] on the UTF-8 bytes of s (a cut through a character leaves U+FFFD). */
export function byteSlice(s: string, start: number, end?: number): string {
  if (isAscii(s)) return s.slice(start, end);
  const bytes = utf8Encode(s);
  return utf8Decode(bytes.slice(start, end ?? bytes.length));
}

/** Number of runes (utf8.RuneCountInString). */
export function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else { n++; i++; }
  }
  return n;
}

/**
 * Go's string order (bytewise UTF-8, i.e. code point order). JavaScript's `<` compares UTF-16 units, which differs
 * only when a surrogate (a character above U+FFFF) meets a character in U+E000–U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}
