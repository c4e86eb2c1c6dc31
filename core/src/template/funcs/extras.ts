/**
 * The rest of sprig's function map: small string utilities (goutils), digests, base32, durations and os paths;
 * and, so that templates naming them still parse as in Go, the non-hermetic or cryptographic functions, which
 * fail when called.
 */
import { utf8Decode, utf8Encode } from '../../go/utf8';
import { anyArg, fixed, FuncSpec, intArg, stringArg, variadic } from './args';
import { goDurationString } from './go-fmt';
import { adler32, sha1Hex, sha256Hex } from './hashes';
import { pathBase, pathClean, pathDir, pathExt } from './paths';
import { goToLower, goToUpper } from './strings';

/** goutils.AbbreviateFull on bytes (ASCII in practice); sprig swallows its errors into "". */
function abbreviate(s: string, offset: number, maxWidth: number): string {
  if (s === '') return '';
  if (maxWidth < 4) return '';
  if (s.length <= maxWidth) return s;
  let off = Math.min(offset, s.length);
  if (s.length - off < maxWidth - 3) off = s.length - (maxWidth - 3);
  if (off <= 4) return `${s.slice(0, maxWidth - 3)}...`;
  if (maxWidth < 7) return '';
  if (off + maxWidth - 3 < s.length) return `...${abbreviate(s.slice(off), 0, maxWidth - 3)}`;
  return `...${s.slice(s.length - (maxWidth - 3))}`;
}

const IS_SPACE = /^[\t\n\v\f\r \u0085\u00a0]$/;

function initials(s: string): string {
  let out = '';
  let gap = true;
  for (const ch of s) {
    if (IS_SPACE.test(ch)) gap = true;
    else if (gap) {
      out += ch;
      gap = false;
    }
  }
  return out;
}

/** goutils.SwapCase: upper → lower, lower → upper (its title case after a space is upper case for nearly every letter). */
function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const low = goToLower(ch);
    out += ch !== low ? low : goToUpper(ch);
  }
  return out;
}

/** goutils.WrapCustom with wrapLongWords = true. */
function wrap(s: string, width: number, newline: string): string {
  if (s === '') return '';
  const nl = newline === '' ? '\n' : newline;
  const w = Math.max(width, 1);
  let out = '';
  let offset = 0;
  while (s.length - offset > w) {
    if (s[offset] === ' ') {
      offset++;
      continue;
    }
    const space = s.slice(offset, w + offset + 1).lastIndexOf(' ');
    if (space >= 0) {
      out += s.slice(offset, offset + space) + nl;
      offset += space + 1;
    } else {
      out += s.slice(offset, offset + w) + nl;
      offset += w;
    }
  }
  return out + s.slice(offset);
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Encode(s: string): string {
  const bytes = utf8Encode(s);
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += B32[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out + '='.repeat((8 - (out.length % 8)) % 8);
}

function base32Decode(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 8 !== 0 || !/^[A-Z2-7]*=*$/.test(clean)) {
    return `illegal base32 data at input byte ${Math.max(0, clean.search(/[^A-Z2-7=]/))}`;
  }
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean.replace(/=+$/, '')) {
    acc = (acc << 5) | B32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
    acc &= (1 << bits) - 1;
  }
  return utf8Decode(bytes);
}

/** sprig's duration: seconds (an int64 or a decimal string) as time.Duration.String. */
function duration(sec: unknown): string {
  let n = 0n;
  if (typeof sec === 'bigint') n = sec;
  else if (typeof sec === 'string' && /^[+-]?\d+$/.test(sec)) n = BigInt(sec);
  return goDurationString(BigInt.asIntN(64, n * 1000000000n));
}

function unsupported(name: string): FuncSpec {
  return variadic(1, () => {
    throw new Error(`${name} is not supported by istio-inject (it needs randomness, time, the network or cryptography)`);
  });
}

const UNSUPPORTED = [
  'ago', 'date', 'date_in_zone', 'date_modify', 'dateInZone', 'dateModify', 'durationRound', 'htmlDate', 'htmlDateInZone',
  'must_date_modify', 'mustDateModify', 'mustToDate', 'now', 'toDate', 'unixEpoch', 'randAlphaNum', 'randAlpha',
  'randAscii', 'randNumeric', 'shuffle', 'randInt', 'getHostByName', 'bcrypt', 'htpasswd', 'genPrivateKey',
  'derivePassword', 'buildCustomCert', 'genCA', 'genCAWithKey', 'genSelfSignedCert', 'genSelfSignedCertWithKey',
  'genSignedCert', 'genSignedCertWithKey', 'encryptAES', 'decryptAES', 'randBytes', 'uuidv4', 'sha512sum', 'snakecase',
  'camelcase', 'kebabcase', 'urlParse', 'urlJoin',
];

const str = stringArg;

export const extraFuncs: Record<string, FuncSpec> = {
  ...Object.fromEntries(UNSUPPORTED.map((n) => [n, unsupported(n)])),
  hello: fixed(0, () => 'Hello!'),
  abbrev: fixed(2, (w, s) => (intArg(w) < 4 ? str(s) : abbreviate(str(s), 0, intArg(w)))),
  abbrevboth: fixed(3, (l, r, s) => {
    const [left, right] = [intArg(l), intArg(r)];
    return right < 4 || (left > 0 && right < 7) ? str(s) : abbreviate(str(s), left, right);
  }),
  initials: fixed(1, (s) => initials(str(s))),
  swapcase: fixed(1, (s) => swapCase(str(s))),
  wrap: fixed(2, (w, s) => wrap(str(s), intArg(w), '\n')),
  wrapWith: fixed(3, (w, sep, s) => wrap(str(s), intArg(w), str(sep))),
  sha1sum: fixed(1, (s) => sha1Hex(str(s))),
  sha256sum: fixed(1, (s) => sha256Hex(str(s))),
  adler32sum: fixed(1, (s) => adler32(str(s))),
  b32enc: fixed(1, (s) => base32Encode(str(s))),
  b32dec: fixed(1, (s) => base32Decode(str(s))),
  duration: fixed(1, (s) => duration(anyArg(s))),
  osBase: fixed(1, (p) => pathBase(str(p))),
  osClean: fixed(1, (p) => pathClean(str(p))),
  osDir: fixed(1, (p) => pathDir(str(p))),
  osExt: fixed(1, (p) => pathExt(str(p))),
  osIsAbs: fixed(1, (p) => str(p).startsWith('/')),
};
