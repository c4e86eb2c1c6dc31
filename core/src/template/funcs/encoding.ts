/**
 * JSON decoding into template values, and base64. (Go's encoding/json itself is in ../../go/.)
 */
import { goJsonParse } from '../../go/json-decode';
import { utf8Decode, utf8Encode } from '../../go/utf8';
import { setKey } from './go-values';

/**
 * json.Unmarshal into interface{}: objects become map[string]interface{}, numbers float64. Throws an Error with Go's
 * message on malformed input.
 */
export function goJsonUnmarshal(text: string): unknown {
  return toTemplateValue(goJsonParse(text));
}

function toTemplateValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toTemplateValue);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setKey(out, k, toTemplateValue(x));
    return out;
  }
  return v;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.EncodeToString of the string's UTF-8 bytes. */
export function base64Encode(s: string): string {
  const b = utf8Encode(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** base64.StdEncoding.DecodeString (padding required; CR and LF ignored); throws Go's error message. */
export function base64Decode(s: string): string {
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  let pad = 0;
  let pos = 0;
  const fail = (at: number): Error => new Error(`illegal base64 data at input byte ${at}`);
  const chars = utf8Encode(s);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === 0x0a || c === 0x0d) continue;
    if (c === 0x3d /* = */) {
      if (pos % 4 < 2) throw fail(i);
      pad++;
      pos++;
      continue;
    }
    const d = c < 128 ? B64.indexOf(String.fromCharCode(c)) : -1;
    if (d < 0 || pad > 0) throw fail(i);
    acc = (acc << 6) | d;
    bits += 6;
    pos++;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  if (pos % 4 !== 0) throw fail(chars.length - (pos % 4 === 1 ? 1 : 0));
  if (pad > 0 && pad !== 4 - (((pos - pad) % 4) || 4)) throw fail(chars.length - 1);
  return utf8Decode(bytes);
}
