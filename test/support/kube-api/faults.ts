// Fault injection for tests: make matching requests slow, fail with a status, answer with broken JSON, or cut open
// watch streams. Rules apply in the order added; each may be limited to a number of requests.

/** What a rule sees of a request. */
export interface FaultRequest {
  method: string;
  path: string;
  watch: boolean;
}

export interface FaultRule {
  /** Which requests: a path pattern or a predicate. Absent = all API requests (discovery included). */
  match?: RegExp | ((r: FaultRequest) => boolean);
  /** Wait this long before answering (or failing). */
  delayMs?: number;
  /** Answer with this HTTP status and a Kubernetes Status body (401, 403, 410, 500, 503 …). */
  status?: number;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Apply to this many matching requests, then retire (default: every one until cleared). */
  times?: number;
}

export class Faults {
  private rules: FaultRule[] = [];
  private readonly watchClosers = new Set<() => void>();

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const r = { ...rule };
    this.rules.push(r);
    return () => {
      this.rules = this.rules.filter((x) => x !== r);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /** Ends every open watch stream (the client sees the connection close, as on an API server restart). */
  dropWatches(): number {
    const n = this.watchClosers.size;
    for (const close of [...this.watchClosers]) close();
    return n;
  }

  /** The rule for this request, if any, consuming one of its `times`. */
  take(req: FaultRequest): FaultRule | undefined {
    for (const r of this.rules) {
      const hit = !r.match || (r.match instanceof RegExp ? r.match.test(req.path) : r.match(req));
      if (!hit) continue;
      if (r.times !== undefined) {
        r.times -= 1;
        if (r.times <= 0) this.rules = this.rules.filter((x) => x !== r);
      }
      return r;
    }
    return undefined;
  }

  /** @internal the server registers each open watch so that dropWatches can end it. */
  trackWatch(close: () => void): () => void {
    this.watchClosers.add(close);
    return () => this.watchClosers.delete(close);
  }

  get openWatches(): number {
    return this.watchClosers.size;
  }
}
