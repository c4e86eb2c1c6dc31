/**
 * JSON decoding with Go's encoding/json error texts, for the annotations Istio decodes itself
 * (`proxy.istio.io/overrides`) and templates' fromJson: a syntax error reads like Go's scanner, e.g.
 * "invalid character 'x' looking for beginning of value" or "unexpected end of JSON input".
 */
import { quoteGo } from './quote';

/** Parses `text` as JSON; throws Error with Go's message for malformed input. */
export function goJsonParse(text: string): unknown {
  const err = goJsonSyntaxError(text);
  if (err !== undefined) throw new Error(err);
  return JSON.parse(text);
}

/** Go's quoteChar: the offending character in single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  return `'${quoteGo(c).slice(1, -1)}'`;
}

/** Go's scanner verdict on `s`: undefined when valid JSON, else the error message. */
export function goJsonSyntaxError(s: string): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (context: string): string => (i >= s.length ? 'unexpected end of JSON input' : `invalid character ${quoteChar(s[i])} ${context}`);

  const literal = (word: string): string | undefined => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (s[i] !== word[k]) return fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
    return undefined;
  };
  const string = (): string | undefined => {
    i++; // opening quote
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        i++;
        if (i >= s.length) return fail('');
        if ('"\\/bfnrt'.includes(s[i])) {
          i++;
          continue;
        }
        if (s[i] !== 'u') return fail('in string escape code');
        for (let k = 0; k < 4; k++) {
          i++;
          if (i >= s.length || !/[0-9a-fA-F]/.test(s[i])) return fail('in \\u hexadecimal character escape');
        }
        i++;
        continue;
      }
      if (c < ' ') return fail('in string literal');
      i++;
    }
    return 'unexpected end of JSON input';
  };
  const number = (): string | undefined => {
    if (s[i] === '-') {
      i++;
      if (i >= s.length || !/[0-9]/.test(s[i])) return fail('in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (i < s.length && /[0-9]/.test(s[i])) i++;
    if (s[i] === '.') {
      i++;
      if (i >= s.length || !/[0-9]/.test(s[i])) return fail('after decimal point in numeric literal');
      while (i < s.length && /[0-9]/.test(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (i >= s.length || !/[0-9]/.test(s[i])) return fail('in exponent of numeric literal');
      while (i < s.length && /[0-9]/.test(s[i])) i++;
    }
    return undefined;
  };
  /** The members of an object or the elements of an array, from its opening bracket to `close`. */
  const sequence = (close: string, afterMember: string, member: () => string | undefined): string | undefined => {
    i++;
    ws();
    if (s[i] === close) {
      i++;
      return undefined;
    }
    for (;;) {
      const e = member();
      if (e) return e;
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) {
        i++;
        return undefined;
      }
      return fail(afterMember);
    }
  };
  const value = (): string | undefined => {
    ws();
    if (i >= s.length) return 'unexpected end of JSON input';
    const c = s[i];
    if (c === '{') {
      return sequence('}', 'after object key:value pair', () => {
        ws();
        if (s[i] !== '"') return fail('looking for beginning of object key string');
        const e = string();
        if (e) return e;
        ws();
        if (s[i] !== ':') return fail('after object key');
        i++;
        return value();
      });
    }
    if (c === '[') return sequence(']', 'after array element', value);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return fail('looking for beginning of value');
  };
  const e = value();
  if (e) return e;
  ws();
  return i < s.length ? fail('after top-level value') : undefined;
}
