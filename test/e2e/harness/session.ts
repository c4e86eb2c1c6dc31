/**
 * A scenario's world: a workspace folder with its files, a fresh code-server with the packaged extension, and a
 * browser showing the workbench. `scenario()` wraps it in a node:test test that screenshots failures and always
 * tears everything down.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './browser';
import { installExtension, startCodeServer, type CodeServer } from './code-server';
import { sampleCommandPss, sampleGroupRss, type MemorySampler } from './memory';
import { ARTIFACTS_DIR, extensionId, packageJson, vsixPath } from './paths';
import { waitForWorkbench } from './workbench';

export interface SessionOptions {
  /** Workspace files, path relative to the workspace folder → text. */
  files: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Environment of code-server and its extension host. */
  env?: Record<string, string>;
  /**
   * Runs an extension test module (`run()`, as VS Code's --extensionTestsPath) in the window's extension host, with
   * `extensionPath` loaded as the extension under development (default: the installed .vsix's folder, so the tests
   * see exactly what was packaged). Absolute paths on this machine.
   */
  extensionTests?: { testsPath: string; extensionPath?: string };
}

export interface Session {
  page: Page;
  workspace: string;
  codeServer: CodeServer;
  /** Saves .artifacts/e2e/<name>.png and returns its path. */
  shot(name: string): Promise<string>;
  /** Milliseconds since the scenario started, for the timing notes. */
  elapsed(): number;
}

/** Runs `body` as one node:test test in its own session. */
export function scenario(name: string, slug: string, options: SessionOptions, body: (s: Session, t: TestContext) => Promise<void>): void {
  test(name, { timeout: 240_000 }, async (t) => {
    const started = Date.now();
    const runDir = join(ARTIFACTS_DIR, 'runs', slug);
    rmSync(runDir, { recursive: true, force: true });
    const workspace = join(runDir, 'workspace');
    for (const [path, text] of Object.entries(options.files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    const extensionsDir = sharedExtensionsDir() ?? installFresh(runDir);
    let codeServer: CodeServer | undefined;
    let browser: Browser | undefined;
    let memory: MemorySampler | undefined;
    let browserMemory: MemorySampler | undefined;
    try {
      codeServer = await startCodeServer({ runDir, extensionsDir, settings: options.settings, env: options.env });
      memory = sampleGroupRss(codeServer.pid);
      browser = await openBrowser(runDir);
      browserMemory = sampleCommandPss(browser.profileDir);
      const page = browser.page;
      const session: Session = {
        page,
        workspace,
        codeServer,
        shot: (shotName) => screenshot(page, shotName),
        elapsed: () => Date.now() - started,
      };
      await page.goto(workbenchUrl(codeServer, workspace, options, extensionsDir));
      await waitForWorkbench(page);
      t.diagnostic(`workbench ready after ${session.elapsed()} ms`);
      try {
        await body(session, t);
      } catch (err) {
        await screenshot(page, `${slug}-failure`).catch(() => undefined);
        t.diagnostic(`code-server log: ${codeServer.logFile}; extension host logs under ${join(runDir, 'user-data', 'logs')}`);
        throw err;
      }
      t.diagnostic(`scenario took ${session.elapsed()} ms; peak memory: code-server process tree ${memory.peakMb()} MB RSS, `
        + `Chromium ${browserMemory.peakMb()} MB PSS`);
    } finally {
      memory?.stop();
      browserMemory?.stop();
      await browser?.close().catch(() => undefined);
      await codeServer?.stop();
    }
  });
}

/**
 * The folder's workbench URL. Extension tests go in the `payload` parameter, which the web workbench reads as the
 * desktop reads --extensionDevelopmentPath/--extensionTestsPath; paths are URIs of the remote (code-server) side.
 */
function workbenchUrl(codeServer: CodeServer, folder: string, options: SessionOptions, extensionsDir: string): string {
  const url = codeServer.folderUrl(folder);
  if (!options.extensionTests) return url;
  const remote = (path: string) => `vscode-remote://${new URL(codeServer.url).host}${path}`;
  const extensionPath = options.extensionTests.extensionPath ?? installedExtensionPath(extensionsDir);
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(options.extensionTests.testsPath)],
  ];
  return `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Where code-server unpacked our .vsix: <extensions-dir>/<publisher>.<name>-<version>. */
function installedExtensionPath(extensionsDir: string): string {
  const dir = join(extensionsDir, `${extensionId()}-${packageJson().version}`);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`the extension is not installed in ${dir}`);
  return dir;
}

/** The extensions folder the runner installed the .vsix into once for all scenarios (E2E_EXTENSIONS_DIR). */
function sharedExtensionsDir(): string | undefined {
  const dir = process.env.E2E_EXTENSIONS_DIR;
  return dir && existsSync(dir) ? dir : undefined;
}

/** A scenario run on its own installs the .vsix into its own folder. */
function installFresh(runDir: string): string {
  const vsix = vsixPath();
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  const extensionsDir = join(runDir, 'extensions');
  installExtension(vsix, extensionsDir, join(runDir, 'install'));
  return extensionsDir;
}
