/** The processes of a code-server session, read from /proc (Linux only): e.g. the language server's, to kill it. */
import { readdirSync, readFileSync } from 'node:fs';
import { statFields } from './memory';

/** Pids in process group `pgid` whose command line holds every one of `parts`. */
export function processesOf(pgid: number, ...parts: string[]): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (Number(statFields(name)[2]) !== pgid) continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (parts.every((p) => cmdline.includes(p))) out.push(Number(name));
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return out;
}
