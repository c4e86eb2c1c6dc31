/**
 * Runs the fuzz properties over fast-check's generated inputs. The whole run keeps going past failures (one bug
 * must not hide the next), groups violations by kind, and then replays the first case of each group from its run
 * path so fast-check shrinks it to a small counterexample.
 */
import fc from 'fast-check';
import { builtinSettings, createInjector, type Injector } from '../../core/src/index';
import { fuzzInput, type FuzzInput } from './arbitraries';
import { loadCorpus } from './corpus';
import { PROPERTIES, checkText, newStats, type Property, type Stats, type Violation } from './properties';

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Most violation groups to shrink and report in full (default 10). */
  maxReports?: number;
  log?: (line: string) => void;
}

export interface FailureGroup {
  signature: string;
  property: Property;
  /** How many cases showed it. */
  count: number;
  /** The shrunk counterexample, or the first case when it did not fail again on replay. */
  example: FuzzInput;
  violations: Violation[];
  shrunk: boolean;
}

export interface FuzzSummary {
  seed: number;
  stats: Stats;
  violationsByProperty: Record<Property, number>;
  /** Known core issues (KNOWN_ISSUES) seen: how many cases, and the first one. */
  known: { issue: string; property: Property; count: number; example: FuzzInput }[];
  failures: FailureGroup[];
  seeds: number;
  skipped: string[];
  elapsedMs: number;
}

export function runFuzz(options: FuzzOptions): FuzzSummary {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const corpus = loadCorpus();
  const arbitrary = fuzzInput(corpus.seeds);
  const injectors = { plain: createInjector(builtinSettings()), native: createInjector(builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true' })) };
  const injectorFor = (input: FuzzInput): Injector => (input.native ? injectors.native : injectors.plain);

  const stats = newStats();
  const violationsByProperty = Object.fromEntries(PROPERTIES.map((p) => [p, 0])) as Record<Property, number>;
  const groups = new Map<string, { runIndex: number; count: number; property: Property; example: FuzzInput; violations: Violation[] }>();
  const known = new Map<string, { issue: string; property: Property; count: number; example: FuzzInput }>();
  let run = 0;
  const progressEvery = Math.max(1000, Math.floor(options.cases / 20));
  fc.assert(
    fc.property(arbitrary, (input) => {
      const violations = checkText(input.text, injectorFor(input), stats, input.family);
      for (const v of violations) {
        if (v.known) {
          const k = known.get(v.known) ?? known.set(v.known, { issue: v.known, property: v.property, count: 0, example: input }).get(v.known)!;
          k.count++;
          continue;
        }
        violationsByProperty[v.property]++;
        const key = signature(v);
        const g = groups.get(key);
        if (g) g.count++;
        else groups.set(key, { runIndex: run, count: 1, property: v.property, example: input, violations });
      }
      run++;
      if (run % progressEvery === 0) log(`  … ${run} cases, ${groups.size} kinds of violation so far`);
    }),
    { numRuns: options.cases, seed: options.seed, endOnFailure: true },
  );

  const failures: FailureGroup[] = [];
  for (const [key, g] of [...groups].slice(0, options.maxReports ?? 10)) {
    log(`  shrinking: ${key}`);
    const shrunk = shrink(arbitrary, options.seed, g.runIndex, key, injectorFor);
    failures.push({ signature: key, property: g.property, count: g.count, example: shrunk?.input ?? g.example, violations: shrunk?.violations ?? g.violations, shrunk: shrunk !== undefined });
  }
  return { seed: options.seed, stats, violationsByProperty, known: [...known.values()], failures, seeds: corpus.seeds.length, skipped: corpus.skipped, elapsedMs: performance.now() - started };
}

/** Replays run `runIndex` of the seed and lets fast-check shrink it while the same kind of violation shows. */
function shrink(arbitrary: fc.Arbitrary<FuzzInput>, seed: number, runIndex: number, key: string, injectorFor: (i: FuzzInput) => Injector): { input: FuzzInput; violations: Violation[] } | undefined {
  let last: { input: FuzzInput; violations: Violation[] } | undefined;
  const details = fc.check(
    fc.property(arbitrary, (input) => {
      const violations = checkText(input.text, injectorFor(input), newStats(), input.family);
      if (!violations.some((v) => !v.known && signature(v) === key)) return true;
      last = { input, violations };
      return false;
    }),
    { seed, path: String(runIndex), numRuns: 1, maxSkipsPerRun: 0 },
  );
  return details.failed ? last : undefined;
}

/** A violation's kind: its property and the first line of its message, numbers blanked. */
export function signature(v: Violation): string {
  return `${v.property}: ${v.message.split('\n')[0].replace(/\d+(\.\d+)?/g, '#').slice(0, 160)}`;
}

/** The summary as the runners print it. */
export function formatSummary(s: FuzzSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines: string[] = [];
  for (const skip of s.skipped) lines.push(`!!! ${skip}`);
  lines.push(`fuzz: ${n(s.stats.cases)} cases, seed ${s.seed}, ${n(s.seeds)} corpus documents, ${(s.elapsedMs / 1000).toFixed(1)} s`);
  lines.push(`  families: ${Object.entries(s.stats.families).map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);
  lines.push(`  documents: ${n(s.stats.documents)} (${Object.entries(s.stats.outcomes).map(([k, v]) => `${k} ${n(v)}`).join(', ')})`);
  lines.push(`  injectText time: max ${s.stats.maxMs.toFixed(1)} ms per case, max ${s.stats.maxMsPerDocument.toFixed(1)} ms per document, mean ${(s.stats.totalMs / Math.max(1, s.stats.cases)).toFixed(2)} ms`);
  lines.push('  property         checked  violations');
  for (const p of PROPERTIES) lines.push(`  ${p.padEnd(16)} ${n(s.stats.checked[p]).padStart(8)}  ${n(s.violationsByProperty[p]).padStart(10)}`);
  lines.push(`  removal not offered (round trip not exact): ${n(s.stats.removalNotOffered)} documents`);
  lines.push(`  left out of remove-identity: ${n(s.stats.namedProbePort)} documents whose probes name their port; of idempotent: ${n(s.stats.yaml11Breaks)} inputs with YAML 1.1 line breaks (NEL, LS, PS)`);
  lines.push(`  left out of idempotent/remove-identity: ${n(s.stats.priorInjection)} inputs injected already; of remove-identity: ${n(s.stats.notPlainYaml)} documents with repeated/merge keys, anchors, aliases or tags`);
  for (const k of s.known) {
    lines.push(`  KNOWN core issue (${n(k.count)} cases, ${k.property}, not failing): ${k.issue}; first case: ${k.example.recipe}`);
  }
  for (const f of s.failures) {
    lines.push('', `FAILURE (${f.count} cases) ${f.signature}`);
    lines.push(`  ${f.shrunk ? 'shrunk counterexample' : 'first case (did not fail again on replay)'} [${f.example.family}${f.example.native ? ', native sidecars' : ''}]: ${f.example.recipe}`);
    lines.push('  text (JSON-escaped, one line per line):', ...f.example.text.split('\n').map((l) => `  | ${visible(l)}`));
    for (const v of f.violations) lines.push(`  ${v.property}${v.known ? ' (known)' : ''}: ${invisibleEscaped(v.message).replace(/\n/g, '\n    ')}`);
  }
  return lines.join('\n');
}

/** JSON-escaped, with the invisible and line-breaking characters JSON leaves alone escaped too. */
function visible(text: string): string {
  return invisibleEscaped(JSON.stringify(text).slice(1, -1));
}

function invisibleEscaped(text: string): string {
  return text.replace(/[\u007f-\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
