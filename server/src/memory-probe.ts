/**
 * istioInject/test/memory: the server's memory after a full garbage collection, for the memory benchmark
 * (test/bench/p4-memory.ts). Registered only when the process runs with --expose-gc, which no editor does.
 */
import type { Connection } from 'vscode-languageserver';

export const MEMORY_REQUEST = 'istioInject/test/memory';

/** Bytes, as process.memoryUsage() reports them after the collection. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export function registerMemoryProbe(connection: Connection): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return;
  connection.onRequest(MEMORY_REQUEST, (): MemoryFigures => {
    gc();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    return { rss, heapUsed, heapTotal, external };
  });
}
