// The resource verbs: list (with limit/continue), get, create, update, patch, delete, and pods/log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PodLogs } from './logs';
import { applyPatch, UnsupportedPatch } from './patch';
import { apiVersionOf, RESOURCES, type ResourceType } from './resources';
import { fieldSelector, labelSelector } from './selectors';
import { sendJson, sendStatus } from './status';
import { notFound, StoreError, type KubeObject, type ObjectStore } from './store';
import { toTable, wantsTable } from './table';

/** A request addressed to a resource: `/api/v1/namespaces/NS/pods/NAME/log` → pods, NS, NAME, log. */
export interface ResourceRequest {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  accept?: string;
}

const CONTINUE_TOO_OLD = 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export function matcher(q: URLSearchParams): (o: KubeObject) => boolean {
  const byLabel = labelSelector(q.get('labelSelector'));
  const byField = fieldSelector(q.get('fieldSelector'));
  return (o) => byLabel(o) && byField(o);
}

export function serveList(res: ServerResponse, store: ObjectStore, r: ResourceRequest): void {
  const q = r.query;
  const limit = Number(q.get('limit') ?? 0);
  let after = '';
  let rv = store.resourceVersion;
  const token = q.get('continue');
  if (token) {
    let parsed: { rv: number; after: string };
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      return sendStatus(res, 400, 'continue key is not valid');
    }
    if (store.isCompacted(parsed.rv)) return sendStatus(res, 410, CONTINUE_TOO_OLD, 'Expired');
    after = parsed.after;
    rv = parsed.rv;
  }
  const matches = matcher(q);
  const all = store.list(r.resource, r.namespace).filter((o) => matches(o) && keyOf(o) > after);
  const items = limit > 0 ? all.slice(0, limit) : all;
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (items.length < all.length) {
    metadata['continue'] = Buffer.from(JSON.stringify({ rv, after: keyOf(items[items.length - 1]!) })).toString('base64url');
    metadata['remainingItemCount'] = all.length - items.length;
  }
  if (wantsTable(r.accept)) return sendJson(res, 200, toTable(r.resource.kind, items, metadata, q.get('includeObject')));
  // A real list's items carry no apiVersion/kind: the list says it once.
  for (const o of items) {
    delete o.apiVersion;
    delete o.kind;
  }
  sendJson(res, 200, { kind: `${r.resource.kind}List`, apiVersion: apiVersionOf(r.resource), metadata, items });
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function serveGet(res: ServerResponse, store: ObjectStore, r: ResourceRequest): void {
  const o = store.get(r.resource, r.namespace, r.name!);
  if (!o) throw notFound(r.resource, r.name!);
  if (wantsTable(r.accept)) return sendJson(res, 200, toTable(r.resource.kind, [o], { resourceVersion: o.metadata.resourceVersion }, r.query.get('includeObject')));
  sendJson(res, 200, o);
}

export function serveCreate(res: ServerResponse, store: ObjectStore, r: ResourceRequest, body: KubeObject): void {
  if (r.namespace) {
    const ns = RESOURCES.find((x) => x.kind === 'Namespace')!;
    if (!store.get(ns, undefined, r.namespace)) throw notFound(ns, r.namespace);
    body.metadata = { ...body.metadata, namespace: r.namespace };
  }
  sendJson(res, 201, store.create(r.resource, body));
}

export function serveUpdate(res: ServerResponse, store: ObjectStore, r: ResourceRequest, body: KubeObject): void {
  body.metadata = { ...body.metadata, name: r.name!, ...(r.namespace ? { namespace: r.namespace } : {}) };
  sendJson(res, 200, store.update(r.resource, body));
}

export function servePatch(res: ServerResponse, store: ObjectStore, r: ResourceRequest, contentType: string, body: unknown): void {
  const current = store.get(r.resource, r.namespace, r.name!);
  if (!current) throw notFound(r.resource, r.name!);
  let next: KubeObject;
  try {
    next = applyPatch(contentType, current, body) as KubeObject;
  } catch (e) {
    if (e instanceof UnsupportedPatch) return sendStatus(res, 415, `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
    throw new StoreError(422, 'Invalid', (e as Error).message);
  }
  next.metadata = { ...next.metadata, name: current.metadata.name, ...(r.namespace ? { namespace: r.namespace } : {}) };
  // A patch that names a resourceVersion is a precondition; one that does not applies to the latest.
  const pinned = (body as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion !== undefined;
  sendJson(res, 200, store.update(r.resource, next, pinned));
}

export function serveDelete(res: ServerResponse, store: ObjectStore, r: ResourceRequest): void {
  sendJson(res, 200, store.remove(r.resource, r.namespace, r.name!));
}

/** `GET pods/NAME/log`: one container's lines, the container chosen or defaulted as the kubelet does. */
export function serveLog(req: IncomingMessage, res: ServerResponse, store: ObjectStore, logs: PodLogs, r: ResourceRequest, track: (close: () => void) => () => void): void {
  const pod = store.get(r.resource, r.namespace, r.name!);
  if (!pod) throw notFound(r.resource, r.name!);
  const spec = (pod['spec'] ?? {}) as { containers?: { name: string }[]; initContainers?: { name: string }[]; ephemeralContainers?: { name: string }[] };
  const names = (spec.containers ?? []).map((c) => c.name);
  const inits = (spec.initContainers ?? []).map((c) => c.name);
  let container = r.query.get('container');
  if (!container) {
    if (names.length !== 1) {
      const initPart = inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : '';
      return sendStatus(res, 400, `a container name must be specified for pod ${r.name}, choose one of: [${names.join(' ')}]${initPart}`);
    }
    container = names[0]!;
  }
  const known = [...names, ...inits, ...(spec.ephemeralContainers ?? []).map((c) => c.name)];
  if (!known.includes(container)) return sendStatus(res, 400, `container ${container} is not valid for pod ${r.name}`);
  const tail = r.query.get('tailLines');
  const lines = logs.read(r.namespace!, r.name!, container, tail !== null ? Number(tail) : undefined);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  for (const l of lines) res.write(l + '\n');
  if (r.query.get('follow') !== 'true') return void res.end();
  res.flushHeaders();
  const stop = logs.follow(r.namespace!, r.name!, container, (l) => res.write(l + '\n'));
  const untrack = track(() => res.end());
  req.on('close', () => {
    stop();
    untrack();
  });
}
