/**
 * Installs code-server (the VS Code the end-to-end tests drive) into test/e2e/host/node_modules with `npm ci`, unless
 * the right version is already there. Offline-safe: @vscode/ripgrep's postinstall would download rg from GitHub, so
 * its download cache is seeded first with the system's rg (Debian's ripgrep package).
 * Run: node out/test/e2e/install-host.js
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN, CODE_SERVER_VERSION, HOST_DIR } from './harness/paths';

/** @vscode/ripgrep's version pinned by code-server 4.100.3, and the rg archive name it looks for. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Whether code-server of the pinned version is installed. */
export function hostInstalled(): boolean {
  if (!existsSync(CODE_SERVER_BIN)) return false;
  try {
    const pkg = JSON.parse(readFileSync(join(HOST_DIR, 'node_modules', 'code-server', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

/** Installs the host when needed; returns the seconds it took (0 when it was already there). */
export function installHost(log: (line: string) => void = console.log): number {
  if (hostInstalled()) {
    log(`e2e host: code-server ${CODE_SERVER_VERSION} already installed in ${HOST_DIR}`);
    return 0;
  }
  const started = Date.now();
  seedRipgrepCache(log);
  log(`e2e host: npm ci in ${HOST_DIR} (compiles code-server's native modules; about a minute)`);
  const result = spawnSync('npm', ['ci', '--unsafe-perm', '--no-audit', '--no-fund'], {
    cwd: HOST_DIR,
    stdio: 'inherit',
    // node-pty's postinstall runs `npx node-gyp`, which needs npx's consent non-interactively.
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (result.status !== 0 || !hostInstalled()) throw new Error(`installing code-server failed (npm ci exit ${result.status})`);
  const seconds = (Date.now() - started) / 1000;
  log(`e2e host: installed in ${seconds.toFixed(1)} s`);
  return seconds;
}

function seedRipgrepCache(log: (line: string) => void): void {
  const cacheDir = join(process.env.TMPDIR || tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = join(cacheDir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (!rg) {
    log('e2e host: no system rg to seed the ripgrep cache with (apt-get install ripgrep); npm ci will try to download it');
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-seed-'));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`tar failed seeding ${archive}`);
    log(`e2e host: seeded ${archive} with ${rg}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) installHost();
