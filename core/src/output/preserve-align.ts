/**
 * Pairing the items of a sequence before and after a change, so that unchanged items keep their text and changed
 * ones are edited in place. Lists of objects with a merge key (containers by `name`, volume mounts by `mountPath`…)
 * are paired by that key; other lists by a longest common subsequence of equal items.
 */
import { isPlainObject, jsonEqual } from './preserve-json';

export type AlignStep =
  | { op: 'keep' | 'edit'; before: number; after: number }
  | { op: 'remove'; before: number }
  | { op: 'insert'; after: number };

/** Keys that identify list items in Kubernetes objects, tried in order. */
const IDENTITY_KEYS = ['name', 'mountPath', 'containerPort', 'devicePath', 'ip', 'topologyKey'];

/** Above this many item comparisons, lists are paired by position (keeps huge lists linear). */
const MAX_LCS_CELLS = 250_000;

/** Steps that turn `before` into `after`, in the order of `after` (removals where the removed items stood). */
export function alignItems(before: readonly unknown[], after: readonly unknown[]): AlignStep[] {
  const key = identityKey(before, after);
  const same = key
    ? (b: unknown, a: unknown) => (b as Record<string, unknown>)[key] === (a as Record<string, unknown>)[key]
    : jsonEqual;
  if (before.length * after.length > MAX_LCS_CELLS) return byPosition(before, after, 0, 0);

  const steps: AlignStep[] = [];
  let b = 0;
  let a = 0;
  for (const [mb, ma] of longestCommonSubsequence(before, after, same)) {
    steps.push(...gap(before, after, b, mb, a, ma, key === undefined));
    steps.push({ op: jsonEqual(before[mb], after[ma]) ? 'keep' : 'edit', before: mb, after: ma });
    b = mb + 1;
    a = ma + 1;
  }
  steps.push(...gap(before, after, b, before.length, a, after.length, key === undefined));
  return steps;
}

/** A gap between matched items: pair leftovers by position (plain lists) or replace them (identified items). */
function gap(
  before: readonly unknown[],
  after: readonly unknown[],
  b0: number,
  b1: number,
  a0: number,
  a1: number,
  pairUp: boolean,
): AlignStep[] {
  const steps: AlignStep[] = [];
  let b = b0;
  let a = a0;
  if (pairUp) {
    for (; b < b1 && a < a1; b++, a++) steps.push({ op: jsonEqual(before[b], after[a]) ? 'keep' : 'edit', before: b, after: a });
  }
  for (; b < b1; b++) steps.push({ op: 'remove', before: b });
  for (; a < a1; a++) steps.push({ op: 'insert', after: a });
  return steps;
}

function byPosition(before: readonly unknown[], after: readonly unknown[], b0: number, a0: number): AlignStep[] {
  return gap(before, after, b0, before.length, a0, after.length, true);
}

/** The identity key shared by every item of both lists, with unique values in each; undefined if none. */
function identityKey(before: readonly unknown[], after: readonly unknown[]): string | undefined {
  const all = [...before, ...after];
  if (all.length === 0 || !all.every(isPlainObject)) return undefined;
  return IDENTITY_KEYS.find((k) => uniqueIn(before, k) && uniqueIn(after, k));
}

function uniqueIn(items: readonly unknown[], key: string): boolean {
  const seen = new Set<unknown>();
  for (const item of items) {
    const v = (item as Record<string, unknown>)[key];
    if (v === undefined || v === null || typeof v === 'object' || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Index pairs [before, after] of a longest common subsequence under `same`. */
function longestCommonSubsequence(
  before: readonly unknown[],
  after: readonly unknown[],
  same: (b: unknown, a: unknown) => boolean,
): [number, number][] {
  const n = before.length;
  const m = after.length;
  // lengths[i][j]: LCS length of before[i..] and after[j..]
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = same(before[i], after[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(before[i], after[j])) pairs.push([i++, j++]);
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
