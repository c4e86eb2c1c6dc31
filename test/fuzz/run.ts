/**
 * `npm run fuzz`: the full property-based pass over the core (default 100,000 cases).
 *
 *   node out/test/fuzz/run.js [--cases N] [--seed S] [--reports K]
 *
 * Exits 1 when any property was violated; every kind of violation is printed with a shrunk counterexample.
 */
import { formatSummary, runFuzz } from './harness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} needs an integer, got ${process.argv[i + 1]}`);
  return value;
}

const cases = option('cases', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
console.log(`fuzz: running ${cases.toLocaleString('en-US')} cases with seed ${seed} (replay: --seed ${seed})`);
const summary = runFuzz({ cases, seed, maxReports: option('reports', 10), log: (line) => console.log(line) });
console.log(formatSummary(summary));
process.exitCode = summary.failures.length ? 1 : 0;
