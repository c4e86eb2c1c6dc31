/** Comparing the fast decoder with the `yaml` package on one text. */
import { isDeepStrictEqual } from 'node:util';
import { yamlPackageToJson } from '../../../core/src/config/yaml-json';
import { DECLINED, fastYamlDeclineReason, fastYamlToJson } from '../../../core/src/yaml';

export type Verdict = { kind: 'same' } | { kind: 'declined'; reason: string } | { kind: 'mismatch'; detail: string };

/** Same value as the `yaml` package (which must then not fail), or a decline. */
export function compareDecoders(text: string): Verdict {
  const fast = fastYamlToJson(text);
  if (fast === DECLINED) return { kind: 'declined', reason: fastYamlDeclineReason(text) ?? '?' };
  let reference: unknown;
  try {
    reference = yamlPackageToJson(text);
  } catch (e) {
    return { kind: 'mismatch', detail: `yaml fails (${(e as Error).message}) but the fast decoder gave ${JSON.stringify(fast)} for ${JSON.stringify(text)}` };
  }
  if (isDeepStrictEqual(fast, reference)) return { kind: 'same' };
  return { kind: 'mismatch', detail: `for ${JSON.stringify(text)}\n  yaml: ${JSON.stringify(reference)}\n  fast: ${JSON.stringify(fast)}` };
}

export interface Tally {
  same: number;
  declined: Map<string, number>;
  mismatches: string[];
}

export function tally(texts: Iterable<string>): Tally {
  const t: Tally = { same: 0, declined: new Map(), mismatches: [] };
  for (const text of texts) {
    const v = compareDecoders(text);
    if (v.kind === 'same') t.same++;
    else if (v.kind === 'declined') t.declined.set(v.reason, (t.declined.get(v.reason) ?? 0) + 1);
    else t.mismatches.push(v.detail);
  }
  return t;
}

export function declineCount(t: Tally): number {
  let n = 0;
  for (const c of t.declined.values()) n += c;
  return n;
}
