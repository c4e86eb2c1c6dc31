/** The YAML node under an offset, with its path from the document root: what hover is about. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import type { YamlPath } from '../manifest/paths';
import type { TextRange } from '../manifest/types';

export interface NodeAt {
  path: YamlPath;
  /** True when the offset is on the key of the last path step, false when on a scalar value. */
  onKey: boolean;
  range: TextRange;
  /** The scalar's value (the key's text when onKey). */
  value: unknown;
}

/** Scalars include their end (a cursor just after a word is on it); collections run up to the next sibling. */
function within(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  if (!r || offset < r[0]) return false;
  return isScalar(node) ? offset <= r[1] : offset < r[1];
}

function scalarHit(node: Node, offset: number, path: YamlPath, onKey: boolean): NodeAt | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (offset < start || offset > end) return undefined;
  return { path, onKey, range: { start, end }, value: node.value };
}

/** The scalar (key or value) at `offset`, or undefined when the offset is on no scalar. */
export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  let node = doc.contents as Node | null;
  const path: (string | number)[] = [];
  while (node) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : undefined;
        if (key && name !== undefined && within(key, offset)) return scalarHit(key, offset, [...path, name], true);
        const value = pair.value as Node | null;
        if (value && name !== undefined && within(value, offset)) {
          path.push(name);
          next = value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => within(item as Node, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i] as Node;
    } else {
      return scalarHit(node, offset, path, false);
    }
  }
  return undefined;
}
