/**
 * Go's encoding/json as templates see it (byte-exact: sorted map keys, struct field order, HTML escaping, Go float
 * format), JSON decoding into template values, and base64.
 */
import { isGoStruct } from '../value';
import { utf8Decode, utf8Encode } from '../../go/utf8';
import { sortedKeys, setKey } from './go-values';

export interface MarshalOptions {
  /** json.Marshal escapes <, > and & (\u003c …); an Encoder with SetEscapeHTML(false) does not. */
  escapeHTML?: boolean;
  /** MarshalIndent's indent string (prefix is always ""). */
  indent?: string;
  /** Keep every object's key order (a tree that already is in Go's output order, e.g. a proto message). */
  preserveOrder?: boolean;
}

/** json.Marshal: throws Go's error for values JSON cannot hold (NaN, ±Inf, functions). */
export function goJsonMarshal(value: unknown, options: MarshalOptions = {}): string {
  const escapeHTML = options.escapeHTML ?? true;
  const indent = options.indent ?? '';
  const encode = (v: unknown, ordered: boolean, depth: string): string => {
    if (v === null || v === undefined) return 'null';
    switch (typeof v) {
      case 'string':
        return goJsonString(v, escapeHTML);
      case 'bigint':
        return v.toString();
      case 'number':
        return goJsonFloat(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'function':
        throw new Error('json: unsupported type: func()');
      default:
    }
    if (isGoStruct(v)) return encode(v.toJSON(), true, depth);
    const inner = depth + indent;
    const open = (items: string[], l: string, r: string): string => {
      if (items.length === 0) return l + r;
      if (!indent) return l + items.join(',') + r;
      return `${l}\n${inner}${items.join(`,\n${inner}`)}\n${depth}${r}`;
    };
    if (Array.isArray(v)) return open(v.map((x) => encode(x, ordered, inner)), '[', ']');
    const obj = v as Record<string, unknown>;
    const keys = ordered ? Object.keys(obj) : sortedKeys(obj);
    const sep = indent ? ': ' : ':';
    return open(
      keys.map((k) => goJsonString(k, escapeHTML) + sep + encode(obj[k], ordered, inner)),
      '{',
      '}',
    );
  };
  return encode(value, options.preserveOrder ?? false, '');
}

/** encoding/json's float64 format: like JS for finite values, except that -0 keeps its sign. */
export function goJsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(f, -0) ? '-0' : String(f);
}

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A JSON string literal as encoding/json writes it. */
export function goJsonString(s: string, escapeHTML = true): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    const named = NAMED_ESCAPES[ch];
    if (named) out += named;
    else if (cp < 0x20 || (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // invalid UTF-8 in Go terms
    else out += ch;
  }
  return `${out}"`;
}

/**
 * json.Unmarshal into interface{}: objects become map[string]interface{}, numbers float64. Throws an Error
 * with a Go-like message on malformed input.
 */
export function goJsonUnmarshal(text: string): unknown {
  if (text.trim() === '') throw new Error('unexpected end of JSON input');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`invalid JSON: ${(e as Error).message}`);
  }
  return toTemplateValue(parsed);
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
