// Label and field selectors as list and watch requests send them (`labelSelector=app=x,tier!=db`,
// `fieldSelector=metadata.name=foo`).
import type { KubeObject } from './store';

type Test = (labels: Record<string, string>) => boolean;

/** Parses a label selector; an empty or absent selector matches everything. */
export function labelSelector(text: string | null): (o: KubeObject) => boolean {
  if (!text) return () => true;
  const tests = splitTerms(text).map(labelTerm);
  return (o) => tests.every((t) => t(o.metadata.labels ?? {}));
}

function labelTerm(term: string): Test {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (set) {
    const [, key, op, list] = set;
    const values = list!.split(',').map((s) => s.trim());
    return op === 'in' ? (l) => key! in l && values.includes(l[key!]!) : (l) => !(key! in l) || !values.includes(l[key!]!);
  }
  const ne = /^([^!=]+)!=(.*)$/.exec(term);
  if (ne) return (l) => l[ne[1]!.trim()] !== ne[2]!.trim();
  const eq = /^([^!=]+)==?(.*)$/.exec(term);
  if (eq) return (l) => l[eq[1]!.trim()] === eq[2]!.trim();
  if (term.startsWith('!')) return (l) => !(term.slice(1).trim() in l);
  return (l) => term.trim() in l;
}

/** Splits on commas outside parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Field selectors: equality and inequality on dotted paths such as `metadata.name` or `status.phase`. */
export function fieldSelector(text: string | null): (o: KubeObject) => boolean {
  if (!text) return () => true;
  const tests = splitTerms(text).map((term) => {
    const m = /^([^!=]+)(!=|==?)(.*)$/.exec(term);
    if (!m) throw new Error(`invalid field selector term "${term}"`);
    const path = m[1]!.trim().split('.');
    const want = m[3]!.trim();
    const neg = m[2] === '!=';
    return (o: KubeObject) => {
      let cur: unknown = o;
      for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
      const got = cur === undefined || cur === null ? '' : String(cur);
      return neg ? got !== want : got === want;
    };
  });
  return (o) => tests.every((t) => t(o));
}
