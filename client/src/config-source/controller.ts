/**
 * Keeps the injector configuration texts in step with the settings: plans the source (trust included), loads it,
 * hands the texts to SettingsSync, and tells the status bar. A failure falls back to the built-in configuration and
 * says so once per distinct error. Reloads on settings changes, on a trust grant and when a configuration file changes.
 */
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { SettingsSync } from '../settings-sync';
import type { SourceState } from '../status-model';
import { sourceName } from '../status-model';
import { kube } from './kube-loader';
import { loadSourceConfig, type ClusterCache, type LoadDeps } from './load';
import { planConfigSource, type SourcePlan } from './plan';

export class ConfigSourceController implements vscode.Disposable {
  readonly onDidChangeState: vscode.Event<SourceState>;
  private readonly emitter = new vscode.EventEmitter<SourceState>();
  private readonly clusterCache: ClusterCache = new Map();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private planKey = '';
  private generation = 0;
  private lastShownError: string | undefined;
  private readonly config: Config;
  private readonly sync: SettingsSync;
  private readonly output: vscode.LogOutputChannel;

  constructor(config: Config, sync: SettingsSync, output: vscode.LogOutputChannel) {
    this.config = config;
    this.sync = sync;
    this.output = output;
    this.onDidChangeState = this.emitter.event;
    this.disposables.push(
      this.emitter,
      config.onDidChange(() => this.settingsChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
    );
  }

  plan(): SourcePlan {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return planConfigSource(this.config.settings, vscode.workspace.isTrusted, folder?.scheme === 'file' ? folder.fsPath : undefined, os.homedir());
  }

  /** Loads the planned source (a cluster's ConfigMaps are read again when `refresh`); the latest call wins. */
  async reload(options: { refresh?: boolean } = {}): Promise<void> {
    const plan = this.plan();
    this.planKey = JSON.stringify(plan);
    const generation = ++this.generation;
    if (options.refresh) this.clusterCache.clear();
    const requested = this.config.settings.configSource;
    this.emitter.fire({ requested, loading: plan.kind !== 'builtin' });
    this.watchFiles(plan);
    const result = await loadSourceConfig(plan, this.deps(), this.clusterCache);
    if (generation !== this.generation) return;
    this.sync.setSourceConfig(result.config);
    const state: SourceState = { requested, loading: false };
    if (result.error !== undefined) {
      state.error = result.error;
      this.output.warn(`injector configuration (${requested}): ${result.error}; using the built-in configuration`);
      this.showErrorOnce(requested, result.error);
    } else {
      this.lastShownError = undefined;
      this.output.info(`injector configuration: ${result.config?.label ?? 'built-in'}`);
    }
    this.emitter.fire(state);
  }

  /** A new source is loaded (and then pushed); other settings are pushed at once with the current texts. */
  private settingsChanged(): void {
    if (JSON.stringify(this.plan()) !== this.planKey) void this.reload();
    else this.sync.push();
  }

  private showErrorOnce(requested: SourceState['requested'], error: string): void {
    const key = `${requested}\n${error}`;
    if (key === this.lastShownError) return;
    this.lastShownError = key;
    void vscode.window.showWarningMessage(vscode.l10n.t(
      'Istio Inject could not use the {0} injector configuration ({1}). The built-in configuration is used instead.',
      sourceName(requested, vscode.l10n.t), error,
    ));
  }

  /** A configuration file that changes on disk is read again. */
  private watchFiles(plan: SourcePlan): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (plan.kind !== 'files') return;
    for (const file of Object.values(plan.files)) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const again = (): void => void this.reload();
      this.watchers.push(watcher, watcher.onDidChange(again), watcher.onDidCreate(again), watcher.onDidDelete(again));
    }
  }

  private deps(): LoadDeps {
    return {
      readFile: (file) => fs.readFile(file, 'utf8'),
      currentContext: () => kube().currentKubeContext(),
      readCluster: (namespace, revision) => kube().readIstioConfigMaps(namespace, revision),
      t: (message, ...args) => vscode.l10n.t(message, ...args),
    };
  }

  dispose(): void {
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
