/** Go's notion of white space (unicode.IsSpace) and strings.TrimSpace, which differ from JavaScript's `\s` and trim(). */

/** unicode.IsSpace for one UTF-16 unit (every space character is in the BMP). */
function isSpaceUnit(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** unicode.IsSpace: unlike JavaScript's `\s`, U+0085 is a space and U+FEFF is not. */
export function isSpace(ch: string): boolean {
  return ch.length === 1 && isSpaceUnit(ch.charCodeAt(0));
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceUnit(s.charCodeAt(a))) a++;
  while (b > a && isSpaceUnit(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
