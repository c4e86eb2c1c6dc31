// A small Kubernetes API server for tests: real REST paths and JSON on an ephemeral port, backed by an in-memory
// store the test seeds and mutates. Enough of the API for kubectl (discovery, tables, label, logs, rollout restart)
// and @kubernetes/client-node (lists with pagination, watches, patches) — see README in this folder's index.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults';
import { PodLogs } from './logs';
import { apiGroupList, apiResourceList, apiVersions, findResource, VERSION_INFO } from './resources';
import { matcher, serveCreate, serveDelete, serveGet, serveList, serveLog, servePatch, serveUpdate, type ResourceRequest } from './rest';
import { sendJson, sendStatus } from './status';
import { ObjectStore, StoreError, type KubeObject } from './store';
import { serveWatch } from './watch';
import './pod-table';

export interface KubeApiOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interval of BOOKMARK events on watches that allow them; 0 (default) sends none. */
  bookmarkMs?: number;
}

/** One request as the server saw it, for tests asserting what a client sent. */
export interface SeenRequest {
  method: string;
  path: string;
  query: string;
  contentType?: string;
  accept?: string;
  /** The Authorization header, to check what credentials a client sent. */
  authorization?: string;
}

export interface KubeApiServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly store: ObjectStore;
  readonly logs: PodLogs;
  readonly faults: Faults;
  /** Every request received, oldest first. */
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startKubeApi(options: KubeApiOptions = {}): Promise<KubeApiServer> {
  const store = new ObjectStore();
  const logs = new PodLogs();
  const faults = new Faults();
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof StoreError) sendStatus(res, e.code, e.message, e.reason);
      else if (!res.headersSent) sendStatus(res, 500, String((e as Error)?.message ?? e));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const watch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    requests.push({ method: req.method ?? 'GET', path, query: url.search, contentType: req.headers['content-type'], accept: req.headers.accept, authorization: req.headers.authorization });
    const body = await readBody(req);

    const fault = faults.take({ method: req.method ?? 'GET', path, watch });
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.status) return sendStatus(res, fault.status);
    if (fault?.malformed) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end('{"kind": "PodList", "items": [ {"metadata": ');
    }

    const discovery = discover(path, `127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (discovery !== undefined) return sendJson(res, 200, discovery);
    if (/^\/(healthz|livez|readyz)$/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return void res.end('ok');
    }
    const r = route(path, url.searchParams, req.headers.accept);
    if (!r) return sendStatus(res, 404, `the server could not find the requested resource`);

    const method = req.method ?? 'GET';
    const json = () => parseJson(body);
    if (r.subresource === 'log' && r.resource.kind === 'Pod' && method === 'GET') return serveLog(req, res, store, logs, r, (c) => faults.trackWatch(c));
    if (r.subresource) return sendStatus(res, 404, `the server could not find the requested resource`);
    if (method === 'GET' && !r.name && watch) {
      return serveWatch(res, store, faults, {
        resource: r.resource, namespace: r.namespace, matches: matcher(r.query),
        resourceVersion: r.query.get('resourceVersion'), bookmarks: r.query.get('allowWatchBookmarks') === 'true',
        timeoutSeconds: Number(r.query.get('timeoutSeconds') ?? 0) || undefined,
      }, options.bookmarkMs ?? 0);
    }
    if (method === 'GET' && !r.name) return serveList(res, store, r);
    if (method === 'GET') return serveGet(res, store, r);
    if (method === 'POST' && !r.name) return serveCreate(res, store, r, json() as KubeObject);
    if (method === 'PUT' && r.name) return serveUpdate(res, store, r, json() as KubeObject);
    if (method === 'PATCH' && r.name) return servePatch(res, store, r, req.headers['content-type'] ?? '', json());
    if (method === 'DELETE' && r.name) return serveDelete(res, store, r);
    sendStatus(res, 405, `the server does not allow this method on the requested resource`);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, store, logs, faults, requests,
    close: () => new Promise<void>((resolve) => {
      faults.dropWatches();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function discover(path: string, address: string): unknown {
  if (path === '/version') return VERSION_INFO;
  if (path === '/api') return apiVersions(address);
  if (path === '/apis') return apiGroupList();
  if (path === '/api/v1') return apiResourceList('', 'v1');
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  return m ? apiResourceList(m[1]!, m[2]!) : undefined;
}

/** Resolves `/api/v1/...` and `/apis/G/V/...` to a resource, namespace, name and subresource. */
function route(path: string, query: URLSearchParams, accept: string | undefined): ResourceRequest | undefined {
  const m = /^\/api\/(v1)\/(.+)$/.exec(path) ?? /^\/apis\/([^/]+\/[^/]+)\/(.+)$/.exec(path);
  if (!m) return undefined;
  const [group, version] = m[1]!.includes('/') ? m[1]!.split('/') as [string, string] : ['', m[1]!];
  const seg = m[2]!.split('/').map(decodeURIComponent);
  // namespaces/NS/PLURAL[/NAME[/SUB]] addresses namespaced objects; anything else is PLURAL[/NAME[/SUB]].
  if (seg[0] === 'namespaces' && seg.length >= 3) {
    const nsd = findResource(group, version, seg[2]!);
    if (nsd?.namespaced) return { resource: nsd, namespace: seg[1], name: seg[3], subresource: seg[4], query, accept };
  }
  const resource = findResource(group, version, seg[0]!);
  if (!resource || seg.length > 3) return undefined;
  return { resource, name: seg[1], subresource: seg[2], query, accept };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StoreError(400, 'BadRequest', `the request body is not valid JSON`);
  }
}
