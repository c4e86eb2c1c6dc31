/** Guards that keep parsing bounded: input size, binary data, and value size after alias expansion. */
import type { ManifestLimits } from './types';

export const DEFAULT_LIMITS: Readonly<ManifestLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxAliasCount: 1000,
  maxNodes: 2_000_000,
};

export function resolveLimits(limits?: Partial<ManifestLimits>): ManifestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** "10 MB" style size for messages (1 MB = 1024 × 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimZero(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trimZero(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/**
 * The UTF-8 size of `text`, or undefined once it passes `limit`. UTF-8 never takes fewer bytes than UTF-16 code
 * units, so a text longer than the limit is refused without looking at it.
 */
export function utf8SizeWithin(text: string, limit: number): number | undefined {
  if (text.length > limit) return undefined;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
    if (bytes > limit) return undefined;
  }
  return bytes;
}

/** Offset of the first NUL, the mark of binary data, or -1. */
export function firstNul(text: string): number {
  return text.indexOf('\u0000');
}

// YAML allows tab, LF, CR and printable characters only (YAML 1.2 §5.1); NEL (U+0085) is allowed too.
const NON_PRINTABLE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** Offsets and code points of characters YAML does not allow in a stream, at most `max` of them. */
export function nonPrintableCharacters(text: string, max: number): { offset: number; code: number }[] {
  const found: { offset: number; code: number }[] = [];
  NON_PRINTABLE.lastIndex = 0;
  for (let m = NON_PRINTABLE.exec(text); m && found.length < max; m = NON_PRINTABLE.exec(text)) {
    found.push({ offset: m.index, code: m[0].charCodeAt(0) });
  }
  return found;
}

/**
 * Whether `value` has more than `max` nodes when walked as a tree. Aliases make yaml reuse one object in many places,
 * so a small text can stand for a huge tree that later JSON handling would expand; the walk stops at the bound.
 */
export function exceedsNodeCount(value: unknown, max: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++count > max) return true;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const item of Object.values(v)) stack.push(item);
    }
  }
  return false;
}
