/**
 * `npm run bench`: performance figures, each a ratio measured in this one run (so machine speed cancels out).
 * P1 inject/floor: injecting a 1,000-workload manifest (istioctl output) against the unavoidable floor of parsing the
 * input with `yaml` and stringifying the injected result with `yaml`. Medians of 7 runs after a warm-up.
 */
import { parseAllDocuments, stringify } from 'yaml';
import { builtinSettings } from '../../core/src/config/sources';
import { createInjector } from '../../core/src/inject';
import { printIstioctlBody } from '../../core/src/output/istioctl';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { p2 } from './p2';
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

async function main(): Promise<void> {
  console.log(p1());
  console.log(printing());
  for (const line of await p2()) console.log(line);
}

void main();
