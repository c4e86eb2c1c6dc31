/**
 * Whether go-yaml (v2) would read a plain scalar as something other than a string. The encoder quotes exactly
 * those strings, so `"15001"`, `"true"`, `"1e3"`, `""` and `"2024-01-02"` come out quoted while `1.2.3` does not.
 * YAML 1.1 rules as go-yaml v2 implements them: y/yes/on/off… booleans, null/~, .inf/.nan, Go integer syntax
 * (0x, 0o, 0b, leading-0 octal, `_` separators), YAML floats, timestamps, and base-60 floats like `1:20`.
 */

const SPECIAL_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when the plain scalar `s` would not decode as a string, so the encoder must quote it. */
export function needsQuotes(s: string): boolean {
  return resolvesToNonString(s) || isBase60Float(s);
}

function resolvesToNonString(s: string): boolean {
  const first = s.charAt(0);
  // go-yaml only looks further at scalars starting with a sign, digit, '.', or one of "yYnNtTfFoO~" (or empty).
  const isDigit = first >= '0' && first <= '9';
  const isSign = first === '+' || first === '-';
  if (!(s === '' || isDigit || isSign || first === '.' || 'yYnNtTfFoO~'.includes(first))) return false;
  if (SPECIAL_WORDS.has(s)) return true;
  if (first === '.') return parsesAsGoFloat(s);
  if (!isDigit && !isSign) return false;
  if (looksLikeTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  return parsesAsGoInt(plain) || YAML_FLOAT.test(plain);
}

function isBase60Float(s: string): boolean {
  // Cheap rejections first: it starts with a sign or digit and has a colon.
  const first = s.charCodeAt(0);
  const start = first === 0x2b || first === 0x2d || (first >= 0x30 && first <= 0x39);
  return start && s.includes(':') && BASE60_FLOAT.test(s);
}

/** strconv.ParseInt(s, 0, 64) or ParseUint succeeding: decimal, 0x, 0o, 0b, or leading-0 octal, within 64 bits. */
function parsesAsGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let magnitude: bigint;
  if (/^0[oO]/.test(body)) magnitude = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]/.test(body)) magnitude = BigInt('0o' + body.slice(1));
  else magnitude = BigInt(body);
  if (m[1] === '-') return magnitude <= 2n ** 63n;
  // A '+' sign fails ParseUint, so it must fit int64.
  return m[1] === '+' ? magnitude < 2n ** 63n : magnitude < 2n ** 64n;
}

/** strconv.ParseFloat for the forms that can start with '.': decimal fractions with optional exponent. */
function parsesAsGoFloat(s: string): boolean {
  if (/_/.test(s) && /(^|[^0-9])_|_($|[^0-9])/.test(s)) return false;
  return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s.replace(/_/g, ''));
}

/**
 * go-yaml's timestamp check: four digits and '-', then one of the layouts `2006-1-2T15:4:5.999999999Z07:00`
 * (also with lower-case `t`), `2006-1-2 15:4:5.999999999`, `2006-1-2`, with Go's range checks.
 */
function looksLikeTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})([.,][0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, sec, , zone] = m;
  if (!validDate(Number(y), Number(mo), Number(d))) return false;
  if (sep === undefined) return true;
  // The space-separated layout has no zone; the 'T' layouts require one.
  if ((sep === ' ') !== (zone === undefined)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return false;
  if (zone !== undefined && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 24 || zm > 59) return false;
  }
  return true;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
