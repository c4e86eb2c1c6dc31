// `?watch=true` streams: headers go out at once (clients wait for them before reporting the watch as started), then
// one JSON event per line. A version the history no longer holds gets the real server's answer: HTTP 200 and a single
// ERROR event carrying a 410 Status.
import type { ServerResponse } from 'node:http';
import type { Faults } from './faults';
import type { ResourceType } from './resources';
import { statusBody } from './status';
import type { KubeObject, ObjectStore } from './store';

export interface WatchRequest {
  resource: ResourceType;
  namespace?: string;
  matches: (o: KubeObject) => boolean;
  resourceVersion: string | null;
  bookmarks: boolean;
  timeoutSeconds?: number;
}

export function serveWatch(res: ServerResponse, store: ObjectStore, faults: Faults, w: WatchRequest, bookmarkMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  const send = (type: string, object: unknown) => res.write(JSON.stringify({ type, object }) + '\n');
  const inScope = (o: KubeObject) => (!w.namespace || o.metadata.namespace === w.namespace) && w.matches(o);

  const rv = w.resourceVersion ? Number(w.resourceVersion) : 0;
  if (rv === 0) {
    // No version (or "0"): the current state as ADDED events, then changes.
    const items = w.namespace ? store.list(w.resource, w.namespace) : store.list(w.resource);
    for (const o of items) if (w.matches(o)) send('ADDED', o);
  } else {
    const past = store.eventsSince(w.resource, rv);
    if (past === 'gone') {
      send('ERROR', statusBody(410, `too old resource version: ${rv} (${store.resourceVersion})`, 'Expired'));
      res.end();
      return;
    }
    for (const e of past) if (inScope(e.object)) send(e.type, e.object);
  }

  const unsubscribe = store.subscribe((e) => {
    if (e.resource === w.resource && inScope(e.object)) send(e.type, e.object);
  });
  const timers: NodeJS.Timeout[] = [];
  if (w.bookmarks && bookmarkMs > 0) {
    timers.push(setInterval(() => send('BOOKMARK', {
      kind: w.resource.kind, apiVersion: w.resource.group ? `${w.resource.group}/${w.resource.version}` : w.resource.version,
      metadata: { resourceVersion: String(store.resourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
    }), bookmarkMs));
  }
  if (w.timeoutSeconds) timers.push(setTimeout(() => close(), w.timeoutSeconds * 1000));
  const untrack = faults.trackWatch(() => close());
  function close(): void {
    cleanup();
    res.end();
  }
  function cleanup(): void {
    unsubscribe();
    untrack();
    for (const t of timers) clearTimeout(t);
  }
  res.on('close', cleanup);
}
