/** Peak resident memory of a process group, sampled from /proc (Linux only; elsewhere it reports nothing). */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

export interface MemorySampler {
  /** Highest sum of RSS over the group's processes seen so far, in MB (0 when /proc is unavailable). */
  peakMb(): number;
  stop(): void;
}

export function sampleGroupMemory(pgid: number, everyMs = 500): MemorySampler {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, groupRssKb(pgid) / 1024);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return { peakMb: () => Math.round(peak), stop: () => clearInterval(timer) };
}

function groupRssKb(pgid: number): number {
  let total = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp ... ; rss is field 24 overall.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) total += Number(fields[21]) * PAGE_KB;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}
