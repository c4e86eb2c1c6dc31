/** Checks yaml does not make with the options manifests are parsed with. */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { TextRange } from './types';

export interface Finding {
  message: string;
  range: TextRange;
}

/** Keys repeated in one mapping: accepted as go-yaml does (the last wins), but worth a warning. In document order. */
export function duplicateKeys(doc: Document): Finding[] {
  const found: Finding[] = [];
  forEachNode(doc.contents, (node) => {
    if (!isMap(node)) return;
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range || (key.value !== null && typeof key.value === 'object')) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        found.push({ message: `duplicate key "${name}": the last one wins`, range: { start: key.range[0], end: key.range[1] } });
      }
      seen.add(name);
    }
  });
  return found;
}

/**
 * Calls `fn` on every node under `root` (itself included; keys before values, parents before children), without
 * following aliases. A loop, not recursion: deeply nested input must not exhaust the stack. Several times faster than
 * yaml's `visit`, which builds a path for every node.
 */
export function forEachNode(root: unknown, fn: (node: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (!isNode(n)) continue;
    fn(n);
    if (isMap(n) || isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
}

/** The first alias whose anchor is not defined before it, where yaml only says so by throwing. */
export function unresolvedAlias(doc: Document): Finding | undefined {
  const anchors = new Set<string>();
  let found: Finding | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) {
        found = {
          message: `unknown alias *${node.source} (its anchor must come before it)`,
          range: { start: node.range[0], end: node.range[1] },
        };
        return visit.BREAK;
      }
      return undefined;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    return undefined;
  });
  return found;
}
