// Raw REST calls through a kubeconfig: client-node supplies authentication (tokens, client certificates, exec
// plugins, proxies) via applyToHTTPSOptions; the body is parsed here with JSON.parse, which is several times faster
// than client-node's typed deserialisation on a 10,000-pod list and keeps timestamps as the API's strings.
import type { KubeConfig } from '@kubernetes/client-node';
import * as http from 'node:http';
import * as https from 'node:https';

/** An API answer that was not a success, or a request that got no answer. */
export class KubeError extends Error {
  /** HTTP status (0 when there was no answer: connection refused, timeout, malformed body). */
  readonly code: number;
  readonly reason: string;
  constructor(code: number, reason: string, message: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class KubeRest {
  private readonly kc: KubeConfig;

  constructor(kc: KubeConfig) {
    this.kc = kc;
  }

  /** Sends a request and resolves with the parsed JSON body; non-2xx answers reject with a KubeError. */
  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const text = await this.text(path, options);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new KubeError(0, 'MalformedResponse', `the API server sent a response that is not JSON (${path})`);
    }
  }

  /** Sends a request and resolves with the body as text. */
  async text(path: string, options: RequestOptions = {}): Promise<string> {
    let body = '';
    await this.open(path, options, (chunk) => (body += chunk), options.timeoutMs ?? DEFAULT_TIMEOUT_MS).done;
    return body;
  }

  /**
   * Opens a long-lived GET (a watch or a followed log): `onChunk` gets the body as it arrives. `started` resolves
   * once the response headers are in; `done` when the stream ends (rejecting on a non-2xx answer or a network error).
   */
  stream(path: string, onChunk: (text: string) => void): { started: Promise<void>; done: Promise<void>; abort: () => void } {
    return this.open(path, {}, onChunk, 0);
  }

  private open(path: string, options: RequestOptions, onChunk: (text: string) => void, timeoutMs: number): { started: Promise<void>; done: Promise<void>; abort: () => void } {
    let req: http.ClientRequest | undefined;
    let aborted = false;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const done = (async () => {
      const cluster = this.kc.getCurrentCluster();
      if (!cluster) throw new KubeError(0, 'NoContext', 'the kubeconfig has no current cluster');
      const url = new URL(cluster.server.replace(/\/+$/, '') + path);
      const opts: https.RequestOptions = { method: options.method ?? 'GET', headers: { Accept: 'application/json' } };
      await this.kc.applyToHTTPSOptions(opts);
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      if (payload !== undefined) opts.headers = { ...opts.headers, 'Content-Type': options.contentType ?? 'application/json' };
      if (aborted) return;
      await new Promise<void>((resolve, reject) => {
        const send = url.protocol === 'https:' ? https.request : http.request;
        req = send(url, opts, (res) => {
          res.setEncoding('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            let errText = '';
            res.on('data', (c: string) => (errText += c));
            res.on('end', () => reject(statusError(status, errText, path)));
            res.on('error', reject);
            return;
          }
          markStarted();
          res.on('data', onChunk);
          res.on('end', () => resolve());
          res.on('error', (e) => (aborted ? resolve() : reject(networkError(e))));
          res.on('aborted', () => (aborted ? resolve() : reject(new KubeError(0, 'ConnectionLost', 'the API server closed the connection'))));
        });
        req.on('error', (e) => (aborted ? resolve() : reject(networkError(e))));
        if (timeoutMs > 0) {
          req.setTimeout(timeoutMs, () => req?.destroy(new KubeError(0, 'Timeout', `the API server did not answer within ${Math.round(timeoutMs / 1000)}s`)));
        }
        req.end(payload);
      });
    })();
    // Nobody may be awaiting `started` or `done` when the request fails: neither may become an unhandled rejection.
    done.catch(() => undefined);
    const startedOrFailed = Promise.race([started, done]);
    startedOrFailed.catch(() => undefined);
    return {
      started: startedOrFailed,
      done,
      abort: () => {
        aborted = true;
        req?.destroy();
      },
    };
  }
}

function statusError(status: number, text: string, path: string): KubeError {
  try {
    const s = JSON.parse(text) as { message?: string; reason?: string };
    return new KubeError(status, s.reason ?? 'Unknown', s.message ?? `HTTP ${status}`);
  } catch {
    return new KubeError(status, 'Unknown', `HTTP ${status} for ${path}`);
  }
}

function networkError(e: Error): KubeError {
  if (e instanceof KubeError) return e;
  const code = (e as { code?: string }).code;
  return new KubeError(0, code ?? 'NetworkError', code === 'ECONNREFUSED' ? 'the API server refused the connection (is the cluster running?)' : e.message);
}
