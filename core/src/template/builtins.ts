/**
 * text/template's predefined functions with Go's argument kinds and error texts. `and`/`or` short-circuit and
 * `call` receives the callee's source text, so exec handles those three specially.
 */
import { GoFuncError } from './errors';
import { formatValue, sprint, sprintf, sprintln } from './printf';
import { isPrint } from '../go/quote';
import { isGoMap, isTrue } from './truth';
import { compareGoStrings, isAscii, utf8Decode, utf8Encode, utf8Length } from '../go/utf8';
import { GoComplex, GoParamKind, GoSignature, goTypeName, isGoStruct, mapZero, withGoType } from './value';

/** A predefined function with its Go signature. */
export interface Builtin extends GoSignature {
  readonly fn: (...args: unknown[]) => unknown;
}

function fail(msg: string): never {
  throw new GoFuncError(msg);
}

/** A nil interface or missing value (reflect's indirectInterface gives an invalid Value for both). */
function isInvalid(v: unknown): boolean {
  return v === undefined || v === null;
}

type Kind = 'bool' | 'int' | 'float' | 'complex' | 'string' | 'invalid';
function basicKind(v: unknown): Kind {
  if (v instanceof GoComplex) return 'complex';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'string';
    default: return 'invalid';
  }
}
function reflectKind(v: unknown): string {
  if (isInvalid(v)) return 'invalid';
  if (Array.isArray(v)) return 'slice';
  if (isGoStruct(v)) return v.goTypeName.startsWith('*') ? 'ptr' : 'struct';
  if (typeof v === 'function') return 'func';
  return isGoMap(v) ? 'map' : basicKind(v);
}
function isNil(v: unknown): boolean {
  return isInvalid(v) || (isGoStruct(v) && v.goNil === true);
}

function eq(a: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (!isInvalid(a) && !isInvalid(b)) fail(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
    } else if (k1 === 'complex') {
      truth = (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
    } else if (k1 !== 'invalid') {
      truth = a === b;
    } else {
      const ka = reflectKind(a), kb = reflectKind(b);
      if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
        fail(`non-comparable types ${sprintf('%s', [a])}: ${goTypeName(a)}, ${goTypeName(b)}: ${formatValue(b)}`);
      }
      if (isNil(a) || isNil(b)) truth = isNil(a) === isNil(b);
      else {
        if (kb === 'slice' || kb === 'map' || kb === 'func') fail(`non-comparable type ${sprintf('%s', [b])}: ${goTypeName(b)}`);
        truth = a === b;
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a), k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') fail('invalid type for comparison');
  if (k1 !== k2) fail(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
  if (k1 === 'bool' || k1 === 'complex') fail('invalid type for comparison');
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return (a as number) < (b as number);
}
const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

function length(v: unknown): bigint {
  if (v === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (v === null || (isGoStruct(v) && v.goNil)) fail('len of nil pointer');
  if (typeof v === 'string') return BigInt(utf8Length(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (isGoMap(v)) return BigInt(Object.keys(v).length);
  return fail(`len of type ${goTypeName(v)}`);
}

function indexArg(i: unknown, cap: number): number {
  if (typeof i === 'bigint') {
    if (i < 0n || i > BigInt(cap)) fail(`index out of range: ${i}`);
    return Number(i);
  }
  if (isInvalid(i)) fail('cannot index slice/array with nil');
  return fail(`cannot index slice/array with type ${goTypeName(i)}`);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (isInvalid(item)) fail('index of untyped nil');
  for (const ix of indexes) {
    if (item === null || item === undefined || (isGoStruct(item) && item.goNil)) fail('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item)) {
      const bytes = typeof item === 'string' && !isAscii(item) ? utf8Encode(item) : null;
      const len = bytes ? bytes.length : item.length;
      const x = indexArg(ix, len);
      if (x === len) fail(`reflect: ${typeof item === 'string' ? 'string' : 'slice'} index out of range`);
      item = typeof item === 'string' ? BigInt(bytes ? bytes[x] : item.charCodeAt(x)) : item[x];
    } else if (isGoMap(item)) {
      if (typeof ix !== 'string') {
        fail(isInvalid(ix) ? 'value is nil; should be of type string' : `value has type ${goTypeName(ix)}; should be string`);
      }
      if (Object.prototype.hasOwnProperty.call(item, ix)) item = item[ix];
      else {
        const z = mapZero(item);
        item = z.typed ? z.zero : null;
      }
    } else {
      fail(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (isInvalid(item)) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: number[] | null = null;
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    bytes = isAscii(item) ? null : utf8Encode(item);
    len = bytes ? bytes.length : item.length;
  } else if (Array.isArray(item)) {
    len = item.length;
  } else {
    return fail(`can't slice item of type ${goTypeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0] > idx[1]) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return bytes ? utf8Decode(bytes.slice(idx[0], idx[1])) : item.slice(idx[0], idx[1]);
  const out = (item as unknown[]).slice(idx[0], idx[1]);
  const typeName = goTypeName(item);
  return typeName === '[]interface {}' ? out : withGoType(out, typeName); // a slice keeps its type
}

/** The text of html/js/urlquery arguments: nil prints as `<no value>`, pointers as their value (printableValue). */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (isInvalid(a) ? '<no value>' : a)), true);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c < 0x80 || isPrint(c)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function call(calleeName: unknown, fn: unknown, ...args: unknown[]): unknown {
  if (isInvalid(fn)) fail('call of nil');
  if (typeof fn !== 'function') fail(`non-function ${String(calleeName)} of type ${goTypeName(fn)}`);
  return (fn as (...a: unknown[]) => unknown)(...args.map((a) => (a === undefined ? null : a)));
}

const V: GoParamKind = 'value';
const ANY: GoParamKind = 'any';

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  and: { params: [V], variadic: V, fn: () => undefined }, // short-circuit, evaluated by exec
  or: { params: [V], variadic: V, fn: () => undefined },
  not: { params: [V], fn: (a) => !isTrue(a) },
  call: { params: [V], variadic: V, fn: call },
  html: { params: [], variadic: ANY, fn: (...a) => htmlEscape(evalArgs(a)) },
  js: { params: [], variadic: ANY, fn: (...a) => { const s = evalArgs(a); return /[\\'"<>&=\u0000-\u001f\u0080-\uffff]/.test(s) ? jsEscape(s) : s; } },
  urlquery: { params: [], variadic: ANY, fn: (...a) => queryEscape(evalArgs(a)) },
  index: { params: [V], variadic: V, fn: index },
  slice: { params: [V], variadic: V, fn: slice },
  len: { params: [V], fn: length },
  print: { params: [], variadic: ANY, fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: ANY, fn: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: ANY, fn: (...a) => sprintln(a) },
  eq: { params: [V], variadic: V, fn: eq },
  ne: { params: [V, V], fn: (a, b) => !eq(a, b) },
  lt: { params: [V, V], fn: lt },
  le: { params: [V, V], fn: le },
  gt: { params: [V, V], fn: (a, b) => !le(a, b) },
  ge: { params: [V, V], fn: (a, b) => !lt(a, b) },
};
