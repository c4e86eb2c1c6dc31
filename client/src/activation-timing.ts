/**
 * The extension's own activation clock, logged to the "Istio Inject" output channel so a benchmark can cross-check
 * VS Code's figures. extension.ts imports this module first, so its body runs before any other module of the bundle
 * is evaluated (V8 has parsed the file by then), and marks the end from its own module body, which runs last.
 */

const bundleStarted = performance.now();
let bundleEvaluated = bundleStarted;

/** Called by extension.ts's module body: every module it imports has been evaluated. */
export function markBundleEvaluated(): void {
  bundleEvaluated = performance.now();
}

/** Epoch milliseconds of a performance.now() reading (the clock VS Code's own performance marks use). */
function epoch(now: number): number {
  return Math.round(performance.timeOrigin + now);
}

const ms = (from: number, to: number): string => (to - from).toFixed(1);

export interface ActivationClock {
  /** The line logged when activate() returns: bundle evaluation, VS Code's gap before activate(), activate(). */
  activated(): string;
  /** The line logged when the (deferred) language client has been made. */
  clientMade(started: number): string;
  /** The line logged when the language server is running, measured from activate()'s return. */
  serverRunning(): string;
}

/** Starts the clock of one activate() call. */
export function startActivationClock(): ActivationClock {
  const called = performance.now();
  let returned = called;
  return {
    activated: () => {
      returned = performance.now();
      return `activation: bundle evaluated in ${ms(bundleStarted, bundleEvaluated)} ms, activate() called `
        + `${ms(bundleEvaluated, called)} ms later and returned in ${ms(called, returned)} ms `
        + `(bundle start ${epoch(bundleStarted)}, return ${epoch(returned)} epoch ms)`;
    },
    clientMade: (started) => `language client made in ${ms(started, performance.now())} ms (its library evaluated on first use), `
      + `${ms(returned, started)} ms after activate() returned`,
    serverRunning: () => `language server running ${ms(returned, performance.now())} ms after activate() returned`,
  };
}
