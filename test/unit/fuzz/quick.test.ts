/**
 * CI's quick fuzz pass (`npm run fuzz` is the full one): one fixed seed, so a failure reproduces, and one random
 * seed, so every run explores something new. Both seeds and the case counts are printed; a failure prints the
 * shrunk counterexample and the command that replays it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary, runFuzz } from '../../fuzz/harness';

/** 5,000 cases in all, half per seed: about 50 s on one idle core of this machine (measured; see the README). */
const CASES_PER_SEED = 2500;
const FIXED_SEED = 20261126;

for (const [label, seed] of [['fixed', FIXED_SEED], ['random', Date.now() % 2 ** 31]] as const) {
  test(`fuzz: ${CASES_PER_SEED} cases, ${label} seed ${seed}`, () => {
    const summary = runFuzz({ cases: CASES_PER_SEED, seed, maxReports: 3 });
    const report = formatSummary(summary);
    console.log(report);
    assert.equal(summary.stats.cases, CASES_PER_SEED, 'every case ran');
    assert.deepEqual(
      summary.failures.map((f) => f.signature),
      [],
      `replay with: node out/test/fuzz/run.js --cases ${CASES_PER_SEED} --seed ${seed}\n${report}`,
    );
  });
}
