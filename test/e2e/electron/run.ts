/**
 * `npm run test:electron`: the API suite (test/e2e/api) in desktop VS Code, downloaded by @vscode/test-electron,
 * with this repository as the extension under development (dist/ must be built). It needs to reach VS Code's
 * download servers; offline, `npm run test:e2e` runs the same suite inside code-server instead.
 * VSCODE_VERSION picks the version (default `stable`; e.g. 1.100.3 for the oldest that engines.vscode allows).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from '../harness/paths';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'istio-inject-electron-'));
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: join(__dirname, '..', 'api', 'index.js'),
    launchArgs: [
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      '--disable-workspace-trust',
      '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', join(scratch, 'extensions'),
    ],
    extensionTestsEnv: { ISTIO_INJECT_API_RESULTS: join(scratch, 'api-results.json') },
  });
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(message);
  if (/ENOTFOUND|ECONNREFUSED|fetch failed|EAI_AGAIN/.test(message)) {
    console.error('VS Code could not be downloaded. Offline, `npm run test:e2e` runs the same suite inside code-server.');
  }
  process.exitCode = 1;
});
