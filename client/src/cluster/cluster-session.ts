// What the cluster tree shows and what it watches, without VS Code: the tree asks for children, the session answers
// from the model and starts a list+watch for exactly what is being shown (namespaces once the view opens, a
// namespace's pods once it is expanded, stopped again on collapse). Failures become message nodes with Retry; every
// change is reported as the node to refresh, so the adapter redraws only that part.
import type { ClusterClient, KubeError } from '../kube/cluster-client';
import type { ListWatchHandlers } from '../kube/list-watch';
import { expectedProxyImage } from './expected-image';
import type { Namespace, Pod } from './k8s-json';
import { ClusterModel } from './tree-model';

/** A node of the cluster tree. Instances are canonical per id (see ClusterSession.node), as VS Code needs. */
export type ClusterNode =
  | { kind: 'cluster'; id: string }
  /** `retry`: what Retry restarts — the cluster (namespaces) or one namespace's pods. */
  | { kind: 'message'; id: string; text: string; detail?: string; retry?: { cluster: true } | { namespace: string } }
  | { kind: 'namespace'; id: string; name: string }
  | { kind: 'pod'; id: string; namespace: string; name: string }
  | { kind: 'container'; id: string; namespace: string; pod: string; name: string };

/** The parts of the lazily loaded kube bundle the session uses. */
export interface KubeAccess {
  open(context?: string): ClusterClient;
  listWatch<T>(client: ClusterClient, path: string, handlers: ListWatchHandlers<T>): { start(): Promise<void>; stop(): void };
}

type Load = { phase: 'loading'; loaded: number; remaining?: number } | { phase: 'ready' } | { phase: 'error'; error: KubeError };

interface PodWatch {
  load: Load;
  watch: { start(): Promise<void>; stop(): void };
}

const ISTIO_NAMESPACE = 'istio-system';
/** Above this many pods the collapsed namespaces show no counts: one cluster-wide list would cost too much. */
const CENSUS_MAX_PODS = 5000;

export class ClusterSession {
  readonly model = new ClusterModel();
  private client: ClusterClient | undefined;
  private openError: KubeError | undefined;
  private namespacesLoad: Load = { phase: 'loading', loaded: 0 };
  private namespacesWatch: { stop(): void } | undefined;
  private readonly podWatches = new Map<string, PodWatch>();
  private readonly nodes = new Map<string, ClusterNode>();
  private readonly kube: KubeAccess;
  private readonly changed: (node: ClusterNode | undefined) => void;
  private context: string | undefined;
  private readonly censusMaxPods: number;

  /**
   * `changed(node)` asks the view to redraw `node` (undefined: everything). `censusMaxPods`: the largest cluster
   * whose pods are counted for collapsed namespaces.
   */
  constructor(kube: KubeAccess, changed: (node: ClusterNode | undefined) => void, options: { censusMaxPods?: number } = {}) {
    this.kube = kube;
    this.changed = changed;
    this.censusMaxPods = options.censusMaxPods ?? CENSUS_MAX_PODS;
  }

  get contextName(): string | undefined {
    return this.client?.context;
  }

  get contexts(): string[] {
    return this.client?.contexts ?? [];
  }

  get cluster(): ClusterClient | undefined {
    return this.client;
  }

  /** Opens the current (or given) context, lists namespaces and watches them. Never throws. */
  start(context = this.context): void {
    this.stop();
    this.context = context;
    this.namespacesLoad = { phase: 'loading', loaded: 0 };
    this.openError = undefined;
    try {
      this.client = this.kube.open(context);
    } catch (e) {
      this.openError = e as KubeError;
      this.changed(undefined);
      return;
    }
    const client = this.client;
    let counting = false;
    const w = this.kube.listWatch<Namespace>(client, '/api/v1/namespaces', {
      onList: (items) => {
        this.model.setNamespaces(items);
        if (!counting) {
          counting = true;
          void this.loadCensus(client);
        }
        this.namespacesLoad = { phase: 'ready' };
        this.changed(this.node({ kind: 'cluster', id: 'cluster' }));
      },
      onEvent: (type, ns) => {
        this.model.applyNamespace(type, ns);
        // Labels decide the pods' sidecar state too: redraw the namespace with its subtree; a new or deleted one
        // changes the cluster's children.
        this.changed(type === 'MODIFIED' ? this.namespaceNode(ns.metadata.name) : this.node({ kind: 'cluster', id: 'cluster' }));
      },
      onError: (error) => {
        this.namespacesLoad = { phase: 'error', error };
        this.changed(this.node({ kind: 'cluster', id: 'cluster' }));
      },
      onProgress: (loaded, remaining) => {
        this.namespacesLoad = { phase: 'loading', loaded, ...(remaining !== undefined ? { remaining } : {}) };
      },
    });
    this.namespacesWatch = w;
    void w.start();
    void this.loadExpectedImage(client);
  }

  stop(): void {
    this.namespacesWatch?.stop();
    this.namespacesWatch = undefined;
    for (const p of this.podWatches.values()) p.watch.stop();
    this.podWatches.clear();
    this.model.setNamespaces([]);
    this.model.setCensus([]);
    this.client = undefined;
  }

  /** Children of a node (undefined = the root). Starts the pod watch of a namespace the first time it is opened. */
  children(node?: ClusterNode): ClusterNode[] {
    if (!node) return [this.node({ kind: 'cluster', id: 'cluster' })];
    switch (node.kind) {
      case 'cluster': return this.clusterChildren();
      case 'namespace': return this.namespaceChildren(node.name);
      case 'pod': {
        const pod = this.model.pod(node.namespace, node.name);
        return (pod?.spec?.initContainers ?? []).concat(pod?.spec?.containers ?? []).map((c) =>
          this.node({ kind: 'container', id: `container/${node.namespace}/${node.name}/${c.name}`, namespace: node.namespace, pod: node.name, name: c.name }));
      }
      default: return [];
    }
  }

  /** The namespace was collapsed: stop watching its pods (they are not on screen). */
  collapsed(node: ClusterNode): void {
    if (node.kind !== 'namespace') return;
    this.podWatches.get(node.name)?.watch.stop();
    this.podWatches.delete(node.name);
    this.model.forgetPods(node.name);
  }

  /** Retries what a message node reports. */
  retry(node: ClusterNode): void {
    if (node.kind !== 'message' || !node.retry) return;
    if ('cluster' in node.retry) return this.start();
    const ns = node.retry.namespace;
    this.podWatches.get(ns)?.watch.stop();
    this.podWatches.delete(ns);
    this.changed(this.namespaceNode(ns));
  }

  namespaceNode(name: string): ClusterNode {
    return this.node({ kind: 'namespace', id: `ns/${name}`, name });
  }

  /** Whether a list is in flight (namespaces, or the pods of a shown namespace). */
  get loading(): boolean {
    if (this.client && this.namespacesLoad.phase === 'loading') return true;
    for (const p of this.podWatches.values()) if (p.load.phase === 'loading') return true;
    return false;
  }

  podsLoaded(namespace: string): boolean {
    return this.podWatches.get(namespace)?.load.phase === 'ready';
  }

  /** The canonical instance for a node's id (a message node is replaced when its text changes). */
  node<T extends ClusterNode>(n: T): T {
    const known = this.nodes.get(n.id);
    if (known && (known.kind !== 'message' || JSON.stringify(known) === JSON.stringify(n))) return known as T;
    this.nodes.set(n.id, n);
    return n;
  }

  private clusterChildren(): ClusterNode[] {
    if (this.openError) return [this.message(undefined, this.openError, 'Cannot open the kubeconfig context')];
    const load = this.namespacesLoad;
    if (load.phase === 'error') return [this.message(undefined, load.error, 'Cannot list namespaces')];
    if (load.phase === 'loading') return [this.node({ kind: 'message', id: 'msg/cluster', text: progressText('namespaces', load) })];
    return this.model.namespaceNames().map((n) => this.namespaceNode(n));
  }

  private namespaceChildren(ns: string): ClusterNode[] {
    let entry = this.podWatches.get(ns);
    if (!entry && this.client) entry = this.watchPods(this.client, ns);
    if (!entry) return [];
    const load = entry.load;
    if (load.phase === 'error') return [this.message(ns, load.error, 'Cannot list pods')];
    if (load.phase === 'loading') return [this.node({ kind: 'message', id: `msg/${ns}`, text: progressText('pods', load) })];
    const pods = this.model.podNames(ns);
    if (pods.length === 0) return [this.node({ kind: 'message', id: `msg/${ns}`, text: 'No pods' })];
    return pods.map((name) => this.node({ kind: 'pod', id: `pod/${ns}/${name}`, namespace: ns, name }));
  }

  private watchPods(client: ClusterClient, ns: string): PodWatch {
    const nsNode = this.namespaceNode(ns);
    const entry: PodWatch = { load: { phase: 'loading', loaded: 0 }, watch: { start: async () => undefined, stop: () => undefined } };
    entry.watch = this.kube.listWatch<Pod>(client, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, {
      onList: (items) => {
        this.model.setPods(ns, items);
        entry.load = { phase: 'ready' };
        this.changed(nsNode);
      },
      onEvent: (type, pod) => {
        this.model.applyPod(type, pod, ns);
        // A changed pod redraws itself; a new or deleted one changes the namespace's children and count.
        this.changed(type === 'MODIFIED' ? this.node({ kind: 'pod', id: `pod/${ns}/${pod.metadata.name}`, namespace: ns, name: pod.metadata.name }) : nsNode);
      },
      onError: (error) => {
        entry.load = { phase: 'error', error };
        this.changed(nsNode);
      },
      onProgress: (loaded, remaining) => {
        entry.load = { phase: 'loading', loaded, ...(remaining !== undefined ? { remaining } : {}) };
        this.changed(nsNode);
      },
    });
    this.podWatches.set(ns, entry);
    void entry.watch.start();
    return entry;
  }

  /** A failure as a message node with Retry; `namespace` undefined means the cluster itself. */
  private message(namespace: string | undefined, error: KubeError, what: string): ClusterNode {
    const id = namespace === undefined ? 'msg/cluster' : `msg/${namespace}`;
    const retry = namespace === undefined ? { cluster: true as const } : { namespace };
    return this.node({ kind: 'message', id, text: `${what}: ${describe(error)}`, detail: error.message, retry });
  }

  /** Sidecar counts for the namespaces nobody expanded: one paged cluster-wide pod list, not watched. */
  private async loadCensus(client: ClusterClient): Promise<void> {
    try {
      const list = await client.listAll<Pod>('/api/v1/pods', undefined, this.censusMaxPods);
      if (client !== this.client || list.truncated) return;
      this.model.setCensus(list.items);
      this.changed(this.node({ kind: 'cluster', id: 'cluster' }));
    } catch {
      // No cluster-wide pod list allowed (RBAC), or the server failed: collapsed namespaces just show no counts.
    }
  }

  private async loadExpectedImage(client: ClusterClient): Promise<void> {
    try {
      const cm = await client.get<{ data?: Record<string, string> }>(`/api/v1/namespaces/${ISTIO_NAMESPACE}/configmaps/istio-sidecar-injector`);
      const image = expectedProxyImage(cm.data?.['values']);
      if (client !== this.client || image === this.model.expectedProxyImage) return;
      this.model.expectedProxyImage = image;
      this.changed(undefined);
    } catch {
      // No Istio here, or no access: the outdated-proxy check just stays off.
    }
  }
}

function progressText(what: string, load: { loaded: number; remaining?: number }): string {
  if (load.loaded === 0) return `Loading ${what}…`;
  return `Loading ${what}… ${load.loaded}${load.remaining !== undefined ? ` of ${load.loaded + load.remaining}` : ''}`;
}

function describe(e: KubeError): string {
  if (e.code === 401) return 'not authenticated (401): log in again or refresh the kubeconfig credentials';
  if (e.code === 403) return 'access denied (403)';
  if (e.code === 0) return e.message;
  return `HTTP ${e.code} ${e.reason}`;
}
