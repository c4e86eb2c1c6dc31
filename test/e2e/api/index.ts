/**
 * The API suite's entry, as VS Code's `--extensionTestsPath` expects it: `run()` resolves when every case passed.
 * With ISTIO_INJECT_API_RESULTS set it also writes the results there as JSON (how the code-server run reads them).
 */
import { writeFileSync } from 'node:fs';
import { CASES } from './cases';
import { runCases } from './runner';

export async function run(): Promise<void> {
  const results = await runCases(CASES);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  const out = process.env.ISTIO_INJECT_API_RESULTS;
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} of ${results.length} API cases failed: ${failed.map((r) => r.name).join('; ')}`);
}
