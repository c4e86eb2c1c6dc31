/**
 * go-yaml v2's map key order for string keys: mostly code point order, except that letters sort after
 * non-letters and runs of digits compare by numeric value ("a2" < "a10").
 */

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLetter = (c: number): boolean => (c < 0x80 ? isAsciiLetter(c) : /\p{L}/u.test(String.fromCodePoint(c)));
const isDigit = (c: number): boolean => (c < 0x80 ? c >= 0x30 && c <= 0x39 : /\p{Nd}/u.test(String.fromCodePoint(c)));

/** True when key `a` sorts before key `b`. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (ch) => ch.codePointAt(0) as number);
  const br = Array.from(b, (ch) => ch.codePointAt(0) as number);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    // A zero after non-zero digits is part of a larger number, not a leading zero.
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/**
 * goYamlKeyLess as a sort comparator. Most keys are ASCII and differ first at a letter or punctuation, where the
 * rule is simple (letters after non-letters, else code order); those are decided here without allocating. Digits
 * (numeric runs) and non-ASCII characters at the first difference take the general path.
 */
export function compareGoYamlKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) {
    // One is a prefix of the other, unless a surrogate pair was cut (then code points differ there).
    if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) return generalCompare(a, b);
    return a.length - b.length;
  }
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca >= 0x80 || cb >= 0x80) return generalCompare(a, b);
  const al = isAsciiLetter(ca);
  const bl = isAsciiLetter(cb);
  if (al !== bl) return al ? 1 : -1;
  if (!al && (isAsciiDigit(ca) || isAsciiDigit(cb))) return generalCompare(a, b);
  return ca - cb;
}

/** Keys in go-yaml's order (sorts in place and returns the array). */
export function sortKeysGoYaml(keys: string[]): string[] {
  return keys.sort(compareGoYamlKeys);
}

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function generalCompare(a: string, b: string): number {
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}
