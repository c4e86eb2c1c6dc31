/**
 * Go's encoding/json output, byte for byte: sorted map keys, HTML-safe escaping, Go's float format, `\ufffd` for
 * text that is not valid UTF-8. Used for template functions (toJson …) and for the JSON Istio writes into
 * annotations and env vars (status, app probers, Prometheus scrape config, overrides).
 */
import { compareGoStrings } from './utf8';

export interface MarshalOptions {
  /** json.Marshal escapes <, > and & (\u003c …); an Encoder with SetEscapeHTML(false) does not. */
  escapeHTML?: boolean;
  /** MarshalIndent's indent string (prefix is always ""). */
  indent?: string;
  /**
   * Keep every object's key order: the data was built in Go's output order (struct fields in declaration order, Go
   * maps already in key order, see inGoMapOrder). Without it every object is a Go map and its keys are sorted.
   */
  preserveOrder?: boolean;
  /** Leave out object properties whose value is undefined (how TypeScript records spell `omitempty`). */
  omitUndefined?: boolean;
}

/** For plain TypeScript data built in Go's output order: keys as built, undefined properties left out. */
export const AS_BUILT: Readonly<MarshalOptions> = Object.freeze({ preserveOrder: true, omitUndefined: true });

/**
 * json.Marshal. A value with a toJSON method (a Go struct, see template/value.ts) is encoded from what toJSON returns,
 * in that object's key order. Throws Go's error for values JSON cannot hold (NaN, ±Inf, functions).
 */
export function goJsonMarshal(value: unknown, options: MarshalOptions = {}): string {
  const escapeHTML = options.escapeHTML ?? true;
  const indent = options.indent ?? '';
  const omitUndefined = options.omitUndefined ?? false;
  const sep = indent ? ': ' : ':';
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
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return encode(toJSON.call(v), true, depth);
    const inner = depth + indent;
    const open = (items: string[], l: string, r: string): string => {
      if (items.length === 0) return l + r;
      if (!indent) return l + items.join(',') + r;
      return `${l}\n${inner}${items.join(`,\n${inner}`)}\n${depth}${r}`;
    };
    if (Array.isArray(v)) return open(v.map((x) => encode(x, ordered, inner)), '[', ']');
    const obj = v as Record<string, unknown>;
    let keys = ordered ? Object.keys(obj) : Object.keys(obj).sort(compareGoStrings);
    if (omitUndefined) keys = keys.filter((k) => obj[k] !== undefined);
    return open(
      keys.map((k) => goJsonString(k, escapeHTML) + sep + encode(obj[k], ordered, inner)),
      '{',
      '}',
    );
  };
  return encode(value, options.preserveOrder ?? false, '');
}

/**
 * A record re-keyed in Go's map order, for a Go map inside preserveOrder data. (Integer-like keys such as "10" are
 * always enumerated first by JavaScript, so they cannot be ordered this way.)
 */
export function inGoMapOrder<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort(compareGoStrings)) out[k] = obj[k];
  return out;
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
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate: invalid UTF-8 in Go terms
    else out += ch;
  }
  return `${out}"`;
}
