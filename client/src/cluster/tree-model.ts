// Design: the cluster tree is a pure view model fed by list and watch events, and a thin VS Code adapter that turns
// its NodeViews into TreeItems. The model keeps namespaces and pods in maps keyed by name, plus a per-namespace count
// of pods with a proxy that each event adjusts, so applying one watch event costs the same at 10 or 10,000 pods.
// Node views (labels, kubectl's READY/STATUS, sidecar state, tooltip, contextValue) are computed only for the nodes
// VS Code asks for — an expanded namespace — never for the whole cluster.
import { CONTEXT } from './context-values';
import { containerRows, type ContainerRow } from './containers';
import { humanDuration } from './duration';
import type { Namespace, Pod } from './k8s-json';
import { namespaceInjection, type NamespaceInjection } from './namespace-state';
import { podStatusColumns, restartsText } from './pod-status';
import { proxyContainer, sidecarState, type SidecarKind, type SidecarState } from './sidecar';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What the adapter needs to draw one node; `icon` is a codicon id, `color` a theme color id. */
export interface NodeView {
  id: string;
  label: string;
  description?: string;
  tooltip: string;
  icon: string;
  color?: string;
  contextValue: string;
  expandable: boolean;
}

interface NamespaceEntry {
  ns: Namespace;
  injection: NamespaceInjection;
  pods: Map<string, Pod>;
  withProxy: number;
}

const SIDECAR_ICONS: Record<SidecarKind, { icon: string; color?: string }> = {
  injected: { icon: 'pass-filled', color: 'testing.iconPassed' },
  outdated: { icon: 'warning', color: 'list.warningForeground' },
  missing: { icon: 'error', color: 'list.errorForeground' },
  disabled: { icon: 'circle-slash' },
  notApplicable: { icon: 'circle-large-outline' },
  none: { icon: 'circle-large-outline' },
};

/** Said in the description too, not only by icon colour: the two states that need an action. */
const SIDECAR_NOTE: Record<SidecarKind, string> = {
  injected: '', outdated: ' · proxy outdated', missing: ' · sidecar missing', disabled: '', notApplicable: '', none: '',
};

const NAMESPACE_TEXT: Record<NamespaceInjection['mode'], string> = {
  enabled: 'injection enabled',
  revision: 'revision',
  disabled: 'injection disabled',
  conflict: 'conflicting labels',
  none: 'no injection label',
};

const NO_LABELS = namespaceInjection({ metadata: { name: '' } });

export class ClusterModel {
  private readonly namespaces = new Map<string, NamespaceEntry>();
  /** Sidecar counts of namespaces whose pods are not watched: from one list when the view opened, or at collapse. */
  private readonly census = new Map<string, { withProxy: number; total: number }>();
  /** The proxy image the injector config would use now; pods running another are `outdated`. */
  expectedProxyImage: string | undefined;

  /** Replaces all namespaces (after a list). Pods of namespaces still present are kept. */
  setNamespaces(list: Namespace[]): void {
    const keep = new Set(list.map((n) => n.metadata.name));
    for (const name of [...this.namespaces.keys()]) if (!keep.has(name)) this.namespaces.delete(name);
    for (const ns of list) this.applyNamespace('ADDED', ns);
  }

  applyNamespace(type: WatchEventType, ns: Namespace): void {
    const name = ns.metadata.name;
    if (type === 'DELETED') this.namespaces.delete(name);
    else {
      const entry = this.namespaces.get(name);
      if (entry) {
        entry.ns = ns;
        entry.injection = namespaceInjection(ns);
      } else this.namespaces.set(name, { ns, injection: namespaceInjection(ns), pods: new Map(), withProxy: 0 });
    }
  }

  /** Replaces the pods of one namespace (after a list or relist). */
  setPods(namespace: string, pods: Pod[]): void {
    const entry = this.entry(namespace);
    entry.pods.clear();
    entry.withProxy = 0;
    for (const p of pods) this.applyPod('ADDED', p, namespace);
  }

  /** Applies one watch event; constant time whatever the number of pods. */
  applyPod(type: WatchEventType, pod: Pod, namespace = pod.metadata.namespace ?? 'default'): void {
    const entry = this.entry(namespace);
    const old = entry.pods.get(pod.metadata.name);
    if (old && proxyContainer(old)) entry.withProxy--;
    if (type === 'DELETED') {
      entry.pods.delete(pod.metadata.name);
      return;
    }
    entry.pods.set(pod.metadata.name, pod);
    if (proxyContainer(pod)) entry.withProxy++;
  }

  namespaceNames(): string[] {
    return [...this.namespaces.keys()].sort();
  }

  namespace(name: string): Namespace | undefined {
    return this.namespaces.get(name)?.ns;
  }

  pod(namespace: string, name: string): Pod | undefined {
    return this.namespaces.get(namespace)?.pods.get(name);
  }

  podNames(namespace: string): string[] {
    return [...(this.namespaces.get(namespace)?.pods.keys() ?? [])].sort();
  }

  /** Counts every namespace's pods and pods with a proxy from one list (not watched: a snapshot). */
  setCensus(pods: Pod[]): void {
    this.census.clear();
    for (const pod of pods) {
      const ns = pod.metadata.namespace ?? 'default';
      const c = this.census.get(ns) ?? { withProxy: 0, total: 0 };
      c.total++;
      if (proxyContainer(pod)) c.withProxy++;
      this.census.set(ns, c);
    }
  }

  /** A namespace stops being watched: its pods go, its last counts stay as its census. */
  forgetPods(namespace: string): void {
    const e = this.namespaces.get(namespace);
    if (!e) return;
    this.census.set(namespace, this.sidecarCount(namespace));
    e.pods.clear();
    e.withProxy = 0;
  }

  /** Pods with a proxy and all pods in a namespace (as far as its pods have been listed). */
  sidecarCount(namespace: string): { withProxy: number; total: number } {
    const e = this.namespaces.get(namespace);
    return { withProxy: e?.withProxy ?? 0, total: e?.pods.size ?? 0 };
  }

  namespaceView(name: string, podsLoaded: boolean): NodeView {
    const ns = this.namespaces.get(name)?.ns ?? { metadata: { name } };
    const inj = namespaceInjection(ns);
    const counted = podsLoaded ? this.sidecarCount(name) : this.census.get(name);
    const mode = inj.mode === 'revision' ? `revision ${inj.revision}` : NAMESPACE_TEXT[inj.mode];
    const count = counted ? ` · ${counted.withProxy}/${counted.total} with sidecar` : '';
    const lines = [`**${name}** — ${mode}`];
    const labels = ns.metadata.labels ?? {};
    for (const key of ['istio-injection', 'istio.io/rev']) if (labels[key] !== undefined) lines.push(`\`${key}=${labels[key]}\``);
    if (inj.mode === 'conflict') lines.push('Both istio-injection and istio.io/rev are set: istio-injection wins and the revision label is ignored.');
    if (counted) lines.push(`${counted.withProxy} of ${counted.total} pods have a sidecar${podsLoaded ? '.' : ' (counted earlier; expand the namespace to follow changes).'}`);
    return {
      id: `ns/${name}`, label: name, description: `${mode}${count}`, tooltip: lines.join('\n\n'),
      icon: inj.mode === 'conflict' ? 'warning' : inj.injects ? 'symbol-namespace' : 'folder',
      ...(inj.mode === 'conflict' ? { color: 'list.warningForeground' } : {}),
      contextValue: CONTEXT.namespace[inj.mode], expandable: true,
    };
  }

  /** The sidecar state of one pod, given its namespace's current labels. */
  sidecar(namespace: string, pod: Pod): SidecarState {
    return sidecarState(pod, this.namespaces.get(namespace)?.injection ?? NO_LABELS, namespace, this.expectedProxyImage);
  }

  podView(namespace: string, pod: Pod, now = Date.now()): NodeView {
    const cols = podStatusColumns(pod);
    const sc = this.sidecar(namespace, pod);
    const icon = SIDECAR_ICONS[sc.kind];
    const restarts = restartsText(cols, now, humanDuration);
    const lines = [`**${pod.metadata.name}** — ${cols.readyText} ${cols.status}, restarts ${restarts}`, `Sidecar: **${sc.kind}** — ${sc.reason}`];
    if (sc.proxy) {
      lines.push(`Proxy: \`${sc.proxy.image}\`${sc.proxy.native ? ' (native sidecar)' : ''}` +
        (sc.proxy.version ? ` · version ${sc.proxy.version}` : '') + (sc.proxy.revision ? ` · revision ${sc.proxy.revision}` : ''));
    }
    return {
      id: `pod/${namespace}/${pod.metadata.name}`, label: pod.metadata.name, description: `${cols.readyText} ${cols.status}${SIDECAR_NOTE[sc.kind]}`,
      tooltip: lines.join('\n\n'), icon: icon.icon, ...(icon.color ? { color: icon.color } : {}),
      contextValue: CONTEXT.pod[sc.kind], expandable: true,
    };
  }

  containerViews(namespace: string, pod: Pod): NodeView[] {
    return containerRows(pod).map((c) => containerView(namespace, pod.metadata.name, c));
  }

  private entry(namespace: string): NamespaceEntry {
    let e = this.namespaces.get(namespace);
    if (!e) {
      const ns = { metadata: { name: namespace } };
      this.namespaces.set(namespace, (e = { ns, injection: namespaceInjection(ns), pods: new Map(), withProxy: 0 }));
    }
    return e;
  }
}

function containerView(namespace: string, podName: string, c: ContainerRow): NodeView {
  const kind = c.role === 'proxy' ? (c.native ? 'istio-proxy (native sidecar)' : 'istio-proxy (sidecar)')
    : c.role === 'istioInit' ? 'Istio init container' : c.init ? (c.native ? 'native sidecar' : 'init container') : 'app container';
  const restarts = c.restarts ? ` · ${c.restarts} restarts` : '';
  const native = c.native ? ' · native sidecar' : '';
  return {
    id: `container/${namespace}/${podName}/${c.name}`, label: c.name, description: `${c.state}${native}${restarts}`,
    tooltip: [`**${c.name}** — ${kind}`, `State: ${c.state}${c.ready ? ' (ready)' : ''}`, `Restarts: ${c.restarts}`, `Image: \`${c.image}\``].join('\n\n'),
    icon: c.role === 'proxy' ? 'shield' : c.role === 'istioInit' ? 'gear' : c.init ? 'debug-start' : 'package',
    ...(c.state.startsWith('Waiting') || (c.state.startsWith('Terminated') && !c.state.endsWith('(exit 0)')) ? { color: 'list.errorForeground' } : {}),
    contextValue: CONTEXT.container[c.role], expandable: false,
  };
}
