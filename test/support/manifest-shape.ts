/**
 * Everything a consumer can read from a parsed manifest, as plain data: deepEqual on two shapes says two manifests
 * are the same (every node, range, comment and problem). Used to check reparse.ts against a parse.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Manifest } from '../../core/src/manifest/types';

export function nodeShape(n: unknown): unknown {
  if (isPair(n)) return { key: nodeShape(n.key), value: nodeShape(n.value) };
  if (n === null || typeof n !== 'object') return n;
  const node = n as Record<string, unknown>;
  const common = {
    range: node.range, tag: node.tag, anchor: node.anchor, comment: node.comment, commentBefore: node.commentBefore,
    spaceBefore: node.spaceBefore,
  };
  // A merge key's value is a new Symbol in each parse.
  if (isScalar(n)) return { ...common, scalar: typeof n.value === 'symbol' ? String(n.value) : n.value, type: n.type, source: n.source, format: n.format, minFractionDigits: n.minFractionDigits };
  if (isMap(n) || isSeq(n)) return { ...common, flow: n.flow, items: n.items.map(nodeShape) };
  if (isAlias(n)) return { ...common, alias: n.source };
  return { unknown: String(n) };
}

export function manifestShape(m: Manifest): unknown {
  return {
    text: m.text,
    problems: m.problems,
    documents: m.documents.map((d) => ({
      ...d, yaml: undefined, printed: d.yaml.errors.length ? undefined : String(d.yaml), docRange: d.yaml.range,
      contents: nodeShape(d.yaml.contents), errors: d.yaml.errors.length, warnings: d.yaml.warnings.length,
    })),
  };
}

/** Offsets of every scalar of the manifest's first document, in document order. */
export function scalarRanges(m: Manifest): [number, number][] {
  const out: [number, number][] = [];
  const collect = (n: unknown): void => {
    if (isPair(n)) {
      collect(n.key);
      collect(n.value);
    } else if (isScalar(n) && n.range) out.push([n.range[0], n.range[1]]);
    else if (isMap(n) || isSeq(n)) for (const item of n.items) collect(item);
  };
  collect(m.documents[0]?.yaml.contents);
  return out;
}
