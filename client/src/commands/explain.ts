/**
 * Explain Injection: the server's account of what injection does to the workload at the cursor, as markdown. With a
 * cluster at hand (see explain/cluster-context.ts) the request carries its namespace labels and webhooks.
 */
import * as vscode from 'vscode';
import { ExplainRequest } from '../../../protocol/src/protocol';
import { kube } from '../config-source/kube-loader';
import { clusterContext, withNote } from '../explain/cluster-context';
import { workloadAt } from '../explain/workload-at';
import type { CommandFactory } from './context';
import { resolveTarget } from './resolve-target';
import { sendTyped } from '../typed-messages';

export const explainInjection: CommandFactory = (ctx) => async (...args) => {
  const target = await resolveTarget(args, true);
  if (!target) return;
  const { document } = target;
  const position = target.range?.start ?? { line: 0, character: 0 };
  const workload = workloadAt(document.getText(), document.offsetAt(new vscode.Position(position.line, position.character)));
  const cluster = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the cluster for Explain Injection…') },
    () => clusterContext(workload, {
      trusted: vscode.workspace.isTrusted,
      source: ctx.config.settings.configSource,
      kubeconfigFound: () => kube().kubeconfigFound(),
      read: (options) => kube().readExplainCluster(options),
      t: (message, ...rest) => vscode.l10n.t(message, ...rest),
    }),
  );
  if (cluster.note) ctx.output.warn(`explain: ${cluster.note}`);
  const markdown = await sendTyped(ctx.client, ExplainRequest, { uri: document.uri.toString(), position, ...cluster.params });
  if (!markdown) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no Kubernetes workload at the cursor.'));
    return;
  }
  await ctx.explain.show(document.uri.path.split('/').pop() || 'manifest', withNote(markdown, cluster.note));
};
