/**
 * P2 and P4: a one-line edit in one document of a 200-document (~10k-line) file, over LSP, against spawned servers.
 * Latency = from sending the incremental didChange to receiving its publishDiagnostics. Our server publishes the
 * version, and for a one-document edit publishes it twice: first with the edited document's quick findings (no
 * injection run), then with the full ones; both are timed. yaml-language-server publishes without a version, once per
 * validation (after its fixed 200 ms delay), so edits are sent one at a time and each waits for the next publish.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { splitYamlStream } from '../../core/src/manifest/split';
import { startLspServer, type LspServer } from './lsp-client';
import { manifestOf } from './workloads';

const EDITS = 21;
const WARMUP = 30;
const EDITED_DOC = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface EditTarget {
  text: string;
  /** 0-based line of the edited document's `replicas:` line. */
  line: number;
  oldLine: string;
  lineText(k: number): string;
}

/**
 * The edited document's first line starting with `prefix`, rewritten by `lineText`. Every edit writes a new text the
 * server has never analysed (no cache hit), as when typing.
 */
export function editTarget(
  prefix = '  replicas:', lineText = (k: number): string => `  replicas: ${1000 + k}`, text = manifestOf(200),
): EditTarget {
  const lines = text.split('\n');
  const chunk = splitYamlStream(text).chunks[EDITED_DOC];
  const first = chunk.line - 1;
  const offset = lines.slice(first).findIndex((l) => l.startsWith(prefix));
  return { text, line: first + offset, oldLine: lines[first + offset], lineText };
}

/**
 * An edit inside the pod template (a container's name, which the sidecar template reads): the injection's input
 * changes, so the templates render again. The replicas edit above leaves the pod as it was, and the injector reuses
 * the injected pod.
 */
export function podTemplateTarget(): EditTarget {
  return editTarget('        - name: app', (k) => `        - name: app-${k}`);
}

/**
 * The replicas edit in a file where every document has two findings (a pod annotation on the Deployment's own
 * metadata: misplaced and deprecated), as files being worked on often do: each publish then carries 400 diagnostics
 * with their fixes, and its serialisation and transfer show. The main file has none.
 */
export function findingsTarget(): EditTarget {
  const text = manifestOf(200).replace(/^metadata:\n {2}name: /gm, 'metadata:\n  annotations:\n    sidecar.istio.io/inject: "true"\n  name: ');
  return editTarget(undefined, undefined, text);
}

export interface Latency {
  /** Median ms to the first publish for the edit's version, and to the last (full) one. */
  first: number;
  full: number;
  /** Publishes per edit (the most seen). */
  perEdit: number;
  rssMb: number;
  samples: number;
}

async function measure(server: LspServer, target: EditTarget, versioned: boolean, edits = EDITS): Promise<Latency> {
  const opened = server.nextDiagnostics(versioned ? 1 : undefined);
  server.open(target.text);
  await opened;
  await server.settle(400);
  let previous = target.oldLine;
  const first: number[] = [];
  const full: number[] = [];
  let perEdit = 1;
  for (let k = 0; k < WARMUP + edits; k++) {
    const version = k + 2;
    const next = target.lineText(k);
    const published = versioned ? undefined : server.nextDiagnostics();
    const t0 = Number(process.hrtime.bigint()) / 1e6;
    server.replaceLine(target.line, previous.length, next, version);
    // Two publishes at most; a lone one is final once 300 ms passed without another.
    const times = published ? [(await published, Number(process.hrtime.bigint()) / 1e6)] : await server.publishTimes(version, 2, 300);
    perEdit = Math.max(perEdit, times.length);
    if (k >= WARMUP) {
      first.push(times[0] - t0);
      full.push(times[times.length - 1] - t0);
    }
    previous = next;
  }
  return { first: median(first), full: median(full), perEdit, rssMb: server.rssMb(), samples: first.length };
}

/** yaml's parseDocument of the edited document's text (the one YAML document, after the last edit). */
export function parseFloor(target: EditTarget): number {
  const edited = target.text.split('\n');
  edited[target.line] = target.lineText(WARMUP + EDITS - 1);
  const docText = splitYamlStream(edited.join('\n')).chunks[EDITED_DOC].text;
  const reps = 50;
  const samples: number[] = [];
  for (let i = 0; i < 31; i++) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) parseDocument(docText);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6 / reps);
  }
  return median(samples.slice(5));
}

export async function run(
  args: string[], settings: Record<string, unknown>, target: EditTarget, versioned: boolean, edits = EDITS,
): Promise<Latency> {
  const server = await startLspServer(args, settings);
  try {
    return await measure(server, target, versioned, edits);
  } finally {
    await server.stop();
  }
}

function podTemplateLine(inPod: Latency, floor: number): string {
  const ratio = (ms: number): string => `${(ms / floor).toFixed(1)}×`;
  return `P2 edit inside the pod template / parse(edited doc) = ${ratio(inPod.first)} first, ${ratio(inPod.full)} full  (a container's name: the injection runs again; ${inPod.first.toFixed(2)} / ${inPod.full.toFixed(2)} ms, median of ${inPod.samples} edits, dist/server.js)`;
}

/**
 * Server builds under the same edit, alternated (`rounds` times each, `edits` edits per run), for before/after
 * comparisons on a busy machine, where figures drift between runs: one line per run. For example
 * `node --import tsx -e "require('./test/bench/p2').compareServers(['/tmp/before.js', 'dist/server.js']).then((l) => console.log(l.join('\n')))"`.
 */
export async function compareServers(servers: string[], rounds = 3, edits = 150, target = editTarget()): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const server of servers) {
      const l = await run([server, '--stdio'], {}, target, true, edits);
      const floor = parseFloor(target);
      out.push(`${i} ${server}: first ${l.first.toFixed(3)} ms (${(l.first / floor).toFixed(2)}×), full ${l.full.toFixed(3)} ms (${(l.full / floor).toFixed(2)}×), parse ${floor.toFixed(3)} ms`);
    }
  }
  return out;
}

export async function p2(): Promise<string[]> {
  const root = process.cwd();
  const ours = path.resolve(root, 'dist/server.js');
  const yls = path.resolve(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (!existsSync(ours)) return [`P2 skipped: ${ours} is not built (run \`node esbuild.mjs\`)`];
  const target = editTarget();
  const lines = target.text.split('\n').length;
  const shipped = await run([ours, '--stdio'], {}, target, true);
  const noDebounce = await run([path.resolve(__dirname, 'server-no-debounce.js'), '--stdio'], {}, target, true);
  const inPod = await run([ours, '--stdio'], {}, podTemplateTarget(), true);
  const withFindings = findingsTarget();
  const busy = await run([ours, '--stdio'], {}, withFindings, true);
  const busyFloor = parseFloor(withFindings);
  const floor = parseFloor(target);
  const ratio = (ms: number): string => `${(ms / floor).toFixed(1)}×`;
  const phases = shipped.perEdit > 1
    ? 'first publish: quick findings of the edited document, no injection run, the edit inside one scalar reread from the previous parse'
    : 'single publish: full findings';
  const out = [
    `P2 edit→diagnostics / parse(edited doc) = ${ratio(shipped.first)}  (${phases}; edit→publish ${shipped.first.toFixed(2)} ms, yaml parseDocument of the edited document ${floor.toFixed(3)} ms; median of ${shipped.samples} edits, 200 documents, ${lines} lines, dist/server.js as shipped, target ≤ 3)`,
    `P2 edit→full diagnostics / parse(edited doc) = ${ratio(shipped.full)}  (${shipped.perEdit > 1 ? 'second publish, same version' : 'the same single publish'}: every finding incl. the injection's, from a fresh parse; edit→publish ${shipped.full.toFixed(2)} ms)`,
    podTemplateLine(inPod, floor),
    `P2 with 2 findings in every document / parse(edited doc) = ${(busy.first / busyFloor).toFixed(1)}× first, ${(busy.full / busyFloor).toFixed(1)}× full  (the same edit, 400 diagnostics with their fixes in each publish; ${busy.first.toFixed(2)} / ${busy.full.toFixed(2)} ms, median of ${busy.samples} edits, dist/server.js)`,
    `P2 with debounceMs: 0 / parse(edited doc) = ${ratio(noDebounce.first)} first, ${ratio(noDebounce.full)} full  (${noDebounce.first.toFixed(2)} / ${noDebounce.full.toFixed(2)} ms; the same server code started with debounceMs: 0, which dist/server.js has no setting for; a one-document edit does not wait for the debounce, so this matches the shipped figures)`,
  ];
  if (!existsSync(yls)) {
    out.push(`P2 vs yaml-language-server skipped: ${yls} is not installed (npm install)`);
  } else {
    const yamlSettings = { yaml: { validate: true, schemaStore: { enable: false }, schemas: {} }, '[yaml]': {}, http: {}, editor: {} };
    const theirs = await run([yls, '--stdio'], yamlSettings, target, false);
    out.push(`P2 vs yaml-language-server = ${(shipped.full / theirs.full).toFixed(3)}×  (our full publish ${shipped.full.toFixed(1)} ms, first ${shipped.first.toFixed(1)} ms; yaml-language-server 1.25 ${theirs.full.toFixed(1)} ms incl. its fixed 200 ms validation delay, median of ${theirs.samples} edits, target ≤ 0.5)`);
  }
  out.push(`P4 server RSS = ${shipped.rssMb.toFixed(0)} MB  (dist/server.js with the ${lines}-line file open, after ${WARMUP + EDITS} edits, target ≤ 150)`);
  return out;
}


