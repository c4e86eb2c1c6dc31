/**
 * P4 activation: how long VS Code spends activating the packaged extension, in a real VS Code (code-server 4.100.3
 * driven by Chromium through the e2e harness). Each sample is a fresh code-server and browser window; opening a YAML
 * file fires `onLanguage:yaml`. The figures are VS Code's own: "Developer: Startup Performance" lists Load Code,
 * Call Activate and Finish Activate per extension (the extension host's activation times), and "Developer: Show
 * Running Extensions" shows Load Code + Call Activate as "Activation: N ms". The extension's own clock (its output
 * channel log) is a cross-check. P4 activation = Load Code + Call Activate + Finish Activate: all of it, until the
 * promise activate() may return has settled. The YAML file is opened a few seconds after the workbench is up, so the
 * workbench's own start-up work is not counted (Load Code spans an await, during which the extension host runs
 * whatever else is queued). BENCH_ACTIVATION_WINDOWS sets the number of windows (7), BENCH_ACTIVATION_VSIX the package.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../e2e/harness/browser';
import { installExtension, startCodeServer, type CodeServer } from '../e2e/harness/code-server';
import { CHROMIUM, CODE_SERVER_BIN, REPO_ROOT, extensionId, vsixPath } from '../e2e/harness/paths';
import { openFile, runCommand, waitForWorkbench } from '../e2e/harness/workbench';
import { readZip } from '../e2e/harness/zip';

const TARGET_MS = 150;
const WINDOWS = Number(process.env.BENCH_ACTIVATION_WINDOWS ?? 7);
const TIMEOUT_MS = 60_000;
const SETTLE_MS = 3_000;
/** The package measured: `npm run package`'s .vsix unless BENCH_ACTIVATION_VSIX names another. */
const VSIX = process.env.BENCH_ACTIVATION_VSIX ?? vsixPath();

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** One window's figures, in milliseconds. */
export interface ActivationSample {
  /** VS Code's Load Code, Call Activate and Finish Activate. */
  load: number;
  call: number;
  finish: number;
  /** The Running Extensions editor's "Activation: N ms" (Load Code + Call Activate). */
  shown: number;
  /** The extension's own clock: bundle evaluation and activate() until it returned (NaN when it logged none). */
  ownEvaluation: number;
  ownActivate: number;
  /** Making the deferred language client (its library's evaluation), after activation. */
  clientMade: number;
  /** From activate()'s return until the language server runs (in the background, not part of activation). */
  serverAfter: number;
}

/** Reads the Startup Performance table's row for our extension: [Load Code, Call Activate, Finish Activate]. */
export function parseActivationRow(perfText: string, id: string): [number, number, number] | undefined {
  for (const line of perfText.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells[1] !== id) continue;
    const numbers = cells.slice(3, 6).map(Number);
    if (numbers.length === 3 && numbers.every((n) => Number.isFinite(n))) return numbers as [number, number, number];
  }
  return undefined;
}

/** The extension's own clock, from its output channel's log (client/src/activation-timing.ts writes the lines). */
export interface OwnLog {
  evaluation: number;
  activate: number;
  clientMade?: number;
  serverAfter?: number;
}

/** Reads the "activation: …", "language client made …" and "language server running …" lines of the log. */
export function parseOwnLog(log: string): OwnLog | undefined {
  const activated = /activation: bundle evaluated in ([\d.]+) ms, activate\(\) called [\d.]+ ms later and returned in ([\d.]+) ms/.exec(log);
  if (!activated) return undefined;
  const client = /language client made in ([\d.]+) ms/.exec(log);
  const running = /language server running ([\d.]+) ms after activate\(\) returned/.exec(log);
  return {
    evaluation: Number(activated[1]),
    activate: Number(activated[2]),
    clientMade: client ? Number(client[1]) : undefined,
    serverAfter: running ? Number(running[1]) : undefined,
  };
}

function findFile(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    } else if (entry === name) {
      return path;
    }
  }
  return undefined;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The text of the active editor, through the clipboard (the editor renders only the lines in view). */
async function activeEditorText(page: Page): Promise<string> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  return page.evaluate<string>('navigator.clipboard.readText()');
}

/**
 * Reads the figures of an activation that the window has started (a YAML file was opened): VS Code's from Running
 * Extensions and Startup Performance, and the extension's own from its log under `logsDir` (code-server's
 * <user-data-dir>/logs). The extension must be activating or active.
 */
export async function readActivation(page: Page, logsDir: string): Promise<ActivationSample> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  // The Running Extensions row turns from "Activating..." to "Activation: N ms" once activate() has settled.
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Istio Inject' }).first();
  const shownText = await until('the Running Extensions row', async () => {
    const text = await row.innerText().catch(() => '');
    return /Activation: \d+ms/.test(text) ? text : undefined;
  });
  const shown = Number(/Activation: (\d+)ms/.exec(shownText)?.[1]);
  const id = extensionId();
  await runCommand(page, 'Developer: Startup Performance');
  const [load, call, finish] = await until(`${id} in Startup Performance`, async () =>
    parseActivationRow(await activeEditorText(page), id));
  const own = await until('the extension to log that its server runs', () => {
    const file = findFile(logsDir, 'Istio Inject.log');
    const parsed = file ? parseOwnLog(readFileSync(file, 'utf8')) : undefined;
    return parsed?.serverAfter !== undefined ? parsed : undefined;
  }, 15_000).catch(() => undefined);
  return {
    load, call, finish, shown, ownEvaluation: own?.evaluation ?? NaN, ownActivate: own?.activate ?? NaN,
    clientMade: own?.clientMade ?? NaN, serverAfter: own?.serverAfter ?? NaN,
  };
}

async function measureWindow(runDir: string, extensionsDir: string): Promise<ActivationSample> {
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'app.yaml'), MANIFEST);
  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    codeServer = await startCodeServer({ runDir, extensionsDir });
    browser = await openBrowser(runDir);
    const page = browser.page;
    await page.goto(codeServer.folderUrl(workspace));
    await waitForWorkbench(page);
    // Let the workbench's own start-up burst (built-in extensions, file watcher, rendering) pass first: on 2 cores it
    // would otherwise be measured as our code loading.
    await page.waitForTimeout(SETTLE_MS);
    await openFile(page, 'app.yaml');
    return await readActivation(page, join(runDir, 'user-data', 'logs'));
  } finally {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function range(xs: number[]): string {
  return `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
}

/** Why the activation cannot be measured here, or undefined when it can. */
function missingPrerequisite(): string | undefined {
  if (!existsSync(CODE_SERVER_BIN)) return `code-server is not installed (${CODE_SERVER_BIN}; run \`node out/test/e2e/install-host.js\`)`;
  if (!existsSync(CHROMIUM)) return `Chromium is missing (${CHROMIUM}; apt-get install chromium, or set E2E_CHROMIUM)`;
  if (!existsSync(VSIX)) return `${VSIX} is missing (run \`npm run package\`)`;
  return undefined;
}

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** A warning when the measured .vsix is older than the client or protocol sources it is built from. */
function stalenessNote(): string {
  const sources = ['client/src', 'protocol/src'].map((d) => join(REPO_ROOT, d)).filter((d) => existsSync(d));
  const stale = sources.some((d) => newestMtime(d) > statSync(VSIX).mtimeMs);
  return stale ? ` WARNING: ${VSIX} is older than client/src or protocol/src (run \`npm run package\`).` : '';
}

/** Size of the packaged dist/extension.js (what VS Code loads), from the .vsix. */
function packagedBundleKb(): string {
  const bytes = readZip(VSIX).find((e) => e.name === 'extension/dist/extension.js')?.read().length;
  return bytes === undefined ? 'not in the .vsix' : `${(bytes / 1024).toFixed(0)} KB`;
}

/** The P4 activation lines of `npm run bench`. */
export async function p4Activation(): Promise<string[]> {
  const missing = missingPrerequisite();
  if (missing) return [`P4 extension activation: NOT MEASURED: ${missing}`];
  const root = mkdtempSync(join(tmpdir(), 'istio-inject-p4-activation-'));
  const samples: ActivationSample[] = [];
  try {
    const extensionsDir = join(root, 'extensions');
    installExtension(VSIX, extensionsDir, join(root, 'install'));
    for (let i = 0; i < WINDOWS; i++) samples.push(await measureWindow(join(root, `window-${i}`), extensionsDir));
  } catch (err) {
    return [`P4 extension activation: NOT MEASURED: ${err instanceof Error ? err.message : String(err)} (runs in ${root})`];
  }
  rmSync(root, { recursive: true, force: true });
  const total = samples.map((s) => s.load + s.call + s.finish);
  const of = (pick: (s: ActivationSample) => number): string => {
    const known = samples.map(pick).filter((x) => !Number.isNaN(x));
    return known.length ? median(known).toFixed(0) : 'n/a';
  };
  const verdict = median(total) <= TARGET_MS ? 'met' : 'MISSED';
  return [
    `P4 extension activation = ${median(total).toFixed(0)} ms (code loading ${of((s) => s.load)} ms, activate() ${of((s) => s.call + s.finish)} ms;`
      + ` median of ${samples.length} fresh code-server windows, range ${range(total)} ms; target ≤ ${TARGET_MS}: ${verdict})${stalenessNote()}`,
    `P4 activation detail (medians, VS Code 1.100.3's extension host): Load Code ${of((s) => s.load)} ms, Call Activate ${of((s) => s.call)} ms,`
      + ` Finish Activate ${of((s) => s.finish)} ms; Running Extensions shows ${of((s) => s.shown)} ms (range ${range(samples.map((s) => s.shown))});`
      + ` of Load Code, the bundle's evaluation takes ${of((s) => s.ownEvaluation)} ms (own clock) and the rest (reading, parsing,`
      + ` VS Code's own steps) ${of((s) => s.load - s.ownEvaluation)} ms; activate() ${of((s) => s.ownActivate)} ms by the own clock;`
      + ` after activation, in the background: language client made in ${of((s) => s.clientMade)} ms, server running ${of((s) => s.serverAfter)} ms after activate() returned; packaged dist/extension.js ${packagedBundleKb()}`,
    `P4 activation samples (Load Code+Call+Finish ms [bundle evaluation]): ${samples.map((s) => `${s.load}+${s.call}+${s.finish}`
      + ` [${s.ownEvaluation.toFixed(0)}]`).join(', ')};`
      + ` load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  ];
}

if (require.main === module) {
  void p4Activation().then((lines) => { for (const line of lines) console.log(line); });
}
