/**
 * `npm run bench`: performance figures, each a ratio measured in this one run (so machine speed cancels out). Every
 * section prints its lines as it finishes; one table of all the figures closes the run.
 * P1 inject/floor: injecting a 1,000-workload manifest (istioctl output) against the unavoidable floor of parsing the
 * input with `yaml` and stringifying the injected result with `yaml`. Medians of 7 runs after a warm-up.
 */
import { cpus, loadavg } from 'node:os';
import { parseAllDocuments, stringify } from 'yaml';
import { builtinSettings } from '../../core/src/config/sources';
import { createInjector } from '../../core/src/inject';
import { printIstioctlBody } from '../../core/src/output/istioctl';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { p2 } from './p2';
import { p3 } from './p3';
import { p4Activation } from './p4-activation';
import { p4Memory } from './p4-memory';
import { manifestOf } from './workloads';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs = 7): number {
  fn(); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

function p1(): string {
  const input = manifestOf(1000);
  const injector = createInjector(builtinSettings());
  const report = injectManifest(input, injector);
  if (report.istioctl === undefined) throw new Error(`bench input failed: ${report.errors[0]}`);
  const injectedObjects = report.documents.map((d) => d.result);
  const inject = time(() => { injectManifest(input, injector); });
  const floor = time(() => {
    parseAllDocuments(input).map((d) => d.toJS());
    for (const o of injectedObjects) stringify(o);
  });
  return `P1 inject/floor = ${(inject / floor).toFixed(2)}×  (inject ${inject.toFixed(0)} ms, floor ${floor.toFixed(0)} ms, 1,000 workloads, target ≤ 1.5)`;
}

/** Printing alone: istioctl's typed YAML of 1,000 injected workloads against `yaml`'s stringify of the same objects. */
function printing(): string {
  const report = injectManifest(manifestOf(1000), createInjector(builtinSettings()));
  const objects = report.documents.flatMap((d) => (d.result ? [d.result] : []));
  const print = time(() => { for (const o of objects) printIstioctlBody(o); });
  const floor = time(() => { for (const o of objects) stringify(o); });
  return `print/stringify = ${(print / floor).toFixed(2)}×  (printIstioctl ${print.toFixed(0)} ms, yaml.stringify ${floor.toFixed(0)} ms, 1,000 injected workloads)`;
}

/** One row of the closing table: a line `NAME = VALUE  (details…, target ≤ N…)` of any section. */
interface Row { figure: string; value: string; target: string }

function rowOf(line: string): Row | undefined {
  const m = /^(P\d[^=]*?|print\/stringify) = (.+?)(?:\s\s\(|\s\(|$)/.exec(line);
  if (!m || /samples|detail/.test(m[1])) return undefined;
  const target = /target ≤ \+?([\d.]+%?)/.exec(line)?.[1];
  return { figure: m[1].trim(), value: m[2].trim(), target: target ? `≤ ${target}` : '—' };
}

async function main(): Promise<void> {
  const sections: [string, () => string[] | Promise<string[]>][] = [
    ['P1', () => [p1(), printing()]],
    ['P2', p2],
    ['P3', p3],
    ['P4 memory', p4Memory],
    ['P4 activation', p4Activation],
  ];
  const rows: Row[] = [];
  for (const [name, run] of sections) {
    let lines: string[];
    try {
      lines = await run();
    } catch (err) {
      lines = [`${name}: NOT MEASURED: ${err instanceof Error ? err.message : String(err)}`];
    }
    for (const line of lines) {
      console.log(line);
      const row = rowOf(line);
      if (row) rows.push(row);
      else if (/NOT MEASURED|skipped/.test(line)) rows.push({ figure: name, value: line, target: '—' });
    }
  }
  console.log(`\nAll figures of this run (${new Date().toISOString()}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}):\n`);
  console.log('| figure | measured | target |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.target} |`);
}

void main();
