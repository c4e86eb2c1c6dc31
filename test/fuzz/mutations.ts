/**
 * Text mutations of a YAML document, described as plain data so fast-check can generate and shrink them. They
 * work on lines, not on a parsed tree: the point is to feed the core text a person could have typed (or broken),
 * and every byte the mutation does not touch stays as it was, which is what the `preserve` output is judged on.
 *
 * Positions are free integers taken modulo the number of lines (or characters), so any number is a valid target
 * and shrinking towards 0 moves towards the top of the document.
 */

export type Mutation =
  /** Delete a `key:` line together with its indented block. */
  | { op: 'dropKey'; at: number }
  /** Repeat a `key:` line and its block right after it (duplicate keys: the last wins). */
  | { op: 'duplicateKey'; at: number }
  /** Replace the value of a `key:` line (scalar or block) by an odd one. */
  | { op: 'retype'; at: number; value: string }
  /** Anchor one value and refer to it from a later key. */
  | { op: 'alias'; at: number; to: number }
  /** Change the document's kind (and sometimes apiVersion). */
  | { op: 'swapKind'; kind: string; apiVersion?: string }
  /** Wrap a list item or a scalar value in one more list. */
  | { op: 'nestList'; at: number }
  /** Insert a comment line, or a trailing comment. */
  | { op: 'comment'; at: number; text: string; trailing: boolean }
  /** Insert a document separator (or a look-alike) line. */
  | { op: 'separator'; at: number; line: string }
  /** Cut the text at some character. */
  | { op: 'truncate'; at: number }
  /** Insert arbitrary text at some character. */
  | { op: 'insert'; at: number; text: string }
  /** Shift a line's indentation (possibly to tabs). */
  | { op: 'indent'; at: number; delta: number; tabs: boolean }
  /** Whole-text encodings: CRLF line ends, a byte order mark, no final newline. */
  | { op: 'encoding'; form: 'crlf' | 'bom' | 'noFinalNewline' };

/** Values that YAML and Kubernetes read in surprising ways; `$` stands for the indentation of a block below. */
export const ODD_VALUES: readonly string[] = [
  '~', 'null', '""', "''", '[]', '{}', '[x]', '{a: 1}', '[[1, [2]], {b: [c]}]', '- x', 'yes', 'no', 'on', 'off', 'y', 'n',
  'true', 'True', '0', '-1', '1.5', '1e3', '1e309', '-.inf', '.nan', '0x1F', '0o17', '017', '1_000', '12:30:00',
  '2001-12-14', '99999999999999999999999', '"15020"', "'80'", '!!str 1', '!!int "7"', '!!float 1', '!!binary aGVsbG8=',
  '!!map {}', '!!seq []', '!!set {a, b}', '!!omap [a: 1]', '!custom x', '!!timestamp 2001-12-14', '=', '<<', '&anchor v',
  '*nowhere', '|\n$x\n$y', '>-\n$folded\n$text', '|+\n$keep\n\n', '|2\n$  indented', '"\\u00e9\\t\\0"', "'it''s'",
  '"multi\n$line"', 'a: b', '- - x', '? complex\n$: key', '"\uFFFD"', '🧪 é 中文', 'null # comment', '\t', '-', ':',
];

export const KINDS: readonly string[] = [
  'Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
  'DeploymentConfig', 'List', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'Ingress', 'ServiceAccount',
  'CustomResource', '', 'pod', '"Deployment"', '[Pod]', '1',
];

export const API_VERSIONS: readonly string[] = ['v1', 'apps/v1', 'batch/v1', 'batch/v1beta1', 'apps.openshift.io/v1', 'extensions/v1beta1', 'x/y/z', ''];

export const SEPARATORS: readonly string[] = ['---', '--- # next', '---   ', '...', '---x', '--- a: b', '--', ' ---', '----'];

interface Line {
  indent: number;
  text: string;
}

/** Applies the mutations in order; each is a total function of the text. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'truncate':
      return text.slice(0, mod(m.at, text.length + 1));
    case 'insert': {
      const at = mod(m.at, text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'encoding':
      if (m.form === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.form === 'bom') return `\uFEFF${text}`;
      return text.replace(/\n+$/, '');
    case 'swapKind': {
      let out = replaceTopLevel(text, 'kind', m.kind);
      if (m.apiVersion !== undefined) out = replaceTopLevel(out, 'apiVersion', m.apiVersion);
      return out;
    }
    default:
      return joinLines(mutateLines(splitLines(text), m), text);
  }
}

function mutateLines(lines: Line[], m: Mutation): Line[] {
  if (lines.length === 0) return lines;
  const keys = keyLines(lines);
  const key = keys.length ? keys[mod('at' in m ? m.at : 0, keys.length)] : undefined;
  switch (m.op) {
    case 'dropKey':
      return key === undefined ? lines : [...lines.slice(0, key), ...lines.slice(blockEnd(lines, key))];
    case 'duplicateKey':
      if (key === undefined) return lines;
      return [...lines.slice(0, blockEnd(lines, key)), ...lines.slice(key, blockEnd(lines, key)), ...lines.slice(blockEnd(lines, key))];
    case 'retype':
      return key === undefined ? lines : setValue(lines, key, m.value);
    case 'alias': {
      if (key === undefined || keys.length < 2) return lines;
      const later = keys.filter((k) => k > key && k >= blockEnd(lines, key));
      if (!later.length) return lines;
      const target = later[mod(m.to, later.length)];
      const anchored = lines.map((l, i) => (i === key ? { ...l, text: anchorValue(l.text) } : l));
      return setValue(anchored, target, '*fz');
    }
    case 'nestList': {
      const i = mod(m.at, lines.length);
      const l = lines[i];
      if (l.text.startsWith('- ')) {
        const end = blockEnd(lines, i);
        return lines.map((x, j) => (j === i ? { ...x, text: `- ${x.text}` } : j > i && j < end ? { ...x, indent: x.indent + 2 } : x));
      }
      return key === undefined ? lines : setValue(lines, key, `[${valueOf(lines[key].text) || '[]'}]`, false);
    }
    case 'comment': {
      const i = mod(m.at, lines.length);
      const comment = `# ${m.text.replace(/[\r\n]/g, ' ')}`;
      if (m.trailing) return lines.map((l, j) => (j === i ? { ...l, text: `${l.text} ${comment}` } : l));
      return [...lines.slice(0, i), { indent: lines[i].indent, text: comment }, ...lines.slice(i)];
    }
    case 'separator': {
      const i = mod(m.at, lines.length + 1);
      return [...lines.slice(0, i), { indent: 0, text: m.line }, ...lines.slice(i)];
    }
    case 'indent': {
      const i = mod(m.at, lines.length);
      return lines.map((l, j) => (j === i ? { indent: Math.max(0, l.indent + m.delta), text: m.tabs ? `\t${l.text}` : l.text } : l));
    }
    default:
      return lines;
  }
}

/** Indices of lines that look like `key: ...` or `key:` (including `- key: ...`). */
function keyLines(lines: Line[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (/^(- )?[^\s#:][^:#]*:( |$)/.test(l.text)) out.push(i);
  });
  return out;
}

/** One past the last line of the block that line `i` opens: deeper lines, and `- ` items at its own indentation. */
function blockEnd(lines: Line[], i: number): number {
  const base = lines[i].indent + (lines[i].text.startsWith('- ') ? 2 : 0);
  const opensBlock = /:\s*$/.test(lines[i].text) || lines[i].text.startsWith('- ');
  let j = i + 1;
  while (j < lines.length) {
    const l = lines[j];
    if (l.text === '') j++;
    else if (l.indent > base || (opensBlock && l.indent === base && l.text.startsWith('- ') && /:\s*$/.test(lines[i].text))) j++;
    else break;
  }
  return j;
}

/** `key: value` with a new value; a block under the key is dropped (the value replaces it). */
function setValue(lines: Line[], i: number, value: string, dropBlock = true): Line[] {
  const l = lines[i];
  const keyPart = /^((- )?[^:]*:)/.exec(l.text)?.[1] ?? l.text;
  const childIndent = ' '.repeat(l.indent + 2 + (l.text.startsWith('- ') ? 2 : 0));
  const [first, ...rest] = value.replace(/\$/g, childIndent).split('\n');
  const replaced: Line[] = [{ indent: l.indent, text: `${keyPart} ${first}` }, ...rest.map((text) => ({ indent: 0, text }))];
  const end = dropBlock ? blockEnd(lines, i) : i + 1;
  return [...lines.slice(0, i), ...replaced, ...lines.slice(end)];
}

function anchorValue(text: string): string {
  const m = /^((- )?[^:]*:)\s?(.*)$/.exec(text);
  return m ? `${m[1]} &fz ${m[3]}`.trimEnd() : text;
}

function valueOf(text: string): string {
  return /^(?:- )?[^:]*:\s?(.*)$/.exec(text)?.[1] ?? '';
}

function replaceTopLevel(text: string, key: string, value: string): string {
  const re = new RegExp(`^${key}:.*$`, 'm');
  return re.test(text) ? text.replace(re, () => `${key}: ${value}`) : `${key}: ${value}\n${text}`;
}

function splitLines(text: string): Line[] {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body === '') return [];
  return body.split('\n').map((raw) => {
    const indent = /^ */.exec(raw)![0].length;
    return { indent, text: raw.slice(indent) };
  });
}

function joinLines(lines: Line[], original: string): string {
  const body = lines.map((l) => ' '.repeat(l.indent) + l.text).join('\n');
  return original.endsWith('\n') || original === '' ? `${body}\n` : body;
}

function mod(n: number, m: number): number {
  return m === 0 ? 0 : ((n % m) + m) % m;
}
