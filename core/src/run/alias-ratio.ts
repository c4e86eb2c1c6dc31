/**
 * go-yaml's guard against alias expansion: while decoding it counts every node it decodes and those it decodes
 * through an alias, and fails once aliases account for too large a share ("document contains excessive aliasing").
 * A few aliases of a large list pass yaml's own alias check yet stand for a huge document; this gives the same
 * verdict as istioctl, and at the same point, so the walk never goes far past the allowed expansion.
 */
import { isAlias, isMap, isPair, isSeq, type Document, type Node } from 'yaml';

const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

/** The share of decoded nodes that may come from aliases, by how many nodes were decoded so far (go-yaml's table). */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
}

/**
 * True when decoding `doc` would fail go-yaml's alias ratio. Call it only on documents without self-referencing
 * aliases (the walk expands aliases). Walks in document order with an explicit stack, so deep nesting is no issue.
 */
export function excessiveAliasing(doc: Document): boolean {
  let decodeCount = 0;
  let aliasCount = 0;
  const stack: [unknown, boolean][] = [[doc.contents, false]];
  while (stack.length > 0) {
    const [node, viaAlias] = stack.pop()!;
    decodeCount++;
    if (viaAlias) aliasCount++;
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) return true;
    if (isAlias(node)) {
      stack.push([node.resolve(doc), true]);
    } else if (isMap(node) || isSeq(node)) {
      const children: unknown[] = [];
      for (const item of (node as { items: unknown[] }).items) {
        if (isPair(item)) children.push(item.key, item.value);
        else children.push(item);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, viaAlias]);
    }
  }
  return false;
}
