// The API-level suite (test/e2e/api, the same module `npm run test:electron` gives VS Code's --extensionTestsPath)
// run inside code-server: the workbench URL's payload names the installed extension as the extension under
// development and the suite as its tests; the suite writes its results to a file this test reads. Each API case
// becomes a subtest here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from '../harness/paths';
import { scenario } from '../harness/session';
import type { CaseResult } from '../api/runner';

const results = join(ARTIFACTS_DIR, 'api-results.json');
rmSync(results, { force: true });

scenario('API suite in the extension host (vscode API assertions)', 'api-suite', {
  files: { 'README.txt': 'The API suite opens untitled YAML documents.\n' },
  env: { ISTIO_INJECT_API_RESULTS: results },
  extensionTests: { testsPath: join(__dirname, '..', 'api', 'index.js') },
}, async (s, t) => {
  const deadline = Date.now() + 120_000;
  while (!existsSync(results) && Date.now() < deadline) await s.page.waitForTimeout(250);
  assert.ok(existsSync(results), `the suite wrote no results to ${results}`);
  const cases = JSON.parse(readFileSync(results, 'utf8')) as CaseResult[];
  assert.ok(cases.length >= 3, `${cases.length} API cases ran`);
  for (const c of cases) {
    await t.test(c.name, (st) => {
      st.diagnostic(`${c.ms} ms in the extension host`);
      assert.ok(c.ok, c.error);
    });
  }
});
