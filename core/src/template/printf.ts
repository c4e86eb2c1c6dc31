/**
 * Go's fmt printing of template values: Sprint, Sprintln, Sprintf (verbs v +v #v T t d b o O x X c q U e E f F g G s
 * with flags, width, precision, `*` and `[n]` argument indexes) and the `%!verb(type=value)`, `%!v(MISSING)`,
 * `%!(EXTRA …)` error forms.
 *
 * Gaps: `%#v` of structs uses GoStruct.goFormat (Go would print `&pkg.T{…}`); `%p` and `%b` on floats print as bad
 * verbs; pointers nested inside containers print as a fixed placeholder address.
 */
import { noFlags, Printer } from './printer';
import { goTypeName } from './value';

/** fmt.Sprint; `derefPointers` prints struct pointers as their struct (as template escapers do). */
export function sprint(args: readonly unknown[], derefPointers = false): string {
  const p = new Printer();
  p.derefPointer = derefPointers;
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(a, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(a, 'v');
  });
  return p.buf + '\n';
}

/**
 * fmt's `%v` of a single value. `derefPointer` drops the `&` of a top-level struct pointer, as template actions
 * print values (Go's printableValue indirects pointers first).
 */
export function formatValue(v: unknown, derefPointer = false): string {
  if (typeof v === 'string') return v;
  const p = new Printer();
  p.derefPointer = derefPointer;
  p.printArg(v, 'v');
  return p.buf;
}

const MAX_NUM = 1e6;
/** Go's parsenum: decimal digits from i; absent or too large numbers are not numbers. */
function parseNum(s: string, i: number): { num: number; isNum: boolean; next: number } {
  let num = 0;
  let isNum = false;
  let j = i;
  for (; j < s.length && s[j] >= '0' && s[j] <= '9'; j++) {
    if (num > MAX_NUM) return { num: 0, isNum: false, next: s.length };
    num = num * 10 + (s.charCodeAt(j) - 48);
    isNum = true;
  }
  return { num, isNum, next: j };
}

function intFromArg(args: readonly unknown[], n: number): { num: number; ok: boolean; next: number } {
  if (n >= args.length) return { num: 0, ok: false, next: n };
  const a = args[n];
  if (typeof a === 'bigint' && a >= -BigInt(MAX_NUM) && a <= BigInt(MAX_NUM)) return { num: Number(a), ok: true, next: n + 1 };
  return { num: 0, ok: false, next: n + 1 };
}

/** fmt.Sprintf */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { i, found: false };
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (end - i < 3 || close < 0) {
      goodArgNum = false;
      return { i: i + 1, found: false };
    }
    const { num, isNum, next } = parseNum(format, i + 1);
    if (!isNum || next !== close) {
      goodArgNum = false;
      return { i: close + 1, found: false };
    }
    if (num - 1 >= 0 && num - 1 < args.length) {
      argNum = num - 1;
      return { i: close + 1, found: true };
    }
    goodArgNum = false;
    return { i: close + 1, found: true };
  };

  for (let i = 0; i < end;) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = pct + 1;
    const f = (p.f = noFlags());
    let simple = false;
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') { f.minus = true; f.zero = false; }
      else if (c === ' ') f.space = true;
      else {
        if (c >= 'a' && c <= 'z' && argNum < args.length) { // fast path: flags and a plain verb
          if (c === 'v') {
            f.sharpV = f.sharp; f.sharp = false;
            f.plusV = f.plus; f.plus = false;
          }
          p.printArg(args[argNum], c);
          argNum++;
          i++;
          simple = true;
        }
        break;
      }
    }
    if (simple) continue;

    ({ i, found: afterIndex } = argNumber(i));
    if (i < end && format[i] === '*') {
      i++;
      const r = intFromArg(args, argNum);
      f.wid = r.num; f.widPresent = r.ok; argNum = r.next;
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) { f.wid = -f.wid; f.minus = true; f.zero = false; }
      afterIndex = false;
    } else {
      const r = parseNum(format, i);
      f.wid = r.num; f.widPresent = r.isNum; i = r.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      ({ i, found: afterIndex } = argNumber(i));
      if (i < end && format[i] === '*') {
        i++;
        const r = intFromArg(args, argNum);
        f.prec = r.num; f.precPresent = r.ok; argNum = r.next;
        if (f.prec < 0) { f.prec = 0; f.precPresent = false; }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const r = parseNum(format, i);
        f.prec = r.num; f.precPresent = r.isNum; i = r.next;
        if (!f.precPresent) { f.prec = 0; f.precPresent = true; }
      }
    }
    if (!afterIndex) ({ i, found: afterIndex } = argNumber(i));
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp; f.sharp = false;
        f.plusV = f.plus; f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.buf += ', ';
      if (a === null || a === undefined) p.buf += '<nil>';
      else {
        p.buf += goTypeName(a) + '=';
        p.printArg(a, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
