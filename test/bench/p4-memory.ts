/**
 * P4 memory: is the shipped server's memory flat over 10,000 edits? dist/server.js (started with --expose-gc, which
 * registers its memory probe) opens the 200-document (~10k-line) file, then takes 10,000 one-line edits, each writing
 * a number no earlier edit wrote into the replicas line of one of the documents in turn (new text every time, as when
 * typing). Every tenth edit waits for its diagnostics, as an editor's user would see them. Heap after a full GC and
 * RSS (VmRSS) are sampled every 1,000 edits; flat means at most 10% growth from 1,000 to 10,000 edits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MEMORY_REQUEST, type MemoryFigures } from '../../server/src/memory-probe';
import { startLspServer, type LspServer } from './lsp-client';
import { manifestOf } from './workloads';

const EDITS = 10_000;
const SAMPLE_EVERY = 1_000;
const AWAIT_EVERY = 10;
const FLAT = 0.10;

interface Sample {
  edits: number;
  heapMb: number;
  rssMb: number;
}

const mb = (bytes: number): number => bytes / (1024 * 1024);

async function sample(server: LspServer, edits: number): Promise<Sample> {
  await server.settle(300);
  const memory = await server.request<MemoryFigures>(MEMORY_REQUEST);
  return { edits, heapMb: mb(memory.heapUsed), rssMb: server.rssMb() };
}

async function run(server: LspServer): Promise<{ samples: Sample[]; lines: number; seconds: number }> {
  const text = manifestOf(200);
  const lines = text.split('\n');
  const replicas = lines.flatMap((l, i) => (l.startsWith('  replicas:') ? [i] : []));
  const opened = server.nextDiagnostics(1);
  server.open(text);
  await opened;
  const samples = [await sample(server, 0)];
  const started = performance.now();
  for (let k = 0; k < EDITS; k++) {
    const version = k + 2;
    // Documents in a stride, so consecutive edits touch different documents and every document is edited often.
    const line = replicas[(k * 7) % replicas.length]!;
    const next = `  replicas: ${10 + k}`;
    const published = (k + 1) % AWAIT_EVERY === 0 ? server.nextDiagnostics(version) : undefined;
    server.replaceLine(line, lines[line]!.length, next, version);
    lines[line] = next;
    if (published) await published;
    if ((k + 1) % SAMPLE_EVERY === 0) samples.push(await sample(server, k + 1));
  }
  return { samples, lines: lines.length, seconds: (performance.now() - started) / 1000 };
}

/** The P4 memory lines of `npm run bench`. */
export async function p4Memory(): Promise<string[]> {
  const ours = path.resolve(process.cwd(), 'dist/server.js');
  if (!existsSync(ours)) return [`P4 memory skipped: ${ours} is not built (run \`node esbuild.mjs\`)`];
  const server = await startLspServer(['--expose-gc', ours, '--stdio'], {});
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(server);
  } finally {
    await server.stop();
  }
  const { samples } = result;
  const at = (edits: number): Sample => samples.find((s) => s.edits === edits)!;
  const first = at(SAMPLE_EVERY);
  const last = at(EDITS);
  const growth = (a: number, b: number): string => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
  const heapGrowth = (last.heapMb - first.heapMb) / first.heapMb;
  const flat = heapGrowth <= FLAT;
  const peakRss = Math.max(...samples.map((s) => s.rssMb));
  const half = at(EDITS / 2);
  return [
    `P4 memory over ${EDITS.toLocaleString('en')} edits = ${growth(first.heapMb, last.heapMb)} heap after GC, ${growth(first.rssMb, last.rssMb)} RSS from 1,000 to 10,000 edits: ${flat ? 'flat' : 'NOT flat'} (target ≤ +${FLAT * 100}%; heapUsed ${first.heapMb.toFixed(1)} → ${last.heapMb.toFixed(1)} MB, VmRSS ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB, peak RSS ${peakRss.toFixed(0)} MB; ${growth(half.heapMb, last.heapMb)} heap over the last 5,000 edits; dist/server.js --expose-gc, ${result.lines}-line file of 200 documents, one-line edits, diagnostics awaited every ${AWAIT_EVERY}, ${result.seconds.toFixed(0)} s)`,
    `P4 memory samples (edits: heap after GC MB / VmRSS MB): ${samples.map((s) => `${s.edits}: ${s.heapMb.toFixed(1)}/${s.rssMb.toFixed(0)}`).join(', ')}`,
  ];
}

if (require.main === module) {
  void p4Memory().then((lines) => { for (const line of lines) console.log(line); });
}
