/**
 * Select Injector Config Source: a QuickPick of built-in / files / cluster (plus "reload" for the cluster). Files
 * are chosen one setting at a time with an open dialog. In an untrusted workspace only the built-in source is
 * available, and picking another offers to manage workspace trust.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigSourceKind } from '../../../protocol/src/protocol';
import type { ClientSettings } from '../settings-model';
import type { CommandContext, CommandFactory } from './context';

interface SourceItem extends vscode.QuickPickItem {
  source: ConfigSourceKind | 'reload';
}

export const selectConfigSource: CommandFactory = (ctx) => async () => {
  const settings = ctx.config.settings;
  const trusted = vscode.workspace.isTrusted;
  const current = (kind: ConfigSourceKind): string | undefined => (settings.configSource === kind ? vscode.l10n.t('current') : undefined);
  const untrusted = trusted ? undefined : vscode.l10n.t('needs a trusted workspace');
  const items: SourceItem[] = [
    { source: 'builtin', label: `$(package) ${vscode.l10n.t('Built-in')}`, description: current('builtin'), detail: vscode.l10n.t('The default-profile configuration shipped with the extension; works offline.') },
    { source: 'files', label: `$(file) ${vscode.l10n.t('Files')}`, description: untrusted ?? current('files'), detail: vscode.l10n.t('Files as istioctl kube-inject reads them: --injectConfigFile, --meshConfigFile, --valuesFile.') },
    { source: 'cluster', label: `$(cloud) ${vscode.l10n.t('Cluster')}`, description: untrusted ?? current('cluster'), detail: vscode.l10n.t('ConfigMaps {0} and {1} in namespace {2} of the current kubeconfig context.', injectorMapName(settings), meshMapName(settings), settings.istioNamespace) },
  ];
  if (settings.configSource === 'cluster' && trusted) {
    items.push({ source: 'reload', label: `$(refresh) ${vscode.l10n.t('Reload from the cluster')}`, detail: vscode.l10n.t('Read the ConfigMaps again (they are cached per context and revision).') });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Select Injector Config Source'), placeHolder: vscode.l10n.t('Where should the sidecar templates and values come from?') });
  if (!picked) return;
  if (picked.source === 'reload') {
    await ctx.configSource.reload({ refresh: true });
    return;
  }
  if (picked.source !== 'builtin' && !trusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Configuration files and clusters are used only in a trusted workspace.'), manage);
    if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  if (picked.source === 'files' && !(await pickFiles(ctx))) return;
  if (settings.configSource === picked.source) await ctx.configSource.reload({ refresh: true });
  else await ctx.config.update('configSource', picked.source);
};

type FileKey = 'injectConfigFile' | 'meshConfigFile' | 'valuesFile';

interface FileItem extends vscode.QuickPickItem {
  key?: FileKey;
}

/** Lets the user set each file setting; true when they confirm the files. */
async function pickFiles(ctx: CommandContext): Promise<boolean> {
  for (;;) {
    const s = ctx.config.settings;
    const unset = vscode.l10n.t('not set');
    const items: FileItem[] = [
      { label: `$(check) ${vscode.l10n.t('Use these files')}` },
      { key: 'injectConfigFile', label: '--injectConfigFile', description: s.injectConfigFile || unset },
      { key: 'meshConfigFile', label: '--meshConfigFile', description: s.meshConfigFile || unset },
      { key: 'valuesFile', label: '--valuesFile', description: s.valuesFile || unset },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Injector configuration files'), placeHolder: vscode.l10n.t('Pick a file to set, then "Use these files"') });
    if (!picked) return false;
    if (!picked.key) return true;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: folder, openLabel: vscode.l10n.t('Use as {0}', picked.label), filters: { YAML: ['yaml', 'yml', 'json'], [vscode.l10n.t('All files')]: ['*'] } });
    if (chosen?.[0]) await ctx.config.update(picked.key, settingPath(chosen[0].fsPath, folder));
  }
}

/** Paths inside the workspace folder are stored relative to it, so the setting travels with the repository. */
function settingPath(file: string, folder: vscode.Uri | undefined): string {
  if (!folder || folder.scheme !== 'file') return file;
  const relative = path.relative(folder.fsPath, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function injectorMapName(s: ClientSettings): string {
  return s.revision && s.revision !== 'default' ? `istio-sidecar-injector-${s.revision}` : 'istio-sidecar-injector';
}

function meshMapName(s: ClientSettings): string {
  return s.revision && s.revision !== 'default' ? `istio-${s.revision}` : 'istio';
}
