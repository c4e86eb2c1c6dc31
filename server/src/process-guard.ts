/**
 * The last line of defence of the server process. Handlers are guarded one by one (see `guarded` in server.ts), but
 * an exception thrown from a timer or a promise nobody awaits would end the process, and every open file would lose
 * its diagnostics until the client restarts it. Such a failure is logged and the server carries on; only repeated
 * failures, the sign of a broken state, end the process (exit code 1) so that the client starts a fresh one.
 */

/** Failures within WINDOW_MS that end the process. */
const MAX_FAILURES = 5;
const WINDOW_MS = 60_000;

/** Logs uncaught exceptions and unhandled rejections instead of dying, up to MAX_FAILURES a minute. */
export function keepProcessAlive(log: (message: string) => void, exit: (code: number) => void = (code) => process.exit(code)): void {
  const recent: number[] = [];
  const failed = (kind: string) => (e: unknown): void => {
    log(`${kind}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const now = Date.now();
    recent.push(now);
    while (recent[0]! <= now - WINDOW_MS) recent.shift();
    if (recent.length >= MAX_FAILURES) {
      log(`${recent.length} failures within a minute: exiting so that the client starts a fresh server`);
      exit(1);
    }
  };
  process.on('uncaughtException', failed('uncaught exception'));
  process.on('unhandledRejection', failed('unhandled rejection'));
}
