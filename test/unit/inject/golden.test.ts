/**
 * Istio's kube-inject golden corpus: every case of cases.json through settings → injector → istioctl printer,
 * compared byte for byte (after blanking the status version, as Istio's test does). Prints how many match.
 * GOLDEN_ONLY=1,2 runs some cases; GOLDEN_VERBOSE=1 lists failures; GOLDEN_DUMP=1 writes /tmp/golden-N.got.yaml.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createInjector } from '../../../core/src/inject';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { REF, firstDiff, haveReference, loadCases, normalise, readRef, settingsFor } from './golden-cases';

/** Cases known to match; raise it as the pipeline improves so regressions fail. */
const MATCH_FLOOR = 133;

test('golden corpus: kube-inject output matches Istio byte for byte', (t) => {
  if (!haveReference()) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const only = process.env.GOLDEN_ONLY?.split(',').map(Number);
  let matched = 0;
  let total = 0;
  const failures: string[] = [];
  for (const c of loadCases()) {
    if (c.skipInjection || (only && !only.includes(c.index))) continue;
    total++;
    let ok = false;
    let why = '';
    try {
      const report = injectManifest(readRef(c.input), createInjector(settingsFor(c)));
      if (c.expectedError) {
        ok = report.errors.some((e) => e.toLowerCase().includes(c.expectedError!));
        why = `errors: ${JSON.stringify(report.errors)}`;
      } else if (report.istioctl === undefined) {
        why = `errors: ${report.errors.join(' | ')}`;
      } else {
        const want = normalise(readRef(c.golden));
        const got = normalise(report.istioctl);
        ok = got === want;
        if (!ok) why = firstDiff(got, want);
        if (ok && c.expectedLog) {
          ok = report.documents.some((d) => d.warnings.some((w) => w.includes(c.expectedLog!)));
          why = 'expected log missing';
        }
        if (process.env.GOLDEN_DUMP && !ok) fs.writeFileSync(`/tmp/golden-${c.index}.got.yaml`, got);
      }
    } catch (e) {
      why = `threw: ${e instanceof Error ? e.stack : String(e)}`;
    }
    if (ok) matched++;
    else failures.push(`[${c.index}] ${c.want}: ${why}`);
  }
  console.log(`golden: ${matched}/${total} cases match`);
  if (process.env.GOLDEN_VERBOSE) for (const f of failures) console.log(f);
  if (!only) assert.ok(matched >= MATCH_FLOOR, `only ${matched} golden cases match (floor ${MATCH_FLOOR})\n${failures.join('\n')}`);
});
