/**
 * Faults on demand, for the crash tests only (test/lsp/faults.test.ts). ISTIO_INJECT_TEST_FAULT="<what>[:<how>],…"
 * makes the guarded handler named <what> ('hover', 'completion', 'preview', …) fail each time it runs: `throw` (the
 * default) inside the handler, `uncaught` as an exception thrown on a later tick, `rejection` as a promise rejection
 * nobody handles. Unset, as it always is outside those tests, it costs one environment read per request.
 */
export const TEST_FAULT_VARIABLE = 'ISTIO_INJECT_TEST_FAULT';

export function injectTestFault(what: string): void {
  const spec = process.env[TEST_FAULT_VARIABLE];
  if (!spec) return;
  for (const item of spec.split(',')) {
    const [name, how = 'throw'] = item.split(':');
    if (name !== what) continue;
    const error = new Error(`test fault in ${what} (${TEST_FAULT_VARIABLE})`);
    if (how === 'uncaught') setImmediate(() => { throw error; });
    else if (how === 'rejection') void Promise.reject(error);
    else throw error;
  }
}
