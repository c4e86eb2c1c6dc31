/** Finding where a value sits in the text, by its path from the document root. */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { TextRange } from './types';
import { forEachNode } from './checks';

export type YamlPath = readonly (string | number)[];

interface Located {
  node: Node | null;
  /** The pair holding the node when the last path step is a map key. */
  pair?: Pair;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value); // as the JSON value names a null key
  return typeof key === 'string' ? key : undefined;
}

function locate(doc: Document, path: YamlPath): Located | undefined {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    if (isMap(node)) {
      pair = (node.items as Pair[]).find((p) => keyText(p.key) === String(step));
      if (!pair) return undefined;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof step === 'number') {
      if (step < 0 || step >= node.items.length) return undefined;
      node = (node.items[step] as Node | null) ?? null;
      pair = undefined;
    } else {
      return undefined;
    }
  }
  return { node, pair };
}

/**
 * Where the node's own text ends: yaml's ranges of block collections run on over the line break and comments that
 * follow, so a block collection ends where its last entry ends.
 */
export function nodeContentEnd(node: Node): number {
  let current: unknown = node;
  for (;;) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1] as unknown;
      if (isPair(last)) current = isNode(last.value) ? last.value : last.key;
      else current = last;
      continue;
    }
    const range = (current as Node | null)?.range;
    return range ? range[1] : ((node.range?.[1]) ?? 0);
  }
}

/** The node's own text range, without what follows it (see nodeContentEnd). */
export function nodeTextRange(node: Node): TextRange | undefined {
  if (!node.range) return undefined;
  return { start: node.range[0], end: nodeContentEnd(node) };
}

/**
 * Where the value at `path` is written (e.g. ['metadata', 'name'] or ['spec', 'containers', 0]); undefined when the
 * path does not exist or has no text (a key with no value gives an empty range after its colon).
 */
export function rangeOfPath(doc: Document, path: YamlPath): TextRange | undefined {
  const found = locate(doc, path);
  if (!found?.node) return undefined;
  return nodeTextRange(found.node);
}

/** Where the key of the map entry at `path` is written (the last step must be a map key). */
export function keyRangeOfPath(doc: Document, path: YamlPath): TextRange | undefined {
  const found = locate(doc, path);
  const key = found?.pair?.key as Node | undefined;
  return key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
}

/** Move every range of a Document parsed from a slice of a text so that they are offsets into the whole text. */
export function shiftRanges(doc: Document.Parsed, by: number): void {
  if (by === 0) return;
  const shift = (r: number[] | null | undefined): void => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += by;
  };
  shift(doc.range);
  for (const e of [...doc.errors, ...doc.warnings]) shift(e.pos);
  forEachNode(doc.contents, (node) => shift(node.range));
}
