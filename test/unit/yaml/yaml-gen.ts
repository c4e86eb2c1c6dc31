/**
 * Random YAML texts for differential tests of the fast decoder: nested block collections in every layout the
 * decoder reads (and some it must decline), scalars of every kind and quoting, block scalars, flow collections,
 * comments and blank lines, then random small mutations of those texts. Seeded, so failures reproduce.
 */

export type Rng = () => number;

/** mulberry32: a small seeded generator. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function int(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** Plain scalars of every resolution, and texts that must not be read as plain scalars. */
export const PLAIN_SCALARS = [
  '0', '-0', '+0', '12', '-12', '+12', '1_000', '012', '0777', '0o17', '08', '0_7', '0b101', '-0b11', '0b', '0x1F', '-0xff',
  '0xG', '0x_1', '1.5', '-1.5', '.5', '1.', '+.5', '1_0.5', '.', '-.', '1e3', '1E-3', '1.5e+10', 'e5', '.e5', '1e',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.Nan', 'inf', 'nan', '123456789012345678901', '1e400',
  '~', 'null', 'Null', 'NULL', 'nULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'on', 'On',
  'ON', 'oN', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', '<<', '=',
  '12:30', '1:20:30', '2024-01-01', '2001-12-14t21:59:43.10-05:00', 'a b', 'a#b', 'http://x:80/y', '-p', '--flag=x',
  'a:b', '-1-', '$(POD_NAMESPACE).svc', 'é', '日本語', 'a  b', "a'b", 'a"b', 'a[b]', 'a{b}', 'a,b',
  'istiod.istio-system.svc:15012', '15090,15021', 'x?', 'x!', 'x&y', 'x*y', 'x|y', 'x>y', 'x%', 'x@', 'x`',
];

/** Texts the decoder must decline (or that are errors). */
const NASTY_PLAIN = [
  '-', '*', '@x', '`x', '%x', '&a x', '*a', '!t x', '!!str 1', '? x', ': x', ',x', '[x', ']x', '{x', '}x', '|x', '>x', '#x',
  'a: b', 'a:', '- a', '--- x', '... x',
];

const KEYS = [
  'name', 'image', 'a', 'b', 'key with spaces', 'k8s.io/x', '1', '0x10', '1.0', 'true', 'yes', 'on', 'Off', 'null',
  '~', '<<', '-k', 'a-b', 'x:y', '__proto__', 'toString', 'constructor', '日本', 'é', '.inf', '.nan', '"q"', "'q'",
  '"a b"', "'it''s'", '"with: colon"', '"<<"', '"\\u0041"', '? complex', '&anchor k', '!tag k', '[a]', '{a: 1}',
];

const DOUBLE_QUOTED = [
  '""', '"x"', '"a b"', '"15001"', '"true"', '"\\n\\t\\\\\\"x"', '"\\x41\\u263A\\U0001F600"', '"\\/\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\r\\v"',
  '"a # b"', '"a: b"', '"{{ x }}"', '"\'"', '"trailing  "', '"  leading"',
  '"multi\n  line"', '"multi\n\n  line"', '"multi  \n   line  \n  end"', '"esc\\\n  aped"', '"a\n\n\n  b"', '"x\n"', '"\n  x"',
  '"a" #c',
];

const NASTY_QUOTED = ['"\\q"', '"\\x4"', '"\\U00110000"', '"unterminated', '"a"b', '"a"#c', "'unterminated", "'a'b"];

const SINGLE_QUOTED = [
  "''", "'x'", "'it''s'", "''''", "'a \\n b'", "'a # b'", "'multi\n  line'", "'multi\n\n  line  '", "'a  \n  b\n  '",
  "'a' #c", "'\"'",
];

/** How often a generated piece is one the decoder must decline; set per document. */
let nasty = 0;

function plainOrQuoted(r: Rng): string {
  if (r() < nasty) return pick(r, r() < 0.5 ? NASTY_PLAIN : NASTY_QUOTED);
  const x = r();
  if (x < 0.55) return pick(r, PLAIN_SCALARS);
  if (x < 0.8) return pick(r, DOUBLE_QUOTED);
  return pick(r, SINGLE_QUOTED);
}

/** A scalar value written after `key: ` or `- ` at nesting indentation `indent`; multi-line forms indent deeper. */
function scalarText(r: Rng, indent: number): string {
  const deeper = ' '.repeat(indent + int(r, 0, 3));
  return plainOrQuoted(r).replace(/\n */g, (m) => (r() < 1 - nasty ? `\n${deeper}` : m));
}

function blockScalar(r: Rng, indent: number): string {
  const header = r() < nasty ? pick(r, ['|2', '>1-', '|-1', '|#c', '|x', '|++']) : pick(r, ['|', '>', '|-', '>-', '|+', '>+', '| # c']);
  const base = indent + int(r, 1, 3);
  const lines: string[] = [];
  const n = int(r, 0, 5);
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.15) lines.push('');
    else if (kind < 0.25) lines.push(' '.repeat(int(r, 0, base + 2)));
    else if (kind < 0.4) lines.push(' '.repeat(base + int(r, 1, 3)) + pick(r, ['more', '# not a comment', '- x']));
    else lines.push(' '.repeat(base) + pick(r, ['text', 'a: b', '{"json": 1}', '[', ']', '#x', 'x  ', "'q'", '"dq"']));
  }
  return header + (lines.length ? '\n' + lines.join('\n') : '');
}

function flowScalar(r: Rng): string {
  if (r() < nasty) return pick(r, ['"k":1', 'x:y', '<<', '', 'a]', '&x y', '*y', '!t z', '? k', '- x']);
  return pick(r, ['a', 'b c', '1', '0x1F', 'true', 'null', '~', '"q"', "'s'", '"a, b"', "'x: y'", '-1', '.5', 'http://x', 'a#b', '""', 'a b #c']);
}

function flow(r: Rng, depth: number, indent: number): string {
  const sep = (): string => (r() < 0.25 ? '\n' + ' '.repeat(Math.max(0, indent + int(r, r() < nasty ? -1 : 1, 3))) : pick(r, [' ', '', '  ']));
  const n = int(r, 0, 3);
  const items: string[] = [];
  const isMap = r() < 0.5;
  for (let i = 0; i < n; i++) {
    const value = depth < 2 && r() < 0.3 ? flow(r, depth + 1, indent + 2) : flowScalar(r);
    const key = r() < nasty ? pick(r, ['<<', '~', '"j"']) : pick(r, ['a', 'b', '"c"', "'d'", '1', 'yes', 'k k']);
    const colon = r() < nasty ? pick(r, [':', ' : ']) : pick(r, [': ', ':  ']);
    items.push(isMap ? `${key}${colon}${value}` : value);
  }
  const trailing = r() < 0.3 ? ',' : '';
  const body = items.map((x, i) => (i ? ',' + sep() : sep()) + x).join('') + trailing + sep();
  return isMap ? `{${body}}` : `[${body}]`;
}

/** A value at nesting indentation `indent`: what follows `key:` (inline text, or lines starting with "\n"). */
function value(r: Rng, depth: number, indent: number): string {
  const x = r();
  if (depth > 3 || x < 0.45) return ' ' + scalarText(r, indent + 1);
  if (x < 0.55) return ' ' + blockScalar(r, indent);
  if (x < 0.65) return ' ' + flow(r, 0, indent + 1);
  if (x < 0.7) return r() < nasty ? pick(r, [' &a x', ' *a', ' !!str 1', ' ? x']) : pick(r, ['', ' ', ' # comment']);
  const step = pick(r, [1, 2, 2, 2, 4]);
  if (x < 0.85) return '\n' + mapping(r, depth + 1, indent + step);
  const seqIndent = r() < 0.4 ? indent : indent + step;
  return '\n' + sequence(r, depth + 1, seqIndent);
}

function filler(r: Rng, indent: number): string {
  const x = r();
  if (x < 0.85) return '';
  if (x < 0.92) return ' '.repeat(int(r, 0, indent + 3)) + '\n';
  return ' '.repeat(int(r, 0, indent + 3)) + '# note: x\n';
}

function mapping(r: Rng, depth: number, indent: number): string {
  const pad = ' '.repeat(indent);
  const n = int(r, 1, 4);
  let out = '';
  for (let i = 0; i < n; i++) {
    const key = r() < nasty ? pick(r, KEYS) : r() < 0.8 ? pick(r, KEYS.slice(0, 12)) : pick(r, KEYS.slice(0, 28));
    out += `${filler(r, indent)}${pad}${key}:${value(r, depth, indent)}\n`;
  }
  return out.slice(0, -1);
}

function sequence(r: Rng, depth: number, indent: number): string {
  const pad = ' '.repeat(indent);
  const n = int(r, 1, 4);
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = r();
    let item: string;
    if (depth > 3 || x < 0.4) item = ' ' + scalarText(r, indent + 1);
    else if (x < 0.7) {
      // A compact mapping: its first key on the dash's line, the others aligned under it.
      const inner = mapping(r, depth + 1, indent + 2);
      item = ' ' + inner.replace(/^\s*(?:#.*)?\n/gm, '').slice(indent + 2);
    } else if (x < 0.8) item = ' ' + sequence(r, depth + 1, indent + 2).slice(indent + 2);
    else if (x < 0.9) item = '\n' + mapping(r, depth + 1, indent + 2);
    else item = pick(r, ['', ' ', ' # c', ' ' + flow(r, 0, indent + 1), ' ' + blockScalar(r, indent)]);
    out += `${filler(r, indent)}${pad}-${item}\n`;
  }
  return out.slice(0, -1);
}

/** One random document, sometimes with document markers around it. */
export function randomDocument(r: Rng): string {
  nasty = r() < 0.5 ? 0 : 0.04;
  const x = r();
  let body: string;
  if (x < 0.6) body = mapping(r, 0, r() < 0.9 ? 0 : 2);
  else if (x < 0.85) body = sequence(r, 0, 0);
  else if (x < 0.92) body = scalarText(r, 0);
  else body = flow(r, 0, 0);
  const before = r() < nasty ? pick(r, ['--- \n', '%YAML 1.1\n---\n', '--- x\n', '---\n---\n']) : pick(r, ['', '', '', '---\n', '# head\n', '\n\n']);
  const after = r() < nasty ? '\n---\nnext: doc\n' : pick(r, ['', '\n', '', '\n---\n', '\n...\n', '\n# tail\n']);
  return before + body + after;
}

const MUTATION_CHARS = [' ', ' ', ':', '-', '#', "'", '"', '\n', '{', '}', '[', ']', ',', '|', '>', '&', '*', '!', '?', '\t', '\\', 'x', '0'];

/** The text with one to three small random edits. */
export function mutate(r: Rng, text: string): string {
  let t = text;
  for (let n = int(r, 1, 3); n > 0; n--) {
    const at = int(r, 0, t.length);
    const x = r();
    if (x < 0.3) t = t.slice(0, at) + t.slice(at + 1);
    else if (x < 0.7) t = t.slice(0, at) + pick(r, MUTATION_CHARS) + t.slice(at);
    else {
      const lines = t.split('\n');
      const i = int(r, 0, lines.length - 1);
      if (x < 0.85) lines[i] = r() < 0.5 ? ' ' + lines[i] : lines[i].replace(/^ /, '');
      else lines.splice(i, 0, lines[i]);
      t = lines.join('\n');
    }
  }
  return t;
}
