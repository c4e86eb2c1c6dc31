/**
 * Items that move from one list to a sibling list, like a customised `istio-proxy` container that native-sidecar
 * injection moves from `containers` to `initContainers`: the item's own text (comments, quoting, order) goes along,
 * edited for its new value and re-indented for its new place, instead of being written from scratch.
 */
import { isMap, isSeq, isScalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import { isPlainObject } from './preserve-json';
import { applyEdits, contentEnd, endOfLine, firstOnLine, itemDashes, lineStart } from './preserve-text';
import type { TextEdit } from './preserve-text';

/** Where a moved item's text is in the original. */
export interface MoveSource {
  node: Node;
  dash: number;
  /** Column of the dash. */
  col: number;
}

/** Edits that turn `source` into `after` in place, as the diff makes them for a sequence item. */
export type ItemDiff = (source: MoveSource, after: unknown, edits: TextEdit[]) => void;

function nameOf(item: unknown): string | undefined {
  return isPlainObject(item) && typeof item.name === 'string' ? item.name : undefined;
}

function nodeName(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'name');
  return isScalar(pair?.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

/**
 * Items of a map's block sequences that leave their list and appear, by name, in a sibling list where they were not.
 * Keyed by the item object in the new value, for the code that writes the target list.
 */
export function findMoves(text: string, pairs: Pair[], keys: string[], after: Record<string, unknown>): Map<object, MoveSource> {
  const leaving = new Map<string, { source: MoveSource; from: string }>();
  const namesBefore = new Map<string, Set<string>>();
  pairs.forEach((pair, i) => {
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || seq.items.length === 0) return;
    const names = new Set(seq.items.map(nodeName).filter((n): n is string => n !== undefined));
    namesBefore.set(keys[i], names);
    const target = after[keys[i]];
    const staying = new Set(Array.isArray(target) ? target.map(nameOf) : []);
    let dashes: number[];
    try {
      dashes = itemDashes(text, seq);
    } catch {
      return;
    }
    seq.items.forEach((item, j) => {
      const name = nodeName(item);
      if (name === undefined || staying.has(name) || leaving.has(name) || !firstOnLine(text, dashes[j])) return;
      leaving.set(name, { source: { node: item as Node, dash: dashes[j], col: dashes[j] - lineStart(text, dashes[j]) }, from: keys[i] });
    });
  });

  const moves = new Map<object, MoveSource>();
  for (const [key, list] of Object.entries(after)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const name = nameOf(item);
      const move = name === undefined ? undefined : leaving.get(name);
      if (move && move.from !== key && !namesBefore.get(key)?.has(name!)) moves.set(item as object, move.source);
    }
  }
  return moves;
}

/**
 * The moved item's lines, edited to read as `after` and re-indented so its dash is at `col`; undefined when its text
 * cannot be carried (then it is written fresh).
 */
export function movedItemLines(text: string, source: MoveSource, after: unknown, col: number, diff: ItemDiff, eol: string): string | undefined {
  const edits: TextEdit[] = [];
  try {
    diff(source, after, edits);
  } catch {
    return undefined;
  }
  const start = lineStart(text, source.dash);
  const end = endOfLine(text, Math.max(source.dash + 1, contentEnd(text, source.node)));
  if (edits.some((e) => e.start < start || e.end > end)) return undefined;
  let lines = applyEdits(text.slice(start, end), edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
  if (!lines.endsWith('\n')) lines += eol;
  return reindent(lines, col - source.col);
}

/** Shift every line by `delta` columns; undefined if a line has too little indentation to shift left. */
function reindent(lines: string, delta: number): string | undefined {
  if (delta === 0) return lines;
  const out: string[] = [];
  for (const line of lines.split('\n')) {
    if (line.trim() === '') out.push(line);
    else if (delta > 0) out.push(' '.repeat(delta) + line);
    else if (/^ */.exec(line)![0].length >= -delta) out.push(line.slice(-delta));
    else return undefined;
  }
  return out.join('\n');
}
