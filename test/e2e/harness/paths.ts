/** Where the end-to-end tests find the host, the packaged extension, and where they write runs and screenshots. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file compiles to out/test/e2e/harness/, and runs from test/e2e/harness/ under tsx). */
export const REPO_ROOT = findRepoRoot();

/** The npm project that installs code-server (VS Code in a browser) for the tests. */
export const HOST_DIR = join(REPO_ROOT, 'test', 'e2e', 'host');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_BIN = join(HOST_DIR, 'node_modules', '.bin', 'code-server');

/** Screenshots, logs and the per-scenario run folders (gitignored); E2E_ARTIFACTS_DIR keeps a run apart from another. */
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? join(REPO_ROOT, '.artifacts', 'e2e');
/** Committed copies of the screenshots, shown by the README. */
export const DOCS_IMAGES_DIR = join(REPO_ROOT, 'docs', 'images');

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

interface PackageJson {
  name: string;
  publisher: string;
  version: string;
}

export function packageJson(): PackageJson {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** The .vsix `npm run package` writes (vsce's default name). */
export function vsixPath(): string {
  const pkg = packageJson();
  return join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

/** The extension's identifier as VS Code knows it. */
export function extensionId(): string {
  const pkg = packageJson();
  return `${pkg.publisher}.${pkg.name}`;
}

function findRepoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'istio-inject') return dir;
    } catch {
      // not here: go up
    }
    dir = resolve(dir, '..');
  }
  throw new Error(`cannot find the istio-inject repository above ${__dirname}`);
}
