// List, then watch: an informer for one collection that the cluster view starts only for what is on screen. A 410
// Gone (on the watch or as an ERROR event) relists; a stream the server closes resumes from the last version seen;
// any other failure stops and is reported once, so the view can show a message with Retry.
import type { ClusterClient, KubeError, WatchEvent } from './cluster-client';

export interface ListWatchHandlers<T> {
  /** The full state after a list (first load or relist after 410). */
  onList(items: T[]): void;
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T): void;
  /** The list or watch failed for a reason a relist will not fix (down, 401, 403, timeout). */
  onError(err: KubeError): void;
  onProgress?(loaded: number, remaining?: number): void;
}

/** Delay before re-opening a watch the server closed, so a server that closes at once is not hammered. */
const REWATCH_DELAY_MS = 250;

export class ListWatch<T> {
  private resourceVersion = '';
  private stopWatch: (() => void) | undefined;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;

  private readonly client: ClusterClient;
  private readonly path: string;
  private readonly handlers: ListWatchHandlers<T>;

  constructor(client: ClusterClient, path: string, handlers: ListWatchHandlers<T>) {
    this.client = client;
    this.path = path;
    this.handlers = handlers;
  }

  /** Lists and starts watching. Resolves after the first list (rejects never: failures go to onError). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.relist();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private async relist(): Promise<void> {
    this.stopWatch?.();
    try {
      const list = await this.client.listAll<T>(this.path, this.handlers.onProgress);
      if (this.stopped) return;
      this.resourceVersion = list.resourceVersion;
      this.handlers.onList(list.items);
      this.watch();
    } catch (e) {
      if (!this.stopped) this.fail(e as KubeError);
    }
  }

  private watch(): void {
    let gone = false;
    this.stopWatch = this.client.watch(this.path, this.resourceVersion, (e: WatchEvent) => {
      if (e.type === 'ERROR') {
        if (e.object.code === 410) gone = true;
        return;
      }
      if (e.object.metadata?.resourceVersion) this.resourceVersion = e.object.metadata.resourceVersion;
      if (e.type !== 'BOOKMARK') this.handlers.onEvent(e.type, e.object as T);
    }, (err) => {
      if (this.stopped) return;
      if (gone || err?.code === 410) return void this.relist();
      if (err) return this.fail(err);
      this.timer = setTimeout(() => this.watch(), REWATCH_DELAY_MS);
    });
  }

  private fail(err: KubeError): void {
    this.stop();
    this.handlers.onError(err);
  }
}
