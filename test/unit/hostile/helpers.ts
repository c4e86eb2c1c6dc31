/** Shared by the hostile-input tests: a timed call and a tiny Pod to inject. */
import assert from 'node:assert/strict';

/**
 * The time bound of one hostile call. Idle, each takes at most about 0.15 s (0.8 s for a cold first call); the bound
 * leaves room for a 2-core machine shared with other test processes.
 */
export const BOUND_MS = 2000;

export const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

/** Runs `run`, asserts it took under `limitMs`, and returns its value. */
export function within<T>(limitMs: number, run: () => T): T {
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  assert.ok(ms < limitMs, `took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  return value;
}

/** The message of the Error `run` throws (it must throw one). */
export function thrown(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${String(e)}`);
    return e.message;
  }
  assert.fail('expected an error');
}
