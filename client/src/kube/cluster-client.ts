// The cluster view's access to one kubeconfig context: paged lists, watch streams, patches and logs over KubeRest.
// KubeConfig.loadFromDefault merges every file of KUBECONFIG and supports exec credential plugins.
import { KubeConfig } from '@kubernetes/client-node';
import { KubeError, KubeRest } from './rest';

export { KubeError };

export type WatchEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'; object: { metadata?: { resourceVersion?: string }; code?: number; message?: string } };

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
  /** Set when the list stopped at `maxItems` with more left on the server. */
  truncated?: boolean;
}

/** One kubeconfig context, opened. */
export interface ClusterClient {
  /** The context in use. */
  readonly context: string;
  /** All context names of the kubeconfig, for the switcher. */
  readonly contexts: string[];
  /**
   * Lists every item of a collection, `pageSize` at a time (limit/continue); `onPage` reports progress. With
   * `maxItems`, a collection larger than that is not read to the end (`truncated`): as soon as the server's
   * remainingItemCount, or the pages read so far, show it is too large.
   */
  listAll<T>(path: string, onPage?: (loaded: number, remaining?: number) => void, maxItems?: number): Promise<ListResult<T>>;
  /** Watches a collection from `resourceVersion`; `onEnd` gets undefined when the server closed the stream. */
  watch(path: string, resourceVersion: string, onEvent: (e: WatchEvent) => void, onEnd: (err?: KubeError) => void): () => void;
  get<T>(path: string): Promise<T>;
  patch<T>(path: string, body: unknown, type: 'merge' | 'strategic'): Promise<T>;
  /** A container's log (the last `tailLines` lines when given). */
  readLog(namespace: string, pod: string, container: string, tailLines?: number): Promise<string>;
}

export interface ClusterClientOptions {
  /** Context to use instead of the kubeconfig's current one. */
  context?: string;
  pageSize?: number;
  /** A KubeConfig already loaded (tests); by default the user's, from KUBECONFIG or ~/.kube/config. */
  kubeConfig?: KubeConfig;
}

/** Opens the current (or given) kubeconfig context. Throws a KubeError when the kubeconfig has no such context. */
export function openClusterClient(options: ClusterClientOptions = {}): ClusterClient {
  const kc = options.kubeConfig ?? new KubeConfig();
  if (!options.kubeConfig) kc.loadFromDefault();
  if (options.context) kc.setCurrentContext(options.context);
  const context = kc.getCurrentContext();
  if (!context || !kc.getCurrentCluster()) throw new KubeError(0, 'NoContext', 'no current Kubernetes context in the kubeconfig');
  const rest = new KubeRest(kc);
  const pageSize = options.pageSize ?? 500;
  return {
    context,
    contexts: kc.getContexts().map((c) => c.name),

    async listAll<T>(path: string, onPage?: (loaded: number, remaining?: number) => void, maxItems = Infinity): Promise<ListResult<T>> {
      const items: T[] = [];
      let cont: string | undefined;
      let resourceVersion = '';
      do {
        const q = `?limit=${pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
        const page = await rest.json<{ items?: T[]; metadata?: { continue?: string; resourceVersion?: string; remainingItemCount?: number } }>(path + q);
        for (const item of page.items ?? []) items.push(item);
        cont = page.metadata?.continue || undefined;
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
        onPage?.(items.length, page.metadata?.remainingItemCount);
        if (cont && items.length + (page.metadata?.remainingItemCount ?? 0) > maxItems) return { items, resourceVersion, truncated: true };
      } while (cont);
      return { items, resourceVersion };
    },

    watch(path, resourceVersion, onEvent, onEnd) {
      let buffered = '';
      const q = `?watch=true&allowWatchBookmarks=true${resourceVersion ? `&resourceVersion=${encodeURIComponent(resourceVersion)}` : ''}`;
      const s = rest.stream(path + q, (chunk) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (!line.trim()) continue;
          let e: WatchEvent;
          try {
            e = JSON.parse(line) as WatchEvent;
          } catch {
            continue; // a torn or garbled line: the next relist repairs whatever it carried
          }
          onEvent(e);
        }
      });
      let ended = false;
      const end = (err?: KubeError) => {
        if (!ended) {
          ended = true;
          onEnd(err);
        }
      };
      s.done.then(() => end(), (e: unknown) => end(e instanceof KubeError ? e : new KubeError(0, 'NetworkError', String(e))));
      return () => {
        ended = true;
        s.abort();
      };
    },

    get: <T>(path: string) => rest.json<T>(path),

    patch: <T>(path: string, body: unknown, type: 'merge' | 'strategic') => rest.json<T>(path, {
      method: 'PATCH', body, contentType: type === 'merge' ? 'application/merge-patch+json' : 'application/strategic-merge-patch+json',
    }),

    readLog: (namespace, pod, container, tailLines) => rest.text(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?container=${encodeURIComponent(container)}${tailLines ? `&tailLines=${tailLines}` : ''}`),
  };
}
