/** Fixes computed as a changed document value, turned into minimal edits of the user's text by `preserve`. */
import type { YamlPath } from '../manifest/paths';
import { preserveEdits } from '../output/preserve';
import type { TextEdit } from '../output/preserve';
import { isObject } from '../inject/json-access';
import { type AnalysisContext, objAtPath } from './context';

export interface KeyMove {
  edits: TextEdit[];
  /** True when the target already had the key: the fix only removes it from the source. */
  removedOnly: boolean;
}

/** A deep copy of plain JSON (the yaml package's value of a document). */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The object at `path` of `root`, created (with its parents) when absent. */
export function ensureObjAt(root: Record<string, unknown>, path: YamlPath): Record<string, unknown> | undefined {
  let cur: unknown = root;
  for (const step of path) {
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step];
    else if (isObject(cur)) {
      const next = cur[String(step)];
      if (!isObject(next) && !Array.isArray(next)) cur[String(step)] = {};
      cur = cur[String(step)];
    } else return undefined;
  }
  return isObject(cur) ? cur : undefined;
}

/**
 * Moves map entry `name` from the map at `from` to the map at `to` (both paths from the document root); a source
 * map left empty is removed. Undefined when nothing can be done.
 */
export function moveKey(ctx: AnalysisContext, from: YamlPath, to: YamlPath, name: string): KeyMove | undefined {
  const after = cloneJson(ctx.doc.value);
  if (!isObject(after)) return undefined;
  const source = objAtPath(after, from);
  if (!source || !Object.prototype.hasOwnProperty.call(source, name)) return undefined;
  const target = ensureObjAt(after, to);
  if (!target) return undefined;
  const removedOnly = Object.prototype.hasOwnProperty.call(target, name);
  if (!removedOnly) target[name] = source[name];
  delete source[name];
  if (Object.keys(source).length === 0) delete objAtPath(after, from.slice(0, -1))?.[String(from[from.length - 1])];
  const edits = preserveEdits(ctx.text, ctx.doc, after);
  return edits.length ? { edits, removedOnly } : undefined;
}
