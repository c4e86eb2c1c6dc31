/**
 * `npm run test:e2e` after packaging: installs the host if needed, installs the .vsix once, runs every scenario with
 * node:test (one at a time: each starts its own code-server and Chromium), and prints the timings.
 * With --update-docs (or E2E_UPDATE_DOCS=1) a passing run copies the screenshots to docs/images/.
 * Run: node out/test/e2e/run.js [--update-docs] [scenario-name ...]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installHost } from './install-host';
import { installExtension } from './harness/code-server';
import { ARTIFACTS_DIR, DOCS_IMAGES_DIR, vsixPath } from './harness/paths';

const started = Date.now();
const args = process.argv.slice(2);
const updateDocs = args.includes('--update-docs') || process.env.E2E_UPDATE_DOCS === '1';
const only = args.filter((a) => !a.startsWith('--'));

const hostSeconds = installHost();

const vsix = vsixPath();
if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
const extensionsDir = join(ARTIFACTS_DIR, 'extensions');
const installStarted = Date.now();
installExtension(vsix, extensionsDir, join(ARTIFACTS_DIR, 'install'));
console.log(`e2e: installed ${vsix} in ${Date.now() - installStarted} ms`);

const scenarioDir = join(__dirname, 'scenarios');
const files = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort()
  .map((f) => join(scenarioDir, f));

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, E2E_EXTENSIONS_DIR: extensionsDir },
});

const passed = result.status === 0;
if (passed && updateDocs) {
  mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
  for (const png of readdirSync(ARTIFACTS_DIR).filter((f) => f.endsWith('.png') && !f.includes('failure'))) {
    copyFileSync(join(ARTIFACTS_DIR, png), join(DOCS_IMAGES_DIR, png));
    console.log(`e2e: docs/images/${png} updated`);
  }
}
console.log(`e2e: ${passed ? 'passed' : 'FAILED'}; host install ${hostSeconds ? `${hostSeconds.toFixed(1)} s` : 'skipped (installed)'};`
  + ` whole run ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${ARTIFACTS_DIR}`);
process.exitCode = result.status ?? 1;
