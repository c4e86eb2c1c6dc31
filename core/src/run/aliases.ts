/**
 * Aliases as go-yaml treats them. An alias inside the node its anchor names is an error (a cyclic value), and
 * go-yaml bounds alias expansion: while decoding it counts every node and those it reaches through an alias, and
 * fails once aliases account for too large a share ("document contains excessive aliasing"). A few aliases of a
 * large list pass yaml's own alias check yet stand for a huge document; this gives istioctl's verdict, at the same
 * point, so the walk never goes far past the allowed expansion.
 */
import { isAlias, isMap, isPair, isSeq, visit, type Alias, type Document, type Node } from 'yaml';

/** The node each alias of `doc` refers to: the closest anchor of that name before it, found in one pass. */
export function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/** The first alias that lies inside the node it refers to (`a: &x {b: *x}`), with its offset. */
export function selfReference(targets: Map<Alias, Node | undefined>): { anchor: string; offset: number } | undefined {
  for (const [alias, target] of targets) {
    const [start, end] = alias.range ?? [0, 0];
    if (target?.range && target.range[0] <= start && end <= target.range[1]) return { anchor: alias.source, offset: start };
  }
  return undefined;
}

const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

/** The share of decoded nodes that may come from aliases, by how many nodes were decoded so far (go-yaml's table). */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
}

/**
 * True when decoding `doc` would fail go-yaml's alias ratio. Only for documents without self references (the walk
 * expands aliases). Walks in document order with an explicit stack, so deep nesting is no issue.
 */
export function excessiveAliasing(doc: Document, targets: Map<Alias, Node | undefined>): boolean {
  let decodeCount = 0;
  let aliasCount = 0;
  const stack: [unknown, boolean][] = [[doc.contents, false]];
  while (stack.length > 0) {
    const [node, viaAlias] = stack.pop()!;
    decodeCount++;
    if (viaAlias) aliasCount++;
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) return true;
    if (isAlias(node)) {
      stack.push([targets.get(node), true]);
    } else if (isMap(node) || isSeq(node)) {
      const items = (node as { items: unknown[] }).items;
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) stack.push([item.value, viaAlias], [item.key, viaAlias]);
        else stack.push([item, viaAlias]);
      }
    }
  }
  return false;
}
