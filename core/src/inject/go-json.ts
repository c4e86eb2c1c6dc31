/**
 * JSON text the way Go's encoding/json writes it. Istio stores several JSON documents in annotations and env vars
 * (status annotation, app probers, Prometheus config); their bytes end up in the output, so escaping must match Go:
 * HTML-sensitive characters and U+2028/U+2029 are escaped, and keys keep the order the caller built.
 */

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A Go-escaped JSON string literal. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) { out += short; continue; }
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** Marshal plain JSON data (objects in insertion order, arrays, strings, numbers, booleans, null) like Go. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '[' + value.map(goJson).join(',') + ']';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    parts.push(goJsonString(k) + ':' + goJson(v));
  }
  return '{' + parts.join(',') + '}';
}

/** Go marshals map keys sorted; use this for data that is a Go map. */
export function sortedKeys<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return out;
}

/** Go's %q for ordinary text (printable characters; close enough to strconv.Quote for messages). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
