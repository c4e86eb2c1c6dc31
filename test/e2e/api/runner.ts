/**
 * A minimal test runner for the extension host, where node:test cannot run (it wants a process of its own): cases
 * run one after another with a timeout each, and the outcome is returned for the caller to report.
 */

export interface ApiCase {
  name: string;
  run(): Promise<void>;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function runCases(cases: readonly ApiCase[], timeoutMs = 60_000): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const started = Date.now();
    try {
      await withTimeout(c.run(), timeoutMs, `${c.name}: timed out after ${timeoutMs} ms`);
      results.push({ name: c.name, ok: true, ms: Date.now() - started });
    } catch (e) {
      results.push({ name: c.name, ok: false, ms: Date.now() - started, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  return results;
}

/** Polls `probe` until it returns a value other than undefined, or fails with `message` after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, message: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
