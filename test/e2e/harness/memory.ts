/**
 * Peak memory of a group of processes, sampled from /proc (Linux only; elsewhere it reports 0): code-server's
 * process group by RSS, and Chromium (whose processes share many pages) by PSS, the share each process really uses.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

export interface MemorySampler {
  /** Highest total seen so far, in MB (0 when /proc is unavailable). */
  peakMb(): number;
  stop(): void;
}

/** RSS summed over the processes of a process group. */
export function sampleGroupRss(pgid: number, everyMs = 500): MemorySampler {
  return sample(() => sumOver((pid) => {
    const fields = statFields(pid);
    return Number(fields[2]) === pgid ? Number(fields[21]) * PAGE_KB : 0; // pgrp, rss (pages)
  }), everyMs);
}

/** PSS summed over the processes whose command line contains `marker` (e.g. a browser profile folder). */
export function sampleCommandPss(marker: string, everyMs = 1000): MemorySampler {
  return sample(() => sumOver((pid) => {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) return 0;
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return pss ? Number(pss[1]) : 0;
  }), everyMs);
}

function sample(totalKb: () => number, everyMs: number): MemorySampler {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, totalKb() / 1024);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { peakMb: () => Math.round(peak), stop: () => clearInterval(timer) };
}

function sumOver(kbOf: (pid: string) => number): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      total += kbOf(pid);
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return total;
}

/** /proc/<pid>/stat's fields after the command name: [0] state, [1] ppid, [2] pgrp, … [21] rss. */
export function statFields(pid: string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
