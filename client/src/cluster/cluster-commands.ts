// The cluster view's commands: a table of small factories over one context (the tree provider). Every write to the
// cluster asks for confirmation in a modal dialog first and names exactly what it will change.
import * as vscode from 'vscode';
import { controllerOf, disableInjectionPatch, enableInjectionPatch, restartPatch, restartTarget, workloadPath } from './actions-model';
import { logUri, podYamlUri } from './cluster-documents';
import { CLUSTER_COMMAND_IDS as ID } from './command-ids';
import type { ClusterNode } from './cluster-session';
import { containerRows, defaultLogsContainer } from './containers';
import type { OwnerReference } from './k8s-json';
import { previewOwnerInjection } from './preview-owner';
import type { ClusterTreeProvider } from './tree-provider';

type Factory = (tree: ClusterTreeProvider) => (node?: ClusterNode) => Promise<void> | void;

async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

function connected(tree: ClusterTreeProvider) {
  const session = tree.session;
  const client = session?.cluster;
  if (!session || !client) throw new Error(vscode.l10n.t('The Istio cluster view is not connected to a cluster.'));
  return { session, client };
}

const setInjection = (enable: boolean): Factory => (tree) => async (node) => {
  if (node?.kind !== 'namespace') return;
  const { session, client } = connected(tree);
  const ns = session.model.namespace(node.name) ?? { metadata: { name: node.name } };
  const patch = enable ? enableInjectionPatch(ns) : disableInjectionPatch(ns);
  const labels = Object.entries(patch.metadata.labels).map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`)).join(' ');
  const ok = await confirm(
    vscode.l10n.t('Label namespace {0} in context {1}?', node.name, client.context),
    vscode.l10n.t('kubectl label namespace {0} {1} --overwrite\n\nPods that exist now keep their current state until they are restarted.', node.name, labels),
    enable ? vscode.l10n.t('Enable Injection') : vscode.l10n.t('Disable Injection'));
  if (!ok) return;
  await client.patch(`/api/v1/namespaces/${encodeURIComponent(node.name)}`, patch, 'merge');
  void vscode.window.showInformationMessage(vscode.l10n.t('namespace/{0} labeled ({1})', node.name, labels));
};

const restartWorkload: Factory = (tree) => async (node) => {
  if (node?.kind !== 'pod') return;
  const { session, client } = connected(tree);
  const pod = session.model.pod(node.namespace, node.name);
  if (!pod) return;
  const target = await restartTarget({ ...pod, metadata: { ...pod.metadata, namespace: node.namespace } }, async (ns, rs) =>
    controllerOf((await client.get<{ metadata: { ownerReferences?: OwnerReference[] } }>(`/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/replicasets/${encodeURIComponent(rs)}`)).metadata));
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pod {0} is not managed by a Deployment, StatefulSet or DaemonSet; delete and recreate it to restart it.', node.name));
    return;
  }
  const name = `${target.kind.toLowerCase()}/${target.name}`;
  const ok = await confirm(
    vscode.l10n.t('Restart {0} in namespace {1} (context {2})?', name, target.namespace, client.context),
    vscode.l10n.t('kubectl rollout restart {0} -n {1}\n\nEvery pod of the workload is replaced; new pods get the sidecar the namespace asks for now.', name, target.namespace),
    vscode.l10n.t('Restart'));
  if (!ok) return;
  await client.patch(workloadPath(target), restartPatch(new Date()), 'strategic');
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} restarted', name));
};

async function openLog(namespace: string, pod: string, container: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(logUri(namespace, pod, container));
  await vscode.window.showTextDocument(doc, { preview: true });
}

const showLogs: Factory = (tree) => async (node) => {
  if (node?.kind === 'container') return openLog(node.namespace, node.pod, node.name);
  if (node?.kind !== 'pod') return;
  const pod = connected(tree).session.model.pod(node.namespace, node.name);
  const container = pod && defaultLogsContainer(pod);
  if (container) await openLog(node.namespace, node.name, container);
};

const showContainerLogs: Factory = (tree) => async (node) => {
  if (node?.kind !== 'pod') return;
  const pod = connected(tree).session.model.pod(node.namespace, node.name);
  if (!pod) return;
  const dflt = defaultLogsContainer(pod);
  const picks = containerRows(pod).map((c) => ({ label: c.name, description: c.name === dflt ? vscode.l10n.t('default') : c.role === 'proxy' ? 'istio-proxy' : c.role === 'istioInit' ? vscode.l10n.t('traffic capture rules') : c.init ? vscode.l10n.t('init container') : '', detail: `${c.state} · ${c.image}` }));
  const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Logs of pod {0}', node.name) });
  if (pick) await openLog(node.namespace, node.name, pick.label);
};

const openPodYaml: Factory = () => async (node) => {
  if (node?.kind !== 'pod') return;
  const doc = await vscode.workspace.openTextDocument(podYamlUri(node.namespace, node.name));
  await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(doc, 'yaml'), { preview: true });
};

const copyName: Factory = () => async (node) => {
  if (node && 'name' in node) await vscode.env.clipboard.writeText(node.name);
};

const switchContext: Factory = (tree) => async () => {
  const session = tree.session;
  const contexts = session?.contexts ?? [];
  if (contexts.length === 0) return void vscode.window.showWarningMessage(vscode.l10n.t('No kubeconfig contexts found.'));
  const pick = await vscode.window.showQuickPick(contexts.map((c) => ({ label: c, description: c === session?.contextName ? vscode.l10n.t('shown') : '' })), { title: vscode.l10n.t('Kubernetes context for the Istio view') });
  if (pick) tree.restart(pick.label);
};

export const CLUSTER_COMMANDS: Readonly<Record<string, Factory>> = {
  [ID.refresh]: (tree) => () => tree.restart(),
  [ID.retry]: (tree) => (node) => node && tree.session?.retry(node),
  [ID.switchContext]: switchContext,
  [ID.enableInjection]: setInjection(true),
  [ID.disableInjection]: setInjection(false),
  [ID.restartWorkload]: restartWorkload,
  [ID.showLogs]: showLogs,
  [ID.showContainerLogs]: showContainerLogs,
  [ID.openPodYaml]: openPodYaml,
  [ID.previewOwnerInjection]: previewOwnerInjection,
  [ID.copyName]: copyName,
};

/** Registers the cluster commands; a failure is shown (with the API's message) instead of vanishing. */
export function registerClusterCommands(tree: ClusterTreeProvider): vscode.Disposable[] {
  return Object.entries(CLUSTER_COMMANDS).map(([id, factory]) => {
    const run = factory(tree);
    return vscode.commands.registerCommand(id, async (node?: ClusterNode) => {
      try {
        await run(node);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Istio cluster: {0}', e instanceof Error ? e.message : String(e)));
      }
    });
  });
}
