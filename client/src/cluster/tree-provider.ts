// The VS Code side of the cluster tree: turns the session's nodes and the model's NodeViews into TreeItems, creates
// the session (and so loads the Kubernetes client) only when the view first asks for children, batches change
// events so a burst of watch events redraws each node once, and shows progress in the view while lists load.
import * as vscode from 'vscode';
import { ClusterSession, type ClusterNode, type KubeAccess } from './cluster-session';
import { CLUSTER_COMMAND_IDS, CLUSTER_VIEW_ID } from './command-ids';
import { CONTEXT } from './context-values';
import type { NodeView } from './tree-model';

/** How long change events are collected before the tree is told (one redraw per node per burst). */
const BATCH_MS = 60;

export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ClusterNode | ClusterNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private sessionInstance: ClusterSession | undefined;
  private loadError: string | undefined;
  private readonly pending = new Set<ClusterNode>();
  private pendingAll = false;
  private timer: NodeJS.Timeout | undefined;
  private progress: (() => void) | undefined;
  private readonly loadKube: () => KubeAccess;

  constructor(loadKube: () => KubeAccess) {
    this.loadKube = loadKube;
  }

  /** The session, once the view has been opened. */
  get session(): ClusterSession | undefined {
    return this.sessionInstance;
  }

  getChildren(node?: ClusterNode): ClusterNode[] {
    const session = this.ensureSession();
    if (!session) return [{ kind: 'message', id: 'msg/load', text: vscode.l10n.t('Cannot load the Kubernetes client: {0}', this.loadError ?? '') }];
    const children = session.children(node);
    this.updateProgress(session);
    return children;
  }

  getTreeItem(node: ClusterNode): vscode.TreeItem {
    const session = this.sessionInstance;
    switch (node.kind) {
      case 'cluster': {
        const item = new vscode.TreeItem(session?.contextName ?? vscode.l10n.t('Kubernetes'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'cluster';
        item.description = vscode.l10n.t('kubeconfig context');
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.contextValue = CONTEXT.cluster;
        item.tooltip = vscode.l10n.t('Namespaces, pods and sidecars of the kubeconfig context {0}', session?.contextName ?? '');
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.retry ? 'error' : node.text.startsWith('Loading') ? 'loading~spin' : 'info');
        item.contextValue = node.retry ? CONTEXT.messageRetry : CONTEXT.message;
        if (node.detail) item.tooltip = node.detail;
        if (node.retry) item.command = { command: CLUSTER_COMMAND_IDS.retry, title: vscode.l10n.t('Retry'), arguments: [node] };
        return item;
      }
      case 'namespace':
        return toItem(session!.model.namespaceView(node.name, session!.podsLoaded(node.name)), vscode.TreeItemCollapsibleState.Collapsed);
      case 'pod': {
        const pod = session?.model.pod(node.namespace, node.name);
        if (!pod) return new vscode.TreeItem(node.name);
        return toItem(session!.model.podView(node.namespace, pod), vscode.TreeItemCollapsibleState.Collapsed);
      }
      case 'container': {
        const pod = session?.model.pod(node.namespace, node.pod);
        const view = pod && session!.model.containerViews(node.namespace, pod).find((v) => v.label === node.name);
        return view ? toItem(view, vscode.TreeItemCollapsibleState.None) : new vscode.TreeItem(node.name);
      }
    }
  }

  /** Redraws everything (Refresh) and restarts the session, optionally on another context. */
  restart(context?: string): void {
    this.sessionInstance?.start(context);
    this.changed(undefined);
  }

  collapsed(node: ClusterNode): void {
    this.sessionInstance?.collapsed(node);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.progress?.();
    this.sessionInstance?.stop();
    this.emitter.dispose();
  }

  private ensureSession(): ClusterSession | undefined {
    if (this.sessionInstance || this.loadError) return this.sessionInstance;
    try {
      this.sessionInstance = new ClusterSession(this.loadKube(), (n) => this.changed(n));
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
      return undefined;
    }
    this.sessionInstance.start();
    return this.sessionInstance;
  }

  private changed(node: ClusterNode | undefined): void {
    if (node) this.pending.add(node);
    else this.pendingAll = true;
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pendingAll) this.emitter.fire(undefined);
    else if (this.pending.size) this.emitter.fire([...this.pending]);
    this.pendingAll = false;
    this.pending.clear();
  }

  /** Shows the view's progress bar while any list is loading (namespaces, or an expanded namespace's pods). */
  private updateProgress(session: ClusterSession): void {
    if (session.loading && !this.progress) {
      void vscode.window.withProgress({ location: { viewId: CLUSTER_VIEW_ID } }, () => new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (!this.sessionInstance?.loading) done();
        }, 200);
        const done = () => {
          clearInterval(poll);
          this.progress = undefined;
          resolve();
        };
        this.progress = done;
      }));
    }
  }
}

function toItem(v: NodeView, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(v.label, v.expandable ? collapsible : vscode.TreeItemCollapsibleState.None);
  item.id = v.id;
  if (v.description) item.description = v.description;
  item.tooltip = new vscode.MarkdownString(v.tooltip);
  item.iconPath = new vscode.ThemeIcon(v.icon, v.color ? new vscode.ThemeColor(v.color) : undefined);
  item.contextValue = v.contextValue;
  return item;
}
