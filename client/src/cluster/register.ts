// Wires the cluster view into VS Code: the Istio activity-bar view, its commands and read-only documents. The
// Kubernetes client bundle (dist/kube.js) is required only when the view first asks for its children.
import * as vscode from 'vscode';
import { kube } from '../config-source/kube-loader';
import { registerClusterCommands } from './cluster-commands';
import { CLUSTER_SCHEME, ClusterDocuments } from './cluster-documents';
import type { KubeAccess } from './cluster-session';
import { CLUSTER_VIEW_ID } from './command-ids';
import { ClusterTreeProvider } from './tree-provider';

function kubeAccess(): KubeAccess {
  const k = kube();
  return {
    open: (context) => k.openClusterClient(context ? { context } : {}),
    listWatch: (client, path, handlers) => new k.ListWatch(client, path, handlers),
  };
}

/** Registers the Istio cluster view (namespaces → pods → containers) and its commands. */
export function registerClusterViews(context: vscode.ExtensionContext): void {
  const tree = new ClusterTreeProvider(kubeAccess);
  const view = vscode.window.createTreeView(CLUSTER_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    tree,
    view,
    view.onDidCollapseElement((e) => tree.collapsed(e.element)),
    vscode.workspace.registerTextDocumentContentProvider(CLUSTER_SCHEME, new ClusterDocuments(() => tree.session)),
    ...registerClusterCommands(tree),
  );
}
