/**
 * CI's quick fuzz pass (`npm run fuzz` is the full one, with any seed): two fixed seeds, so CI's verdict depends on
 * the code alone and a failure reproduces. New ground is `npm run fuzz --seed S`'s job (a random seed in CI made a
 * run fail on a finding older than the change under test). Seeds and case counts are printed; a failure prints the
 * shrunk counterexample and the command that replays it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary, runFuzz } from '../../fuzz/harness';

/** 5,000 cases in all, half per seed: about 50 s on one idle core of this machine (measured; see the README). */
const CASES_PER_SEED = 2500;
const SEEDS = [20261126, 1126];

for (const seed of SEEDS) {
  test(`fuzz: ${CASES_PER_SEED} cases, seed ${seed}`, () => {
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
