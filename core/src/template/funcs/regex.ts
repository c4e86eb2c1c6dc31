/**
 * sprig's regex functions. Go's RE2 syntax is translated to a JS RegExp for the common subset (inline flags at the
 * start, (?P<name>), \A, \z, POSIX classes); replacement templates follow Go's $name / ${name} expansion.
 */
import { fixed, FuncSpec, intArg, stringArg } from './args';
import { strings } from './strings';

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** regexp.Compile; throws Go's error prefix when the pattern does not compile. */
export function compileGoRegexp(pattern: string, global = false): RegExp {
  let src = pattern;
  let flags = global ? 'g' : '';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    src = src.slice(lead[0].length);
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  src = src
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      return cls === undefined ? m : neg ? `[^${cls}]` : cls;
    });
  try {
    return new RegExp(src, `${flags}u`);
  } catch {
    try {
      return new RegExp(src, flags);
    } catch (e) {
      throw new Error(`regexp: Compile(${'`'}${pattern}${'`'}): error parsing regexp: ${(e as Error).message}`);
    }
  }
}

/** Go's Regexp.Expand template: $1, $name, ${name}, $$; unknown names expand to "". */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (whole, _all: string, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}

/** All matches, skipping an empty match right after the previous match (Go's FindAll rule). */
function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let prevEnd = -1;
  let m: RegExpExecArray | null;
  while ((n < 0 || out.length < n) && (m = g.exec(s)) !== null) {
    if (m[0] === '') {
      g.lastIndex++;
      if (m.index === prevEnd) continue;
    }
    out.push(m);
    prevEnd = m.index + m[0].length;
  }
  return out;
}

function replaceAll(re: RegExp, s: string, repl: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, -1)) {
    out += s.slice(last, m.index) + repl(m);
    last = m.index + m[0].length;
  }
  return out + s.slice(last);
}

/** Regexp.Split. */
function regexSplit(re: RegExp, pattern: string, s: string, n: number): string[] {
  if (n === 0) return [];
  if (pattern.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

const str = stringArg;
const quiet = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

export const regexFuncs: Record<string, FuncSpec> = {
  regexMatch: fixed(2, (r, s) => quiet(() => compileGoRegexp(str(r)).test(str(s)), false)),
  mustRegexMatch: fixed(2, (r, s) => compileGoRegexp(str(r)).test(str(s))),
  regexFind: fixed(2, (r, s) => compileGoRegexp(str(r)).exec(str(s))?.[0] ?? ''),
  mustRegexFind: fixed(2, (r, s) => compileGoRegexp(str(r)).exec(str(s))?.[0] ?? ''),
  regexFindAll: fixed(3, (r, s, n) => strings(findAll(compileGoRegexp(str(r)), str(s), intArg(n)).map((m) => m[0]))),
  mustRegexFindAll: fixed(3, (r, s, n) => strings(findAll(compileGoRegexp(str(r)), str(s), intArg(n)).map((m) => m[0]))),
  regexReplaceAll: fixed(3, (r, s, t) => replaceAll(compileGoRegexp(str(r)), str(s), (m) => expand(str(t), m))),
  mustRegexReplaceAll: fixed(3, (r, s, t) => replaceAll(compileGoRegexp(str(r)), str(s), (m) => expand(str(t), m))),
  regexReplaceAllLiteral: fixed(3, (r, s, t) => replaceAll(compileGoRegexp(str(r)), str(s), () => str(t))),
  mustRegexReplaceAllLiteral: fixed(3, (r, s, t) => replaceAll(compileGoRegexp(str(r)), str(s), () => str(t))),
  regexSplit: fixed(3, (r, s, n) => strings(regexSplit(compileGoRegexp(str(r)), str(r), str(s), intArg(n)))),
  mustRegexSplit: fixed(3, (r, s, n) => strings(regexSplit(compileGoRegexp(str(r)), str(r), str(s), intArg(n)))),
  regexQuoteMeta: fixed(1, (s) => str(s).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};
