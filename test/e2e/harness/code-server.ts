/**
 * One code-server (VS Code 1.100.3 in a browser) per scenario: fresh user data, XDG folders and settings, its own
 * port and process group, killed as a whole tree when the scenario ends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_BIN } from './paths';

/** Settings that keep the workbench quiet and deterministic (no tips, trust prompts, AI panels or update checks). */
export const BASE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'editor.stickyScroll.enabled': false,
  'workbench.panel.defaultLocation': 'bottom',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  // Scenario folders live inside this repository: no "open the parent repository?" prompt, no git work at all.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** A fresh folder for this run: user data, XDG folders, config and the log go under it. */
  runDir: string;
  extensionsDir: string;
  /** User settings on top of BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host (e.g. KUBECONFIG). */
  env?: Record<string, string>;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The workbench URL that opens `folder`. */
  folderUrl(folder: string): string;
  logFile: string;
  /** Also the id of its process group. */
  pid: number;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { runDir } = options;
  const userDataDir = join(runDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));
  // An explicit (empty) config file: without one code-server writes ~/.config/code-server/config.yaml.
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, '');
  const port = await freePort();
  const logFile = join(runDir, 'code-server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(CODE_SERVER_BIN, [
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--ignore-last-opened',
  ], {
    env: hostEnv(runDir, options.env),
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so stop() can kill every descendant
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killTree(child);
  try {
    await waitForHealth(url, child, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, logFile, pid: child.pid ?? 0, stop, folderUrl: (folder) => `${url}/?folder=${encodeURIComponent(folder)}` };
}

/** Installs a .vsix into an extensions folder with code-server's CLI (about a second). */
export function installExtension(vsix: string, extensionsDir: string, runDir: string): void {
  mkdirSync(runDir, { recursive: true });
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, '');
  const result = spawnSync(CODE_SERVER_BIN, [
    '--config', configFile, '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', extensionsDir,
    '--install-extension', vsix, '--force',
  ], { env: hostEnv(runDir), encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** code-server's environment: XDG folders inside the run (else it writes ~/.local/share/code-server), no gallery. */
function hostEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    ...extra,
  };
  // Variables of an enclosing VS Code or code-server would leak into ours.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'PORT' || key === 'PASSWORD') delete env[key];
  }
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** SIGTERM to the whole process group, SIGKILL to whatever is left after 5 s. */
async function killTree(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let waited = 0; waited < 5000 && alive(); waited += 100) await sleep(100);
  if (alive()) signal('SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
